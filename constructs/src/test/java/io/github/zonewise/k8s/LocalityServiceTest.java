package io.github.zonewise.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.cdk8s.Chart;
import org.junit.jupiter.api.Test;

class LocalityServiceTest {

  private static LocalityServiceProps.Builder orders() {
    return LocalityServiceProps.builder().name("orders").namespace("ecommerce")
        .selector(Map.of("app.kubernetes.io/name", "orders")).port(3003);
  }

  private static JsonNode service(LocalityServiceProps props) {
    Chart chart = Charts.chart();
    new LocalityService(chart, "Service", props);
    return Charts.only(chart, "Service");
  }

  @Test
  void defaultRoutingIsTopologyAware() {
    JsonNode service = service(orders().build());
    assertThat(service.at("/metadata/annotations/service.kubernetes.io~1topology-mode").asText()).isEqualTo("Auto");
    assertThat(service.at("/spec").has("trafficDistribution")).isFalse();
    assertThat(service.at("/spec").has("internalTrafficPolicy")).isFalse();
  }

  @Test
  void serviceSelectsThePodsOnItsPort() {
    JsonNode service = service(orders().targetPort(8080).build());
    assertThat(service.at("/spec/type").asText()).isEqualTo("ClusterIP");
    assertThat(service.at("/spec/selector/app.kubernetes.io~1name").asText()).isEqualTo("orders");
    assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(3003);
    assertThat(service.at("/spec/ports/0/targetPort").asInt()).isEqualTo(8080);
    assertThat(service.at("/metadata/namespace").asText()).isEqualTo("ecommerce");
  }

  @Test
  void preferSameZoneSetsTrafficDistribution() {
    JsonNode service = service(orders().routing(ZonalRouting.preferSameZone()).build());
    assertThat(service.at("/spec/trafficDistribution").asText()).isEqualTo("PreferSameZone");
    assertThat(service.at("/metadata").has("annotations")).isFalse();
  }

  @Test
  void preferSameZoneOn133IsPreferClose() {
    JsonNode service = service(orders().routing(ZonalRouting.preferSameZone()).kubernetesVersion("1.33").build());
    assertThat(service.at("/spec/trafficDistribution").asText()).isEqualTo("PreferClose");
  }

  @Test
  void preferSameNodeSetsTrafficDistribution() {
    JsonNode service = service(orders().routing(ZonalRouting.preferSameNode()).build());
    assertThat(service.at("/spec/trafficDistribution").asText()).isEqualTo("PreferSameNode");
  }

  @Test
  void nodeLocalSetsInternalTrafficPolicyAndNoTopologyAnnotation() {
    JsonNode service = service(orders().routing(ZonalRouting.nodeLocal()).build());
    assertThat(service.at("/spec/internalTrafficPolicy").asText()).isEqualTo("Local");
    assertThat(service.at("/metadata").has("annotations")).isFalse();
  }

  @Test
  void clusterRoutingSetsNoRoutingField() {
    JsonNode service = service(orders().routing(ZonalRouting.cluster()).build());
    assertThat(service.at("/spec").has("trafficDistribution")).isFalse();
    assertThat(service.at("/spec").has("internalTrafficPolicy")).isFalse();
    assertThat(service.at("/metadata").has("annotations")).isFalse();
  }

  @Test
  void extraAnnotationsAreKept() {
    JsonNode service = service(orders().annotations(Map.of("prometheus.io/scrape", "true")).build());
    assertThat(service.at("/metadata/annotations/prometheus.io~1scrape").asText()).isEqualTo("true");
  }

  @Test
  void topologyAnnotationWithNodeLocalIsRejectedWithTheGuidesReason() {
    assertThatThrownBy(() -> orders().routing(ZonalRouting.nodeLocal())
        .annotations(Map.of("service.kubernetes.io/topology-mode", "Auto")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LocalityServiceProps.annotations: 'service.kubernetes.io/topology-mode' (topology-aware routing)"
            + " cannot be combined with routing nodeLocal (internalTrafficPolicy: Local): topology hints are not used"
            + " with a Local traffic policy, so the guide says never to combine them; choose one routing mode");
  }

  @Test
  void topologyAnnotationIsSetByRoutingOnly() {
    assertThatThrownBy(() -> orders().routing(ZonalRouting.cluster())
        .annotations(Map.of("service.kubernetes.io/topology-aware-hints", "auto")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LocalityServiceProps.annotations: 'service.kubernetes.io/topology-aware-hints' is set by the"
            + " routing mode; drop it and use routing(ZonalRouting.topologyAware())");
  }

  @Test
  void routingTheVersionDoesNotRunIsRejected() {
    assertThatThrownBy(() -> orders().routing(ZonalRouting.preferSameNode()).kubernetesVersion("1.33").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LocalityServiceProps.routing: 'preferSameNode' needs Kubernetes 1.34 or newer, and"
            + " kubernetesVersion is 1.33; choose topologyAware or a newer version");
  }

  @Test
  void nameStartingWithADigitIsRejected() {
    assertThatThrownBy(() -> orders().name("1orders").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LocalityServiceProps.name: '1orders' does not start with a letter; a Service name is a DNS-1035"
            + " label");
  }

  @Test
  void portOutOfRangeIsRejected() {
    assertThatThrownBy(() -> orders().port(70000).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LocalityServiceProps.port: 70000 is not a port; use 1–65535");
  }

  @Test
  void emptySelectorIsRejected() {
    assertThatThrownBy(() -> orders().selector(Map.of()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LocalityServiceProps.selector: {} selects no pods; give the pods' labels, e.g."
            + " ZonalDeployment.selector()");
  }
}
