package io.github.zonewise.interconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InterconnectTest {

  @Test
  void autoPeersOnePeerTwoVpcsInAll() {
    assertThat(Interconnect.auto().resolve(1)).isEqualTo(Interconnect.peering());
  }

  @Test
  void autoUsesATransitGatewayForTwoOrMorePeers() {
    assertThat(Interconnect.auto().resolve(2)).isEqualTo(Interconnect.transitGateway());
    assertThat(Interconnect.auto().resolve(5)).isEqualTo(Interconnect.transitGateway());
  }

  @Test
  void anExplicitModeStaysWhateverThePeerCount() {
    assertThat(Interconnect.peering().resolve(3)).isEqualTo(Interconnect.peering());
    assertThat(Interconnect.transitGateway().resolve(1)).isEqualTo(Interconnect.transitGateway());
  }

  @Test
  void noPeerIsNoInterconnect() {
    assertThatThrownBy(() -> Interconnect.auto().resolve(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an interconnect needs at least one peer VPC, not 0");
  }

  @Test
  void modesAreReadByTheirLandscapeNames() {
    assertThat(Interconnect.NAMES).allSatisfy(name -> assertThat(Interconnect.of(name).orElseThrow().name())
        .isEqualTo(name));
    assertThat(Interconnect.of("mesh")).isEmpty();
  }
}
