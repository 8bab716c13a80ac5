package io.github.zonewise.interconnect;

import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.design.LandscapeDesign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zonewise.spec.LandscapeException;
import io.github.zonewise.spec.LandscapeReader;
import io.github.zonewise.spec.LandscapeValidator;
import io.github.zonewise.spec.ValidatedLandscape;
import org.junit.jupiter.api.Test;

/** Every message of the {@code interconnect} rules, exactly; the checks run before anything is built. */
class InterconnectErrorsTest {

  static final String BASE = """
      name: shop
      region: eu-west-1
      availabilityZones: [eu-west-1a, eu-west-1b]
      network:
        cidr: 10.0.0.0/16
      services: []
      """;

  static ValidatedLandscape validate(String yaml) {
    return LandscapeValidator.validate(LandscapeReader.parse(BASE + yaml, "test"), "test");
  }

  static void fails(String yaml, String message) {
    assertThatThrownBy(() -> LandscapeDesign.of(validate(yaml), PriceBook.defaults()))
        .isInstanceOf(LandscapeException.class).hasMessage(message);
  }

  @Test
  void unknownModeSuggestsTheNearest() {
    fails("""
        interconnect:
          mode: peerng
          vpcs: [{name: payments, cidr: 10.1.0.0/16}]
        """, "interconnect.mode: 'peerng' is not an interconnect mode; did you mean 'peering'? use one of auto,"
        + " peering, transitGateway (line 8, column 9)");
  }

  @Test
  void interconnectWithoutVpcs() {
    fails("""
        interconnect:
          mode: auto
        """, "interconnect.vpcs: is missing; list the peer VPCs the cluster VPC talks to (a name and a cidr each), or"
        + " remove the interconnect section (line 8, column 3)");
  }

  @Test
  void emptyVpcEntry() {
    fails("""
        interconnect:
          vpcs: [null]
        """, "interconnect.vpcs[0]: is empty; give the peer VPC a name and a cidr (line 8, column 10)");
  }

  @Test
  void peerNamedLikeTheLandscape() {
    fails("""
        interconnect:
          vpcs: [{name: shop, cidr: 10.1.0.0/16}]
        """, "interconnect.vpcs[0].name: 'shop' is the landscape's name, which names the cluster VPC; give the peer"
        + " VPC another name (line 8, column 17)");
  }

  @Test
  void peerNameThatIsNotADnsLabel() {
    fails("""
        interconnect:
          vpcs: [{name: Payments, cidr: 10.1.0.0/16}]
        """, "interconnect.vpcs[0].name: 'Payments' is not a DNS-1123 label; use at most 63 lower-case letters, digits"
        + " and '-', starting and ending with a letter or digit (line 8, column 17)");
  }

  @Test
  void duplicatePeerNames() {
    fails("""
        interconnect:
          vpcs:
            - {name: payments, cidr: 10.1.0.0/16}
            - {name: payments, cidr: 10.2.0.0/16}
        """, "interconnect.vpcs[1].name: 'payments' is also the name of interconnect.vpcs[0]; give each peer VPC its"
        + " own name (line 10, column 14)");
  }

  @Test
  void peerCidrWithHostBitsSet() {
    fails("""
        interconnect:
          vpcs: [{name: payments, cidr: 10.1.0.1/16}]
        """, "interconnect.vpcs[0].cidr: '10.1.0.1/16' has host bits set; write 10.1.0.0/16 (line 8, column 33)");
  }

  @Test
  void peerCidrThatIsNotACidr() {
    fails("""
        interconnect:
          vpcs: [{name: payments, cidr: ten-one}]
        """, "interconnect.vpcs[0].cidr: 'ten-one' is not a CIDR block; write one such as 10.1.0.0/16 (line 8, column 33)");
  }

  @Test
  void peerCidrOverlappingTheClusterVpc() {
    fails("""
        interconnect:
          vpcs: [{name: payments, cidr: 10.0.128.0/17}]
        """, "interconnect.vpcs[0].cidr: '10.0.128.0/17' of payments overlaps the cluster VPC's network.cidr"
        + " 10.0.0.0/16; routes cannot tell the two apart: give payments a block outside 10.0.0.0/16, e.g."
        + " 10.1.0.0/17 (line 8, column 33)");
  }

  @Test
  void overlappingPeerCidrsNameBothVpcsAndBothCidrs() {
    fails("""
        interconnect:
          vpcs:
            - {name: payments, cidr: 10.1.0.0/16}
            - {name: analytics, cidr: 10.1.128.0/17}
        """, "interconnect.vpcs[1].cidr: '10.1.128.0/17' of analytics overlaps 10.1.0.0/16 of payments"
        + " (interconnect.vpcs[0].cidr); routes cannot tell the two apart: give analytics a block outside"
        + " 10.1.0.0/16, e.g. 10.2.0.0/17 (line 10, column 31)");
  }

  @Test
  void createdPeerWhoseCidrDoesNotFitTheSubnetPlan() {
    fails("""
        interconnect:
          vpcs: [{name: payments, cidr: 10.1.0.0/24}]
        """, "interconnect.vpcs[0].cidr: '10.1.0.0/24' is a /24; Zonewise creates payments (it has no vpcId) with the"
        + " subnet plan of network.cidr, which needs a /16 to /20: use such a block, or set vpcId to connect an"
        + " existing VPC (line 8, column 33)");
  }

  @Test
  void invalidVpcId() {
    fails("""
        interconnect:
          vpcs: [{name: payments, cidr: 10.1.0.0/16, vpcId: vpc-12345}]
        """, "interconnect.vpcs[0].vpcId: 'vpc-12345' is not a VPC id; write 'vpc-' and 8 or 17 lower-case hex digits"
        + " (e.g. vpc-0a1b2c3d4e5f67890), or leave vpcId out to have Zonewise create payments (line 8, column 53)");
  }

  @Test
  void routeTableIdsOfACreatedPeer() {
    fails("""
        interconnect:
          vpcs: [{name: payments, cidr: 10.1.0.0/16, routeTableIds: [rtb-0a1b2c3d]}]
        """, "interconnect.vpcs[0].routeTableIds: [rtb-0a1b2c3d] applies only to an existing VPC (vpcId); Zonewise"
        + " routes the VPC it creates for payments itself: remove routeTableIds (line 8, column 61)");
  }

  @Test
  void subnetIdsOfACreatedPeer() {
    fails("""
        interconnect:
          vpcs: [{name: payments, cidr: 10.1.0.0/16, subnetIds: [subnet-0a1b2c3d]}]
        """, "interconnect.vpcs[0].subnetIds: [subnet-0a1b2c3d] applies only to an existing VPC (vpcId); Zonewise"
        + " attaches the VPC it creates for payments through its own transit subnets: remove subnetIds (line 8, column 57)");
  }

  @Test
  void invalidRouteTableId() {
    fails("""
        interconnect:
          vpcs: [{name: payments, cidr: 10.1.0.0/16, vpcId: vpc-0a1b2c3d, routeTableIds: [rt-0a1b2c3d]}]
        """, "interconnect.vpcs[0].routeTableIds[0]: 'rt-0a1b2c3d' is not a route table id; write it like"
        + " rtb-0a1b2c3d4e5f67890 (line 8, column 83)");
  }

  @Test
  void routeTableListedTwice() {
    fails("""
        interconnect:
          vpcs: [{name: payments, cidr: 10.1.0.0/16, vpcId: vpc-0a1b2c3d, routeTableIds: [rtb-0a1b2c3d, rtb-0a1b2c3d]}]
        """, "interconnect.vpcs[0].routeTableIds[1]: 'rtb-0a1b2c3d' is listed twice; list each route table once (line 8, column 97)");
  }

  @Test
  void invalidSubnetId() {
    fails("""
        interconnect:
          mode: transitGateway
          vpcs: [{name: payments, cidr: 10.1.0.0/16, vpcId: vpc-0a1b2c3d, subnetIds: [sn-0a1b2c3d]}]
        """, "interconnect.vpcs[0].subnetIds[0]: 'sn-0a1b2c3d' is not a subnet id; write it like"
        + " subnet-0a1b2c3d4e5f67890 (line 9, column 79)");
  }

  @Test
  void subnetListedTwice() {
    fails("""
        interconnect:
          mode: transitGateway
          vpcs: [{name: payments, cidr: 10.1.0.0/16, vpcId: vpc-0a1b2c3d, subnetIds: [subnet-0a1b2c3d, subnet-0a1b2c3d]}]
        """, "interconnect.vpcs[0].subnetIds[1]: 'subnet-0a1b2c3d' is listed twice; list each subnet once (line 9, column 96)");
  }

  @Test
  void existingPeerWithoutSubnetsWhenAutoChoosesATransitGateway() {
    // traffic between the two peers: auto needs a Transit Gateway (peering is not transitive)
    fails("""
        interconnect:
          vpcs:
            - {name: payments, cidr: 10.1.0.0/16}
            - {name: ledger, cidr: 172.16.0.0/16, vpcId: vpc-0a1b2c3d}
        traffic:
          - {from: payments, to: ledger, gb: 100}
        """, "interconnect.vpcs[1].subnetIds: is missing; interconnect.mode auto chose a Transit Gateway for 3 VPCs,"
        + " which attaches the existing VPC ledger (vpc-0a1b2c3d) through one of its subnets in each AZ: list those"
        + " subnet ids (small /28 subnets for the attachment are best) (line 10, column 7)");
  }

  @Test
  void existingPeerWithoutSubnetsWhenATransitGatewayIsAskedFor() {
    fails("""
        interconnect:
          mode: transitGateway
          vpcs: [{name: ledger, cidr: 172.16.0.0/16, vpcId: vpc-0a1b2c3d}]
        """, "interconnect.vpcs[0].subnetIds: is missing; a Transit Gateway (interconnect.mode transitGateway) attaches"
        + " the existing VPC ledger (vpc-0a1b2c3d) through one of its subnets in each AZ: list those subnet ids (small"
        + " /28 subnets for the attachment are best) (line 9, column 10)");
  }

  @Test
  void oneSubnetForTwoAzsWithATransitGatewayFails() {
    fails("""
        interconnect:
          mode: transitGateway
          vpcs: [{name: ledger, cidr: 172.16.0.0/16, vpcId: vpc-0a1b2c3d, subnetIds: [subnet-0a1b2c3d]}]
        """, "interconnect.vpcs[0].subnetIds: [subnet-0a1b2c3d] lists 1 subnet for the landscape's 2 AZs; a Transit"
        + " Gateway (interconnect.mode transitGateway) attaches the existing VPC ledger (vpc-0a1b2c3d) through one of its"
        + " subnets in each AZ, and an AZ without one cannot reach the attachment: list one subnet of ledger in each of"
        + " eu-west-1a, eu-west-1b (line 9, column 78)");
  }

  @Test
  void tooFewSubnetsWhenAutoChoosesATransitGatewayFail() {
    // traffic between the two peers: auto needs a Transit Gateway (peering is not transitive)
    fails("""
        interconnect:
          vpcs:
            - {name: payments, cidr: 10.1.0.0/16}
            - {name: ledger, cidr: 172.16.0.0/16, vpcId: vpc-0a1b2c3d, subnetIds: [subnet-0a1b2c3d]}
        traffic:
          - {from: payments, to: ledger, gb: 100}
        """, "interconnect.vpcs[1].subnetIds: [subnet-0a1b2c3d] lists 1 subnet for the landscape's 2 AZs;"
        + " interconnect.mode auto chose a Transit Gateway for 3 VPCs, which attaches the existing VPC ledger"
        + " (vpc-0a1b2c3d) through one of its subnets in each AZ, and an AZ without one cannot reach the attachment:"
        + " list one subnet of ledger in each of eu-west-1a, eu-west-1b (line 10, column 75)");
  }

  @Test
  void moreSubnetsThanTheRegionHasAzsFail() {
    fails("""
        interconnect:
          mode: transitGateway
          vpcs: [{name: ledger, cidr: 172.16.0.0/16, vpcId: vpc-0a1b2c3d,
                  subnetIds: [subnet-0a1b2c3d, subnet-1a1b2c3d, subnet-2a1b2c3d, subnet-3a1b2c3d]}]
        """, "interconnect.vpcs[0].subnetIds: [subnet-0a1b2c3d, subnet-1a1b2c3d, subnet-2a1b2c3d, subnet-3a1b2c3d]"
        + " lists 4 subnets, more than the 3 AZs of the region; an attachment takes one subnet per AZ: list one subnet"
        + " of ledger per AZ (line 10, column 22)");
  }

  @Test
  void aSubnetPerAzWithATransitGatewayIsAccepted() {
    ValidatedLandscape checked = validate("""
        interconnect:
          mode: transitGateway
          vpcs: [{name: ledger, cidr: 172.16.0.0/16, vpcId: vpc-0a1b2c3d, subnetIds: [subnet-0a1b2c3d, subnet-1a1b2c3d]}]
        """);
    assertThat(checked.spec().interconnect().orElseThrow().vpcs().get(0).subnetIds()).hasSize(2);
  }

  @Test
  void aPeerNamedLikeAnAwsServiceFails() {
    fails("""
        interconnect:
          vpcs: [{name: s3, cidr: 10.1.0.0/16}]
        """, "interconnect.vpcs[0].name: 's3' is also the traffic end of the AWS service s3, so a flow naming s3 could"
        + " not tell the two apart; give the peer VPC another name (line 8, column 17)");
  }

  @Test
  void aPeerNamedInternetFails() {
    fails("""
        interconnect:
          vpcs: [{name: internet, cidr: 10.1.0.0/16}]
        """, "interconnect.vpcs[0].name: 'internet' is also the traffic end of the internet, so a flow naming internet"
        + " could not tell the two apart; give the peer VPC another name (line 8, column 17)");
  }

  @Test
  void peeringAskedToCarryTrafficBetweenTwoPeersNeedsATransitGateway() {
    fails("""
        interconnect:
          mode: peering
          vpcs:
            - {name: payments, cidr: 10.1.0.0/16}
            - {name: analytics, cidr: 10.2.0.0/16}
        traffic:
          - {from: payments, to: analytics, gb: 100}
        """, "interconnect.mode: 'peering' cannot carry traffic[0] from payments to analytics: peering is not"
        + " transitive (each peer VPC is peered with the cluster VPC only, so payments has no route to analytics);"
        + " use mode: transitGateway (or auto), which routes between all 3 VPCs for $109.50/month in attachments (line 8, column 9)");
  }

  @Test
  void peeringWithTwoPeersThatOnlyTalkToTheClusterIsAccepted() {
    ValidatedLandscape checked = validate("""
        interconnect:
          mode: peering
          vpcs:
            - {name: payments, cidr: 10.1.0.0/16}
            - {name: analytics, cidr: 10.2.0.0/16}
        traffic:
          - {from: payments, to: internet, gb: 100}
        """);
    assertThat(checked.spec().interconnect().orElseThrow().mode()).contains(Interconnect.peering());
  }

  @Test
  void existingPeerWithoutRouteTablesWarnsThatItsSideIsLeftToItsOwner() {
    ValidatedLandscape checked = validate("""
        interconnect:
          vpcs: [{name: ledger, cidr: 172.16.0.0/16, vpcId: vpc-0a1b2c3d}]
        """);
    assertThat(checked.warnings()).containsExactly("interconnect.vpcs[0].routeTableIds: not set for the existing VPC"
        + " ledger (vpc-0a1b2c3d), so Zonewise adds routes to 172.16.0.0/16 in the cluster VPC only; add routes back"
        + " to 10.0.0.0/16 in ledger's route tables yourself, or list them in routeTableIds");
  }

  @Test
  void subnetsOfAnExistingPeerAreUnusedWithPeering() {
    ValidatedLandscape checked = validate("""
        interconnect:
          vpcs: [{name: ledger, cidr: 172.16.0.0/16, vpcId: vpc-0a1b2c3d, routeTableIds: [rtb-0a1b2c3d],
                  subnetIds: [subnet-0a1b2c3d]}]
        """);
    assertThat(LandscapeDesign.of(checked, PriceBook.defaults()).warnings()).containsExactly("interconnect.vpcs[0]"
        + ".subnetIds: unused with peering (they are"
        + " for a Transit Gateway attachment)");
  }

  @Test
  void defaultsAreFilledIn() {
    ValidatedLandscape checked = validate("""
        interconnect:
          vpcs: [{name: payments, cidr: 10.1.0.0/16}]
        """);
    assertThat(checked.spec().interconnect().orElseThrow().mode()).isEmpty();
    assertThat(checked.spec().interconnect().orElseThrow().vpcs().get(0).routeTableIds()).isEmpty();
    assertThat(checked.spec().interconnect().orElseThrow().vpcs().get(0).subnetIds()).isEmpty();
  }
}
