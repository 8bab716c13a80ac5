package io.github.zonewise.interconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reading synthesized templates: resources by type, references, routes per route table. */
final class Templates {

  private Templates() {
  }

  /** Resources of one type by logical id. */
  static Map<String, JsonNode> resources(JsonNode template, String type) {
    Map<String, JsonNode> found = new TreeMap<>();
    template.path("Resources").fields().forEachRemaining(e -> {
      if (e.getValue().path("Type").asText().equals(type)) {
        found.put(e.getKey(), e.getValue());
      }
    });
    return found;
  }

  /**
   * What a created peer VPC's resources are, by type, and the tiers and load-balancer roles its subnets
   * are tagged with ({@code tier:role}), e.g. {@code private:internal-elb}.
   */
  static Set<String> createdPeerLayout(JsonNode template, String peer) {
    Set<String> found = new TreeSet<>();
    String prefix = "InterconnectVpcs" + peer;
    template.path("Resources").fields().forEachRemaining(e -> {
      if (!e.getKey().startsWith(prefix)) {
        return;
      }
      String type = e.getValue().path("Type").asText();
      found.add(type);
      if (type.equals("AWS::EC2::Subnet")) {
        String tier = "?";
        String role = "none";
        for (JsonNode tag : e.getValue().path("Properties").path("Tags")) {
          if (tag.path("Key").asText().equals("zonewise.io/tier")) {
            tier = tag.path("Value").asText();
          } else if (tag.path("Key").asText().startsWith("kubernetes.io/role/")) {
            role = tag.path("Key").asText().substring("kubernetes.io/role/".length());
          }
        }
        found.add(tier + ":" + role);
      }
    });
    return found;
  }

  /** A resource by logical id. */
  static JsonNode resource(JsonNode template, String logicalId) {
    return template.path("Resources").path(logicalId);
  }

  /** The logical id a {@code {"Ref": …}} names, or the literal text. */
  static String ref(JsonNode value) {
    return value.has("Ref") ? value.get("Ref").asText() : value.asText();
  }

  /** A tag's value, or null. */
  static String tag(JsonNode resource, String key) {
    for (JsonNode t : resource.path("Properties").path("Tags")) {
      if (t.path("Key").asText().equals(key)) {
        return t.path("Value").asText();
      }
    }
    return null;
  }

  /**
   * For every route that targets a given property (e.g. {@code TransitGatewayId}), the destination
   * CIDRs per route table (a logical id, or a literal route-table id).
   */
  static Map<String, Set<String>> routesVia(JsonNode template, String target) {
    Map<String, Set<String>> byTable = new TreeMap<>();
    resources(template, "AWS::EC2::Route").values().forEach(route -> {
      JsonNode p = route.path("Properties");
      if (p.has(target)) {
        byTable.computeIfAbsent(ref(p.get("RouteTableId")), k -> new TreeSet<>())
            .add(p.path("DestinationCidrBlock").asText());
      }
    });
    return byTable;
  }

  /** Route tables whose Name tag has {@code -private-}, by logical id, with the CIDR of their VPC. */
  static Map<String, String> privateRouteTableCidrs(JsonNode template) {
    Map<String, String> tables = new LinkedHashMap<>();
    resources(template, "AWS::EC2::RouteTable").forEach((id, table) -> {
      String name = tag(table, "Name");
      if (name != null && name.contains("-private-")) {
        String vpc = ref(table.path("Properties").path("VpcId"));
        tables.put(id, resource(template, vpc).path("Properties").path("CidrBlock").asText());
      }
    });
    return tables;
  }

  /** Every resource's logical id and type. */
  static Map<String, String> logicalIds(JsonNode template) {
    Map<String, String> ids = new TreeMap<>();
    template.path("Resources").fields().forEachRemaining(e -> ids.put(e.getKey(), e.getValue().path("Type").asText()));
    return ids;
  }

  /** The template with only the resources whose logical id starts with a prefix. */
  static JsonNode only(JsonNode template, String prefix) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ObjectNode resources = out.putObject("Resources");
    template.path("Resources").fields().forEachRemaining(e -> {
      if (e.getKey().startsWith(prefix)) {
        resources.set(e.getKey(), e.getValue());
      }
    });
    return out;
  }

  /** The set of the given elements' texts. */
  static Set<String> texts(JsonNode array) {
    Set<String> out = new HashSet<>();
    array.forEach(n -> out.add(ref(n)));
    return out;
  }
}
