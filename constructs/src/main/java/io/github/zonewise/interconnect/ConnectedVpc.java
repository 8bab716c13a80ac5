package io.github.zonewise.interconnect;

import io.github.zonewise.facts.AwsRegions;
import io.github.zonewise.facts.Cidr;
import io.github.zonewise.network.ZonalVpc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One VPC as {@link VpcPeering} and {@link TransitGateway} see it: its id, its CIDR, the route
 * tables that get routes to the other VPCs, and the subnets a Transit Gateway attaches to.
 *
 * @param name              unique among the VPCs being connected; used in construct ids and Name tags
 * @param vpcId             the VPC id (a literal or a token)
 * @param cidr              the VPC CIDR
 * @param routeTables       route-table ids by a stable key (the zone letter of a {@link ZonalVpc}, the
 *                          id itself for an existing VPC); the key is part of each route's construct
 *                          id, so adding a route table keeps every existing route
 * @param attachmentSubnets the subnet ids a Transit Gateway attachment uses, one per AZ
 */
public record ConnectedVpc(String name, String vpcId, Cidr cidr, Map<String, String> routeTables,
    List<String> attachmentSubnets) {

  /**
   * Checks the fields are present and copies the collections (keeping their order).
   *
   * @param name              not blank and without {@code /}; not null
   * @param vpcId             the VPC id, a literal or a token; not null
   * @param cidr              the VPC CIDR; not null
   * @param routeTables       stable key → route-table id
   * @param attachmentSubnets the subnet ids a Transit Gateway attachment uses, one per AZ
   * @throws IllegalArgumentException when the name is blank or contains {@code /}
   */
  public ConnectedVpc {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(vpcId, "vpcId");
    Objects.requireNonNull(cidr, "cidr");
    if (name.isBlank() || name.contains("/")) {
      throw new IllegalArgumentException("name: '" + name + "' cannot name a VPC of an interconnect; use a DNS-1123 label");
    }
    routeTables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(routeTables));
    attachmentSubnets = List.copyOf(attachmentSubnets);
  }

  /**
   * A {@link ZonalVpc}: its private route tables (keyed by zone letter) and its transit subnets
   * (empty unless it was built with {@code ZonalVpcProps.transitSubnets(true)}).
   *
   * @param name the name
   * @param vpc  the VPC
   * @return the connected VPC
   */
  public static ConnectedVpc of(String name, ZonalVpc vpc) {
    Map<String, String> tables = new LinkedHashMap<>();
    vpc.privateRouteTables().forEach((zone, table) -> tables.put(AwsRegions.zoneLetter(zone), table.getRef()));
    List<String> subnets = vpc.zones().stream()
        .filter(zone -> vpc.transitSubnets().containsKey(zone))
        .map(zone -> vpc.transitSubnets().get(zone).getRef())
        .toList();
    return new ConnectedVpc(name, vpc.vpcId(), vpc.cidr(), tables, subnets);
  }

  /**
   * An existing VPC: its listed route tables (keyed by their ids) and subnets.
   *
   * @param peer the existing peer
   * @return the connected VPC
   */
  public static ConnectedVpc existing(PeerVpc peer) {
    if (!peer.isExisting()) {
      throw new IllegalArgumentException("peer VPC " + peer.name() + " has no vpcId; it is created, not existing");
    }
    Map<String, String> tables = new LinkedHashMap<>();
    peer.routeTableIds().forEach(id -> tables.put(id, id));
    return new ConnectedVpc(peer.name(), peer.vpcId(), peer.block(), tables, peer.subnetIds());
  }
}
