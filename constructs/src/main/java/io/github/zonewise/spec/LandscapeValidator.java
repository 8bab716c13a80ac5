package io.github.zonewise.spec;

import io.github.zonewise.facts.AwsRegions;
import io.github.zonewise.facts.Cidr;
import io.github.zonewise.network.CidrPlan;
import io.github.zonewise.network.NatStrategy;
import io.github.zonewise.network.VpcEndpoints;
import io.github.zonewise.network.ZonalVpcProps;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link LandscapeSpec} and fills in its defaults. The first problem found fails with a
 * {@link LandscapeException} naming the field, showing the value and saying the fix; nothing is
 * built or written before this passes. Each section has its own rules class; this one holds the
 * top level and the {@code network} section and calls the others in dependency order.
 */
public final class LandscapeValidator {

  /** DNS-1123 label: lower-case alphanumerics and '-', starting and ending alphanumeric, ≤ 63. */
  static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private LandscapeValidator() {
  }

  /**
   * Checks a landscape.
   *
   * @param raw    the spec as read
   * @param source where it came from, for the app's report
   * @return the complete, checked landscape
   * @throws LandscapeException on the first problem
   */
  public static ValidatedLandscape validate(LandscapeSpec raw, String source) {
    List<String> warnings = new ArrayList<>();
    String name = required("name", raw.name());
    dnsLabel("name", name);
    String region = required("region", raw.region());
    if (!AwsRegions.isRegion(region)) {
      throw new LandscapeException("region", region, "is not an AWS region; use one of " + AwsRegions.names());
    }
    boolean singleAz = Boolean.TRUE.equals(raw.singleAz());
    List<String> zones = zones(raw.availabilityZones(), region, singleAz);
    if (zones.size() == 1) {
      warnings.add("availabilityZones: one AZ (singleAz: true) has no high availability: an AZ outage stops every service");
    }

    String account = raw.account();
    if (account != null && !account.matches("\\d{12}")) {
      throw new LandscapeException("account", account, "is not an AWS account id; write its 12 digits, e.g. '123456789012'"
          + " (quoted, so YAML keeps leading zeros)");
    }
    LandscapeSpec spec = new LandscapeSpec(name, region, account, zones, singleAz, network(raw.network()),
        raw.interconnect(), raw.registry(), raw.cluster(), raw.services(), raw.nodePools(), raw.traffic(),
        raw.prices());
    spec = InterconnectRules.apply(spec, warnings);
    spec = RegistryRules.apply(spec, warnings);
    spec = ClusterRules.apply(spec, warnings);
    spec = WorkloadRules.apply(spec, warnings);
    spec = TrafficRules.apply(spec, warnings);
    return new ValidatedLandscape(spec, source, warnings);
  }

  private static List<String> zones(List<String> raw, String region, boolean singleAz) {
    if (raw == null || raw.isEmpty()) {
      throw new LandscapeException("availabilityZones", "is missing; list at least two AZs of " + region
          + ", e.g. " + AwsRegions.zones(region).subList(0, Math.min(3, AwsRegions.zones(region).size())));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      String zone = raw.get(i);
      String field = "availabilityZones[" + i + "]";
      if (zone == null || !AwsRegions.zones(region).contains(zone)) {
        throw new LandscapeException(field, zone, "is not an AZ of region " + region + "; use one of "
            + AwsRegions.zones(region));
      }
      if (!seen.add(zone)) {
        throw new LandscapeException(field, zone, "is listed twice; list each AZ once");
      }
    }
    if (raw.size() < 2 && !singleAz) {
      throw new LandscapeException("availabilityZones", raw, "has fewer than two AZs; list at least two for high"
          + " availability, or set singleAz: true to accept a single AZ (no high availability)");
    }
    return List.copyOf(raw);
  }

  private static NetworkSpec network(NetworkSpec raw) {
    NetworkSpec n = raw != null ? raw : new NetworkSpec(null, null, null, null, null);
    String cidrText = n.cidr() != null ? n.cidr() : "10.0.0.0/16";
    Cidr cidr = Cidr.parse(cidrText).orElseThrow(() -> Cidr.canonicalOf(cidrText)
        .map(c -> new LandscapeException("network.cidr", cidrText, "has host bits set; write " + c))
        .orElseGet(() -> new LandscapeException("network.cidr", cidrText,
            "is not a CIDR block; write one such as 10.0.0.0/16")));
    if (cidr.prefix() > CidrPlan.SMALLEST_PREFIX) {
      throw new LandscapeException("network.cidr", cidrText, "is too small for the subnet plan (a private subnet"
          + " of /" + (CidrPlan.SMALLEST_PREFIX + 3) + " or more per AZ for nodes and pods); use a /16 to /"
          + CidrPlan.SMALLEST_PREFIX);
    }
    if (cidr.prefix() < CidrPlan.LARGEST_PREFIX) {
      throw new LandscapeException("network.cidr", cidrText, "is larger than AWS allows for a VPC; use a /16 to /"
          + CidrPlan.SMALLEST_PREFIX);
    }
    String nat = n.nat() != null ? n.nat() : "perAz";
    if (NatStrategy.of(nat).isEmpty()) {
      throw new LandscapeException("network.nat", nat, "is not a NAT strategy; use one of "
          + String.join(", ", NatStrategy.NAMES));
    }
    List<String> gateway = n.gatewayEndpoints() != null ? n.gatewayEndpoints() : VpcEndpoints.DEFAULT_GATEWAY;
    names("network.gatewayEndpoints", gateway, VpcEndpoints.GATEWAY, "gateway endpoint");
    List<String> iface = n.interfaceEndpoints() != null ? n.interfaceEndpoints() : VpcEndpoints.DEFAULT_INTERFACE;
    names("network.interfaceEndpoints", iface, VpcEndpoints.INTERFACE, "interface endpoint");
    int retention = n.flowLogRetentionDays() != null ? n.flowLogRetentionDays() : 30;
    if (!ZonalVpcProps.RETENTION_DAYS.contains(retention)) {
      throw new LandscapeException("network.flowLogRetentionDays", retention,
          "is not a retention CloudWatch Logs offers; use one of " + ZonalVpcProps.RETENTION_DAYS);
    }
    return new NetworkSpec(cidr.toString(), nat, List.copyOf(gateway), List.copyOf(iface), retention);
  }

  private static void names(String field, List<String> values, List<String> known, String what) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (v == null || !known.contains(v)) {
        String nearest = v == null ? null : LandscapeReader.nearest(v, known);
        throw new LandscapeException(field + "[" + i + "]", v, "is not a known " + what + "; "
            + (nearest != null ? "did you mean '" + nearest + "'? " : "") + "use one of " + String.join(", ", known));
      }
      if (!seen.add(v)) {
        throw new LandscapeException(field + "[" + i + "]", v, "is listed twice; list each " + what + " once");
      }
    }
  }

  /**
   * Fails when a required field is absent.
   *
   * @param field the field path
   * @param value its value
   * @return the value
   */
  static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new LandscapeException(field, "is missing; it is required (see the landscape format in README.md)");
    }
    return value;
  }

  /**
   * Fails when a name is not a DNS-1123 label.
   *
   * @param field the field path
   * @param value the name
   */
  static void dnsLabel(String field, String value) {
    if (value == null || !DNS_LABEL.matcher(value).matches()) {
      throw new LandscapeException(field, value, "is not a DNS-1123 label; use at most 63 lower-case letters,"
          + " digits and '-', starting and ending with a letter or digit");
    }
  }
}
