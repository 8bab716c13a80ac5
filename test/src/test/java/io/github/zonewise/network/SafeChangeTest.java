package io.github.zonewise.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zonewise.test.CreateOnly;
import io.github.zonewise.test.Synth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Adding an AZ to a landscape is a safe change: every existing resource keeps its logical id, its type
 * and every create-only property (the CloudFormation resource schemas' {@code createOnlyProperties},
 * {@link CreateOnly}), whose change would make CloudFormation replace it; with a Transit Gateway too,
 * whose attachments take the new AZ's subnet in place.
 */
class SafeChangeTest {

  static JsonNode twoZones;
  static JsonNode threeZones;
  static JsonNode middleAdded;
  static JsonNode transitTwoZones;
  static JsonNode transitThreeZones;

  static String landscape(String zones) {
    return "name: edge\nregion: us-east-1\navailabilityZones: " + zones + "\nnetwork:\n  cidr: 10.20.0.0/16\n";
  }

  static String withTransitGateway(String zones) {
    return landscape(zones) + "interconnect:\n  mode: transitGateway\n  vpcs:\n    - {name: payments, cidr: 10.1.0.0/16}\n"
        + "    - {name: ledger, cidr: 10.2.0.0/16}\n";
  }

  @BeforeAll
  static void synthesize() {
    twoZones = Synth.landscape(landscape("[us-east-1a, us-east-1c]")).templateJson("network");
    threeZones = Synth.landscape(landscape("[us-east-1a, us-east-1c, us-east-1d]")).templateJson("network");
    middleAdded = Synth.landscape(landscape("[us-east-1a, us-east-1b, us-east-1c]")).templateJson("network");
    transitTwoZones = Synth.landscape(withTransitGateway("[us-east-1a, us-east-1c]")).templateJson("network");
    transitThreeZones = Synth.landscape(withTransitGateway("[us-east-1a, us-east-1b, us-east-1c]")).templateJson("network");
  }

  static void assertSafe(JsonNode before, JsonNode after) {
    assertThat(CreateOnly.unsafe(before, after)).as("what the change would replace or remove").isEmpty();
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

  @Test
  void addingAnAzWithATransitGatewayUpdatesEveryAttachmentInPlace() {
    assertSafe(transitTwoZones, transitThreeZones);
    Map<String, JsonNode> before = ofType(transitTwoZones, "AWS::EC2::TransitGatewayAttachment");
    assertThat(before).hasSize(3);
    before.forEach((id, attachment) -> assertThat(transitThreeZones.path("Resources").path(id).path("Properties")
        .path("SubnetIds").size()).as(id).isEqualTo(attachment.path("Properties").path("SubnetIds").size() + 1));
  }

  @Test
  void theCheckFindsAReplacingChangeSuchAsTheSubnetsOfAVpcAttachment() {
    // the same change with the attachment type whose SubnetIds are create-only (what Zonewise used to build)
    JsonNode before = retyped(transitTwoZones);
    JsonNode after = retyped(transitThreeZones);
    List<String> unsafe = CreateOnly.unsafe(before, after);
    assertThat(unsafe).hasSize(3).allSatisfy(line -> assertThat(line)
        .contains(" (AWS::EC2::TransitGatewayVpcAttachment).SubnetIds changes: ").endsWith(" (replaces it)"));
    // and a removed resource, and a type Zonewise does not synthesize yet
    com.fasterxml.jackson.databind.node.ObjectNode removed = transitThreeZones.deepCopy();
    String id = ofType(transitTwoZones, "AWS::EC2::TransitGatewayAttachment").keySet().iterator().next();
    ((com.fasterxml.jackson.databind.node.ObjectNode) removed.path("Resources")).remove(id);
    assertThat(CreateOnly.unsafe(transitTwoZones, removed))
        .containsExactly(id + " (AWS::EC2::TransitGatewayAttachment) is removed");
    com.fasterxml.jackson.databind.node.ObjectNode unknown = transitTwoZones.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) unknown.path("Resources").path(id)).put("Type", "AWS::Example::Thing");
    assertThat(CreateOnly.unsafe(unknown, unknown)).containsExactly(id + " (AWS::Example::Thing): no"
        + " createOnlyProperties known; run tools/cfn-create-only AWS::Example::Thing");
  }

  static JsonNode retyped(JsonNode template) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = template.deepCopy();
    copy.path("Resources").forEach(r -> {
      if (r.path("Type").asText().equals("AWS::EC2::TransitGatewayAttachment")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) r).put("Type", "AWS::EC2::TransitGatewayVpcAttachment");
      }
    });
    return copy;
  }

  static Map<String, JsonNode> ofType(JsonNode template, String type) {
    Map<String, JsonNode> found = new java.util.TreeMap<>();
    template.path("Resources").fields().forEachRemaining(e -> {
      if (e.getValue().path("Type").asText().equals(type)) {
        found.put(e.getKey(), e.getValue());
      }
    });
    return found;
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
