package io.github.zonewise.interconnect;

import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zonewise.cost.CostReport;
import static io.github.zonewise.interconnect.Templates.privateRouteTableCidrs;
import static io.github.zonewise.interconnect.Templates.ref;
import static io.github.zonewise.interconnect.Templates.resource;
import static io.github.zonewise.interconnect.Templates.resources;
import static io.github.zonewise.interconnect.Templates.routesVia;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zonewise.test.Snapshots;
import io.github.zonewise.test.Synth;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cluster VPC with one created peer (auto chooses peering), and the same landscape with
 * {@code mode: peering} and a second, existing peer VPC whose route tables are listed.
 */
class PeeringLandscapeTest {

  static final String ONE_PEER = """
      name: link
      region: eu-west-1
      availabilityZones: [eu-west-1a, eu-west-1b]
      network:
        cidr: 10.0.0.0/16
      interconnect:
        vpcs:
          - name: payments
            cidr: 10.1.0.0/16
      services: []
      """;

  static final String TWO_PEERS = """
      name: link
      region: eu-west-1
      availabilityZones: [eu-west-1a, eu-west-1b]
      network:
        cidr: 10.0.0.0/16
      interconnect:
        mode: peering
        vpcs:
          - name: payments
            cidr: 10.1.0.0/16
          - name: ledger
            cidr: 172.16.0.0/16
            vpcId: vpc-0a1b2c3d4e5f67890
            routeTableIds: [rtb-0a1b2c3d4e5f67890, rtb-0a1b2c3d4e5f67891]
      services: []
      """;

  static Synth.Synthesized onePeer;
  static JsonNode network;
  static Synth.Synthesized twoPeers;
  static JsonNode networkWithTwoPeers;

  @BeforeAll
  static void synthesize() {
    onePeer = Synth.landscape(ONE_PEER);
    network = onePeer.templateJson("network");
    twoPeers = Synth.landscape(TWO_PEERS);
    networkWithTwoPeers = twoPeers.templateJson("network");
  }

  @Test
  void autoChoosesPeeringForTwoVpcsAndPrintsWhyWithTheMonthlyCostOfEachChoice() {
    // peering is free per hour; two Transit Gateway attachments cost 2 × $0.048 (eu-west-1 list price: $0.05) …
    List<String> lines = onePeer.output().lines().filter(l -> l.startsWith("zonewise: decided interconnect.mode:"))
        .toList();
    assertThat(lines).singleElement().satisfies(l -> assertThat(l)
        .startsWith("zonewise: decided interconnect.mode: peering (")
        .contains(" over transitGateway ")
        .endsWith(": no flow runs between two peers, so a star of peering connections routes every flow, for $73.00 a"
            + " month less than a Transit Gateway"));
  }

  @Test
  void onePeeringConnectionFromTheClusterVpcToThePeer() {
    Map<String, JsonNode> connections = resources(network, "AWS::EC2::VPCPeeringConnection");
    assertThat(connections).hasSize(1);
    JsonNode p = connections.values().iterator().next().path("Properties");
    assertThat(resource(network, ref(p.path("VpcId"))).path("Properties").path("CidrBlock").asText())
        .isEqualTo("10.0.0.0/16");
    assertThat(resource(network, ref(p.path("PeerVpcId"))).path("Properties").path("CidrBlock").asText())
        .isEqualTo("10.1.0.0/16");
  }

  @Test
  void everyPrivateRouteTableOnBothSidesRoutesExactlyTheOtherSidesCidrOverThePeering() {
    Map<String, String> tables = privateRouteTableCidrs(network);
    assertThat(tables).hasSize(4);
    Map<String, Set<String>> routes = routesVia(network, "VpcPeeringConnectionId");
    tables.forEach((table, own) -> assertThat(routes.get(table)).as("routes of %s (VPC %s)", table, own)
        .containsExactly(own.equals("10.0.0.0/16") ? "10.1.0.0/16" : "10.0.0.0/16"));
    assertThat(routes.keySet()).as("only private route tables route to the peer").isEqualTo(tables.keySet());
  }

  @Test
  void aCreatedPeerIsPrivateOnlyWithNoInternetGatewayNorPublicSubnetsForLoadBalancers() {
    assertThat(Templates.createdPeerLayout(network, "payments")).containsExactly(
        "AWS::EC2::FlowLog", "AWS::EC2::RouteTable", "AWS::EC2::Subnet", "AWS::EC2::SubnetRouteTableAssociation",
        "AWS::EC2::VPC", "AWS::EC2::VPCEndpoint", "private:internal-elb");
    // the cluster VPC keeps its public subnets and internet gateway
    assertThat(resources(network, "AWS::EC2::InternetGateway")).hasSize(1);
  }

  @Test
  void peeringNeedsNoTransitGatewayAndNoTransitSubnets() {
    assertThat(resources(network, "AWS::EC2::TransitGateway")).isEmpty();
    assertThat(resources(network, "AWS::EC2::Subnet").values().stream()
        .filter(s -> "transit".equals(Templates.tag(s, "zonewise.io/tier")))).isEmpty();
  }

  @Test
  void explicitPeeringWithTwoPeersIsBuiltAsWrittenAndReportedWithTheMonthlyCostOfEachChoice() throws Exception {
    // a choice written in the landscape is not a decision: no "decided" line, a written row in the report
    assertThat(twoPeers.output()).doesNotContain("zonewise: decided interconnect.mode");
    JsonNode decision = null;
    for (JsonNode d : new ObjectMapper().readTree(twoPeers.outdir().resolve(CostReport.JSON_FILE).toFile())
        .path("decisions")) {
      if (d.path("field").asText().equals("interconnect.mode")) {
        decision = d;
      }
    }
    assertThat(decision).isNotNull();
    assertThat(decision.path("built").asText()).isEqualTo("peering");
    assertThat(decision.path("written").asBoolean()).isTrue();
    // three attachments of a Transit Gateway: 3 × $0.05 × 730 h = $109.50 more than peering
    assertThat(decision.path("monthlyUsd").path("transitGateway").asDouble()
        - decision.path("monthlyUsd").path("peering").asDouble()).isCloseTo(109.50, within(0.005));
  }

  @Test
  void peeringWithTwoPeersConnectsEachPeerToTheClusterVpcOnly() {
    assertThat(resources(networkWithTwoPeers, "AWS::EC2::VPCPeeringConnection")).hasSize(2);
    Map<String, Set<String>> routes = routesVia(networkWithTwoPeers, "VpcPeeringConnectionId");
    privateRouteTableCidrs(networkWithTwoPeers).forEach((table, own) -> assertThat(routes.get(table))
        .as("routes of %s (VPC %s)", table, own)
        .containsExactlyElementsOf(own.equals("10.0.0.0/16") ? Set.of("10.1.0.0/16", "172.16.0.0/16")
            .stream().sorted().toList() : java.util.List.of("10.0.0.0/16")));
  }

  @Test
  void anExistingPeerGetsRoutesBackToTheClusterVpcInItsListedRouteTables() {
    String ledger = resources(networkWithTwoPeers, "AWS::EC2::VPCPeeringConnection").entrySet().stream()
        .filter(e -> e.getValue().path("Properties").path("PeerVpcId").asText().equals("vpc-0a1b2c3d4e5f67890"))
        .map(Map.Entry::getKey).findFirst().orElseThrow();
    resources(networkWithTwoPeers, "AWS::EC2::Route").values().stream()
        .map(r -> r.path("Properties"))
        .filter(p -> p.path("RouteTableId").isTextual())
        .forEach(p -> {
          assertThat(ref(p.path("VpcPeeringConnectionId"))).isEqualTo(ledger);
          assertThat(p.path("DestinationCidrBlock").asText()).isEqualTo("10.0.0.0/16");
        });
    assertThat(routesVia(networkWithTwoPeers, "VpcPeeringConnectionId")).containsEntry("rtb-0a1b2c3d4e5f67890",
        Set.of("10.0.0.0/16")).containsEntry("rtb-0a1b2c3d4e5f67891", Set.of("10.0.0.0/16"));
  }

  @Test
  void addingAPeerVpcKeepsEveryExistingResourceAndItsLogicalId() {
    Map<String, String> before = Templates.logicalIds(network);
    assertThat(Templates.logicalIds(networkWithTwoPeers)).containsAllEntriesOf(before);
    before.keySet().forEach(id -> assertThat(resource(networkWithTwoPeers, id).path("Properties"))
        .as("properties of %s", id).isEqualTo(resource(network, id).path("Properties")));
  }

  @Test
  void networkStackHasNoUnsuppressedNagErrorWithPeering() {
    assertThat(onePeer.nagFindings("network", true)).isEmpty();
    assertThat(twoPeers.nagFindings("network", true)).isEmpty();
  }

  @Test
  void peeringInterconnectMatchesSnapshot() {
    Snapshots.assertMatches("peering-interconnect", Templates.only(network, "Interconnect"));
  }
}
