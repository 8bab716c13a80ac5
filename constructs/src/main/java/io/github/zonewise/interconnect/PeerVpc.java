package io.github.zonewise.interconnect;

import io.github.zonewise.facts.Cidr;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A VPC in the cluster VPC's region that the cluster VPC talks to: either one that already exists
 * ({@link #existing}) or one that {@link VpcInterconnect} creates as a {@link io.github.zonewise.network.ZonalVpc}
 * ({@link #created}). Plain Java.
 *
 * <p>An existing VPC's own route tables are not Zonewise's: routes back to the cluster VPC are added
 * to exactly the route tables listed in {@code routeTableIds} and to none when it is empty (its owner
 * then adds them). A Transit Gateway attaches to an existing VPC through {@code subnetIds}, one subnet
 * per AZ.
 *
 * @param name          the peer's name, unique in the interconnect; used in construct ids and Name tags
 * @param cidr          its IPv4 CIDR; must not overlap any other VPC of the interconnect
 * @param vpcId         the existing VPC's id ({@code vpc-…}), or null for a VPC Zonewise creates
 * @param routeTableIds the existing VPC's route tables that get routes to the other VPCs; empty for
 *                      none (and always empty for a created VPC, whose private route tables are used)
 * @param subnetIds     the existing VPC's subnets for a Transit Gateway attachment, one per AZ; empty
 *                      for peering (and always empty for a created VPC, whose transit subnets are used)
 */
public record PeerVpc(String name, String cidr, String vpcId, List<String> routeTableIds, List<String> subnetIds) {

  /** An EC2 VPC id: {@code vpc-} and 8 or 17 lower-case hex digits. */
  public static final Pattern VPC_ID = Pattern.compile("vpc-([0-9a-f]{8}|[0-9a-f]{17})");
  /** An EC2 route table id: {@code rtb-} and 8 or 17 lower-case hex digits. */
  public static final Pattern ROUTE_TABLE_ID = Pattern.compile("rtb-([0-9a-f]{8}|[0-9a-f]{17})");
  /** An EC2 subnet id: {@code subnet-} and 8 or 17 lower-case hex digits. */
  public static final Pattern SUBNET_ID = Pattern.compile("subnet-([0-9a-f]{8}|[0-9a-f]{17})");

  /**
   * Checks the name, CIDR and ids, and copies the lists (null becomes empty).
   *
   * @param name          a DNS-1123 label, not blank and without {@code /}
   * @param cidr          an IPv4 CIDR block, kept in its normalized form
   * @param vpcId         {@code vpc-} and 8 or 17 hex digits, or null for a VPC Zonewise creates
   * @param routeTableIds {@code rtb-} ids of the existing VPC, or null; only with a {@code vpcId}
   * @param subnetIds     {@code subnet-} ids of the existing VPC, or null; only with a {@code vpcId}
   * @throws IllegalArgumentException naming the field, when a value is malformed or ids come without a
   *                                  {@code vpcId}
   */
  public PeerVpc {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.contains("/")) {
      throw new IllegalArgumentException("name: '" + name + "' cannot name a peer VPC; use a DNS-1123 label such as payments");
    }
    if (Cidr.parse(cidr).isEmpty()) {
      throw new IllegalArgumentException("cidr: '" + cidr + "' of peer VPC " + name
          + " is not a CIDR block; write one such as 10.1.0.0/16");
    }
    cidr = Cidr.parse(cidr).get().toString();
    routeTableIds = routeTableIds == null ? List.of() : List.copyOf(routeTableIds);
    subnetIds = subnetIds == null ? List.of() : List.copyOf(subnetIds);
    if (vpcId != null && !VPC_ID.matcher(vpcId).matches()) {
      throw new IllegalArgumentException("vpcId: '" + vpcId + "' of peer VPC " + name
          + " is not a VPC id; write vpc- and 8 or 17 hex digits");
    }
    if (vpcId == null && (!routeTableIds.isEmpty() || !subnetIds.isEmpty())) {
      throw new IllegalArgumentException("peer VPC " + name + " has routeTableIds or subnetIds but no vpcId;"
          + " they apply only to an existing VPC");
    }
    for (String id : routeTableIds) {
      if (id == null || !ROUTE_TABLE_ID.matcher(id).matches()) {
        throw new IllegalArgumentException("routeTableIds: '" + id + "' of peer VPC " + name
            + " is not a route table id; write rtb- and 8 or 17 hex digits");
      }
    }
    for (String id : subnetIds) {
      if (id == null || !SUBNET_ID.matcher(id).matches()) {
        throw new IllegalArgumentException("subnetIds: '" + id + "' of peer VPC " + name
            + " is not a subnet id; write subnet- and 8 or 17 hex digits");
      }
    }
  }

  /**
   * A VPC that {@link VpcInterconnect} creates.
   *
   * @param name its name
   * @param cidr its CIDR, /16 to /20 (the {@link io.github.zonewise.network.CidrPlan})
   * @return the peer
   */
  public static PeerVpc created(String name, String cidr) {
    return new PeerVpc(name, cidr, null, List.of(), List.of());
  }

  /**
   * A VPC that already exists, in the same account and region as the cluster VPC.
   *
   * @param name          its name
   * @param cidr          its CIDR
   * @param vpcId         its id
   * @param routeTableIds its route tables that get routes to the other VPCs (may be empty)
   * @param subnetIds     its subnets for a Transit Gateway attachment, one per AZ (empty for peering)
   * @return the peer
   */
  public static PeerVpc existing(String name, String cidr, String vpcId, List<String> routeTableIds,
      List<String> subnetIds) {
    return new PeerVpc(name, cidr, Objects.requireNonNull(vpcId, "vpcId"), routeTableIds, subnetIds);
  }

  /** {@return whether the VPC exists already (it has a {@code vpcId})} */
  public boolean isExisting() {
    return vpcId != null;
  }

  /** {@return the parsed CIDR} */
  public Cidr block() {
    return Cidr.parse(cidr).orElseThrow();
  }
}
