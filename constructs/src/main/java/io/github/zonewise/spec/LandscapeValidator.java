package io.github.zonewise.spec;

import io.github.zonewise.facts.Names;
import io.github.zonewise.facts.AwsRegions;
import io.github.zonewise.facts.Cidr;
import io.github.zonewise.facts.VpcEndpoints;
import io.github.zonewise.network.CidrPlan;
import io.github.zonewise.network.FlowLogArchiveProps;
import io.github.zonewise.network.FlowLogDestination;
import io.github.zonewise.network.NatStrategy;
import io.github.zonewise.network.ZonalVpcProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a {@link LandscapeFile} and turns it into the typed {@link LandscapeSpec}, every default
 * filled in. Every independent problem is reported at once in one {@link LandscapeException}, each
 * naming the field, showing the value and saying the fix; nothing is built or written before this
 * passes. Each section has its own rules class; this one holds the top level and the {@code network}
 * section and calls the others in dependency order.
 */
public final class LandscapeValidator {

  /** The VPC CIDR when {@code network.cidr} is not set. */
  static final String DEFAULT_CIDR = "10.0.0.0/16";

  /** Flow-log retention when {@code network.flowLogs.retentionDays} is not set. */
  static final int DEFAULT_FLOW_LOG_RETENTION_DAYS = 30;

  /** The flow-log destination when {@code network.flowLogs.destination} is not set. */
  static final FlowLogDestination DEFAULT_FLOW_LOG_DESTINATION = FlowLogDestination.s3();

  private LandscapeValidator() {
  }

  /**
   * Checks a landscape.
   *
   * @param raw    the landscape as read
   * @param source where it came from, for the app's report
   * @return the complete, checked landscape
   * @throws LandscapeException with every independent problem found
   */
  public static ValidatedLandscape validate(LandscapeFile raw, String source) {
    List<String> warnings = new ArrayList<>();
    Problems problems = new Problems(raw.positions());
    Optional<String> name = problems.check(() -> {
      String n = required("name", raw.name());
      dnsLabel("name", n);
      Names.stackName("name", n, stackNames(raw, n));
      return n;
    });
    Optional<String> region = problems.check(() -> region(raw.region()));
    boolean singleAz = Boolean.TRUE.equals(raw.singleAz());
    Optional<List<String>> zones = region.flatMap(r -> problems.check(() -> zones(raw.availabilityZones(), r,
        singleAz)));
    if (name.isEmpty() || zones.isEmpty()) {
      problems.throwIfAny();
    }
    if (zones.get().size() == 1) {
      warnings.add("availabilityZones: one AZ (singleAz: true) has no high availability: an AZ outage stops every service");
    }
    Optional<String> account = problems.check(() -> Optional.ofNullable(account(raw.account()))).flatMap(a -> a);
    Sections s = new Sections(name.get(), region.get(), zones.get(), raw, warnings, problems);
    Optional<NetworkSpec> network = problems.check(() -> network(raw.network()));
    Optional<InterconnectSpec> interconnect = network.flatMap(n -> InterconnectRules.check(s, n));
    Optional<RegistrySpec> registry = RegistryRules.check(s);
    Optional<ClusterSpec> cluster = ClusterRules.check(s, network);
    List<NodePoolSpec> nodePools = WorkloadRules.nodePools(s);
    List<ServiceSpec> services = WorkloadRules.services(s, cluster);
    Optional<List<FlowSpec>> traffic = TrafficRules.flows(s, interconnect);
    Map<String, Double> prices = TrafficRules.prices(s);
    problems.throwIfAny();
    WorkloadRules.warn(s, services, nodePools);
    LandscapeSpec spec = new LandscapeSpec(name.get(), region.get(), account, zones.get(), singleAz, network.get(),
        raw.interconnect() == null ? Optional.empty() : interconnect, raw.registry() == null ? Optional.empty()
        : registry, raw.cluster() == null ? Optional.empty() : cluster, services, nodePools, traffic, prices);
    return new ValidatedLandscape(spec, source, warnings, raw.positions());
  }

  /**
   * What the section rules share: the checked top level, the file as read, and where warnings and
   * problems go.
   *
   * @param name     the landscape's name
   * @param region   the home region
   * @param zones    the AZs
   * @param raw      the file as read
   * @param warnings where warnings go
   * @param problems where problems go
   */
  record Sections(String name, String region, List<String> zones, LandscapeFile raw, List<String> warnings,
      Problems problems) {
  }

  /**
   * The names of the stacks the landscape makes (as {@code landscape.Landscape} names them): {@code
   * <name>-network}, {@code <name>-registry} and {@code <name>-registry-<region>} per replica region,
   * {@code <name>-cluster}.
   */
  private static List<String> stackNames(LandscapeFile raw, String name) {
    List<String> stacks = new ArrayList<>(List.of(name + "-network"));
    if (raw.registry() != null) {
      stacks.add(name + "-registry");
      if (raw.registry().replicateTo() != null) {
        raw.registry().replicateTo().stream().filter(AwsRegions::isRegion).forEach(r -> stacks.add(name + "-registry-"
            + r));
      }
    }
    if (raw.cluster() != null) {
      stacks.add(name + "-cluster");
    }
    return stacks;
  }

  private static String region(String raw) {
    String region = required("region", raw);
    if (!AwsRegions.isRegion(region)) {
      throw new LandscapeException("region", region, "is not an AWS region; use one of " + AwsRegions.names());
    }
    return region;
  }

  private static String account(String account) {
    if (account != null && !account.matches("\\d{12}")) {
      throw new LandscapeException("account", account, "is not an AWS account id; write its 12 digits, e.g. '123456789012'"
          + " (quoted, so YAML keeps leading zeros)");
    }
    return account;
  }

  private static List<String> zones(List<String> raw, String region, boolean singleAz) {
    return AwsRegions.checkZones("availabilityZones", raw, region, singleAz, "singleAz: true");
  }


  private static NetworkSpec network(LandscapeFile.Network raw) {
    LandscapeFile.Network n = raw != null ? raw : new LandscapeFile.Network(null, null, null, null, null);
    Cidr cidr = vpcCidr("network.cidr", n.cidr() != null ? n.cidr() : DEFAULT_CIDR, "10.0.0.0/16");
    Optional<NatStrategy> nat = Optional.ofNullable(n.nat()).map(name -> Vocabulary.NAT.require("network.nat", name));
    List<String> gateway = n.gatewayEndpoints() != null ? n.gatewayEndpoints() : VpcEndpoints.DEFAULT_GATEWAY;
    names("network.gatewayEndpoints", gateway, VpcEndpoints.GATEWAY, "gateway endpoint");
    Optional<List<String>> iface = Optional.ofNullable(n.interfaceEndpoints());
    iface.ifPresent(list -> names("network.interfaceEndpoints", list, VpcEndpoints.INTERFACE, "interface endpoint"));
    LandscapeFile.FlowLogs logs = n.flowLogs() != null ? n.flowLogs() : new LandscapeFile.FlowLogs(null, null);
    FlowLogDestination destination = logs.destination() == null ? DEFAULT_FLOW_LOG_DESTINATION
        : Vocabulary.FLOW_LOG_DESTINATION.require("network.flowLogs.destination", logs.destination());
    int days = logs.retentionDays() != null ? logs.retentionDays() : DEFAULT_FLOW_LOG_RETENTION_DAYS;
    // the bucket's lifecycle keeps any whole number of days; a log group keeps only CloudWatch Logs' retentions
    int retention = destination.isS3() ? FlowLogArchiveProps.checkRetention("network.flowLogs.retentionDays", days)
        : ZonalVpcProps.checkRetention("network.flowLogs.retentionDays", days);
    return new NetworkSpec(cidr, nat, List.copyOf(gateway), iface.map(List::copyOf), destination, retention);
  }

  /**
   * A CIDR block that the subnet plan can split: a block, no host bits, /16 to /20.
   *
   * @param field   the field path
   * @param text    the block as written
   * @param example an example block for the message
   * @return the block
   */
  static Cidr vpcCidr(String field, String text, String example) {
    return CidrPlan.checkVpcCidr(field, text, example);
  }

  /**
   * A CIDR block without host bits.
   *
   * @param field   the field path
   * @param text    the block as written
   * @param example an example block for the message
   * @return the block
   */
  static Cidr cidr(String field, String text, String example) {
    return Cidr.check(field, text, example);
  }

  private static void names(String field, List<String> values, List<String> known, String what) {
    Names.knownOnce(field, values, known, what);
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
    Names.dnsLabel(field, value);
  }

}
