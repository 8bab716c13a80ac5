package io.github.zonewise.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole CloudFormation template, as the rules see it, with the indexes cross-resource rules
 * need (subnet to route table, route table to default route, resources by type), built once on
 * first use.
 */
final class TemplateView {

  /** The type of the manifests aws-cdk-lib's EKS modules apply ({@code addManifest}, {@code addCdk8sChart}). */
  static final String KUBERNETES_RESOURCE = "Custom::AWSCDK-EKS-KubernetesResource";
  /** aws-cdk-lib's Helm chart resource: its objects are rendered in the cluster, not in the template. */
  static final String HELM_CHART = "Custom::AWSCDK-EKS-HelmChart";
  /** aws-cdk-lib's patch resource: a JSON patch of an object the template does not hold. */
  static final String KUBERNETES_PATCH = "Custom::AWSCDK-EKS-KubernetesPatch";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final JsonNode template;
  private final Map<String, ResourceView> resources = new LinkedHashMap<>();
  private Map<String, List<ResourceView>> byType;
  private Map<String, String> subnetRouteTable;
  private Map<String, ResourceView> defaultRoutes;
  private final Map<String, Manifest> manifests = new HashMap<>();

  /**
   * A view of a template.
   *
   * @param name     the stack name (or file name) for messages
   * @param template the template JSON
   */
  TemplateView(String name, JsonNode template) {
    this.name = name;
    this.template = template;
    JsonNode rs = template.path("Resources");
    for (Iterator<Map.Entry<String, JsonNode>> it = rs.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      resources.put(e.getKey(), ResourceView.of(this, e.getKey(), e.getValue()));
    }
  }

  String name() {
    return name;
  }

  Collection<ResourceView> resources() {
    return Collections.unmodifiableCollection(resources.values());
  }

  /** A resource by logical id, or null. */
  ResourceView resource(String logicalId) {
    return logicalId == null ? null : resources.get(logicalId);
  }

  /** A resource a value refers to ({@code Ref} / {@code Fn::GetAtt}) if it has the type, else null. */
  ResourceView referenced(JsonNode value, String type) {
    ResourceView r = resource(Intrinsics.target(value));
    return r != null && r.type().equals(type) ? r : null;
  }

  /** The resources of a type, in template order. */
  List<ResourceView> ofType(String type) {
    if (byType == null) {
      Map<String, List<ResourceView>> m = new HashMap<>();
      for (ResourceView r : resources.values()) {
        m.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r);
      }
      byType = m;
    }
    return byType.getOrDefault(type, List.of());
  }

  /** The stack-level cdk-nag suppressions ({@code Metadata.cdk_nag.rules_to_suppress}). */
  JsonNode stackSuppressions() {
    return template.path("Metadata").path("cdk_nag").path("rules_to_suppress");
  }

  // ---- routing

  /**
   * The key of the route table a subnet uses: its associated table, else the VPC's main table.
   *
   * @param subnet an {@code AWS::EC2::Subnet}
   * @return the key, or null when unknown
   */
  String routeTableKeyOf(ResourceView subnet) {
    if (subnetRouteTable == null) {
      Map<String, String> m = new HashMap<>();
      for (ResourceView a : ofType("AWS::EC2::SubnetRouteTableAssociation")) {
        String s = Intrinsics.target(a.prop("SubnetId"));
        String t = routeTableKey(a.prop("RouteTableId"));
        if (s != null && t != null) {
          m.put(s, t);
        }
      }
      subnetRouteTable = m;
    }
    String key = subnetRouteTable.get(subnet.logicalId());
    if (key == null) {
      String vpc = Intrinsics.target(subnet.prop("VpcId"));
      return vpc == null ? null : "main:" + vpc;
    }
    return key;
  }

  /**
   * The route to {@code 0.0.0.0/0} of a route table.
   *
   * @param routeTableKey a key from {@link #routeTableKeyOf} or {@link #routeTableKey}
   * @return the {@code AWS::EC2::Route}, or null
   */
  ResourceView defaultRoute(String routeTableKey) {
    if (defaultRoutes == null) {
      Map<String, ResourceView> m = new HashMap<>();
      for (ResourceView r : ofType("AWS::EC2::Route")) {
        if ("0.0.0.0/0".equals(r.prop("DestinationCidrBlock").asText(null))) {
          String t = routeTableKey(r.prop("RouteTableId"));
          if (t != null) {
            m.put(t, r);
          }
        }
      }
      defaultRoutes = m;
    }
    return routeTableKey == null ? null : defaultRoutes.get(routeTableKey);
  }

  /**
   * The key of a route table value: {@code ref:<id>} for a table of the template,
   * {@code main:<vpc>} for a VPC's main table ({@code Fn::GetAtt [vpc, DefaultRouteTable]}).
   */
  static String routeTableKey(JsonNode value) {
    JsonNode getAtt = value.path("Fn::GetAtt");
    if (getAtt.isArray() && getAtt.size() == 2 && "DefaultRouteTable".equals(getAtt.get(1).asText())) {
      return "main:" + getAtt.get(0).asText();
    }
    return Intrinsics.key(value);
  }

  /** Whether a subnet is public: its default route goes to an internet gateway. */
  boolean isPublic(ResourceView subnet) {
    ResourceView route = defaultRoute(routeTableKeyOf(subnet));
    if (route == null) {
      return false;
    }
    JsonNode gateway = route.prop("GatewayId");
    if (gateway.isMissingNode()) {
      return false;
    }
    ResourceView target = resource(Intrinsics.target(gateway));
    if (target != null) {
      return target.type().equals("AWS::EC2::InternetGateway");
    }
    return gateway.asText("").startsWith("igw-");
  }

  /** Whether a route sends to a NAT gateway. */
  static boolean toNat(ResourceView route) {
    return route != null && !route.prop("NatGatewayId").isMissingNode();
  }

  // ---- Kubernetes manifests

  /**
   * The objects of a {@link #KUBERNETES_RESOURCE}'s {@code Manifest}, parsed once.
   *
   * @param resource the manifest resource
   * @return its objects, or the reason they cannot be read
   */
  Manifest manifest(ResourceView resource) {
    return manifests.computeIfAbsent(resource.logicalId(), id -> readManifest(resource));
  }

  /**
   * The objects of a manifest resource.
   *
   * @param objects the objects ({@code List} kinds expanded)
   * @param problem why the manifest cannot be read, or null
   */
  record Manifest(List<KubernetesObject> objects, String problem) {
  }

  private static Manifest readManifest(ResourceView resource) {
    JsonNode value = resource.prop("Manifest");
    String text;
    if (value.isTextual()) {
      text = value.asText();
    } else {
      JsonNode join = value.path("Fn::Join");
      if (!join.isArray()) {
        return new Manifest(List.of(), "its Manifest is " + describe(value) + ", which the checker cannot evaluate");
      }
      text = Intrinsics.text(value);
      if (text == null) {
        return new Manifest(List.of(), "its Manifest is an Fn::Join the checker cannot evaluate");
      }
    }
    JsonNode parsed;
    try {
      parsed = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return new Manifest(List.of(), value.isTextual()
          ? "its Manifest is not JSON (" + e.getOriginalMessage() + ")"
          : "its Manifest is an Fn::Join with deploy-time values outside JSON strings");
    }
    List<KubernetesObject> objects = new ArrayList<>();
    expand(parsed, resource.path(), resource, objects);
    return new Manifest(objects, null);
  }

  /**
   * Adds the Kubernetes objects of a parsed document: an object, an array of objects, or a
   * {@code List} kind.
   */
  static void expand(JsonNode node, String origin, ResourceView resource, List<KubernetesObject> out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        expand(item, origin, resource, out);
      }
    } else if (node.isObject()) {
      if (node.path("kind").asText("").endsWith("List") && node.path("items").isArray()) {
        expand(node.get("items"), origin, resource, out);
      } else if (node.has("kind")) {
        out.add(new KubernetesObject(node, origin, resource));
      }
    }
  }

  private static String describe(JsonNode value) {
    if (value.isObject() && value.size() == 1) {
      return "an " + value.fieldNames().next();
    }
    return "a " + value.getNodeType().name().toLowerCase();
  }
}
