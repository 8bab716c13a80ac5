package io.github.zonewise.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The network rules: NAT per AZ, gateway and interface endpoints, Transit Gateway, NLB cross-zone. */
final class NetworkChecks {

  private NetworkChecks() {
  }

  /** ZW-NAT1, on {@code AWS::EC2::Subnet}: the default route goes to a NAT gateway in the subnet's own AZ. */
  static Outcome natInOwnZone(ResourceView subnet) {
    TemplateView t = subnet.template();
    ResourceView route = t.defaultRoute(t.routeTableKeyOf(subnet));
    if (!TemplateView.toNat(route)) {
      return Outcome.NOT_APPLICABLE;
    }
    ResourceView nat = t.referenced(route.prop("NatGatewayId"), "AWS::EC2::NatGateway");
    if (nat == null) {
      return Outcome.NOT_APPLICABLE;
    }
    if ("regional".equalsIgnoreCase(nat.prop("AvailabilityMode").asText(""))) {
      return Outcome.COMPLIANT;   // a regional NAT gateway serves each AZ from that AZ
    }
    ResourceView natSubnet = t.referenced(nat.prop("SubnetId"), "AWS::EC2::Subnet");
    Optional<Zone> own = Zone.of(subnet.properties());
    Optional<Zone> natZone = natSubnet == null ? Optional.empty() : Zone.of(natSubnet.properties());
    if (own.isEmpty() || natZone.isEmpty()) {
      return Outcome.NOT_APPLICABLE;
    }
    Boolean same = own.get().sameAs(natZone.get());
    if (same == null) {
      return Outcome.NOT_APPLICABLE;
    }
    return Outcome.of(same, "the subnet is in " + own.get() + " but its default route goes to NAT gateway "
        + nat.label() + " in " + natZone.get());
  }

  /** ZW-VPCE1 / ZW-VPCE2, on {@code AWS::EC2::VPC}: every NAT-routed private route table has the service's gateway endpoint. */
  static Outcome gatewayEndpoint(ResourceView vpc, String service) {
    TemplateView t = vpc.template();
    String vpcKey = "ref:" + vpc.logicalId();
    Map<String, String> natTables = new LinkedHashMap<>();   // route table key -> label
    for (ResourceView table : t.ofType("AWS::EC2::RouteTable")) {
      if (vpcKey.equals(Intrinsics.key(table.prop("VpcId")))
          && TemplateView.toNat(t.defaultRoute("ref:" + table.logicalId()))) {
        natTables.put("ref:" + table.logicalId(), table.label());
      }
    }
    if (TemplateView.toNat(t.defaultRoute("main:" + vpc.logicalId()))) {
      natTables.put("main:" + vpc.logicalId(), "the main route table");
    }
    if (natTables.isEmpty()) {
      return Outcome.NOT_APPLICABLE;
    }
    Set<String> covered = new LinkedHashSet<>();
    for (ResourceView endpoint : t.ofType("AWS::EC2::VPCEndpoint")) {
      if (vpcKey.equals(Intrinsics.key(endpoint.prop("VpcId")))
          && "gateway".equalsIgnoreCase(endpoint.prop("VpcEndpointType").asText("Gateway"))
          && service.equals(serviceOf(endpoint))) {
        for (JsonNode table : endpoint.prop("RouteTableIds")) {
          covered.add(TemplateView.routeTableKey(table));
        }
      }
    }
    List<String> missing = new ArrayList<>();
    natTables.forEach((key, label) -> {
      if (!covered.contains(key)) {
        missing.add(label);
      }
    });
    String what = service.equals("s3") ? "S3" : "DynamoDB";
    String tables = "route table" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
        + " route" + (missing.size() == 1 ? "s" : "") + " to a NAT gateway";
    return Outcome.of(missing.isEmpty(), covered.isEmpty()
        ? "no " + what + " gateway endpoint; " + tables
        : tables + " without the " + what + " gateway endpoint");
  }

  /** ZW-VPCE3, on {@code AWS::EC2::VPCEndpoint}: an interface endpoint has a subnet in every AZ with private subnets. */
  static Outcome interfaceEndpointInEveryZone(ResourceView endpoint) {
    if (!"interface".equalsIgnoreCase(endpoint.prop("VpcEndpointType").asText("Gateway"))) {
      return Outcome.NOT_APPLICABLE;
    }
    TemplateView t = endpoint.template();
    String vpcKey = Intrinsics.key(endpoint.prop("VpcId"));
    Map<Zone, String> privateZones = new LinkedHashMap<>();
    for (ResourceView subnet : t.ofType("AWS::EC2::Subnet")) {
      if (vpcKey != null && vpcKey.equals(Intrinsics.key(subnet.prop("VpcId"))) && !t.isPublic(subnet)) {
        Optional<Zone> zone = Zone.of(subnet.properties());
        if (zone.isEmpty()) {
          return Outcome.NOT_APPLICABLE;
        }
        privateZones.putIfAbsent(zone.get(), subnet.label());
      }
    }
    if (privateZones.isEmpty()) {
      return Outcome.NOT_APPLICABLE;
    }
    Set<Zone> endpointZones = new LinkedHashSet<>();
    for (String id : Intrinsics.targets(endpoint.prop("SubnetIds"))) {
      ResourceView subnet = t.resource(id);
      Optional<Zone> zone = subnet == null ? Optional.empty() : Zone.of(subnet.properties());
      if (zone.isEmpty()) {
        return Outcome.NOT_APPLICABLE;
      }
      endpointZones.add(zone.get());
    }
    List<String> missing = new ArrayList<>();
    for (Zone zone : privateZones.keySet()) {
      boolean found = false;
      for (Zone z : endpointZones) {
        Boolean same = zone.sameAs(z);
        if (same == null) {
          return Outcome.NOT_APPLICABLE;
        }
        found |= same;
      }
      if (!found) {
        missing.add(zone + " (private subnet " + privateZones.get(zone) + ")");
      }
    }
    return Outcome.of(missing.isEmpty(), "no endpoint subnet in " + String.join(", ", missing));
  }

  /** ZW-TGW1, on {@code AWS::EC2::TransitGateway}: it joins more than two VPCs. */
  static Outcome transitGatewayJoinsMoreThanTwo(ResourceView gateway) {
    TemplateView t = gateway.template();
    Set<String> vpcs = new LinkedHashSet<>();
    for (String type : List.of("AWS::EC2::TransitGatewayAttachment", "AWS::EC2::TransitGatewayVpcAttachment")) {
      for (ResourceView a : t.ofType(type)) {
        if (gateway.logicalId().equals(Intrinsics.target(a.prop("TransitGatewayId")))) {
          String vpc = Intrinsics.key(a.prop("VpcId"));
          if (vpc != null) {
            vpcs.add(vpc);
          }
        }
      }
    }
    for (String type : List.of("AWS::EC2::TransitGatewayPeeringAttachment", "AWS::EC2::VPNConnection",
        "AWS::EC2::TransitGatewayConnect", "AWS::DirectConnect::DirectConnectGatewayAssociation")) {
      for (ResourceView other : t.ofType(type)) {
        if (gateway.logicalId().equals(Intrinsics.target(other.prop("TransitGatewayId")))) {
          return Outcome.COMPLIANT;   // it also joins networks beyond VPCs
        }
      }
    }
    if (vpcs.size() < 2) {
      return Outcome.NOT_APPLICABLE;   // attachments elsewhere (another stack or account) are not visible
    }
    return Outcome.of(vpcs.size() > 2, "its only VPC attachments join "
        + String.join(" and ", vpcs.stream().map(k -> label(t, k)).toList()));
  }

  /** ZW-LB2, on ELBv2 load balancers and target groups: an NLB's cross-zone load balancing is off. */
  static Outcome nlbCrossZoneOff(ResourceView r) {
    if (r.type().equals("AWS::ElasticLoadBalancingV2::LoadBalancer")) {
      if (!"network".equalsIgnoreCase(r.prop("Type").asText(""))) {
        return Outcome.NOT_APPLICABLE;
      }
      return crossZone(r.prop("LoadBalancerAttributes"), "LoadBalancerAttributes");
    }
    String protocol = r.prop("Protocol").asText("").toUpperCase(Locale.ROOT);
    if (!Set.of("TCP", "UDP", "TCP_UDP", "TLS", "QUIC", "TCP_QUIC").contains(protocol)) {
      return Outcome.NOT_APPLICABLE;   // an ALB's (HTTP/HTTPS) or a Lambda target group
    }
    return crossZone(r.prop("TargetGroupAttributes"), "TargetGroupAttributes");
  }

  private static Outcome crossZone(JsonNode attributes, String property) {
    for (JsonNode attribute : attributes) {
      if ("load_balancing.cross_zone.enabled".equals(attribute.path("Key").asText())
          && "true".equalsIgnoreCase(attribute.path("Value").asText())) {
        return Outcome.nonCompliant(property + " sets load_balancing.cross_zone.enabled=true");
      }
    }
    return Outcome.COMPLIANT;
  }

  /** The AWS service of an endpoint's {@code ServiceName} ({@code com.amazonaws.<region>.<service>}). */
  static String serviceOf(ResourceView endpoint) {
    String name = Intrinsics.text(endpoint.prop("ServiceName"));
    if (name == null) {
      return null;
    }
    String prefix = "com.amazonaws.";
    if (!name.startsWith(prefix)) {
      return name;
    }
    String rest = name.substring(prefix.length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(dot + 1);
  }

  private static String label(TemplateView t, String key) {
    if (key.startsWith("ref:")) {
      ResourceView r = t.resource(key.substring(4));
      return r == null ? key.substring(4) : r.label();
    }
    return key.startsWith("lit:") ? key.substring(4) : key;
  }
}
