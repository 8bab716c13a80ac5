package io.github.zonewise.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterEndpointTest {

  @Test
  void restrictedPublicEndpointNeedsACidr() {
    assertThatThrownBy(() -> ClusterEndpoint.privateAndRestrictedPublic(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("privateAndRestrictedPublic needs at least one public CIDR; use privateOnly() for no public endpoint");
  }

  @Test
  void privateEndpointHasNoPublicEndpoint() {
    assertThat(ClusterEndpoint.privateOnly().hasPublicEndpoint()).isFalse();
    assertThat(ClusterEndpoint.privateOnly().publicCidrs()).isEmpty();
  }
}
