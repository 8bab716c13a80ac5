package io.github.zonewise.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.cdk8s.Chart;
import org.junit.jupiter.api.Test;

class IpModeLoadBalancerTest {

  private static LocalityService target(Chart chart, String name) {
    return new LocalityService(chart, "Service", LocalityServiceProps.builder().name(name).namespace("ecommerce")
        .selector(Map.of("app.kubernetes.io/name", name)).port(8080).build());
  }

  @Test
  void nlbIsALoadBalancerServiceWithIpTargets() {
    Chart chart = Charts.chart();
    new IpModeLoadBalancer(chart, "LoadBalancer", IpModeLoadBalancerProps.builder()
        .service(target(chart, "express-test")).type(LoadBalancerType.nlb()).build());
    JsonNode nlb = Charts.objects(chart).stream().filter(o -> o.at("/spec/type").asText().equals("LoadBalancer"))
        .findFirst().orElseThrow();
    JsonNode annotations = nlb.at("/metadata/annotations");
    assertThat(annotations.path("service.beta.kubernetes.io/aws-load-balancer-type").asText()).isEqualTo("external");
    assertThat(annotations.path("service.beta.kubernetes.io/aws-load-balancer-nlb-target-type").asText())
        .isEqualTo("ip");
    assertThat(annotations.path("service.beta.kubernetes.io/aws-load-balancer-scheme").asText()).isEqualTo("internal");
    assertThat(nlb.at("/metadata/name").asText()).isEqualTo("express-test-nlb");
    assertThat(nlb.at("/spec/selector/app.kubernetes.io~1name").asText()).isEqualTo("express-test");
    assertThat(nlb.at("/spec/ports/0/port").asInt()).isEqualTo(8080);
    assertThat(nlb.at("/spec/allocateLoadBalancerNodePorts").asBoolean(true)).isFalse();
  }

  @Test
  void nlbTurnsCrossZoneOffAndKeepsClientsInTheirZone() {
    Chart chart = Charts.chart();
    new IpModeLoadBalancer(chart, "LoadBalancer", IpModeLoadBalancerProps.builder()
        .service(target(chart, "express-test")).type(LoadBalancerType.nlb())
        .scheme(LoadBalancerScheme.internetFacing()).build());
    JsonNode annotations = Charts.objects(chart).get(1).at("/metadata/annotations");
    assertThat(annotations.path("service.beta.kubernetes.io/aws-load-balancer-attributes").asText())
        .isEqualTo("load_balancing.cross_zone.enabled=false,dns_record.client_routing_policy=availability_zone_affinity");
    assertThat(annotations.path("service.beta.kubernetes.io/aws-load-balancer-scheme").asText())
        .isEqualTo("internet-facing");
  }

  @Test
  void albIsAnIngressOfClassAlbWithIpTargets() {
    Chart chart = Charts.chart();
    new IpModeLoadBalancer(chart, "LoadBalancer", IpModeLoadBalancerProps.builder()
        .service(target(chart, "graphql")).type(LoadBalancerType.alb()).build());
    JsonNode ingress = Charts.only(chart, "Ingress");
    assertThat(ingress.at("/apiVersion").asText()).isEqualTo("networking.k8s.io/v1");
    assertThat(ingress.at("/spec/ingressClassName").asText()).isEqualTo("alb");
    assertThat(ingress.at("/metadata/annotations/alb.ingress.kubernetes.io~1target-type").asText()).isEqualTo("ip");
    JsonNode backend = ingress.at("/spec/rules/0/http/paths/0/backend/service");
    assertThat(backend.at("/name").asText()).isEqualTo("graphql");
    assertThat(backend.at("/port/number").asInt()).isEqualTo(8080);
  }

  @Test
  void neverInstanceMode() {
    Chart chart = Charts.chart();
    new IpModeLoadBalancer(chart, "Nlb", IpModeLoadBalancerProps.builder()
        .service(target(chart, "express-test")).type(LoadBalancerType.nlb()).build());
    new IpModeLoadBalancer(chart, "Alb", IpModeLoadBalancerProps.builder()
        .service(new LocalityService(chart, "Graphql", LocalityServiceProps.builder().name("graphql")
            .selector(Map.of("app.kubernetes.io/name", "graphql")).port(4000).build()))
        .type(LoadBalancerType.alb()).build());
    assertThat(Charts.yaml(chart)).doesNotContain("instance").doesNotContain("nlb-ip");
  }

  @Test
  void nlbOfATooLongServiceNameIsRejected() {
    Chart chart = Charts.chart();
    String name = "a".repeat(60);
    LocalityService service = target(chart, name);
    assertThatThrownBy(() -> IpModeLoadBalancerProps.builder().service(service).type(LoadBalancerType.nlb()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("IpModeLoadBalancerProps.service: '" + name + "' is too long to front with an NLB (its Service is"
            + " named <name>-nlb, at most 63 characters); use a name of at most 59 characters");
  }
}
