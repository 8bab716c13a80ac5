package io.github.zonewise.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestKeyTest {

  @Test
  void aTypoSuggestsTheKeyWithinAFewEdits() {
    assertThat(LandscapeReader.nearest("netwrok", List.of("name", "network", "nodePools"))).isEqualTo("network");
  }

  @Test
  void aTruncatedNameSuggestsTheKeyItStarts() {
    assertThat(LandscapeReader.nearest("transit", List.of("auto", "peering", "transitGateway"))).isEqualTo("transitGateway");
  }

  @Test
  void anExtendedNameSuggestsTheKeyItContinues() {
    assertThat(LandscapeReader.nearest("cidrBlockRange", List.of("cidr", "nat"))).isEqualTo("cidr");
  }

  @Test
  void somethingUnrelatedSuggestsNothing() {
    assertThat(LandscapeReader.nearest("zzzzzz", List.of("cidr", "nat", "gatewayEndpoints"))).isNull();
  }
}
