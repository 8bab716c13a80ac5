package io.github.zonewise.spec;

import io.github.zonewise.facts.Names;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestKeyTest {

  @Test
  void aTypoSuggestsTheKeyWithinAFewEdits() {
    assertThat(Names.nearest("netwrok", List.of("name", "network", "nodePools"))).isEqualTo("network");
  }

  @Test
  void aTruncatedNameSuggestsTheKeyItStarts() {
    assertThat(Names.nearest("transit", List.of("auto", "peering", "transitGateway"))).isEqualTo("transitGateway");
  }

  @Test
  void anExtendedNameSuggestsTheKeyItContinues() {
    assertThat(Names.nearest("cidrBlockRange", List.of("cidr", "nat"))).isEqualTo("cidr");
  }

  @Test
  void somethingUnrelatedSuggestsNothing() {
    assertThat(Names.nearest("zzzzzz", List.of("cidr", "nat", "gatewayEndpoints"))).isNull();
  }
}
