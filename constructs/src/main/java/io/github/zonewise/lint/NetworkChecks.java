package io.github.zonewise.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zonewise.synth.Assembly;
import io.github.zonewise.synth.Resource;
import io.github.zonewise.synth.Route;
import io.github.zonewise.synth.RouteTables;
import io.github.zonewise.synth.Value;
import io.github.zonewise.synth.Zone;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The network rules: NAT per AZ, gateway and interface endpoints, Transit Gateway, NLB cross-zone.
 * They look across the assembly the resource is read in (the whole cloud assembly from the command
 * line, one stack in the cdk-nag pack): a value another stack exports resolves to its resource.
 */
final class NetworkChecks {

  private NetworkChecks() {
  }

  /** ZW-NAT1, on {@code AWS::EC2::Subnet}: the default route goes to a NAT gateway in the subnet's own AZ. */
  static Outcome natInOwnZone(Resource subnet) {
    Optional<Route> route = RouteTables.of(subnet.template().assembly()).defaultRoute(subnet);
    if (route.isEmpty() || route.get().target() != Route.Target.NAT_GATEWAY) {
      return Outcome.NOT_APPLICABLE;
    }
    Optional<Resource> nat = route.get().targetResource().filter(r -> r.type().equals("AWS::EC2::NatGateway"));
    if (nat.isEmpty()) {
      return Outcome.NOT_APPLICABLE;
    }
    if ("regional".equalsIgnoreCase(nat.get().value("AvailabilityMode").text().orElse(""))) {
      return Outcome.COMPLIANT;   // a regional NAT gateway serves each AZ from that AZ
    }
    Optional<Resource> natSubnet = nat.get().value("SubnetId").resource()
        .filter(r -> r.type().equals("AWS::EC2::Subnet"));
    Optional<Zone> own = Zone.of(subnet);
    Optional<Zone> natZone = natSubnet.flatMap(Zone::of);
    if (own.isEmpty() || natZone.isEmpty()) {
      return Outcome.NOT_APPLICABLE;
    }
    Boolean same = own.get().sameAs(natZone.get());
    if (same == null) {
      return Outcome.NOT_APPLICABLE;
    }
    return Outcome.of(same, "the subnet is in " + own.get() + " but its default route goes to NAT gateway "
        + nat.get().label() + " in " + natZone.get());
  }

  /** ZW-VPCE1 / ZW-VPCE2, on {@code AWS::EC2::VPC}: every NAT-routed private route table has the service's gateway endpoint. */
  static Outcome gatewayEndpoint(Resource vpc, String service) {
    Assembly a = vpc.template().assembly();
    RouteTables routing = RouteTables.of(a);
    String vpcKey = vpc.key();
    Map<String, String> natTables = new LinkedHashMap<>();   // route table key -> label
    for (Resource table : a.inVpc("AWS::EC2::RouteTable", vpcKey)) {
      if (toNat(routing.route(table.key(), RouteTables.DEFAULT))) {
        natTables.put(table.key(), table.label());
      }
    }
    String main = RouteTables.mainTable(vpcKey);
    if (toNat(routing.route(main, RouteTables.DEFAULT))) {
      natTables.put(main, "the main route table");
    }
    if (natTables.isEmpty()) {
      return Outcome.NOT_APPLICABLE;
    }
    Set<String> covered = new LinkedHashSet<>();
    for (Resource endpoint : a.inVpc("AWS::EC2::VPCEndpoint", vpcKey)) {
      if ("gateway".equalsIgnoreCase(endpoint.value("VpcEndpointType").text().orElse("Gateway"))
          && service.equals(serviceOf(endpoint))) {
        for (Value table : endpoint.value("RouteTableIds").items()) {
          covered.add(RouteTables.tableKey(table));
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

  private static boolean toNat(Optional<Route> route) {
    return route.isPresent() && route.get().target() == Route.Target.NAT_GATEWAY;
  }

  /** ZW-VPCE3, on {@code AWS::EC2::VPCEndpoint}: an interface endpoint has a subnet in every AZ with private subnets. */
  static Outcome interfaceEndpointInEveryZone(Resource endpoint) {
    if (!"interface".equalsIgnoreCase(endpoint.value("VpcEndpointType").text().orElse("Gateway"))) {
      return Outcome.NOT_APPLICABLE;
    }
    Assembly a = endpoint.template().assembly();
    RouteTables routing = RouteTables.of(a);
    String vpcKey = endpoint.value("VpcId").key();
    Map<Zone, String> privateZones = new LinkedHashMap<>();
    for (Resource subnet : a.inVpc("AWS::EC2::Subnet", vpcKey)) {
      if (!routing.isPublic(subnet)) {
        Optional<Zone> zone = Zone.of(subnet);
        if (zone.isEmpty()) {
          return Outcome.NOT_APPLICABLE;
        }
        privateZones.putIfAbsent(zone.get(), subnet.label());
      }
    }
    if (privateZones.isEmpty()) {
      return Outcome.NOT_APPLICABLE;
    }
    Optional<List<Value>> subnets = endpoint.value("SubnetIds").list();
    if (subnets.isEmpty()) {
      return Outcome.NOT_APPLICABLE;   // a list only known at deploy time
    }
    Set<Zone> endpointZones = new LinkedHashSet<>();
    for (Value id : subnets.get()) {
      Optional<Zone> zone = id.resource().flatMap(Zone::of);
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
  static Outcome transitGatewayJoinsMoreThanTwo(Resource gateway) {
    Assembly a = gateway.template().assembly();
    Map<String, String> vpcs = new LinkedHashMap<>();   // VPC key -> label
    for (Resource attachment : a.ofType("AWS::EC2::TransitGatewayAttachment", "AWS::EC2::TransitGatewayVpcAttachment")) {
      if (attachment.value("TransitGatewayId").resource().filter(gateway::equals).isPresent()) {
        Value vpc = attachment.value("VpcId");
        String key = vpc.key();
        if (key != null) {
          vpcs.putIfAbsent(key, vpc.resource().map(Resource::label).orElse(key));
        }
      }
    }
    for (Resource other : a.ofType("AWS::EC2::TransitGatewayPeeringAttachment", "AWS::EC2::VPNConnection",
        "AWS::EC2::TransitGatewayConnect", "AWS::DirectConnect::DirectConnectGatewayAssociation")) {
      if (other.value("TransitGatewayId").resource().filter(gateway::equals).isPresent()) {
        return Outcome.COMPLIANT;   // it also joins networks beyond VPCs
      }
    }
    if (vpcs.size() < 2) {
      return Outcome.NOT_APPLICABLE;   // attachments elsewhere (another account) are not visible
    }
    return Outcome.of(vpcs.size() > 2, "its only VPC attachments join " + String.join(" and ", vpcs.values()));
  }

  /** ZW-LB2, on ELBv2 load balancers and target groups: an NLB's cross-zone load balancing is off. */
  static Outcome nlbCrossZoneOff(Resource r) {
    if (r.type().equals("AWS::ElasticLoadBalancingV2::LoadBalancer")) {
      if (!"network".equalsIgnoreCase(r.value("Type").text().orElse(""))) {
        return Outcome.NOT_APPLICABLE;
      }
      return crossZone(r, r.prop("LoadBalancerAttributes"), "LoadBalancerAttributes");
    }
    String protocol = r.value("Protocol").text().orElse("").toUpperCase(Locale.ROOT);
    if (!Set.of("TCP", "UDP", "TCP_UDP", "TLS", "QUIC", "TCP_QUIC").contains(protocol)) {
      return Outcome.NOT_APPLICABLE;   // an ALB's (HTTP/HTTPS) or a Lambda target group
    }
    return crossZone(r, r.prop("TargetGroupAttributes"), "TargetGroupAttributes");
  }

  private static Outcome crossZone(Resource r, JsonNode attributes, String property) {
    for (Value attribute : r.template().value(attributes).items()) {
      String key = r.template().value(attribute.node().path("Key")).text().orElse("");
      String value = r.template().value(attribute.node().path("Value")).text().orElse("");
      if ("load_balancing.cross_zone.enabled".equals(key) && "true".equalsIgnoreCase(value)) {
        return Outcome.nonCompliant(property + " sets load_balancing.cross_zone.enabled=true");
      }
    }
    return Outcome.COMPLIANT;
  }

  /** The AWS service of an endpoint's {@code ServiceName} ({@code com.amazonaws.<region>.<service>}). */
  static String serviceOf(Resource endpoint) {
    String name = endpoint.value("ServiceName").text().orElse(null);
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
}
