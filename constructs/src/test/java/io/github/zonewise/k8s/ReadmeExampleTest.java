package io.github.zonewise.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cdk8s.Chart;
import org.junit.jupiter.api.Test;

/** The README's example of the k8s constructs, as written there. */
class ReadmeExampleTest {

  @Test
  void readmeExampleBuildsEveryConstruct() {
    Chart chart = Charts.chart();
    ZonalDeployment orders = new ZonalDeployment(chart, "Orders", ZonalDeploymentProps.builder()
        .name("orders").namespace("ecommerce").image("orders:1.4.2").containerPort(3003)
        .replicas(6).zones(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"))
        .build());
    LocalityService service = new LocalityService(chart, "OrdersService", LocalityServiceProps.builder()
        .name("orders").namespace("ecommerce").selector(orders.selector()).port(3003)
        .routing(ZonalRouting.preferSameNode())
        .kubernetesVersion("1.35")
        .build());
    new IpModeLoadBalancer(chart, "OrdersNlb", IpModeLoadBalancerProps.builder()
        .service(service).type(LoadBalancerType.nlb()).scheme(LoadBalancerScheme.internal()).build());
    new LocalityDestinationRule(chart, "OrdersLocality", LocalityDestinationRuleProps.builder()
        .service(service)
        .policy(LocalityPolicy.distribute("eu-west-1", Map.of("eu-west-1a", Map.of("eu-west-1a", 80, "eu-west-1b", 20))))
        .build());
    new ZonalNodePools(chart, "General", ZonalNodePoolsProps.builder()
        .name("general").zones(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c")).clusterName("shop")
        .ami(NodeAmi.alias("al2023@v20260818"))
        .build());
    assertThat(Charts.objects(chart)).extracting(o -> o.path("kind").asText()).containsExactly("Deployment",
        "Service", "Service", "DestinationRule", "EC2NodeClass", "NodePool", "NodePool", "NodePool");
  }
}
