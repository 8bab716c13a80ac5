package io.github.zonewise.synth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The routing index: association or main table, default routes and their targets, public subnets. */
class RouteTablesTest {

  static Template t;
  static RouteTables routing;

  @BeforeAll
  static void template() throws Exception {
    t = Template.of("net", "eu-west-1", Json.read("""
        {"Resources": {
          "Vpc": {"Type": "AWS::EC2::VPC"},
          "Igw": {"Type": "AWS::EC2::InternetGateway"},
          "Nat": {"Type": "AWS::EC2::NatGateway", "Properties": {"SubnetId": {"Ref": "Public"}}},
          "Public": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}}},
          "Private": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}}},
          "Unassociated": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}}},
          "PublicTable": {"Type": "AWS::EC2::RouteTable", "Properties": {"VpcId": {"Ref": "Vpc"}}},
          "PrivateTable": {"Type": "AWS::EC2::RouteTable", "Properties": {"VpcId": {"Ref": "Vpc"}}},
          "A1": {"Type": "AWS::EC2::SubnetRouteTableAssociation",
                 "Properties": {"SubnetId": {"Ref": "Public"}, "RouteTableId": {"Ref": "PublicTable"}}},
          "A2": {"Type": "AWS::EC2::SubnetRouteTableAssociation",
                 "Properties": {"SubnetId": {"Ref": "Private"}, "RouteTableId": {"Ref": "PrivateTable"}}},
          "R1": {"Type": "AWS::EC2::Route", "Properties": {"RouteTableId": {"Ref": "PublicTable"},
                 "DestinationCidrBlock": "0.0.0.0/0", "GatewayId": {"Ref": "Igw"}}},
          "R2": {"Type": "AWS::EC2::Route", "Properties": {"RouteTableId": {"Ref": "PrivateTable"},
                 "DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": {"Ref": "Nat"}}},
          "R3": {"Type": "AWS::EC2::Route", "Properties": {"RouteTableId": {"Ref": "PrivateTable"},
                 "DestinationCidrBlock": "10.1.0.0/16", "TransitGatewayId": "tgw-0abc"}},
          "R4": {"Type": "AWS::EC2::Route", "Properties": {"RouteTableId": {"Fn::GetAtt": ["Vpc", "DefaultRouteTable"]},
                 "DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "igw-0123"}}
        }}"""));
    routing = RouteTables.of(t.assembly());
  }

  static Resource r(String id) {
    return t.resource(id).orElseThrow();
  }

  @Test
  void aSubnetUsesItsAssociatedTableElseItsVpcsMainTable() {
    assertThat(routing.tableOf(r("Private"))).isEqualTo("net/PrivateTable");
    assertThat(routing.tableOf(r("Unassociated"))).isEqualTo("main:net/Vpc");
  }

  @Test
  void defaultRoutesNameTheirTarget() {
    assertThat(routing.defaultRoute(r("Private")).orElseThrow().target()).isEqualTo(Route.Target.NAT_GATEWAY);
    assertThat(routing.defaultRoute(r("Private")).orElseThrow().targetResource()).contains(r("Nat"));
    assertThat(routing.route("net/PrivateTable", "10.1.0.0/16").orElseThrow().targetKey()).isEqualTo("tgw-0abc");
  }

  @Test
  void aSubnetIsPublicWhenItsDefaultRouteGoesToAnInternetGateway() {
    assertThat(routing.isPublic(r("Public"))).isTrue();
    assertThat(routing.isPublic(r("Private"))).isFalse();
    assertThat(routing.isPublic(r("Unassociated"))).isTrue();   // the main table routes to igw-0123
  }
}
