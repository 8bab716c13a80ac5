package io.github.zonewise.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which IPv4 blocks are public on the internet (IANA's special-purpose registry), as the public endpoint's CIDRs need. */
class CidrTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "10.1.0.0/16 | is in the private range 10.0.0.0/8 (RFC 1918)",
      "172.31.0.0/16 | is in the private range 172.16.0.0/12 (RFC 1918)",
      "192.168.1.0/24 | is in the private range 192.168.0.0/16 (RFC 1918)",
      "100.64.0.0/10 | is in the shared address space of carrier-grade NAT 100.64.0.0/10 (RFC 6598)",
      "127.0.0.1/32 | is in the loopback range 127.0.0.0/8 (RFC 1122)",
      "169.254.169.254/32 | is in the link-local range 169.254.0.0/16 (RFC 3927)",
      "0.0.0.0/8 | is in the 'this network' range 0.0.0.0/8 (RFC 791)",
      "224.0.0.0/4 | is in the multicast range 224.0.0.0/4 (RFC 5771)",
      "255.255.255.255/32 | is in the reserved range 240.0.0.0/4 (RFC 1112)",
      "8.0.0.0/6 | includes the private range 10.0.0.0/8 (RFC 1918)",
      "0.0.0.0/1 | includes the 'this network' range 0.0.0.0/8 (RFC 791)"})
  void aBlockThatIsNotPublicSaysWhichRange(String cidr, String why) {
    assertThat(Cidr.parse(cidr).orElseThrow().notPublic()).contains(why);
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.0/24", "52.94.0.0/16", "172.32.0.0/16", "100.128.0.0/16", "203.0.113.0/24",
      "198.51.100.7/32", "11.0.0.0/8"})
  void aPublicBlockIsPublic(String cidr) {
    assertThat(Cidr.parse(cidr).orElseThrow().notPublic()).isEmpty();
  }
}
