package io.github.zonewise.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zonewise.test.Synth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Adding an AZ to a landscape is a safe change: every existing resource keeps its logical id and
 * every property whose change would make CloudFormation replace it.
 */
class SafeChangeTest {

  /** Properties whose change replaces the resource (CloudFormation "Update requires: Replacement"). */
  static final Map<String, List<String>> REPLACING = Map.of(
      "AWS::EC2::VPC", List.of("CidrBlock"),
      "AWS::EC2::Subnet", List.of("CidrBlock", "AvailabilityZone", "VpcId"),
      "AWS::EC2::RouteTable", List.of("VpcId"),
      "AWS::EC2::Route", List.of("RouteTableId", "DestinationCidrBlock"),
      "AWS::EC2::NatGateway", List.of("SubnetId", "AllocationId", "ConnectivityType", "AvailabilityMode"),
      "AWS::EC2::EIP", List.of("Domain"),
      "AWS::EC2::VPCEndpoint", List.of("ServiceName", "VpcId", "VpcEndpointType"),
      "AWS::EC2::SecurityGroup", List.of("GroupDescription", "VpcId"),
      "AWS::EC2::SubnetRouteTableAssociation", List.of("SubnetId"),
      "AWS::EC2::FlowLog", List.of("ResourceId", "ResourceType", "TrafficType", "LogDestinationType"));

  static JsonNode twoZones;
  static JsonNode threeZones;
  static JsonNode middleAdded;

  static String landscape(String zones) {
    return "name: edge\nregion: us-east-1\navailabilityZones: " + zones + "\nnetwork:\n  cidr: 10.20.0.0/16\n";
  }

  @BeforeAll
  static void synthesize() {
    twoZones = Synth.landscape(landscape("[us-east-1a, us-east-1c]")).templateJson("network");
    threeZones = Synth.landscape(landscape("[us-east-1a, us-east-1c, us-east-1d]")).templateJson("network");
    middleAdded = Synth.landscape(landscape("[us-east-1a, us-east-1b, us-east-1c]")).templateJson("network");
  }

  static void assertSafe(JsonNode before, JsonNode after) {
    before.path("Resources").fields().forEachRemaining(e -> {
      String id = e.getKey();
      JsonNode old = e.getValue();
      JsonNode now = after.path("Resources").path(id);
      assertThat(now.isMissingNode()).as("resource %s (%s) is kept", id, old.path("Type").asText()).isFalse();
      assertThat(now.path("Type")).as("type of %s", id).isEqualTo(old.path("Type"));
      for (String property : REPLACING.getOrDefault(old.path("Type").asText(), List.of())) {
        assertThat(now.path("Properties").path(property)).as("%s.%s", id, property)
            .isEqualTo(old.path("Properties").path(property));
      }
    });
  }

  @Test
  void appendingAnAzKeepsEveryResourceAndEveryReplacingProperty() {
    assertSafe(twoZones, threeZones);
    assertThat(threeZones.path("Resources").size()).isGreaterThan(twoZones.path("Resources").size());
  }

  @Test
  void insertingAnAzBetweenTwoOthersKeepsEveryResourceAndEveryReplacingProperty() {
    assertSafe(twoZones, middleAdded);
  }

  @Test
  void theNewAzGetsItsOwnSubnetsNatAndRoute() {
    long before = count(twoZones, "AWS::EC2::NatGateway");
    assertThat(count(middleAdded, "AWS::EC2::NatGateway")).isEqualTo(before + 1);
    assertThat(count(middleAdded, "AWS::EC2::Subnet")).isEqualTo(count(twoZones, "AWS::EC2::Subnet") + 2);
  }

  static long count(JsonNode template, String type) {
    long[] n = {0};
    template.path("Resources").forEach(r -> {
      if (r.path("Type").asText().equals(type)) {
        n[0]++;
      }
    });
    return n[0];
  }
}
