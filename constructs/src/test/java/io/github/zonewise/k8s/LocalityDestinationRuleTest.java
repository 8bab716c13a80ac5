package io.github.zonewise.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cdk8s.Chart;
import org.junit.jupiter.api.Test;

class LocalityDestinationRuleTest {

  private static JsonNode rule(LocalityPolicy policy) {
    Chart chart = Charts.chart();
    LocalityService orders = new LocalityService(chart, "Service", LocalityServiceProps.builder().name("orders")
        .namespace("ecommerce").selector(Map.of("app.kubernetes.io/name", "orders")).port(3003).build());
    new LocalityDestinationRule(chart, "DestinationRule", LocalityDestinationRuleProps.builder().service(orders)
        .policy(policy).build());
    return Charts.only(chart, "DestinationRule");
  }

  private static Map<String, Map<String, Integer>> weights() {
    Map<String, Map<String, Integer>> w = new LinkedHashMap<>();
    w.put("eu-west-1a", Map.of("eu-west-1a", 70, "eu-west-1b", 20, "eu-west-1c", 10));
    return w;
  }

  @Test
  void ruleIsIstioV1ForTheServiceHost() {
    JsonNode rule = rule(LocalityPolicy.distribute("eu-west-1", weights()));
    assertThat(rule.at("/apiVersion").asText()).isEqualTo("networking.istio.io/v1");
    assertThat(rule.at("/spec/host").asText()).isEqualTo("orders.ecommerce.svc.cluster.local");
    assertThat(rule.at("/metadata/namespace").asText()).isEqualTo("ecommerce");
  }

  @Test
  void distributeWeightsAreByRegionZoneLocality() {
    JsonNode setting = rule(LocalityPolicy.distribute("eu-west-1", weights()))
        .at("/spec/trafficPolicy/loadBalancer/localityLbSetting");
    assertThat(setting.at("/enabled").asBoolean()).isTrue();
    assertThat(setting.at("/distribute/0/from").asText()).isEqualTo("eu-west-1/eu-west-1a/*");
    JsonNode to = setting.at("/distribute/0/to");
    assertThat(to.path("eu-west-1/eu-west-1a/*").asInt()).isEqualTo(70);
    assertThat(to.path("eu-west-1/eu-west-1b/*").asInt()).isEqualTo(20);
    assertThat(to.path("eu-west-1/eu-west-1c/*").asInt()).isEqualTo(10);
    assertThat(setting.has("failover")).isFalse();
  }

  @Test
  void failoverIsByRegion() {
    JsonNode setting = rule(LocalityPolicy.failover(Map.of("eu-west-1", "eu-central-1")))
        .at("/spec/trafficPolicy/loadBalancer/localityLbSetting");
    assertThat(setting.at("/failover/0/from").asText()).isEqualTo("eu-west-1");
    assertThat(setting.at("/failover/0/to").asText()).isEqualTo("eu-central-1");
    assertThat(setting.has("distribute")).isFalse();
  }

  @Test
  void outlierDetectionIsAlwaysSet() {
    JsonNode outlier = rule(LocalityPolicy.failover(Map.of("eu-west-1", "eu-central-1")))
        .at("/spec/trafficPolicy/outlierDetection");
    assertThat(outlier.at("/consecutive5xxErrors").asInt()).isEqualTo(5);
    assertThat(outlier.at("/interval").asText()).isEqualTo("10s");
    assertThat(outlier.at("/baseEjectionTime").asText()).isEqualTo("30s");
  }

  @Test
  void weightsNotTotalling100AreRejected() {
    assertThatThrownBy(() -> LocalityPolicy.distribute("eu-west-1", Map.of("eu-west-1a",
        new java.util.TreeMap<>(Map.of("eu-west-1a", 70, "eu-west-1b", 20)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LocalityPolicy.distribute[eu-west-1a]: {eu-west-1a=70, eu-west-1b=20} totals 90, not 100; make"
            + " the weights of each from-zone total exactly 100");
  }

  @Test
  void weightAbove100IsRejected() {
    assertThatThrownBy(() -> LocalityPolicy.distribute("eu-west-1", Map.of("eu-west-1a", Map.of("eu-west-1a", 101))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LocalityPolicy.distribute[eu-west-1a][eu-west-1a]: 101 is not a weight; use 1–100");
  }

  @Test
  void failoverToTheSameRegionIsRejected() {
    assertThatThrownBy(() -> LocalityPolicy.failover(Map.of("eu-west-1", "eu-west-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LocalityPolicy.failover[eu-west-1]: 'eu-west-1' is not another region; fail over between two"
            + " different bare regions");
  }
}
