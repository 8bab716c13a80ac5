package io.github.zonewise.lint;

import static io.github.zonewise.lint.Synthesized.IN_EU_WEST_1;
import static io.github.zonewise.lint.Synthesized.ZONES;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.zonewise.network.NatStrategy;
import io.github.zonewise.network.ZonalVpc;
import io.github.zonewise.network.ZonalVpcProps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.CfnSubnet;
import software.amazon.awscdk.services.ec2.CfnTransitGateway;
import software.amazon.awscdk.services.ec2.CfnTransitGatewayAttachment;
import software.amazon.awscdk.services.ec2.CfnTransitGatewayVpcAttachment;
import software.amazon.awscdk.services.ec2.CfnVPC;
import software.amazon.awscdk.services.ec2.CfnVPCEndpoint;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.Protocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.constructs.Construct;

/** The network rules on real synthesized aws-cdk-lib and Zonewise VPCs, one synth for the class. */
class NetworkRulesTest {

  static Synthesized app;

  @BeforeAll
  static void synthesize() {
    app = Synthesized.app(a -> {
      Stack zonal = new Stack(a, "Zonal", IN_EU_WEST_1);
      Vpc vpc = vpc(zonal, 3, Map.of(
          "S3", GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.S3).build(),
          "DynamoDb", GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.DYNAMODB).build()));
      vpc.addInterfaceEndpoint("Ecr", InterfaceVpcEndpointOptions.builder()
          .service(InterfaceVpcEndpointAwsService.ECR).build());
      NetworkLoadBalancer.Builder.create(zonal, "Nlb").vpc(vpc).build();
      NetworkTargetGroup.Builder.create(zonal, "NlbTargets").vpc(vpc).port(80).protocol(Protocol.TCP)
          .targetType(TargetType.IP).build();
      ApplicationLoadBalancer.Builder.create(zonal, "Alb").vpc(vpc).build();

      Stack naive = new Stack(a, "Naive", IN_EU_WEST_1);
      Vpc naiveVpc = vpc(naive, 1, Map.of());
      NetworkLoadBalancer.Builder.create(naive, "Nlb").vpc(naiveVpc).crossZoneEnabled(true).build();
      NetworkTargetGroup targets = NetworkTargetGroup.Builder.create(naive, "NlbTargets").vpc(naiveVpc).port(80)
          .protocol(Protocol.TCP).targetType(TargetType.IP).build();
      targets.setAttribute("load_balancing.cross_zone.enabled", "true");

      Stack partial = new Stack(a, "Partial", IN_EU_WEST_1);
      Vpc partialVpc = vpc(partial, 3, Map.of());
      SubnetSelection zonesAB = SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS)
          .availabilityZones(List.of("eu-west-1a", "eu-west-1b")).build();
      partialVpc.addGatewayEndpoint("S3", GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.S3)
          .subnets(List.of(zonesAB)).build());
      partialVpc.addInterfaceEndpoint("Ecr", InterfaceVpcEndpointOptions.builder()
          .service(InterfaceVpcEndpointAwsService.ECR).subnets(zonesAB).build());
      List<ISubnet> ab = partialVpc.selectSubnets(zonesAB).getSubnets();
      CfnVPCEndpoint.Builder.create(partial, "StsEndpoint").vpcId(partialVpc.getVpcId()).vpcEndpointType("Interface")
          .serviceName("com.amazonaws.eu-west-1.sts").subnetIds(ab.stream().map(ISubnet::getSubnetId).toList()).build();

      new ZonalVpc(new Stack(a, "ZonalVpcSingle", IN_EU_WEST_1), "Vpc", ZonalVpcProps.builder()
          .availabilityZones(ZONES).nat(NatStrategy.single()).build());
      new ZonalVpc(new Stack(a, "ZonalVpcRegional", IN_EU_WEST_1), "Vpc", ZonalVpcProps.builder()
          .availabilityZones(ZONES).nat(NatStrategy.regional()).build());

      Stack isolated = new Stack(a, "Isolated", IN_EU_WEST_1);
      Vpc isolatedVpc = Vpc.Builder.create(isolated, "Vpc").availabilityZones(ZONES).natGateways(0)
          .restrictDefaultSecurityGroup(false)
          .subnetConfiguration(List.of(SubnetConfiguration.builder().name("Isolated")
              .subnetType(SubnetType.PRIVATE_ISOLATED).build()))
          .build();
      isolatedVpc.addInterfaceEndpoint("Ecr", InterfaceVpcEndpointOptions.builder()
          .service(InterfaceVpcEndpointAwsService.ECR).build());

      Stack tgw = new Stack(a, "Tgw", IN_EU_WEST_1);
      List<CfnVPC> vpcs = List.of(cfnVpc(tgw, "A", "10.1.0.0/16"), cfnVpc(tgw, "B", "10.2.0.0/16"),
          cfnVpc(tgw, "C", "10.3.0.0/16"));
      transitGateway(tgw, "Hub", vpcs, false);
      transitGateway(tgw, "Pair", vpcs.subList(0, 2), false);
      transitGateway(tgw, "PairVpcAttachments", vpcs.subList(1, 3), true);
      transitGateway(tgw, "Lone", vpcs.subList(0, 1), false);
    });
  }

  private static Vpc vpc(Stack stack, int natGateways, Map<String, GatewayVpcEndpointOptions> gatewayEndpoints) {
    return Vpc.Builder.create(stack, "Vpc").availabilityZones(ZONES).natGateways(natGateways)
        .restrictDefaultSecurityGroup(false).gatewayEndpoints(gatewayEndpoints).build();
  }

  private static CfnVPC cfnVpc(Stack stack, String id, String cidr) {
    CfnVPC vpc = CfnVPC.Builder.create(stack, "Vpc" + id).cidrBlock(cidr).build();
    CfnSubnet.Builder.create(vpc, "Subnet").vpcId(vpc.getRef()).cidrBlock(cidr.replace("/16", "/24"))
        .availabilityZone("eu-west-1a").build();
    return vpc;
  }

  private static void transitGateway(Stack stack, String id, List<CfnVPC> vpcs, boolean vpcAttachments) {
    CfnTransitGateway gateway = CfnTransitGateway.Builder.create(stack, id).build();
    for (CfnVPC vpc : vpcs) {
      String subnet = ((CfnSubnet) vpc.getNode().findChild("Subnet")).getRef();
      Construct scope = new Construct(gateway, vpc.getNode().getId());
      if (vpcAttachments) {
        CfnTransitGatewayVpcAttachment.Builder.create(scope, "Attachment").transitGatewayId(gateway.getRef())
            .vpcId(vpc.getRef()).subnetIds(List.of(subnet)).addSubnetIds(List.of()).removeSubnetIds(List.of()).build();
      } else {
        CfnTransitGatewayAttachment.Builder.create(scope, "Attachment").transitGatewayId(gateway.getRef())
            .vpcId(vpc.getRef()).subnetIds(List.of(subnet)).build();
      }
    }
  }

  @Nested
  class Nat1 {
    @Test
    void compliantWhenEachPrivateSubnetRoutesToTheNatInItsOwnAz() {
      for (int i = 1; i <= 3; i++) {
        assertThat(app.check(CostRules.NAT1, "Zonal", "Vpc/PrivateSubnet" + i + "/Subnet").compliant()).isTrue();
      }
    }

    @Test
    void compliantWithARegionalNatGateway() {
      assertThat(app.check(CostRules.NAT1, "ZonalVpcRegional", "Vpc/PrivateB/Subnet").compliant()).isTrue();
    }

    @Test
    void nonCompliant1SingleNatGatewayOfAnEc2Vpc() {
      assertThat(app.check(CostRules.NAT1, "Naive", "Vpc/PrivateSubnet1/Subnet").compliant()).isTrue();
      assertThat(app.check(CostRules.NAT1, "Naive", "Vpc/PrivateSubnet2/Subnet").details()).containsExactly(
          "the subnet is in eu-west-1b but its default route goes to NAT gateway Vpc/PublicSubnet1/NATGateway in eu-west-1a");
      assertThat(app.check(CostRules.NAT1, "Naive", "Vpc/PrivateSubnet3/Subnet").nonCompliant()).isTrue();
    }

    @Test
    void nonCompliant2SingleNatGatewayOfAZonalVpc() {
      assertThat(app.check(CostRules.NAT1, "ZonalVpcSingle", "Vpc/PrivateA/Subnet").compliant()).isTrue();
      assertThat(app.check(CostRules.NAT1, "ZonalVpcSingle", "Vpc/PrivateC/Subnet").details()).containsExactly(
          "the subnet is in eu-west-1c but its default route goes to NAT gateway Vpc/PublicA/NatGateway in eu-west-1a");
    }

    @Test
    void notApplicableToPublicAndIsolatedSubnets() {
      assertThat(app.check(CostRules.NAT1, "Naive", "Vpc/PublicSubnet2/Subnet").applicable()).isFalse();
      assertThat(app.check(CostRules.NAT1, "Isolated", "Vpc/IsolatedSubnet1/Subnet").applicable()).isFalse();
    }
  }

  @Nested
  class Vpce1And2 {
    @Test
    void compliantWithS3AndDynamoDbGatewayEndpointsOnEveryPrivateRouteTable() {
      assertThat(app.check(CostRules.VPCE1, "Zonal", "Vpc").compliant()).isTrue();
      assertThat(app.check(CostRules.VPCE2, "Zonal", "Vpc").compliant()).isTrue();
      assertThat(app.check(CostRules.VPCE1, "ZonalVpcSingle", "Vpc").compliant()).isTrue();
    }

    @Test
    void nonCompliant1NoGatewayEndpoint() {
      assertThat(app.check(CostRules.VPCE1, "Naive", "Vpc").details()).containsExactly(
          "no S3 gateway endpoint; route tables Vpc/PrivateSubnet1/RouteTable, Vpc/PrivateSubnet2/RouteTable, "
              + "Vpc/PrivateSubnet3/RouteTable route to a NAT gateway");
      assertThat(app.check(CostRules.VPCE2, "Naive", "Vpc").details()).containsExactly(
          "no DynamoDB gateway endpoint; route tables Vpc/PrivateSubnet1/RouteTable, Vpc/PrivateSubnet2/RouteTable, "
              + "Vpc/PrivateSubnet3/RouteTable route to a NAT gateway");
    }

    @Test
    void nonCompliant2GatewayEndpointOnSomePrivateRouteTablesOnly() {
      assertThat(app.check(CostRules.VPCE1, "Partial", "Vpc").details()).containsExactly(
          "route table Vpc/PrivateSubnet3/RouteTable routes to a NAT gateway without the S3 gateway endpoint");
    }

    @Test
    void notApplicableWithoutNatEgress() {
      assertThat(app.check(CostRules.VPCE1, "Isolated", "Vpc").applicable()).isFalse();
      assertThat(app.check(CostRules.VPCE2, "Isolated", "Vpc").applicable()).isFalse();
    }
  }

  @Nested
  class Vpce3 {
    @Test
    void compliantWithASubnetInEveryAzWithPrivateSubnets() {
      assertThat(app.check(CostRules.VPCE3, "Zonal", "Vpc/Ecr").compliant()).isTrue();
      assertThat(app.check(CostRules.VPCE3, "ZonalVpcSingle", "Vpc/InterfaceEcrDkrEndpoint").compliant()).isTrue();
    }

    @Test
    void compliantInIsolatedSubnetsOfEveryAz() {
      assertThat(app.check(CostRules.VPCE3, "Isolated", "Vpc/Ecr").compliant()).isTrue();
    }

    @Test
    void nonCompliant1InterfaceEndpointInTwoOfThreeAzs() {
      assertThat(app.check(CostRules.VPCE3, "Partial", "Vpc/Ecr").details()).containsExactly(
          "no endpoint subnet in eu-west-1c (private subnet Vpc/PrivateSubnet3/Subnet)");
    }

    @Test
    void nonCompliant2CfnVpcEndpointWithSubnetsInTwoOfThreeAzs() {
      assertThat(app.check(CostRules.VPCE3, "Partial", "StsEndpoint").nonCompliant()).isTrue();
    }

    @Test
    void notApplicableToGatewayEndpoints() {
      assertThat(app.check(CostRules.VPCE3, "Zonal", "Vpc/S3").applicable()).isFalse();
    }
  }

  @Nested
  class Tgw1 {
    @Test
    void compliantWhenJoiningThreeVpcs() {
      assertThat(app.check(CostRules.TGW1, "Tgw", "Hub").compliant()).isTrue();
    }

    @Test
    void nonCompliant1TwoTransitGatewayAttachments() {
      assertThat(app.check(CostRules.TGW1, "Tgw", "Pair").details())
          .containsExactly("its only VPC attachments join VpcA and VpcB");
    }

    @Test
    void nonCompliant2TwoTransitGatewayVpcAttachments() {
      assertThat(app.check(CostRules.TGW1, "Tgw", "PairVpcAttachments").details())
          .containsExactly("its only VPC attachments join VpcB and VpcC");
    }

    @Test
    void notApplicableWhenItsAttachmentsAreNotInTheTemplate() {
      assertThat(app.check(CostRules.TGW1, "Tgw", "Lone").applicable()).isFalse();
    }
  }

  @Nested
  class Lb2OnCloudFormation {
    @Test
    void compliantWithCrossZoneOffByDefault() {
      assertThat(app.check(CostRules.LB2, "Zonal", "Nlb").compliant()).isTrue();
      assertThat(app.check(CostRules.LB2, "Zonal", "NlbTargets").compliant()).isTrue();
    }

    @Test
    void nonCompliant1NetworkLoadBalancerWithCrossZoneEnabled() {
      assertThat(app.check(CostRules.LB2, "Naive", "Nlb").details())
          .containsExactly("LoadBalancerAttributes sets load_balancing.cross_zone.enabled=true");
    }

    @Test
    void nonCompliant2NlbTargetGroupWithCrossZoneEnabled() {
      assertThat(app.check(CostRules.LB2, "Naive", "NlbTargets").details())
          .containsExactly("TargetGroupAttributes sets load_balancing.cross_zone.enabled=true");
    }

    @Test
    void notApplicableToApplicationLoadBalancers() {
      assertThat(app.check(CostRules.LB2, "Zonal", "Alb").applicable()).isFalse();
    }
  }
}
