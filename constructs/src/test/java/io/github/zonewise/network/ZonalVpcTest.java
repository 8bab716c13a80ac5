package io.github.zonewise.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The VPC on its own, as another CDK app would use it: one app, one stack per NAT strategy. */
class ZonalVpcTest {

  static final List<String> ZONES = List.of("eu-west-1a", "eu-west-1b", "eu-west-1c");
  static final ObjectMapper JSON = new ObjectMapper();
  static Map<String, Template> templates = new HashMap<>();
  static Map<String, JsonNode> json = new HashMap<>();

  @BeforeAll
  static void synthesize() {
    App app = new App();
    Map<String, Stack> stacks = new HashMap<>();
    for (NatStrategy nat : List.of(NatStrategy.perAz(), NatStrategy.single(), NatStrategy.regional(), NatStrategy.none())) {
      Stack stack = new Stack(app, "Vpc-" + nat.name(), StackProps.builder()
          .env(Environment.builder().region("eu-west-1").build()).build());
      new ZonalVpc(stack, "Network", ZonalVpcProps.builder()
          .availabilityZones(ZONES)
          .nat(nat)
          .name("Network")
          .karpenterDiscovery("shop")
          .transitSubnets(nat.equals(NatStrategy.regional()))
          .build());
      stacks.put(nat.name(), stack);
    }
    stacks.forEach((nat, stack) -> {
      Template t = Template.fromStack(stack);
      templates.put(nat, t);
      json.put(nat, JSON.valueToTree(t.toJSON()));
    });
  }

  static List<JsonNode> resources(String nat, String type) {
    List<JsonNode> found = new ArrayList<>();
    json.get(nat).path("Resources").fields().forEachRemaining(e -> {
      if (e.getValue().path("Type").asText().equals(type)) {
        found.add(e.getValue());
      }
    });
    return found;
  }

  static String logicalIdOf(String nat, String type, String tagName) {
    var it = json.get(nat).path("Resources").fields();
    while (it.hasNext()) {
      var e = it.next();
      if (e.getValue().path("Type").asText().equals(type)) {
        for (JsonNode tag : e.getValue().path("Properties").path("Tags")) {
          if (tag.path("Key").asText().equals("Name") && tag.path("Value").asText().equals(tagName)) {
            return e.getKey();
          }
        }
      }
    }
    throw new AssertionError("no " + type + " named " + tagName);
  }

  @Test
  void perAzCreatesOneNatGatewayInEachAzsPublicSubnet() {
    templates.get("perAz").resourceCountIs("AWS::EC2::NatGateway", 3);
    templates.get("perAz").resourceCountIs("AWS::EC2::EIP", 3);
    for (String zone : ZONES) {
      templates.get("perAz").hasResourceProperties("AWS::EC2::NatGateway", Map.of(
          "SubnetId", Map.of("Ref", logicalIdOf("perAz", "AWS::EC2::Subnet", "Network-public-" + zone))));
    }
  }

  @Test
  void privateSubnetsRouteToNatInTheirOwnAz() {
    for (String zone : ZONES) {
      String table = logicalIdOf("perAz", "AWS::EC2::RouteTable", "Network-private-" + zone);
      String nat = logicalIdOf("perAz", "AWS::EC2::NatGateway", "Network-nat-" + zone);
      templates.get("perAz").hasResourceProperties("AWS::EC2::Route", Map.of(
          "RouteTableId", Map.of("Ref", table),
          "DestinationCidrBlock", "0.0.0.0/0",
          "NatGatewayId", Map.of("Ref", nat)));
    }
    assertThat(resources("perAz", "AWS::EC2::Route").stream()
        .filter(r -> r.path("Properties").has("NatGatewayId")).count()).isEqualTo(3);
  }

  @Test
  void singleNatServesEveryPrivateSubnetFromTheFirstAz() {
    templates.get("single").resourceCountIs("AWS::EC2::NatGateway", 1);
    String nat = logicalIdOf("single", "AWS::EC2::NatGateway", "Network-nat-eu-west-1a");
    for (String zone : ZONES) {
      templates.get("single").hasResourceProperties("AWS::EC2::Route", Map.of(
          "RouteTableId", Map.of("Ref", logicalIdOf("single", "AWS::EC2::RouteTable", "Network-private-" + zone)),
          "NatGatewayId", Map.of("Ref", nat)));
    }
  }

  @Test
  void regionalNatIsOneRegionalGatewayWithoutSubnetThatEveryPrivateSubnetRoutesTo() {
    templates.get("regional").resourceCountIs("AWS::EC2::NatGateway", 1);
    templates.get("regional").hasResourceProperties("AWS::EC2::NatGateway", Map.of(
        "AvailabilityMode", "regional", "ConnectivityType", "public",
        "SubnetId", Match.absent(), "VpcId", Match.anyValue()));
    templates.get("regional").resourceCountIs("AWS::EC2::EIP", 0);
    String nat = logicalIdOf("regional", "AWS::EC2::NatGateway", "Network-regional-nat");
    for (String zone : ZONES) {
      templates.get("regional").hasResourceProperties("AWS::EC2::Route", Map.of(
          "RouteTableId", Map.of("Ref", logicalIdOf("regional", "AWS::EC2::RouteTable", "Network-private-" + zone)),
          "NatGatewayId", Map.of("Ref", nat)));
    }
  }

  @Test
  void noneLeavesPrivateSubnetsWithoutDefaultRoute() {
    templates.get("none").resourceCountIs("AWS::EC2::NatGateway", 0);
    assertThat(resources("none", "AWS::EC2::Route")).allSatisfy(r ->
        assertThat(r.path("Properties").has("GatewayId")).as("only the public routes to the internet gateway").isTrue());
    assertThat(resources("none", "AWS::EC2::Route")).hasSize(3);
  }

  @Test
  void gatewayEndpointsAreOnEveryPrivateRouteTable() {
    List<Object> tables = ZONES.stream()
        .map(z -> (Object) Map.of("Ref", logicalIdOf("perAz", "AWS::EC2::RouteTable", "Network-private-" + z))).toList();
    for (String service : List.of("s3", "dynamodb")) {
      templates.get("perAz").hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of(
          "VpcEndpointType", "Gateway",
          "ServiceName", "com.amazonaws.eu-west-1." + service,
          "RouteTableIds", tables));
    }
  }

  @Test
  void interfaceEndpointsHaveASubnetInEveryAzPrivateDnsAndTheEndpointSecurityGroup() {
    List<Object> subnets = ZONES.stream()
        .map(z -> (Object) Map.of("Ref", logicalIdOf("perAz", "AWS::EC2::Subnet", "Network-private-" + z))).toList();
    List<JsonNode> endpoints = resources("perAz", "AWS::EC2::VPCEndpoint").stream()
        .filter(e -> e.path("Properties").path("VpcEndpointType").asText().equals("Interface")).toList();
    assertThat(endpoints).extracting(e -> e.path("Properties").path("ServiceName").asText())
        .containsExactly("com.amazonaws.eu-west-1.ecr.api", "com.amazonaws.eu-west-1.ecr.dkr",
            "com.amazonaws.eu-west-1.sts", "com.amazonaws.eu-west-1.logs", "com.amazonaws.eu-west-1.eks-auth");
    for (JsonNode e : endpoints) {
      assertThat(JSON.convertValue(e.path("Properties").path("SubnetIds"), List.class)).isEqualTo(subnets);
      assertThat(e.path("Properties").path("PrivateDnsEnabled").asBoolean()).isTrue();
      assertThat(e.path("Properties").path("SecurityGroupIds")).hasSize(1);
    }
  }

  @Test
  void endpointSecurityGroupAdmitsOnlyHttpsFromTheVpcCidr() {
    templates.get("perAz").hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
        "SecurityGroupIngress", List.of(Map.of("IpProtocol", "tcp", "FromPort", 443, "ToPort", 443,
            "CidrIp", "10.0.0.0/16", "Description", "HTTPS from the VPC"))));
    templates.get("perAz").resourceCountIs("AWS::EC2::SecurityGroup", 1);
    templates.get("perAz").resourceCountIs("AWS::EC2::SecurityGroupIngress", 0);
  }

  @Test
  void flowLogsCaptureAllTrafficOfTheVpcToCloudWatchLogs() {
    templates.get("perAz").hasResourceProperties("AWS::EC2::FlowLog", Map.of(
        "ResourceType", "VPC", "TrafficType", "ALL", "LogDestinationType", "cloud-watch-logs",
        "ResourceId", Map.of("Ref", logicalIdOf("perAz", "AWS::EC2::VPC", "Network"))));
    templates.get("perAz").hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
  }

  @Test
  void theFlowLogGroupOutlivesTheStack() {
    templates.get("perAz").hasResource("AWS::Logs::LogGroup", Map.of("DeletionPolicy", "Retain",
        "UpdateReplacePolicy", "Retain"));
  }

  @Test
  void subnetsCarryTheLoadBalancerControllerAndKarpenterDiscoveryTags() {
    templates.get("perAz").hasResourceProperties("AWS::EC2::Subnet", Map.of(
        "CidrBlock", "10.0.192.0/22",
        "Tags", Match.arrayWith(List.of(Map.of("Key", "kubernetes.io/role/elb", "Value", "1")))));
    templates.get("perAz").hasResourceProperties("AWS::EC2::Subnet", Map.of(
        "CidrBlock", "10.0.0.0/19",
        "Tags", Match.arrayWith(List.of(Map.of("Key", "karpenter.sh/discovery", "Value", "shop"),
            Map.of("Key", "kubernetes.io/role/internal-elb", "Value", "1")))));
  }

  @Test
  void subnetsFollowTheCidrPlanAndNeverAssignPublicIps() {
    assertThat(resources("perAz", "AWS::EC2::Subnet")).extracting(s -> s.path("Properties").path("CidrBlock").asText())
        .containsExactlyInAnyOrder("10.0.192.0/22", "10.0.196.0/22", "10.0.200.0/22",
            "10.0.0.0/19", "10.0.32.0/19", "10.0.64.0/19");
    assertThat(resources("perAz", "AWS::EC2::Subnet"))
        .allSatisfy(s -> assertThat(s.path("Properties").path("MapPublicIpOnLaunch").asBoolean()).isFalse());
  }

  @Test
  void transitSubnetsAreTwentyEightsSharingTheirZonesPrivateRouteTable() {
    Template t = templates.get("regional");
    for (String zone : ZONES) {
      String subnet = logicalIdOf("regional", "AWS::EC2::Subnet", "Network-transit-" + zone);
      t.hasResourceProperties("AWS::EC2::SubnetRouteTableAssociation", Map.of(
          "SubnetId", Map.of("Ref", subnet),
          "RouteTableId", Map.of("Ref", logicalIdOf("regional", "AWS::EC2::RouteTable", "Network-private-" + zone))));
    }
    t.hasResourceProperties("AWS::EC2::Subnet", Map.of("CidrBlock", "10.0.224.0/28", "AvailabilityZone", "eu-west-1a"));
  }

  @Test
  void constructIdsDependOnTheZoneLetterOnly() {
    assertThat(json.get("perAz").path("Resources").fieldNames()).toIterable()
        .anySatisfy(id -> assertThat(id).startsWith("NetworkPrivateBSubnet"))
        .anySatisfy(id -> assertThat(id).startsWith("NetworkPublicCNatGateway"));
  }

  @Test
  void theVpcIsUsableAsAnIVpcWithItsPrivateSubnetsPerAz() {
    App app = new App();
    Stack stack = new Stack(app, "Usage", StackProps.builder().env(Environment.builder().region("eu-west-1").build()).build());
    ZonalVpc vpc = new ZonalVpc(stack, "Network", ZonalVpcProps.builder().availabilityZones(ZONES).build());
    assertThat(vpc.vpc().getPrivateSubnets()).hasSize(3);
    assertThat(vpc.vpc().getAvailabilityZones()).isEqualTo(ZONES);
    assertThat(vpc.zones()).isEqualTo(ZONES);
  }

  @Test
  void javaUsersGetAClearMessageForFewerThanTwoAzs() {
    Stack stack = new Stack(new App(), "Bad");
    assertThatThrownBy(() -> new ZonalVpc(stack, "Network", ZonalVpcProps.builder()
        .availabilityZones(List.of("eu-west-1a")).build()))
        .hasMessage("availabilityZones: [eu-west-1a] has fewer than two AZs; list at least two for high availability,"
            + " or set allowSingleAz(true) to accept a single AZ (no high availability)");
  }

  @Test
  void javaUsersGetAClearMessageForAnUnknownInterfaceEndpoint() {
    Stack stack = new Stack(new App(), "Bad");
    assertThatThrownBy(() -> new ZonalVpc(stack, "Network", ZonalVpcProps.builder()
        .availabilityZones(ZONES).interfaceEndpoints(List.of("ecr")).build()))
        .hasMessageStartingWith("interfaceEndpoints[0]: 'ecr' is not a known interface endpoint; did you mean"
            + " 'ecr.api'? use one of ecr.api, ecr.dkr,");
  }

  @Test
  void javaUsersGetAClearMessageForACidrOutsideThePlan() {
    Stack stack = new Stack(new App(), "Bad");
    assertThatThrownBy(() -> new ZonalVpc(stack, "Network", ZonalVpcProps.builder()
        .availabilityZones(ZONES).cidr("10.0.0.0/24").build()))
        .hasMessage("cidr: '10.0.0.0/24' is too small for the subnet plan (a private subnet of /23 or more per AZ"
            + " for nodes and pods); use a /16 to /20");
  }
}
