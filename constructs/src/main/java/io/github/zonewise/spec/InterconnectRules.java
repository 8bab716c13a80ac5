package io.github.zonewise.spec;

import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.interconnect.Interconnect;
import io.github.zonewise.design.InterconnectDecision;
import io.github.zonewise.interconnect.PeerVpc;
import io.github.zonewise.spec.InterconnectSpec.PeerVpcSpec;
import io.github.zonewise.facts.Cidr;
import io.github.zonewise.network.CidrPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of the {@code interconnect} section: the mode, and per peer VPC its name, CIDR (no
 * overlap with the cluster VPC or another peer), {@code vpcId}, {@code routeTableIds} and
 * {@code subnetIds}; and that {@code peering} is not asked to route between two peers.
 */
final class InterconnectRules {

  private InterconnectRules() {
  }

  /**
   * Checks the section and fills in defaults ({@code mode: auto}, canonical CIDRs, empty id lists).
   *
   * @param spec     the landscape, earlier sections already checked
   * @param warnings where warnings go
   * @return the landscape with the section complete; unchanged when it has no {@code interconnect}
   */
  static LandscapeSpec apply(LandscapeSpec spec, List<String> warnings) {
    InterconnectSpec raw = spec.interconnect();
    if (raw == null) {
      return spec;
    }
    String mode = raw.mode() != null ? raw.mode() : "auto";
    if (Interconnect.of(mode).isEmpty()) {
      String nearest = LandscapeReader.nearest(mode, Interconnect.NAMES);
      throw new LandscapeException("interconnect.mode", mode, "is not an interconnect mode; "
          + (nearest != null ? "did you mean '" + nearest + "'? " : "") + "use one of "
          + String.join(", ", Interconnect.NAMES));
    }
    if (raw.vpcs() == null || raw.vpcs().isEmpty()) {
      throw new LandscapeException("interconnect.vpcs", "is missing; list the peer VPCs the cluster VPC talks to"
          + " (a name and a cidr each), or remove the interconnect section");
    }
    Interconnect requested = Interconnect.of(mode).get();
    Interconnect chosen = requested.resolve(raw.vpcs().size());
    Cidr cluster = Cidr.parse(spec.network().cidr()).orElseThrow();
    List<Cidr> taken = new ArrayList<>(List.of(cluster));
    Map<String, Integer> names = new HashMap<>();
    List<PeerVpcSpec> vpcs = new ArrayList<>();
    for (int i = 0; i < raw.vpcs().size(); i++) {
      vpcs.add(peer(spec, raw.vpcs(), i, requested, chosen, cluster, taken, names, warnings));
    }
    if (chosen.equals(Interconnect.peering()) && vpcs.size() > 1) {
      peerToPeer(spec, mode, names, vpcs.size() + 1);
    }
    return new LandscapeSpec(spec.name(), spec.region(), spec.account(), spec.availabilityZones(), spec.singleAz(),
        spec.network(), new InterconnectSpec(mode, List.copyOf(vpcs)), spec.registry(), spec.cluster(),
        spec.services(), spec.nodePools(), spec.traffic(), spec.prices());
  }

  private static PeerVpcSpec peer(LandscapeSpec spec, List<PeerVpcSpec> all, int i, Interconnect requested,
      Interconnect chosen, Cidr cluster, List<Cidr> taken, Map<String, Integer> names, List<String> warnings) {
    String field = "interconnect.vpcs[" + i + "]";
    PeerVpcSpec v = all.get(i);
    if (v == null) {
      throw new LandscapeException(field, "is empty; give the peer VPC a name and a cidr");
    }
    String name = LandscapeValidator.required(field + ".name", v.name());
    LandscapeValidator.dnsLabel(field + ".name", name);
    if (name.equals(spec.name())) {
      throw new LandscapeException(field + ".name", name, "is the landscape's name, which names the cluster VPC;"
          + " give the peer VPC another name");
    }
    Integer before = names.putIfAbsent(name, i);
    if (before != null) {
      throw new LandscapeException(field + ".name", name, "is also the name of interconnect.vpcs[" + before
          + "]; give each peer VPC its own name");
    }

    String cidrText = LandscapeValidator.required(field + ".cidr", v.cidr());
    Cidr cidr = Cidr.parse(cidrText).orElseThrow(() -> Cidr.canonicalOf(cidrText)
        .map(c -> new LandscapeException(field + ".cidr", cidrText, "has host bits set; write " + c))
        .orElseGet(() -> new LandscapeException(field + ".cidr", cidrText,
            "is not a CIDR block; write one such as 10.1.0.0/16")));
    if (cidr.overlaps(cluster)) {
      throw new LandscapeException(field + ".cidr", cidrText, "of " + name + " overlaps the cluster VPC's network.cidr "
          + cluster + "; routes cannot tell the two apart: give " + name + " a block outside " + cluster
          + suggestion(cidr.prefix(), taken));
    }
    for (int j = 0; j < i; j++) {
      Cidr other = Cidr.parse(all.get(j).cidr()).orElseThrow();
      if (cidr.overlaps(other)) {
        throw new LandscapeException(field + ".cidr", cidrText, "of " + name + " overlaps " + other + " of "
            + all.get(j).name() + " (interconnect.vpcs[" + j + "].cidr); routes cannot tell the two apart: give "
            + name + " a block outside " + other + suggestion(cidr.prefix(), taken));
      }
    }
    taken.add(cidr);

    String vpcId = v.vpcId();
    List<String> routeTableIds = v.routeTableIds() == null ? List.of() : v.routeTableIds();
    List<String> subnetIds = v.subnetIds() == null ? List.of() : v.subnetIds();
    if (vpcId == null) {
      if (cidr.prefix() < CidrPlan.LARGEST_PREFIX || cidr.prefix() > CidrPlan.SMALLEST_PREFIX) {
        throw new LandscapeException(field + ".cidr", cidrText, "is a /" + cidr.prefix() + "; Zonewise creates "
            + name + " (it has no vpcId) with the subnet plan of network.cidr, which needs a /16 to /"
            + CidrPlan.SMALLEST_PREFIX + ": use such a block, or set vpcId to connect an existing VPC");
      }
      if (v.routeTableIds() != null) {
        throw new LandscapeException(field + ".routeTableIds", v.routeTableIds(), "applies only to an existing VPC"
            + " (vpcId); Zonewise routes the VPC it creates for " + name + " itself: remove routeTableIds");
      }
      if (v.subnetIds() != null) {
        throw new LandscapeException(field + ".subnetIds", v.subnetIds(), "applies only to an existing VPC"
            + " (vpcId); Zonewise attaches the VPC it creates for " + name + " through its own transit subnets:"
            + " remove subnetIds");
      }
    } else {
      if (!PeerVpc.VPC_ID.matcher(vpcId).matches()) {
        throw new LandscapeException(field + ".vpcId", vpcId, "is not a VPC id; write 'vpc-' and 8 or 17 lower-case"
            + " hex digits (e.g. vpc-0a1b2c3d4e5f67890), or leave vpcId out to have Zonewise create " + name);
      }
      ids(field + ".routeTableIds", routeTableIds, PeerVpc.ROUTE_TABLE_ID, "route table", "rtb-0a1b2c3d4e5f67890");
      ids(field + ".subnetIds", subnetIds, PeerVpc.SUBNET_ID, "subnet", "subnet-0a1b2c3d4e5f67890");
      if (chosen.isTransitGateway() && subnetIds.isEmpty()) {
        throw new LandscapeException(field + ".subnetIds", "is missing; " + how(requested, chosen, all.size() + 1)
            + " attaches the existing VPC " + name + " (" + vpcId + ") through one of its subnets in each AZ: list"
            + " those subnet ids (small /28 subnets for the attachment are best)");
      }
      if (!chosen.isTransitGateway() && !subnetIds.isEmpty()) {
        warnings.add(field + ".subnetIds: unused with peering (they are for a Transit Gateway attachment)");
      }
      if (routeTableIds.isEmpty()) {
        warnings.add(field + ".routeTableIds: not set for the existing VPC " + name + " (" + vpcId + "), so Zonewise"
            + " adds routes to " + cidr + " in the cluster VPC only; add routes back to " + cluster + " in "
            + name + "'s route tables yourself, or list them in routeTableIds");
      }
    }
    return new PeerVpcSpec(name, cidr.toString(), vpcId, List.copyOf(routeTableIds), List.copyOf(subnetIds));
  }

  private static void ids(String field, List<String> ids, Pattern shape, String what, String example) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int k = 0; k < ids.size(); k++) {
      String id = ids.get(k);
      if (id == null || !shape.matcher(id).matches()) {
        throw new LandscapeException(field + "[" + k + "]", id, "is not a " + what + " id; write it like " + example);
      }
      if (!seen.add(id)) {
        throw new LandscapeException(field + "[" + k + "]", id, "is listed twice; list each " + what + " once");
      }
    }
  }

  /** Peering is not transitive: a flow between two peers has no route through the cluster VPC. */
  private static void peerToPeer(LandscapeSpec spec, String mode, Map<String, Integer> peers, int vpcs) {
    if (spec.traffic() == null) {
      return;
    }
    for (int k = 0; k < spec.traffic().size(); k++) {
      FlowSpec flow = spec.traffic().get(k);
      if (flow == null || flow.from() == null || flow.to() == null || flow.from().equals(flow.to())) {
        continue;
      }
      if (peers.containsKey(flow.from()) && peers.containsKey(flow.to())) {
        InterconnectDecision tgw = InterconnectDecision.decide(Interconnect.transitGateway(), vpcs - 1,
            PriceBook.defaults());
        throw new LandscapeException("interconnect.mode", mode, "cannot carry traffic[" + k + "] from " + flow.from()
            + " to " + flow.to() + ": peering is not transitive (each peer VPC is peered with the cluster VPC only,"
            + " so " + flow.from() + " has no route to " + flow.to() + "); use mode: transitGateway (or auto), which"
            + " routes between all " + vpcs + " VPCs for " + String.format(java.util.Locale.ROOT, "$%,.2f",
                tgw.transitGatewayMonthlyUsd()) + "/month in attachments");
      }
    }
  }

  private static String how(Interconnect requested, Interconnect chosen, int vpcs) {
    return requested.isAuto()
        ? "interconnect.mode auto chose a Transit Gateway for " + vpcs + " VPCs, which"
        : "a Transit Gateway (interconnect.mode " + chosen + ")";
  }

  /** A free block of the same size in 10.0.0.0/8, as {@code , e.g. 10.3.0.0/16}, or nothing. */
  private static String suggestion(int prefix, List<Cidr> taken) {
    if (prefix < 8) {
      return "";
    }
    Cidr ten = Cidr.parse("10.0.0.0/8").orElseThrow();
    long count = 1L << (prefix - 8);
    for (long n = 0; n < count && n < 65536; n++) {
      Cidr candidate = ten.subnet(prefix, (int) n);
      if (taken.stream().noneMatch(candidate::overlaps)) {
        return ", e.g. " + candidate;
      }
    }
    return "";
  }
}
