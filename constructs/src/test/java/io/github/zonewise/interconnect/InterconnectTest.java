package io.github.zonewise.interconnect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InterconnectTest {

  @Test
  void theTwoModesAreConcrete() {
    assertThat(Interconnect.peering().isTransitGateway()).isFalse();
    assertThat(Interconnect.transitGateway().isTransitGateway()).isTrue();
    assertThat(Interconnect.peering()).isEqualTo(Interconnect.peering()).isNotEqualTo(Interconnect.transitGateway());
  }
}
