package io.github.zonewise.interconnect;

import static io.github.zonewise.interconnect.Templates.privateRouteTableCidrs;
import static io.github.zonewise.interconnect.Templates.ref;
import static io.github.zonewise.interconnect.Templates.resource;
import static io.github.zonewise.interconnect.Templates.resources;
import static io.github.zonewise.interconnect.Templates.routesVia;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zonewise.spec.LandscapeReader;
import io.github.zonewise.test.Snapshots;
import io.github.zonewise.test.Synth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default landscape with traffic between its two peers (so auto chooses a Transit Gateway: peering
 * is not transitive), and the same landscape with a third, existing peer VPC.
 */
class TransitGatewayLandscapeTest {

  static final String LEDGER = ""
      + "    - name: ledger\n"
      + "      cidr: 172.16.0.0/16\n"
      + "      vpcId: vpc-0a1b2c3d4e5f67890\n"
      + "      routeTableIds: [rtb-0a1b2c3d4e5f67890, rtb-0a1b2c3d4e5f67891]\n"
      + "      subnetIds: [subnet-0a1b2c3d4e5f67890, subnet-0a1b2c3d4e5f67891, subnet-0a1b2c3d4e5f67892]\n";

  /** A flow between the default landscape's two peers, appended to its traffic (the file's last section). */
  static final String BETWEEN_PEERS = "  - {from: payments, to: analytics, gb: 500}\n";

  static Synth.Synthesized synth;
  static JsonNode network;
  static Synth.Synthesized withLedger;
  static JsonNode networkWithLedger;

  @BeforeAll
  static void synthesize() {
    String text = LandscapeReader.defaultText() + BETWEEN_PEERS;
    synth = Synth.landscape(text);
    network = synth.templateJson("network");
    String analytics = "    - name: analytics\n      cidr: 10.2.0.0/16\n";
    assertThat(text).contains(analytics);
    withLedger = Synth.landscape(text.replace(analytics, analytics + LEDGER));
    networkWithLedger = withLedger.templateJson("network");
  }

  @Test
  void autoChoosesATransitGatewayForThreeVpcsAndPrintsWhyWithTheMonthlyCostOfEachChoice() {
    List<String> lines = synth.output().lines().filter(l -> l.startsWith("zonewise: decided interconnect.mode:"))
        .toList();
    assertThat(lines).singleElement().satisfies(l -> assertThat(l)
        .startsWith("zonewise: decided interconnect.mode: transitGateway (")
        .contains(" over peering (cannot carry the flows between peers) ")
        .endsWith(": traffic[12] (payments → analytics) between two peers need routing peering cannot give (it is"
            + " not transitive)"));
  }

  @Test
  void createdPeersArePrivateOnlyPlusTheirTransitSubnets() {
    for (String peer : List.of("payments", "analytics")) {
      assertThat(Templates.createdPeerLayout(network, peer)).as(peer).containsExactly(
          "AWS::EC2::FlowLog", "AWS::EC2::RouteTable", "AWS::EC2::Subnet", "AWS::EC2::SubnetRouteTableAssociation",
          "AWS::EC2::VPC", "AWS::EC2::VPCEndpoint", "private:internal-elb",
          "transit:none");
    }
  }

  @Test
  void transitGatewayStatesDefaultRouteTableAssociationAndPropagationAsDisabled() {
    Map<String, JsonNode> gateways = resources(network, "AWS::EC2::TransitGateway");
    assertThat(gateways).hasSize(1);
    JsonNode p = gateways.values().iterator().next().path("Properties");
    assertThat(p.path("DefaultRouteTableAssociation").asText()).isEqualTo("disable");
    assertThat(p.path("DefaultRouteTablePropagation").asText()).isEqualTo("disable");
    assertThat(p.path("AutoAcceptSharedAttachments").asText()).isEqualTo("disable");
  }

  @Test
  void oneAttachmentPerVpcWithItsOwnTransitSubnetInEveryAz() {
    Map<String, JsonNode> attachments = resources(network, "AWS::EC2::TransitGatewayAttachment");
    assertThat(attachments).hasSize(3);
    Set<String> vpcs = new TreeSet<>();
    for (JsonNode attachment : attachments.values()) {
      String vpc = ref(attachment.path("Properties").path("VpcId"));
      vpcs.add(vpc);
      List<String> zones = new ArrayList<>();
      for (JsonNode subnetRef : attachment.path("Properties").path("SubnetIds")) {
        JsonNode subnet = resource(network, ref(subnetRef));
        assertThat(ref(subnet.path("Properties").path("VpcId"))).isEqualTo(vpc);
        assertThat(Templates.tag(subnet, "zonewise.io/tier")).isEqualTo("transit");
        assertThat(subnet.path("Properties").path("CidrBlock").asText()).endsWith("/28");
        zones.add(subnet.path("Properties").path("AvailabilityZone").asText());
      }
      assertThat(zones).containsExactly("eu-west-1a", "eu-west-1b", "eu-west-1c");
    }
    assertThat(vpcs).hasSameElementsAs(resources(network, "AWS::EC2::VPC").keySet());
  }

  @Test
  void applianceModeIsOffOnEveryAttachment() {
    resources(network, "AWS::EC2::TransitGatewayAttachment").values().forEach(a ->
        assertThat(a.path("Properties").path("Options").path("ApplianceModeSupport").asText()).isEqualTo("disable"));
  }

  @Test
  void everyAttachmentIsAssociatedWithAndPropagatesToTheGatewaysOwnRouteTable() {
    Set<String> tables = resources(network, "AWS::EC2::TransitGatewayRouteTable").keySet();
    assertThat(tables).hasSize(1);
    String table = tables.iterator().next();
    Set<String> attachments = resources(network, "AWS::EC2::TransitGatewayAttachment").keySet();
    for (String type : List.of("AWS::EC2::TransitGatewayRouteTableAssociation",
        "AWS::EC2::TransitGatewayRouteTablePropagation")) {
      Map<String, JsonNode> links = resources(network, type);
      assertThat(links.values().stream().map(l -> ref(l.path("Properties").path("TransitGatewayRouteTableId"))))
          .as(type).containsOnly(table);
      assertThat(links.values().stream().map(l -> ref(l.path("Properties").path("TransitGatewayAttachmentId")))
          .collect(Collectors.toSet())).as(type).isEqualTo(attachments);
    }
  }

  @Test
  void everyPrivateRouteTableRoutesExactlyTheOtherVpcsCidrsThroughTheGateway() {
    Map<String, String> tables = privateRouteTableCidrs(network);
    assertThat(tables).hasSize(9);
    Set<String> all = new TreeSet<>(tables.values());
    assertThat(all).containsExactly("10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16");
    Map<String, Set<String>> routes = routesVia(network, "TransitGatewayId");
    tables.forEach((table, own) -> {
      Set<String> others = new TreeSet<>(all);
      others.remove(own);
      assertThat(routes.get(table)).as("routes of %s (VPC %s)", table, own).isEqualTo(others);
    });
    assertThat(routes.keySet()).isEqualTo(tables.keySet());
  }

  @Test
  void everyGatewayRouteWaitsForItsVpcsAttachment() {
    Map<String, JsonNode> attachments = resources(network, "AWS::EC2::TransitGatewayAttachment");
    resources(network, "AWS::EC2::Route").forEach((id, route) -> {
      if (!route.path("Properties").has("TransitGatewayId")) {
        return;
      }
      String vpc = ref(resource(network, ref(route.path("Properties").path("RouteTableId"))).path("Properties")
          .path("VpcId"));
      List<String> waitsFor = new ArrayList<>();
      route.path("DependsOn").forEach(d -> waitsFor.add(d.asText()));
      assertThat(waitsFor).as(id).anyMatch(d -> attachments.containsKey(d)
          && ref(attachments.get(d).path("Properties").path("VpcId")).equals(vpc));
    });
  }

  @Test
  void createdPeersAreReachedOverTheGatewayWithoutNatGatewaysOrInterfaceEndpoints() {
    assertThat(resources(network, "AWS::EC2::NatGateway")).hasSize(3);
    assertThat(resources(network, "AWS::EC2::VPCEndpoint").values().stream()
        .filter(e -> e.path("Properties").path("VpcEndpointType").asText().equals("Interface")))
        .as("only the cluster VPC's, as the design step chose them")
        .hasSize(synth.landscape().design().interfaceEndpoints().size());
    assertThat(resources(network, "AWS::EC2::VPCPeeringConnection")).isEmpty();
  }

  @Test
  void anExistingPeerIsAttachedThroughItsListedSubnetsAndRoutedInItsListedRouteTables() {
    JsonNode attachment = resources(networkWithLedger, "AWS::EC2::TransitGatewayAttachment").values().stream()
        .filter(a -> a.path("Properties").path("VpcId").asText().equals("vpc-0a1b2c3d4e5f67890"))
        .findFirst().orElseThrow();
    assertThat(Templates.texts(attachment.path("Properties").path("SubnetIds"))).containsExactlyInAnyOrder(
        "subnet-0a1b2c3d4e5f67890", "subnet-0a1b2c3d4e5f67891", "subnet-0a1b2c3d4e5f67892");
    Map<String, Set<String>> routes = routesVia(networkWithLedger, "TransitGatewayId");
    for (String table : List.of("rtb-0a1b2c3d4e5f67890", "rtb-0a1b2c3d4e5f67891")) {
      assertThat(routes.get(table)).containsExactly("10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16");
    }
    privateRouteTableCidrs(networkWithLedger).keySet().forEach(table ->
        assertThat(routes.get(table)).contains("172.16.0.0/16"));
  }

  @Test
  void addingAPeerVpcKeepsEveryExistingResourceAndItsLogicalId() {
    Map<String, String> before = Templates.logicalIds(network);
    Map<String, String> after = Templates.logicalIds(networkWithLedger);
    assertThat(after).containsAllEntriesOf(before);
    before.keySet().forEach(id -> assertThat(resource(networkWithLedger, id).path("Properties"))
            .as("properties of %s", id).isEqualTo(resource(network, id).path("Properties")));
  }

  @Test
  void networkStackHasNoUnsuppressedNagErrorWithATransitGateway() {
    assertThat(synth.nagFindings("network", true)).isEmpty();
    assertThat(withLedger.nagFindings("network", true)).isEmpty();
  }

  @Test
  void defaultInterconnectMatchesSnapshot() {
    Snapshots.assertMatches("transit-gateway-interconnect", Templates.only(network, "Interconnect"));
  }
}
