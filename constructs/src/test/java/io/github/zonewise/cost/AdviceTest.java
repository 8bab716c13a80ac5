package io.github.zonewise.cost;

import io.github.zonewise.facts.PriceBook;
import static io.github.zonewise.cost.Fixtures.AWS;
import static io.github.zonewise.cost.Fixtures.INTERNET;
import static io.github.zonewise.cost.Fixtures.PEER;
import static io.github.zonewise.cost.Fixtures.SERVICE;
import static io.github.zonewise.cost.Fixtures.design;
import static io.github.zonewise.cost.Fixtures.flow;
import static io.github.zonewise.cost.Fixtures.traffic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.zonewise.cost.Design.LinkKind;
import io.github.zonewise.cost.Design.Nat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Advice appears where the numbers say so, with the saving computed by hand. */
class AdviceTest {

  static final PriceBook PRICES = PriceBook.defaults();

  static List<Advice> advise(Design d, TrafficProfile t) {
    return Advice.of(d, new CostModel(PRICES).price(d, t), t, PRICES);
  }

  static Advice about(List<Advice> advice, String topic) {
    return advice.stream().filter(a -> a.topic().equals(topic)).findFirst()
        .orElseThrow(() -> new AssertionError("no advice on " + topic + " in " + advice));
  }

  @Test
  void anInterfaceEndpointBelowItsBreakEvenIsCalledOut() {
    Design d = design().endpoint("logs", 3, true).service("orders", 6, Routing.TOPOLOGY_AWARE).build();
    List<Advice> advice = advise(d, traffic(flow(0, "orders", SERVICE, "logs", AWS, 250)));
    // hourly 3 × $0.01 × 730 = $21.90; saved 250 × ($0.045 − $0.01) = $8.75; saving $13.15;
    // break-even $21.90 / $0.035 = 625.7 GB
    Advice a = about(advice, "interface endpoint logs");
    assertThat(a.monthlySavingUsd()).isCloseTo(13.15, within(1e-9));
    assertThat(a.text()).contains("costs $21.90 a month in 3 AZs", "saves $8.75", "break-even 625.7 GB a month");
  }

  @Test
  void anInterfaceEndpointAboveItsBreakEvenIsNot() {
    Design d = design().endpoint("logs", 3, true).service("orders", 6, Routing.TOPOLOGY_AWARE).build();
    List<Advice> advice = advise(d, traffic(flow(0, "orders", SERVICE, "logs", AWS, 5000)));
    assertThat(advice).noneMatch(a -> a.topic().equals("interface endpoint logs"));
  }

  @Test
  void perAzNatStatesTheBreakEvenWithASingleNat() {
    Design d = design().service("orders", 6, Routing.TOPOLOGY_AWARE).build();
    // at 1,900 GB: single = $36.50 + 1,900 × 2/3 × 2 × $0.01 = $61.83; per AZ = 3 × $36.50 = $109.50;
    // break-even 2 × $36.50 / (2/3 × $0.02) = 5,475 GB
    Advice low = about(advise(d, traffic(flow(0, "orders", SERVICE, "internet", INTERNET, 1900))), "NAT gateways");
    assertThat(low.monthlySavingUsd()).isCloseTo(109.50 - (36.50 + 1900 * 2 / 3.0 * 0.02), within(1e-9));
    assertThat(low.text()).contains("break-even 5,475 GB", "egress stops when its AZ fails");
    Advice high = about(advise(d, traffic(flow(0, "orders", SERVICE, "internet", INTERNET, 8000))), "NAT gateways");
    assertThat(high.monthlySavingUsd()).isZero();
    assertThat(high.text()).contains("per-AZ NAT is the cheaper and the zone-redundant choice here");
  }

  @Test
  void aSingleNatAboveTheBreakEvenIsAdvisedToGoPerAz() {
    Design d = design().nat(new Nat("single", 1, 1, 2 / 3.0, true)).service("orders", 6, Routing.TOPOLOGY_AWARE)
        .build();
    // at 8,000 GB: single = $36.50 + 8,000 × 2/3 × $0.02 = $143.17; per AZ $109.50; saving $33.67
    Advice a = about(advise(d, traffic(flow(0, "orders", SERVICE, "internet", INTERNET, 8000))), "NAT gateways");
    assertThat(a.monthlySavingUsd()).isCloseTo(36.50 + 8000 * 2 / 3.0 * 0.02 - 109.50, within(1e-9));
  }

  @Test
  void aTransitGatewayForPeersThatPeeringWouldServeIsCalledOut() {
    Design d = design().service("orders", 6, Routing.TOPOLOGY_AWARE).peer("payments", LinkKind.TRANSIT_GATEWAY)
        .peer("analytics", LinkKind.TRANSIT_GATEWAY).attachments(3).build();
    TrafficProfile t = traffic(flow(0, "orders", SERVICE, "payments", PEER, 400),
        flow(1, "analytics", PEER, "orders", SERVICE, 900));
    // TGW: 3 × $0.05 × 730 + 1,300 × $0.02 = $109.50 + $26.00 = $135.50; peering 1,300 × 2/3 × $0.02 = $17.33
    Advice a = about(advise(d, t), "peering versus Transit Gateway");
    assertThat(a.monthlySavingUsd()).isCloseTo(135.50 - 1300 * 2 / 3.0 * 0.02, within(1e-9));
  }

  @Test
  void anExtendedSupportClusterIsAdvisedToUpgrade() {
    // ($0.60 − $0.10) × 730 = $365.00
    Advice a = about(advise(design().cluster("1.32").build(), traffic()), "cluster shop");
    assertThat(a.monthlySavingUsd()).isCloseTo(365.00, within(1e-9));
  }

  @Test
  void aServiceWithoutZonalRoutingIsAdvisedToAddIt() {
    Design d = design().service("graphql", 6, Routing.TOPOLOGY_AWARE).service("orders", 6, Routing.CLUSTER).build();
    Advice a = about(advise(d, traffic(flow(0, "graphql", SERVICE, "orders", SERVICE, 8000))), "service orders");
    // 8,000 × 2/3 × $0.02 = $106.67
    assertThat(a.monthlySavingUsd()).isCloseTo(8000 * 2 / 3.0 * 0.02, within(1e-9));
    assertThat(a.text()).contains("use topologyAware or preferSameZone");
  }

  @Test
  void topologyAwareRoutingWithUnevenReplicasIsAdvisedToRunAMultipleOfTheZones() {
    Design d = design().service("graphql", 6, Routing.TOPOLOGY_AWARE).service("orders", 4, Routing.TOPOLOGY_AWARE)
        .build();
    Advice a = about(advise(d, traffic(flow(0, "graphql", SERVICE, "orders", SERVICE, 3000))), "service orders");
    assertThat(a.text()).contains("run a multiple of 3 replicas");
  }

  @Test
  void instanceTargetsAreAdvisedToUseIpTargets() {
    Design d = design().service("graphql", 6, Routing.TOPOLOGY_AWARE).alb("graphql", false).build();
    Advice a = about(advise(d, traffic(flow(0, "internet", INTERNET, "graphql", SERVICE, 2000))), "instance targets");
    assertThat(a.monthlySavingUsd()).isCloseTo(2000 * 2 / 3.0 * 0.02, within(1e-9));
  }

  @Test
  void adviceComesLargestSavingFirst() {
    Design d = design().endpoint("logs", 3, true).service("graphql", 6, Routing.TOPOLOGY_AWARE)
        .service("orders", 6, Routing.CLUSTER).cluster("1.32").build();
    List<Advice> advice = advise(d, traffic(flow(0, "graphql", SERVICE, "orders", SERVICE, 8000),
        flow(1, "orders", SERVICE, "logs", AWS, 100)));
    assertThat(advice).extracting(Advice::monthlySavingUsd).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(advice.get(0).topic()).isEqualTo("cluster shop");
  }
}
