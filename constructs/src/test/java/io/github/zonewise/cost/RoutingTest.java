package io.github.zonewise.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The documented cross-AZ shares of each routing mode, for a service spread over N zones. */
class RoutingTest {

  @Test
  void clusterWideRoutingSendsNMinusOneOverNAcrossAzs() {
    assertThat(Routing.CLUSTER.crossAzShare(3, 6, 3)).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(Routing.CLUSTER.crossAzShare(2, 4, 2)).isCloseTo(0.5, within(1e-12));
    // endpoints in fewer zones change nothing: k/N · (k−1)/k + (N−k)/N = (N−1)/N
    assertThat(Routing.CLUSTER.crossAzShare(3, 2, 2)).isCloseTo(2 / 3.0, within(1e-12));
  }

  @Test
  void topologyAwareRoutingKeepsBytesInTheZoneWhenEveryZoneHasItsShareOfEndpoints() {
    assertThat(Routing.TOPOLOGY_AWARE.crossAzShare(3, 6, 3)).isZero();
    assertThat(Routing.TOPOLOGY_AWARE.crossAzShare(3, 3, 3)).isZero();
    // 7 over 3: floor(7/3) = 2 ≥ (7/3)/1.2 = 1.94
    assertThat(Routing.TOPOLOGY_AWARE.crossAzShare(3, 7, 3)).isZero();
  }

  @Test
  void topologyAwareRoutingFallsBackToClusterWideWhenHintsAreNotSet() {
    // 4 over 3: floor(4/3) = 1 < (4/3)/1.2 = 1.11: outside the 20% overload threshold
    assertThat(Routing.TOPOLOGY_AWARE.crossAzShare(3, 4, 3)).isCloseTo(2 / 3.0, within(1e-12));
    // 2 over 3: a zone without an endpoint
    assertThat(Routing.TOPOLOGY_AWARE.crossAzShare(3, 2, 2)).isCloseTo(2 / 3.0, within(1e-12));
  }

  @Test
  void preferSameZoneAndSameNodeSendOnlyCallersOfZonesWithoutAnEndpointAcross() {
    assertThat(Routing.PREFER_SAME_ZONE.crossAzShare(3, 6, 3)).isZero();
    assertThat(Routing.PREFER_SAME_ZONE.crossAzShare(3, 2, 2)).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(Routing.PREFER_SAME_NODE.crossAzShare(3, 1, 1)).isCloseTo(2 / 3.0, within(1e-12));
    // 4 replicas over 3 zones: every zone has one, unlike hints there is no balance threshold
    assertThat(Routing.PREFER_SAME_ZONE.crossAzShare(3, 4, 3)).isZero();
  }

  @Test
  void nodeLocalNeverCrossesAnAz() {
    assertThat(Routing.NODE_LOCAL.crossAzShare(3, 1, 1)).isZero();
  }

  @Test
  void landscapeNamesMapToModesAndTopologyAwareIsTheDefault() {
    assertThat(Routing.ofLandscapeName(null)).isEqualTo(Routing.TOPOLOGY_AWARE);
    for (Routing r : Routing.values()) {
      assertThat(Routing.ofLandscapeName(r.landscapeName())).isEqualTo(r);
    }
    assertThatThrownBy(() -> Routing.ofLandscapeName("zonal")).hasMessage("unknown routing mode 'zonal'");
  }

  @Test
  void sharesNeedAtLeastOneZoneReplicaAndEndpointZone() {
    assertThatThrownBy(() -> Routing.CLUSTER.crossAzShare(3, 0, 1))
        .hasMessage("zones, replicas and endpoint zones must be >= 1, not 3, 0, 1");
  }
}
