package io.github.zonewise.cost;

import io.github.zonewise.facts.PriceBook;
import static io.github.zonewise.cost.Fixtures.AWS;
import static io.github.zonewise.cost.Fixtures.INTERNET;
import static io.github.zonewise.cost.Fixtures.PEER;
import static io.github.zonewise.cost.Fixtures.REGION;
import static io.github.zonewise.cost.Fixtures.SERVICE;
import static io.github.zonewise.cost.Fixtures.design;
import static io.github.zonewise.cost.Fixtures.flow;
import static io.github.zonewise.cost.Fixtures.traffic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.zonewise.cost.Design.LinkKind;
import io.github.zonewise.cost.Design.Nat;
import io.github.zonewise.cost.Design.OtherVpc;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** One test per line item: each amount computed by hand from the list prices, the arithmetic written out. */
class CostModelTest {

  static final Offset<Double> CENT = within(1e-9);
  static final CostModel MODEL = new CostModel(PriceBook.defaults());

  static LineItem item(DesignCost cost, String prefix, int flow) {
    List<LineItem> found = cost.lineItems().stream()
        .filter(i -> i.item().startsWith(prefix) && i.flow() == flow).toList();
    assertThat(found).as("line items '%s' of flow %d in %s", prefix, flow, cost.lineItems()).hasSize(1);
    return found.get(0);
  }

  static DesignCost price(Design d, TrafficProfile t) {
    return MODEL.price(d, t);
  }

  // ---------------------------------------------------------------- NAT

  @Test
  void natGatewayHoursAreGatewaysTimesHourlyPriceTimesHoursPerMonth() {
    DesignCost cost = price(design().build(), traffic());
    // 3 gateways × $0.045 × 730 h = $98.55
    assertThat(item(cost, "NAT gateway hours", -1).usd()).isCloseTo(3 * 0.045 * 730, CENT).isCloseTo(98.55, CENT);
  }

  @Test
  void natGatewayAddressesPayThePublicIpv4Charge() {
    DesignCost cost = price(design().build(), traffic());
    // 3 EIPs × $0.005 × 730 h = $10.95
    assertThat(item(cost, "NAT gateway public IPv4", -1).usd()).isCloseTo(10.95, CENT);
  }

  @Test
  void natProcessingIsGigabytesTimesThePerGbPrice() {
    DesignCost cost = price(design().service("orders", 6, Routing.TOPOLOGY_AWARE).build(),
        traffic(flow(0, "orders", SERVICE, "internet", INTERNET, 600)));
    // 600 GB × $0.045 = $27.00
    assertThat(item(cost, "NAT gateway processing", 0).usd()).isCloseTo(27.00, CENT);
  }

  @Test
  void bytesToASingleNatInAnotherAzPayCrossAzInBothDirections() {
    Design d = design().nat(new Nat("single", 1, 1, 2 / 3.0, true)).service("orders", 6, Routing.TOPOLOGY_AWARE)
        .build();
    DesignCost cost = price(d, traffic(flow(0, "orders", SERVICE, "internet", INTERNET, 600)));
    // 600 GB × 2/3 of subnets in another AZ × 2 directions × $0.01 = $8.00
    assertThat(item(cost, "to a NAT gateway in another AZ", 0).usd()).isCloseTo(8.00, CENT);
  }

  @Test
  void aFlowWithoutNatOrEndpointIsUnreachableAndNotPriced() {
    Design d = design().nat(Nat.none()).service("orders", 6, Routing.TOPOLOGY_AWARE).build();
    DesignCost cost = price(d, traffic(flow(0, "orders", SERVICE, "internet", INTERNET, 600)));
    assertThat(cost.unreachable()).containsExactly(0);
    assertThat(cost.lineItems()).noneMatch(i -> i.flow() == 0);
  }

  // ---------------------------------------------------------------- endpoints

  @Test
  void interfaceEndpointHoursArePerAz() {
    DesignCost cost = price(design().endpoint("logs", 3, true).build(), traffic());
    // 3 AZs × $0.01 × 730 h = $21.90
    assertThat(item(cost, "interface endpoint logs hours", -1).usd()).isCloseTo(21.90, CENT);
  }

  @Test
  void interfaceEndpointProcessingReplacesNatProcessing() {
    Design d = design().endpoint("logs", 3, true).service("orders", 6, Routing.TOPOLOGY_AWARE).build();
    DesignCost cost = price(d, traffic(flow(0, "orders", SERVICE, "logs", AWS, 250)));
    // 250 GB × $0.01 (first PB) = $2.50, and no NAT processing
    assertThat(item(cost, "interface endpoint processing", -1).usd()).isCloseTo(2.50, CENT);
    assertThat(cost.lineItems()).noneMatch(i -> i.item().startsWith("NAT gateway processing"));
  }

  @Test
  void interfaceEndpointProcessingIsTieredOverTheMonthsSum() {
    // 1,200,000 GB: 1,048,576 GB × $0.01 + 151,424 GB × $0.006 = $10,485.76 + $908.544 = $11,394.304
    LineItem twoTiers = MODEL.endpointProcessing(java.util.Map.of(0, 1_000_000.0, 1, 200_000.0));
    assertThat(twoTiers.usd()).isCloseTo(10_485.76 + 908.544, within(1e-6));
    // 6 PB = 6,291,456 GB: 1,048,576 × $0.01 + 4,194,304 × $0.006 + 1,048,576 × $0.004
    //   = $10,485.76 + $25,165.824 + $4,194.304 = $39,845.888
    LineItem threeTiers = MODEL.endpointProcessing(java.util.Map.of(0, 6 * 1_048_576.0));
    assertThat(threeTiers.usd()).isCloseTo(39_845.888, within(1e-6));
    assertThat(threeTiers.inputs()).containsEntry("tier3Gb", 1_048_576.0);
  }

  @Test
  void anEndpointWithPrivateDnsOffIsBypassedThroughTheNat() {
    Design d = design().endpoint("sts", 3, false).service("orders", 6, Routing.TOPOLOGY_AWARE).build();
    DesignCost cost = price(d, traffic(flow(0, "orders", SERVICE, "sts", AWS, 100)));
    // 100 GB × $0.045 = $4.50 through the NAT
    assertThat(item(cost, "NAT gateway processing", 0).usd()).isCloseTo(4.50, CENT);
  }

  @Test
  void gatewayEndpointsAreFreeAndTheUncoveredShareGoesThroughTheNat() {
    Design d = design().gateway("s3", 2 / 3.0).service("orders", 6, Routing.TOPOLOGY_AWARE).build();
    DesignCost cost = price(d, traffic(flow(0, "orders", SERVICE, "s3", AWS, 6000)));
    // 6000 GB × 2/3 through the gateway endpoint × $0 = $0
    assertThat(item(cost, "gateway endpoint s3", 0).usd()).isZero();
    // the other 2000 GB × $0.045 = $90.00 through the NAT
    assertThat(item(cost, "NAT gateway processing", 0).usd()).isCloseTo(90.00, within(1e-9));
    assertThat(item(cost, "gateway endpoint s3", -1).usd()).isZero();
  }

  @Test
  void imagePullsAreLayerBytesFromS3ThroughItsGatewayEndpoint() {
    Design d = design().gateway("s3", 1).service("graphql", 6, Routing.TOPOLOGY_AWARE).build();
    DesignCost cost = price(d, traffic(flow(0, "graphql", SERVICE, "ecr", AWS, 150)));
    assertThat(item(cost, "gateway endpoint s3 (free) (image layers from S3)", 0).usd()).isZero();
    assertThat(cost.lineItems()).noneMatch(i -> i.category() == Category.NAT && i.flow() == 0);
  }

  // ---------------------------------------------------------------- pod to pod

  @Test
  void podToPodWithoutZonalRoutingPaysTwoThirdsAcrossThreeAzs() {
    Design d = design().service("graphql", 6, Routing.TOPOLOGY_AWARE).service("orders", 6, Routing.CLUSTER).build();
    DesignCost cost = price(d, traffic(flow(0, "graphql", SERVICE, "orders", SERVICE, 8000)));
    // 8000 GB × (3 − 1)/3 × 2 directions × $0.01 = $106.666…
    assertThat(item(cost, "pod to pod", 0).usd()).isCloseTo(8000 * 2 / 3.0 * 2 * 0.01, CENT);
  }

  @Test
  void podToPodWithTopologyAwareRoutingStaysInTheZone() {
    Design d = design().service("graphql", 6, Routing.TOPOLOGY_AWARE).service("orders", 6, Routing.TOPOLOGY_AWARE)
        .build();
    DesignCost cost = price(d, traffic(flow(0, "graphql", SERVICE, "orders", SERVICE, 8000)));
    // 6 replicas over 3 zones: hints set, share 0 → $0
    assertThat(item(cost, "pod to pod", 0).usd()).isZero();
  }

  @Test
  void podToPodToAServiceInTwoOfThreeZonesWithPreferSameZonePaysForTheThirdZone() {
    Design d = design().service("graphql", 6, Routing.TOPOLOGY_AWARE).service("orders", 2, Routing.PREFER_SAME_ZONE)
        .build();
    DesignCost cost = price(d, traffic(flow(0, "graphql", SERVICE, "orders", SERVICE, 9000)));
    // 9000 GB × (3 − 2)/3 × 2 × $0.01 = $60.00
    assertThat(item(cost, "pod to pod", 0).usd()).isCloseTo(60.00, within(1e-9));
  }

  @Test
  void anIstioLocalityRuleSetsTheShare() {
    Design d = design().service("graphql", 6, Routing.TOPOLOGY_AWARE)
        .service(Design.Service.of("orders", "shop", 6, 3, Routing.PREFER_SAME_ZONE, 0.2, 3, "test")).build();
    DesignCost cost = price(d, traffic(flow(0, "graphql", SERVICE, "orders", SERVICE, 8000)));
    // 80/10/10 weights: 20% leaves the zone: 8000 GB × 0.2 × 2 × $0.01 = $32.00
    assertThat(item(cost, "pod to pod", 0).usd()).isCloseTo(32.00, within(1e-9));
  }

  // ---------------------------------------------------------------- load balancers

  @Test
  void loadBalancerHoursAreTheHourlyPriceTimesHoursPerMonth() {
    DesignCost cost = price(design().service("graphql", 6, Routing.TOPOLOGY_AWARE).alb("graphql", true)
        .service("web", 3, Routing.TOPOLOGY_AWARE).nlb("web", true, false, false).build(), traffic());
    // $0.0225 × 730 h = $16.425 each
    assertThat(item(cost, "ALB graphql hours", -1).usd()).isCloseTo(16.425, CENT);
    assertThat(item(cost, "NLB web hours", -1).usd()).isCloseTo(16.425, CENT);
  }

  @Test
  void internetFacingLoadBalancersPayAPublicIpv4PerAz() {
    DesignCost cost = price(design().service("graphql", 6, Routing.TOPOLOGY_AWARE).alb("graphql", true).build(),
        traffic());
    // 3 AZs × $0.005 × 730 h = $10.95
    assertThat(item(cost, "ALB graphql public IPv4", -1).usd()).isCloseTo(10.95, CENT);
  }

  @Test
  void loadBalancerCapacityUnitsFollowTheProcessedBytes() {
    Design d = design().service("graphql", 6, Routing.TOPOLOGY_AWARE).alb("graphql", true)
        .service("web", 3, Routing.TOPOLOGY_AWARE).nlb("web", true, false, false).build();
    DesignCost cost = price(d, traffic(flow(0, "internet", INTERNET, "graphql", SERVICE, 2000),
        flow(1, "internet", INTERNET, "web", SERVICE, 300)));
    // ALB: 2000 GB ÷ 1 GB per LCU-hour × $0.008 = $16.00; NLB: 300 ÷ 1 × $0.006 = $1.80
    assertThat(item(cost, "ALB graphql capacity units", 0).usd()).isCloseTo(16.00, CENT);
    assertThat(item(cost, "NLB web capacity units", 1).usd()).isCloseTo(1.80, CENT);
  }

  @Test
  void instanceTargetsAddAHopAcrossAzs() {
    Design d = design().service("graphql", 6, Routing.TOPOLOGY_AWARE).alb("graphql", false).build();
    DesignCost cost = price(d, traffic(flow(0, "internet", INTERNET, "graphql", SERVICE, 2000)));
    // 2000 GB × 2/3 × 2 × $0.01 = $26.666…
    assertThat(item(cost, "instance-mode hop", 0).usd()).isCloseTo(2000 * 2 / 3.0 * 0.02, CENT);
  }

  @Test
  void instanceTargetsWithExternalTrafficPolicyLocalKeepTheHopOnTheNode() {
    Design d = design().service("web", 3, Routing.TOPOLOGY_AWARE).nlb("web", false, false, true).build();
    DesignCost cost = price(d, traffic(flow(0, "internet", INTERNET, "web", SERVICE, 2000)));
    assertThat(item(cost, "instance-mode hop", 0).usd()).isZero();
  }

  @Test
  void ipTargetsHaveNoNodePortHop() {
    Design d = design().service("graphql", 6, Routing.TOPOLOGY_AWARE).alb("graphql", true).build();
    DesignCost cost = price(d, traffic(flow(0, "internet", INTERNET, "graphql", SERVICE, 2000)));
    assertThat(cost.lineItems()).noneMatch(i -> i.item().startsWith("instance-mode hop"));
  }

  @Test
  void nlbCrossZoneLoadBalancingPaysCrossAzToTargets() {
    Design d = design().service("web", 3, Routing.TOPOLOGY_AWARE).nlb("web", true, true, false).build();
    DesignCost cost = price(d, traffic(flow(0, "internet", INTERNET, "web", SERVICE, 300)));
    // 300 GB × 2/3 × 2 × $0.01 = $4.00
    assertThat(item(cost, "NLB web to targets across AZs", 0).usd()).isCloseTo(4.00, CENT);
  }

  @Test
  void albToTargetsAcrossAzsIsFreeUnlessThePriceIsOverridden() {
    Design d = design().service("graphql", 6, Routing.TOPOLOGY_AWARE).alb("graphql", true).build();
    TrafficProfile t = traffic(flow(0, "internet", INTERNET, "graphql", SERVICE, 3000));
    assertThat(item(price(d, t), "ALB graphql to targets across AZs", 0).usd()).isZero();
    CostModel overridden = new CostModel(PriceBook.defaults().withOverrides(
        java.util.Map.of(PriceBook.ALB_TO_TARGET_CROSS_AZ_PER_GB_EACH_WAY, 0.01), "test"));
    // 3000 GB × 2/3 × 2 × $0.01 = $40.00
    assertThat(item(overridden.price(d, t), "ALB graphql to targets across AZs", 0).usd())
        .isCloseTo(40.00, within(1e-9));
  }

  @Test
  void anExposedServiceSendsToTheInternetThroughItsLoadBalancerNotTheNat() {
    Design d = design().service("graphql", 6, Routing.TOPOLOGY_AWARE).alb("graphql", true).build();
    DesignCost cost = price(d, traffic(flow(0, "graphql", SERVICE, "internet", INTERNET, 1000)));
    assertThat(cost.lineItems()).noneMatch(i -> i.category() == Category.NAT && i.flow() == 0);
    // internet egress: (1000 − 100 free) × $0.09 = $81.00
    assertThat(item(cost, "internet egress", -1).usd()).isCloseTo(81.00, within(1e-9));
  }

  // ---------------------------------------------------------------- internet egress tiers

  @Test
  void internetEgressHasAFreeAllowanceAndTiers() {
    // 600 GB: (600 − 100) × $0.09 = $45.00
    assertThat(MODEL.internetEgress(java.util.Map.of(0, 600.0)).usd()).isCloseTo(45.00, within(1e-9));
    // 60,000 GB: 59,900 billable = 10,240 × $0.09 + 40,960 × $0.085 + 8,700 × $0.07
    //   = $921.60 + $3,481.60 + $609.00 = $5,012.20
    assertThat(MODEL.internetEgress(java.util.Map.of(0, 40_000.0, 1, 20_000.0)).usd())
        .isCloseTo(5_012.20, within(1e-6));
    // 200,000 GB: 199,900 billable = 10,240 × $0.09 + 40,960 × $0.085 + 102,400 × $0.07 + 46,300 × $0.05
    //   = $921.60 + $3,481.60 + $7,168.00 + $2,315.00 = $13,886.20
    assertThat(MODEL.internetEgress(java.util.Map.of(0, 200_000.0)).usd()).isCloseTo(13_886.20, within(1e-6));
    // under the allowance: free
    assertThat(MODEL.internetEgress(java.util.Map.of(0, 80.0)).usd()).isZero();
  }

  // ---------------------------------------------------------------- interconnect

  @Test
  void transitGatewayAttachmentsAreBilledPerHour() {
    DesignCost cost = price(design().attachments(3).build(), traffic());
    // 3 attachments × $0.05 × 730 h = $109.50
    assertThat(item(cost, "Transit Gateway attachment hours", -1).usd()).isCloseTo(109.50, CENT);
  }

  @Test
  void transitGatewayDataIsBilledPerGbSentIn() {
    Design d = design().service("orders", 6, Routing.TOPOLOGY_AWARE).peer("payments", LinkKind.TRANSIT_GATEWAY).build();
    DesignCost cost = price(d, traffic(flow(0, "orders", SERVICE, "payments", PEER, 400)));
    // 400 GB × $0.02 = $8.00
    assertThat(item(cost, "Transit Gateway data", 0).usd()).isCloseTo(8.00, CENT);
  }

  @Test
  void peeringHasNoHourlyChargeAndPaysOnlyCrossAzBytes() {
    Design d = design().service("orders", 6, Routing.TOPOLOGY_AWARE).peer("analytics", LinkKind.PEERING).peerings(1)
        .build();
    DesignCost cost = price(d, traffic(flow(0, "analytics", PEER, "orders", SERVICE, 900)));
    assertThat(item(cost, "VPC peering connections", -1).usd()).isZero();
    // 900 GB × 2/3 across AZs × 2 × $0.01 = $12.00
    assertThat(item(cost, "VPC peering across AZs", 0).usd()).isCloseTo(12.00, within(1e-9));
  }

  @Test
  void aPeerWithoutAVpcLinkIsReachedThroughTheNatAtThePublicIpRate() {
    Design d = design().service("orders", 6, Routing.TOPOLOGY_AWARE).peer("payments", LinkKind.NAT).build();
    DesignCost cost = price(d, traffic(flow(0, "orders", SERVICE, "payments", PEER, 400)));
    // NAT: 400 × $0.045 = $18.00; public IPs in the region: 400 × 2 × $0.01 = $8.00
    assertThat(item(cost, "NAT gateway processing", 0).usd()).isCloseTo(18.00, CENT);
    assertThat(item(cost, "to payments's public addresses", 0).usd()).isCloseTo(8.00, CENT);
  }

  @Test
  void bytesBetweenTwoPeersPayTheTransitGatewayOnce() {
    Design d = design().peer("payments", LinkKind.TRANSIT_GATEWAY).peer("analytics", LinkKind.TRANSIT_GATEWAY)
        .attachments(3).build();
    DesignCost cost = price(d, traffic(flow(0, "analytics", PEER, "payments", PEER, 700)));
    // 700 GB × $0.02 = $14.00
    assertThat(item(cost, "Transit Gateway data (analytics → payments)", 0).usd()).isCloseTo(14.00, CENT);
  }

  @Test
  void bytesBetweenPeersWithoutALinkBetweenThemHaveNoPath() {
    Design d = design().peer("payments", LinkKind.NAT).peer("analytics", LinkKind.NAT).build();
    DesignCost cost = price(d, traffic(flow(0, "analytics", PEER, "payments", PEER, 700)));
    assertThat(cost.unreachable()).containsExactly(0);
  }

  @Test
  void aFlowThatDoesNotCrossTheLandscapeIsNotPriced() {
    DesignCost cost = price(design().peer("payments", LinkKind.PEERING).build(),
        traffic(flow(0, "payments", PEER, "internet", INTERNET, 100)));
    assertThat(cost.lineItems()).noneMatch(i -> i.flow() == 0);
    assertThat(cost.paths().get(0)).isEqualTo("does not cross the landscape's network: not priced");
  }

  @Test
  void interRegionBytesPayTheInterRegionRateAndTheNatWithoutPeering() {
    Design viaNat = design().service("orders", 6, Routing.TOPOLOGY_AWARE).build();
    TrafficProfile t = traffic(flow(0, "orders", SERVICE, "us-west-2", REGION, 100));
    DesignCost nat = price(viaNat, t);
    // 100 GB × $0.02 = $2.00 inter-region, 100 × $0.045 = $4.50 NAT
    assertThat(item(nat, "inter-region data", 0).usd()).isCloseTo(2.00, CENT);
    assertThat(item(nat, "NAT gateway processing", 0).usd()).isCloseTo(4.50, CENT);
    Design peered = design().service("orders", 6, Routing.TOPOLOGY_AWARE).region("us-west-2", LinkKind.PEERING).build();
    DesignCost peering = price(peered, t);
    assertThat(item(peering, "inter-region data", 0).usd()).isCloseTo(2.00, CENT);
    assertThat(peering.lineItems()).noneMatch(i -> i.category() == Category.NAT && i.flow() == 0);
  }

  // ---------------------------------------------------------------- registry

  @Test
  void replicationPaysTransferAndReplicaStorage() {
    Design d = design().remote("us-west-2", true).build();
    DesignCost cost = price(d, traffic(flow(0, "ecr", AWS, "us-west-2", REGION, 30)));
    // 30 GB × $0.02 = $0.60 transfer; 30 GB-month × $0.10 = $3.00 storage
    assertThat(item(cost, "ECR replication transfer to us-west-2", -1).usd()).isCloseTo(0.60, CENT);
    assertThat(item(cost, "ECR replica storage in us-west-2", -1).usd()).isCloseTo(3.00, CENT);
  }

  @Test
  void withoutReplicationTheOtherRegionPullsAcrossRegionsThroughItsNat() {
    Design d = design().service("graphql", 6, Routing.TOPOLOGY_AWARE).gateway("s3", 1).remote("us-west-2", false)
        .build();
    DesignCost cost = price(d, traffic(flow(0, "graphql", SERVICE, "ecr", AWS, 150)));
    // us-west-2 pulls as much as the home region: 150 GB × $0.02 = $3.00, and × $0.045 = $6.75 NAT
    assertThat(item(cost, "cross-region image pulls by us-west-2", -1).usd()).isCloseTo(3.00, CENT);
    assertThat(item(cost, "NAT processing of us-west-2's cross-region pulls", -1).usd()).isCloseTo(6.75, CENT);
  }

  // ---------------------------------------------------------------- control plane, other VPCs

  @Test
  void aClusterInStandardSupportPaysTenCentsAnHour() {
    DesignCost cost = price(design().cluster("1.35").build(), traffic());
    // $0.10 × 730 h = $73.00
    assertThat(item(cost, "EKS control plane", -1).usd()).isCloseTo(73.00, CENT);
  }

  @Test
  void aClusterInExtendedSupportPaysSixTimesAsMuch() {
    DesignCost cost = price(design().cluster("1.32").build(), traffic());
    // $0.60 × 730 h = $438.00 = 6 × $73.00
    assertThat(item(cost, "EKS control plane", -1).usd()).isCloseTo(438.00, CENT);
    assertThat(item(cost, "EKS control plane", -1).item()).contains("extended support");
  }

  @Test
  void otherVpcsPayTheirOwnNatAndEndpoints() {
    DesignCost cost = price(design().other(new OtherVpc("payments", 2, 2, 4)).build(), traffic());
    // 2 × $0.045 × 730 = $65.70; 2 × $0.005 × 730 = $7.30; 4 endpoint-AZs × $0.01 × 730 = $29.20
    assertThat(item(cost, "NAT gateway hours in VPC payments", -1).usd()).isCloseTo(65.70, CENT);
    assertThat(item(cost, "NAT gateway public IPv4 in VPC payments", -1).usd()).isCloseTo(7.30, CENT);
    assertThat(item(cost, "interface endpoint hours in VPC payments", -1).usd()).isCloseTo(29.20, CENT);
  }

  // ---------------------------------------------------------------- sums

  @Test
  void lineItemsSumToTheTotalAndTheCategories() {
    Design d = design().gateway("s3", 1).endpoint("logs", 3, true).service("graphql", 6, Routing.TOPOLOGY_AWARE)
        .service("orders", 6, Routing.CLUSTER).alb("graphql", false).peer("payments", LinkKind.TRANSIT_GATEWAY)
        .attachments(2).cluster("1.35").remote("us-west-2", true).build();
    DesignCost cost = price(d, traffic(flow(0, "internet", INTERNET, "graphql", SERVICE, 2000),
        flow(1, "graphql", SERVICE, "orders", SERVICE, 8000), flow(2, "orders", SERVICE, "s3", AWS, 5000),
        flow(3, "orders", SERVICE, "logs", AWS, 250), flow(4, "orders", SERVICE, "payments", PEER, 400),
        flow(5, "orders", SERVICE, "internet", INTERNET, 600)));
    double sum = 0;
    for (LineItem i : cost.lineItems()) {
      sum += i.usd();
    }
    assertThat(cost.total()).isCloseTo(sum, CENT);
    assertThat(cost.byCategory().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(sum, CENT);
  }
}
