package io.github.zonewise.cost;

import java.util.List;
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
import org.junit.jupiter.api.Test;

/** The naive design and the floor built from a generated design. */
class DesignsTest {

  static final PriceBook PRICES = PriceBook.defaults();
  static final CostModel MODEL = new CostModel(PRICES);

  static Design shop() {
    return design().gateway("s3", 1).gateway("dynamodb", 1).endpoint("logs", 3, true).endpoint("sts", 3, true)
        .service("graphql", 6, Routing.PREFER_SAME_ZONE).service("orders", 6, Routing.TOPOLOGY_AWARE)
        .alb("graphql", true).peer("payments", LinkKind.PEERING).peer("analytics", LinkKind.PEERING).peerings(2)
        .remote("us-west-2", true).cluster("1.35").build();
  }

  static TrafficProfile shopTraffic() {
    return traffic(flow(0, "internet", INTERNET, "graphql", SERVICE, 2000),
        flow(1, "graphql", SERVICE, "orders", SERVICE, 8000), flow(2, "orders", SERVICE, "s3", AWS, 5000),
        flow(3, "orders", SERVICE, "logs", AWS, 250), flow(4, "orders", SERVICE, "payments", PEER, 400),
        flow(5, "analytics", PEER, "orders", SERVICE, 900), flow(6, "orders", SERVICE, "internet", INTERNET, 600),
        flow(7, "ecr", AWS, "us-west-2", REGION, 30), flow(8, "graphql", SERVICE, "ecr", AWS, 150));
  }

  @Test
  void naiveDesignHasOneNatNoEndpointsClusterRoutingAndInstanceTargets() {
    Design naive = Designs.naive(shop());
    assertThat(naive.nat()).isEqualTo(new Nat("single", 1, 1, 2 / 3.0, true));
    assertThat(naive.gatewayEndpoints()).isEmpty();
    assertThat(naive.interfaceEndpoints()).isEmpty();
    assertThat(naive.services().values()).allSatisfy(s -> {
      assertThat(s.routing()).isEqualTo(Routing.CLUSTER);
      assertThat(s.crossAzShare()).isCloseTo(2 / 3.0, within(1e-12));
    });
    assertThat(naive.loadBalancers()).allSatisfy(lb -> assertThat(lb.ipTargets()).isFalse());
    assertThat(naive.replicatedRegions()).isEmpty();
  }

  @Test
  void naiveDesignJoinsTwoPeersWithATransitGatewayAttachingEveryVpc() {
    Design naive = Designs.naive(shop());
    assertThat(naive.peers().values()).allSatisfy(l -> assertThat(l.kind()).isEqualTo(LinkKind.TRANSIT_GATEWAY));
    assertThat(naive.transitGatewayAttachments()).isEqualTo(3);
  }

  @Test
  void naiveDesignPeersASinglePeerWithoutAzAlignment() {
    Design naive = Designs.naive(design().service("orders", 6, Routing.TOPOLOGY_AWARE)
        .peer("payments", LinkKind.TRANSIT_GATEWAY).attachments(2).build());
    assertThat(naive.peers().get("payments")).isEqualTo(new Design.Link(LinkKind.PEERING, 2 / 3.0));
    assertThat(naive.transitGatewayAttachments()).isZero();
  }

  @Test
  void floorKeepsTheGeneratedAvailabilityAndNoAvoidableCrossAzByte() {
    Design floor = Designs.floor(shop(), shopTraffic(), MODEL, PRICES);
    assertThat(floor.zones()).isEqualTo(3);
    assertThat(floor.services().values()).allSatisfy(s -> assertThat(s.crossAzShare()).isZero());
    assertThat(floor.loadBalancers()).allSatisfy(lb -> {
      assertThat(lb.ipTargets()).isTrue();
      assertThat(lb.zones()).isEqualTo(3);
      assertThat(lb.crossZone()).isFalse();
    });
    // where the peers' bytes come from is their own layout: the generated link's share stays
    assertThat(floor.peers().values()).allSatisfy(l -> assertThat(l).isEqualTo(new Design.Link(LinkKind.PEERING,
        2 / 3.0)));
    assertThat(floor.transitGatewayAttachments()).isZero();
  }

  @Test
  void floorKeepsZoneRedundantEgressWhenTheGeneratedDesignHasIt() {
    // 850 GB through the NAT would make one gateway cheaper (2 × $36.50 > 850 × 2/3 × 2 × $0.01 = $11.33), but the
    // generated design has a NAT per AZ: the floor keeps that availability and lists the saving beside it
    Design floor = Designs.floor(shop(), shopTraffic(), MODEL, PRICES);
    assertThat(floor.nat().gateways()).isEqualTo(3);
    assertThat(floor.nat().crossAzShare()).isZero();
    List<Advice> trades = Designs.availabilityTrades(floor, MODEL.price(floor, shopTraffic()), shopTraffic(), MODEL);
    // 2 gateways and their IPv4 (2 × $36.50 = $73) less 850 GB × 2/3 × 2 × $0.01 of cross-AZ bytes to the one
    assertThat(trades).singleElement().satisfies(a -> {
      assertThat(a.topic()).isEqualTo("availability: one NAT gateway");
      assertThat(a.monthlySavingUsd()).isCloseTo(73 - 850 * 2 / 3.0 * 2 * 0.01, within(1e-9));
    });
  }

  @Test
  void floorUsesOneNatWhileItsCrossAzBytesCostLessThanMoreGatewaysWhenTheGeneratedDesignHasOne() {
    // 600 + 250 GB through the NAT: two more gateways (2 × ($32.85 + $3.65) = $73) cost more than two thirds of
    // the bytes crossing an AZ (850 × 2/3 × 2 × $0.01 = $11.33)
    Design g = design().nat(new Nat("single", 1, 1, 2 / 3.0, true)).service("orders", 6, Routing.TOPOLOGY_AWARE)
        .build();
    Design floor = Designs.floor(g, traffic(flow(0, "orders", SERVICE, "internet", INTERNET, 600),
        flow(1, "orders", SERVICE, "sts", AWS, 250)), MODEL, PRICES);
    assertThat(floor.nat().gateways()).isEqualTo(1);
    assertThat(floor.nat().crossAzShare()).isCloseTo(2 / 3.0, within(1e-12));
  }

  @Test
  void floorUsesANatPerAzAboveTheBreakEven() {
    // break-even: 2 × $36.50 = GB × 2/3 × 2 × $0.01 → 5,475 GB; at 10,000 GB one per AZ is cheaper
    Design g = design().nat(new Nat("single", 1, 1, 2 / 3.0, true)).service("orders", 6, Routing.TOPOLOGY_AWARE)
        .build();
    Design floor = Designs.floor(g, traffic(flow(0, "orders", SERVICE, "internet", INTERNET, 10000)), MODEL, PRICES);
    assertThat(floor.nat().gateways()).isEqualTo(3);
    assertThat(floor.nat().crossAzShare()).isZero();
  }

  @Test
  void floorHasNoNatWhenNoFlowNeedsOneAndTheGeneratedDesignHasNoneAndTakesTheEndpointsThatReplaceIt() {
    Design g = design().nat(Nat.none()).service("orders", 6, Routing.TOPOLOGY_AWARE).build();
    // none: logs endpoint 3 × $7.30 + 5,000 × $0.01 = $71.90, plus ecr.api and ecr.dkr for pulls 2 × $21.90 = $115.70
    TrafficProfile t = traffic(flow(0, "orders", SERVICE, "logs", AWS, 5000),
        flow(1, "orders", SERVICE, "ecr", AWS, 50));
    Design floor = Designs.floor(g, t, MODEL, PRICES);
    assertThat(MODEL.price(floor, t).total()).isCloseTo(115.70, within(1e-9));
    assertThat(floor.nat().usable()).isFalse();
    assertThat(floor.interfaceEndpoints()).containsOnlyKeys("logs", "ecr.api", "ecr.dkr");
  }

  @Test
  void floorKeepsTheNatOfAGeneratedDesignThatHasOneWhenNoFlowNeedsIt() {
    // the design step keeps egress for what the traffic does not list (image pulls, node bootstrap): so does the floor;
    // a NAT per AZ: 3 × ($32.85 + $3.65) + the logs endpoint $71.90 = $181.40
    Design g = design().service("orders", 6, Routing.TOPOLOGY_AWARE).build();
    TrafficProfile t = traffic(flow(0, "orders", SERVICE, "logs", AWS, 5000),
        flow(1, "orders", SERVICE, "ecr", AWS, 50));
    Design floor = Designs.floor(g, t, MODEL, PRICES);
    assertThat(floor.nat().usable()).isTrue();
    assertThat(floor.nat().gateways()).isEqualTo(3);
    assertThat(MODEL.price(floor, t).total()).isCloseTo(181.40, within(1e-9));
  }

  @Test
  void floorTakesAnInterfaceEndpointOnlyWhereItCostsLessThanTheNat() {
    // logs at 5,000 GB: endpoint 2 × $7.30 + 5,000 × $0.01 = $64.60 < NAT 5,000 × ($0.045 + 1/2 × 2 × $0.01) = $275
    // sts at 10 GB: endpoint $14.70 > NAT 10 × $0.055 = $0.55
    Design g = design().service("orders", 6, Routing.TOPOLOGY_AWARE).build();
    TrafficProfile t = traffic(flow(0, "orders", SERVICE, "internet", INTERNET, 100),
        flow(1, "orders", SERVICE, "logs", AWS, 5000), flow(2, "orders", SERVICE, "sts", AWS, 10));
    Design floor = Designs.floor(g, t, MODEL, PRICES);
    assertThat(floor.interfaceEndpoints()).containsOnlyKeys("logs");
  }

  @Test
  void floorReplicatesOnlyWhereReplicationCostsLessThanCrossRegionPulls() {
    // replicating 30 GB: 30 × ($0.02 + $0.10) = $3.60; pulling 150 GB across: 150 × ($0.02 + $0.045) = $9.75
    Design floor = Designs.floor(shop(), shopTraffic(), MODEL, PRICES);
    assertThat(floor.replicatedRegions()).containsExactly("us-west-2");
    // pulling 10 GB across: $0.65 < replicating 30 GB
    TrafficProfile fewPulls = traffic(flow(0, "ecr", AWS, "us-west-2", REGION, 30),
        flow(1, "graphql", SERVICE, "ecr", AWS, 10));
    assertThat(Designs.floor(shop(), fewPulls, MODEL, PRICES).replicatedRegions()).isEmpty();
  }

  @Test
  void floorPutsExtendedSupportClustersInStandardSupport() {
    Design g = design().cluster("1.31").build();
    Design floor = Designs.floor(g, traffic(), MODEL, PRICES);
    assertThat(floor.clusters()).allSatisfy(c -> assertThat(c.extendedSupport()).isFalse());
  }
}
