package io.github.zonewise.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ZonalRoutingTest {

  @Test
  void topologyAwareIsAnAnnotationOnly() {
    assertThat(ZonalRouting.topologyAware().annotations()).containsExactly(Map.entry(
        "service.kubernetes.io/topology-mode", "Auto"));
    assertThat(ZonalRouting.topologyAware().specFields("1.35")).isEmpty();
  }

  @Test
  void preferSameZoneIsWrittenAsPreferCloseBefore134() {
    assertThat(ZonalRouting.preferSameZone().specFields("1.34")).containsExactly(Map.entry("trafficDistribution",
        "PreferSameZone"));
    assertThat(ZonalRouting.preferSameZone().specFields("1.33")).containsExactly(Map.entry("trafficDistribution",
        "PreferClose"));
  }

  @Test
  void preferSameNodeNeeds134() {
    assertThat(ZonalRouting.preferSameNode().supportedOn("1.33")).isFalse();
    assertThat(ZonalRouting.preferSameNode().supportedOn("1.34")).isTrue();
    assertThat(ZonalRouting.preferSameZone().supportedOn("1.31")).isTrue();
    assertThat(ZonalRouting.preferSameZone().supportedOn("1.30")).isFalse();
  }

  @Test
  void nodeLocalIsInternalTrafficPolicyLocalWithoutTopologyAnnotation() {
    assertThat(ZonalRouting.nodeLocal().specFields("1.35")).containsExactly(Map.entry("internalTrafficPolicy",
        "Local"));
    assertThat(ZonalRouting.nodeLocal().annotations()).isEmpty();
  }

  @Test
  void clusterSetsNothing() {
    assertThat(ZonalRouting.cluster().specFields("1.35")).isEmpty();
    assertThat(ZonalRouting.cluster().annotations()).isEmpty();
    assertThat(ZonalRouting.cluster().isZonal()).isFalse();
  }

  @Test
  void malformedVersionIsRejected() {
    assertThatThrownBy(() -> ZonalRouting.topologyAware().supportedOn("v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kubernetesVersion: 'v1' is not a Kubernetes version; write 1.<minor>, e.g. \"1.35\"");
  }
}
