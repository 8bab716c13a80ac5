package io.github.zonewise.spec;

import io.github.zonewise.facts.AwsRegions;
import io.github.zonewise.facts.Cidr;
import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.interconnect.Interconnect;
import io.github.zonewise.interconnect.PeerVpc;
import io.github.zonewise.network.CidrPlan;
import io.github.zonewise.spec.LandscapeValidator.Sections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of the {@code interconnect} section: the mode, and per peer VPC its name, CIDR (no
 * overlap with the cluster VPC or another peer), {@code vpcId}, {@code routeTableIds} and
 * {@code subnetIds}; and that {@code peering} is not asked to route between two peers. The rules
 * that depend on the mode the design step picks for {@code auto} ({@link #attachmentSubnets},
 * {@link #unusedAttachmentSubnets}) are public so that the design step applies the same rule.
 */
public final class InterconnectRules {

  private InterconnectRules() {
  }

  /**
   * Checks the section.
   *
   * @param s       the checked top level
   * @param network the checked network section
   * @return the section; empty when the landscape has none or it has a problem
   */
  static Optional<InterconnectSpec> check(Sections s, NetworkSpec network) {
    LandscapeFile.Interconnect raw = s.raw().interconnect();
    if (raw == null) {
      return Optional.empty();
    }
    Optional<Optional<Interconnect>> mode = s.problems().check(() -> Optional.ofNullable(raw.mode())
        .filter(m -> !m.equals(Vocabulary.AUTO))
        .map(m -> Vocabulary.INTERCONNECT.require("interconnect.mode", m, Vocabulary.AUTO)));
    if (raw.vpcs() == null || raw.vpcs().isEmpty()) {
      s.problems().check(() -> {
        throw new LandscapeException("interconnect.vpcs", "is missing; list the peer VPCs the cluster VPC talks to"
            + " (a name and a cidr each), or remove the interconnect section");
      });
      return Optional.empty();
    }
    Cidr cluster = network.cidr();
    List<Cidr> taken = new ArrayList<>(List.of(cluster));
    Map<String, Integer> names = new HashMap<>();
    List<PeerVpc> vpcs = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < raw.vpcs().size(); i++) {
      int index = i;
      Optional<PeerVpc> peer = s.problems().check(() -> peer(s, raw.vpcs(), index, cluster, taken, names));
      peer.ifPresent(vpcs::add);
      ok &= peer.isPresent();
    }
    if (mode.isEmpty() || !ok) {
      return Optional.empty();
    }
    InterconnectSpec spec = new InterconnectSpec(mode.get(), vpcs, s.zones());
    mode.get().ifPresent(m -> {
      if (m.isTransitGateway()) {
        s.problems().run(() -> attachmentSubnets(spec, m, false));
      } else {
        s.warnings().addAll(unusedAttachmentSubnets(spec));
      }
    });
    return Optional.of(spec);
  }

  private static PeerVpc peer(Sections s, List<LandscapeFile.PeerVpc> all, int i, Cidr cluster, List<Cidr> taken,
      Map<String, Integer> names) {
    String field = "interconnect.vpcs[" + i + "]";
    LandscapeFile.PeerVpc v = all.get(i);
    if (v == null) {
      throw new LandscapeException(field, "is empty; give the peer VPC a name and a cidr");
    }
    String name = LandscapeValidator.required(field + ".name", v.name());
    LandscapeValidator.dnsLabel(field + ".name", name);
    if (name.equals(s.name())) {
      throw new LandscapeException(field + ".name", name, "is the landscape's name, which names the cluster VPC;"
          + " give the peer VPC another name");
    }
    TrafficRules.reservedEnd(name).ifPresent(end -> {
      throw new LandscapeException(field + ".name", name, "is also the traffic end of " + end + ", so a flow naming "
          + name + " could not tell the two apart; give the peer VPC another name");
    });
    Integer before = names.putIfAbsent(name, i);
    if (before != null) {
      throw new LandscapeException(field + ".name", name, "is also the name of interconnect.vpcs[" + before
          + "]; give each peer VPC its own name");
    }

    String cidrText = LandscapeValidator.required(field + ".cidr", v.cidr());
    Cidr cidr = LandscapeValidator.cidr(field + ".cidr", cidrText, "10.1.0.0/16");
    if (cidr.overlaps(cluster)) {
      throw new LandscapeException(field + ".cidr", cidrText, "of " + name + " overlaps the cluster VPC's network.cidr "
          + cluster + "; routes cannot tell the two apart: give " + name + " a block outside " + cluster
          + suggestion(cidr.prefix(), taken));
    }
    for (int j = 0; j < i; j++) {
      Optional<Cidr> other = all.get(j) == null ? Optional.empty() : Cidr.parse(all.get(j).cidr());
      if (other.isPresent() && cidr.overlaps(other.get())) {
        throw new LandscapeException(field + ".cidr", cidrText, "of " + name + " overlaps " + other.get() + " of "
            + all.get(j).name() + " (interconnect.vpcs[" + j + "].cidr); routes cannot tell the two apart: give "
            + name + " a block outside " + other.get() + suggestion(cidr.prefix(), taken));
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
      return PeerVpc.created(name, cidr.toString());
    }
    if (!PeerVpc.VPC_ID.matcher(vpcId).matches()) {
      throw new LandscapeException(field + ".vpcId", vpcId, "is not a VPC id; write 'vpc-' and 8 or 17 lower-case"
          + " hex digits (e.g. vpc-0a1b2c3d4e5f67890), or leave vpcId out to have Zonewise create " + name);
    }
    ids(field + ".routeTableIds", routeTableIds, PeerVpc.ROUTE_TABLE_ID, "route table", "rtb-0a1b2c3d4e5f67890");
    ids(field + ".subnetIds", subnetIds, PeerVpc.SUBNET_ID, "subnet", "subnet-0a1b2c3d4e5f67890");
    if (routeTableIds.isEmpty()) {
      s.warnings().add(field + ".routeTableIds: not set for the existing VPC " + name + " (" + vpcId + "), so Zonewise"
          + " adds routes to " + cidr + " in the cluster VPC only; add routes back to " + cluster + " in "
          + name + "'s route tables yourself, or list them in routeTableIds");
    }
    return PeerVpc.existing(name, cidr.toString(), vpcId, routeTableIds, subnetIds);
  }

  /**
   * A Transit Gateway attaches an existing peer VPC through one of its subnets in each AZ: every
   * existing peer must list {@code subnetIds}, at least one per AZ of the landscape (an AZ without one
   * cannot reach the attachment) and at most one per AZ of the region (an attachment takes one subnet
   * per AZ).
   *
   * @param spec the checked section
   * @param mode the concrete mode, a Transit Gateway
   * @param auto whether the design step chose it for {@code auto}
   * @throws LandscapeException naming the first existing peer without enough subnets
   */
  public static void attachmentSubnets(InterconnectSpec spec, Interconnect mode, boolean auto) {
    List<PeerVpc> vpcs = spec.vpcs();
    List<String> zones = spec.availabilityZones();
    for (int i = 0; i < vpcs.size(); i++) {
      PeerVpc v = vpcs.get(i);
      String field = "interconnect.vpcs[" + i + "].subnetIds";
      String attaches = (auto ? "interconnect.mode auto chose a Transit Gateway for " + (vpcs.size() + 1) + " VPCs,"
          + " which" : "a Transit Gateway (interconnect.mode " + mode + ")") + " attaches the existing VPC " + v.name()
          + " (" + v.vpcId() + ") through one of its subnets in each AZ";
      if (!v.isExisting()) {
        continue;
      }
      if (v.subnetIds().isEmpty()) {
        throw new LandscapeException(field, "is missing; " + attaches + ": list those subnet ids (small /28 subnets for"
            + " the attachment are best)");
      }
      if (v.subnetIds().size() < zones.size()) {
        throw new LandscapeException(field, v.subnetIds(), "lists " + count(v.subnetIds().size(), "subnet") + " for the"
            + " landscape's " + zones.size() + " AZs; " + attaches + ", and an AZ without one cannot reach the"
            + " attachment: list one subnet of " + v.name() + " in each of " + String.join(", ", zones));
      }
      int regionZones = zones.isEmpty() ? Integer.MAX_VALUE
          : AwsRegions.regionOf(zones.get(0)).map(r -> AwsRegions.zones(r).size()).orElse(Integer.MAX_VALUE);
      if (v.subnetIds().size() > regionZones) {
        throw new LandscapeException(field, v.subnetIds(), "lists " + count(v.subnetIds().size(), "subnet") + ", more"
            + " than the " + regionZones + " AZs of the region; an attachment takes one subnet per AZ: list one subnet"
            + " of " + v.name() + " per AZ");
      }
    }
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /**
   * Peering does not use an existing peer's {@code subnetIds} (they are for a Transit Gateway
   * attachment).
   *
   * @param spec the checked section, connected by peering
   * @return one warning per peer that lists them
   */
  public static List<String> unusedAttachmentSubnets(InterconnectSpec spec) {
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < spec.vpcs().size(); i++) {
      if (!spec.vpcs().get(i).subnetIds().isEmpty()) {
        warnings.add("interconnect.vpcs[" + i + "].subnetIds: unused with peering (they are for a Transit Gateway"
            + " attachment)");
      }
    }
    return warnings;
  }

  /**
   * Peering is not transitive: with {@code mode: peering}, a flow between two peers has no route
   * through the cluster VPC.
   *
   * @param spec    the checked section, its mode peering
   * @param traffic the checked flows
   * @throws LandscapeException naming the first flow between two peers
   */
  static void peerToPeer(InterconnectSpec spec, List<FlowSpec> traffic) {
    if (spec.vpcs().size() < 2) {
      return;
    }
    for (FlowSpec flow : traffic) {
      if (flow.from().kind() == TrafficEnd.Kind.PEER && flow.to().kind() == TrafficEnd.Kind.PEER
          && !flow.from().name().equals(flow.to().name())) {
        PriceBook prices = PriceBook.defaults();
        int vpcs = spec.vpcs().size() + 1;
        double tgw = vpcs * prices.usd(PriceBook.TRANSIT_GATEWAY_ATTACHMENT_HOUR) * prices.usd(PriceBook.HOURS_PER_MONTH);
        throw new LandscapeException("interconnect.mode", Interconnect.peering().name(), "cannot carry traffic["
            + flow.index() + "] from " + flow.from() + " to " + flow.to() + ": peering is not transitive (each peer"
            + " VPC is peered with the cluster VPC only, so " + flow.from() + " has no route to " + flow.to()
            + "); use mode: transitGateway (or auto), which routes between all " + vpcs + " VPCs for "
            + String.format(Locale.ROOT, "$%,.2f", tgw) + "/month in attachments");
      }
    }
  }

  private static void ids(String field, List<String> ids, Pattern shape, String what, String example) {
    Set<String> seen = new HashSet<>();
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
