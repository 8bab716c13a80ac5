package io.github.zonewise.synth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routing of an assembly's VPCs, indexed once: each subnet's route table (its
 * {@code AWS::EC2::SubnetRouteTableAssociation}, else its VPC's main route table), each route
 * table's routes, and so each subnet's default route. Route tables are keyed by
 * {@link #tableKey(Value)}: the table resource's key, {@code main:<VPC key>} for a VPC's main route
 * table ({@code Fn::GetAtt [vpc, DefaultRouteTable]}), or the id written for an existing table.
 */
public final class RouteTables {

  /** The destination of a default route. */
  public static final String DEFAULT = "0.0.0.0/0";

  private final Map<String, String> subnetTable = new HashMap<>();
  private final Map<String, List<Route>> routes = new HashMap<>();

  private RouteTables(Assembly assembly) {
    for (Resource a : assembly.ofType("AWS::EC2::SubnetRouteTableAssociation")) {
      String subnet = a.value("SubnetId").key();
      String table = tableKey(a.value("RouteTableId"));
      if (subnet != null && table != null) {
        subnetTable.putIfAbsent(subnet, table);
      }
    }
    for (Resource r : assembly.ofType("AWS::EC2::Route")) {
      String table = tableKey(r.value("RouteTableId"));
      if (table == null) {
        continue;
      }
      String destination = r.value("DestinationCidrBlock").text().orElse("");
      routes.computeIfAbsent(table, k -> new ArrayList<>()).add(route(r, table, destination));
    }
  }

  /**
   * The routing of an assembly.
   *
   * @param assembly the assembly
   * @return its routing (built once per assembly)
   */
  public static RouteTables of(Assembly assembly) {
    return assembly.routeTables(() -> new RouteTables(assembly));
  }

  private static Route route(Resource r, String table, String destination) {
    if (!r.prop("NatGatewayId").isMissingNode()) {
      return new Route(r, table, destination, Route.Target.NAT_GATEWAY, r.value("NatGatewayId"));
    }
    if (!r.prop("TransitGatewayId").isMissingNode()) {
      return new Route(r, table, destination, Route.Target.TRANSIT_GATEWAY, r.value("TransitGatewayId"));
    }
    if (!r.prop("VpcPeeringConnectionId").isMissingNode()) {
      return new Route(r, table, destination, Route.Target.PEERING, r.value("VpcPeeringConnectionId"));
    }
    if (!r.prop("GatewayId").isMissingNode()) {
      Value gateway = r.value("GatewayId");
      Optional<Resource> target = gateway.resource();
      boolean igw = target.map(g -> g.type().equals("AWS::EC2::InternetGateway"))
          .orElseGet(() -> gateway.text().orElse("").startsWith("igw-"));
      return new Route(r, table, destination, igw ? Route.Target.INTERNET_GATEWAY : Route.Target.GATEWAY, gateway);
    }
    return new Route(r, table, destination, Route.Target.OTHER, r.template().value(null));
  }

  /**
   * The key of a route table value (see the class comment).
   *
   * @param value a {@code RouteTableId} (or an item of {@code RouteTableIds})
   * @return the key, or null when absent
   */
  public static String tableKey(Value value) {
    Value v = exported(value);
    JsonNode getAtt = v.node().path("Fn::GetAtt");
    if (getAtt.isArray() && getAtt.size() == 2 && "DefaultRouteTable".equals(getAtt.get(1).asText())) {
      return mainTable(v.resource().map(Resource::key).orElse(getAtt.get(0).asText()));
    }
    if (getAtt.isTextual() && getAtt.asText().endsWith(".DefaultRouteTable")) {
      return mainTable(v.resource().map(Resource::key).orElse(getAtt.asText()));
    }
    return value.key();
  }

  /** The exported value an {@code Fn::ImportValue} names, else the value itself. */
  private static Value exported(Value value) {
    Value v = value;
    for (int i = 0; i < 8 && v.node().has("Fn::ImportValue") && v.template().assembly() != null; i++) {
      Value current = v;
      Optional<String> name = current.template().value(current.node().get("Fn::ImportValue")).knownText();
      Optional<Value> export = name.flatMap(n -> current.template().assembly().export(n));
      if (export.isEmpty()) {
        break;
      }
      v = export.get();
    }
    return v;
  }

  /**
   * The key of a VPC's main route table.
   *
   * @param vpcKey the VPC's key ({@link Value#key()})
   * @return {@code main:<vpcKey>}
   */
  public static String mainTable(String vpcKey) {
    return "main:" + vpcKey;
  }

  /**
   * The route table a subnet uses: its associated table, else its VPC's main table.
   *
   * @param subnet an {@code AWS::EC2::Subnet}
   * @return the table's key, or null when neither is known
   */
  public String tableOf(Resource subnet) {
    String table = subnetTable.get(subnet.key());
    if (table != null) {
      return table;
    }
    String vpc = subnet.value("VpcId").key();
    return vpc == null ? null : mainTable(vpc);
  }

  /**
   * The routes of a route table, in assembly order.
   *
   * @param table a table key (may be null)
   * @return its routes
   */
  public List<Route> routes(String table) {
    return table == null ? List.of() : routes.getOrDefault(table, List.of());
  }

  /**
   * The first route of a table to a destination.
   *
   * @param table       a table key (may be null)
   * @param destination a CIDR block, e.g. {@link #DEFAULT}
   * @return the route
   */
  public Optional<Route> route(String table, String destination) {
    return routes(table).stream().filter(r -> r.destination().equals(destination)).findFirst();
  }

  /**
   * A subnet's default route ({@code 0.0.0.0/0}).
   *
   * @param subnet an {@code AWS::EC2::Subnet}
   * @return the route of its table
   */
  public Optional<Route> defaultRoute(Resource subnet) {
    return route(tableOf(subnet), DEFAULT);
  }

  /**
   * Whether a subnet is public: its default route goes to an internet gateway.
   *
   * @param subnet an {@code AWS::EC2::Subnet}
   * @return true when public
   */
  public boolean isPublic(Resource subnet) {
    return defaultRoute(subnet).map(r -> r.target() == Route.Target.INTERNET_GATEWAY).orElse(false);
  }
}
