package io.github.zonewise.spec;

import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.cluster.ClusterEndpoint;
import io.github.zonewise.cluster.KarpenterNames;
import io.github.zonewise.facts.KubernetesVersions;
import io.github.zonewise.facts.KubernetesVersions.EksVersion;
import io.github.zonewise.facts.KubernetesVersions.Support;
import io.github.zonewise.cluster.ServiceMesh;
import io.github.zonewise.cluster.SystemNodes;
import io.github.zonewise.facts.Cidr;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The rules of the {@code cluster} section: checks and defaults. */
final class ClusterRules {

  /** The names {@code cluster.manifests} accepts. */
  static final List<String> MANIFESTS = List.of("cdk", "gitops");

  /** How many days before the end of standard support a warning says it is coming. */
  static final int STANDARD_SUPPORT_NOTICE_DAYS = 60;

  private ClusterRules() {
  }

  /**
   * Checks the section and fills in defaults: version {@value KubernetesVersions#DEFAULT},
   * endpoint {@code private}, mesh {@code none}, manifests {@code cdk}, system nodes one
   * {@value SystemNodes#DEFAULT_INSTANCE_TYPE} per AZ.
   *
   * @param spec     the landscape, earlier sections already checked
   * @param warnings where warnings go
   * @return the landscape with the section complete
   */
  static LandscapeSpec apply(LandscapeSpec spec, List<String> warnings) {
    ClusterSpec c = spec.cluster();
    if (c == null) {
      return spec;
    }
    if (spec.name().length() > KarpenterNames.MAX_CLUSTER_NAME_LENGTH) {
      throw new LandscapeException("name", spec.name(), "is too long for the cluster: Karpenter's node role "
          + KarpenterNames.NODE_ROLE_PREFIX + "<name> must fit IAM's 64 characters; use at most "
          + KarpenterNames.MAX_CLUSTER_NAME_LENGTH + " characters");
    }
    String version = version(c.version(), KubernetesVersions.today(), warnings);
    String endpoint = c.endpoint() != null ? c.endpoint() : "private";
    if (!ClusterEndpoint.NAMES.contains(endpoint)) {
      throw new LandscapeException("cluster.endpoint", endpoint, "is not an endpoint access; "
          + suggestion(endpoint, ClusterEndpoint.NAMES) + "use one of " + String.join(", ", ClusterEndpoint.NAMES));
    }
    boolean allowOpen = Boolean.TRUE.equals(c.allowOpenPublicEndpoint());
    List<String> publicCidrs = publicCidrs(endpoint, c.publicCidrs(), allowOpen, warnings);
    String mesh = c.mesh() != null ? c.mesh() : ServiceMesh.NONE.label();
    if (ServiceMesh.of(mesh).isEmpty()) {
      throw new LandscapeException("cluster.mesh", mesh, "is not a service mesh Zonewise installs; "
          + suggestion(mesh, ServiceMesh.NAMES) + "use one of " + String.join(", ", ServiceMesh.NAMES));
    }
    String manifests = c.manifests() != null ? c.manifests() : "cdk";
    if (!MANIFESTS.contains(manifests)) {
      throw new LandscapeException("cluster.manifests", manifests, "is not a way to deliver the manifests; "
          + suggestion(manifests, MANIFESTS) + "use cdk (applied by CloudFormation) or gitops (written to dist/ only)");
    }
    ClusterSpec.SystemNodesSpec nodes = systemNodes(c.systemNodes());
    networkWarnings(spec.network(), warnings);
    ClusterSpec checked = new ClusterSpec(version, endpoint, publicCidrs, allowOpen, mesh, manifests, nodes);
    return new LandscapeSpec(spec.name(), spec.region(), spec.account(), spec.availabilityZones(), spec.singleAz(),
        spec.network(), spec.interconnect(), spec.registry(), checked, spec.services(), spec.nodePools(),
        spec.traffic(), spec.prices());
  }

  private static String version(String raw, LocalDate today, List<String> warnings) {
    String version = raw != null ? raw.trim() : KubernetesVersions.DEFAULT;
    Optional<EksVersion> entry = KubernetesVersions.find(version);
    Support support = entry.map(v -> v.supportOn(today)).orElse(Support.ENDED);
    if (support == Support.NOT_YET_RELEASED || support == Support.ENDED) {
      List<String> offered = KubernetesVersions.offeredOn(today);
      String why = entry.isEmpty() ? "is not a Kubernetes version EKS offers"
          : support == Support.ENDED ? "is past the end of EKS extended support (" + entry.get().endOfExtendedSupport()
              + "): EKS no longer creates clusters of it"
          : "is not released on EKS yet (EKS release " + entry.get().eksRelease() + ")";
      throw new LandscapeException("cluster.version", version, why + "; use one of " + offered
          + " (standard support on " + today + ": " + KubernetesVersions.standardOn(today) + ")");
    }
    EksVersion v = entry.orElseThrow();
    PriceBook prices = PriceBook.defaults();
    double extended = prices.usd(PriceBook.EKS_CLUSTER_HOUR_EXTENDED);
    double standard = prices.usd(PriceBook.EKS_CLUSTER_HOUR_STANDARD);
    double hours = prices.usd(PriceBook.HOURS_PER_MONTH);
    if (support == Support.EXTENDED) {
      warnings.add("cluster.version: '" + version + "' is in EKS extended support since " + v.endOfStandardSupport()
          + " (until " + v.endOfExtendedSupport() + "): the control plane costs $" + money(extended)
          + " per hour instead of $" + money(standard) + ", " + times(extended, standard) + " ($" + whole(extended * hours)
          + " instead of $" + whole(standard * hours) + " a month); upgrade to one of "
          + KubernetesVersions.standardOn(today));
    } else if (ChronoUnit.DAYS.between(today, v.endOfStandardSupport()) <= STANDARD_SUPPORT_NOTICE_DAYS) {
      warnings.add("cluster.version: '" + version + "' leaves EKS standard support on " + v.endOfStandardSupport()
          + "; from then on the control plane costs " + times(extended, standard) + " ($" + money(extended)
          + " instead of $" + money(standard) + " per hour);"
          + " plan the upgrade to one of " + KubernetesVersions.standardOn(today).stream()
              .filter(s -> !s.equals(version)).toList());
    }
    return version;
  }

  private static List<String> publicCidrs(String endpoint, List<String> raw, boolean allowOpen, List<String> warnings) {
    List<String> cidrs = raw != null ? raw : List.of();
    if (endpoint.equals("private")) {
      if (!cidrs.isEmpty()) {
        throw new LandscapeException("cluster.publicCidrs", cidrs, "is set but endpoint is 'private' (no public"
            + " endpoint); remove publicCidrs, or set endpoint: privateAndRestrictedPublic");
      }
      return List.of();
    }
    if (cidrs.isEmpty()) {
      throw new LandscapeException("cluster.publicCidrs", "is missing; endpoint privateAndRestrictedPublic needs"
          + " the CIDRs allowed to reach the public endpoint, e.g. [203.0.113.0/24]");
    }
    List<String> checked = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < cidrs.size(); i++) {
      String text = cidrs.get(i);
      String field = "cluster.publicCidrs[" + i + "]";
      Optional<Cidr> cidr = text == null ? Optional.empty() : Cidr.parse(text.trim());
      if (cidr.isEmpty()) {
        Optional<Cidr> canonical = text == null ? Optional.empty() : Cidr.canonicalOf(text.trim());
        throw canonical.map(cc -> new LandscapeException(field, text, "has host bits set; write " + cc))
            .orElseGet(() -> new LandscapeException(field, text,
                "is not an IPv4 CIDR block; write one such as 203.0.113.0/24 (a single address is /32)"));
      }
      if (cidr.get().prefix() == 0) {
        if (!allowOpen) {
          throw new LandscapeException(field, text, "opens the Kubernetes API endpoint to the whole internet;"
              + " list the CIDRs that need it, or set allowOpenPublicEndpoint: true to accept an open endpoint");
        }
        warnings.add("cluster.publicCidrs: 0.0.0.0/0 with allowOpenPublicEndpoint: the Kubernetes API endpoint is"
            + " reachable from the whole internet (authentication still applies)");
      }
      if (!seen.add(cidr.get().toString())) {
        throw new LandscapeException(field, text, "is listed twice; list each CIDR once");
      }
      checked.add(cidr.get().toString());
    }
    return List.copyOf(checked);
  }

  private static ClusterSpec.SystemNodesSpec systemNodes(ClusterSpec.SystemNodesSpec raw) {
    String type = raw != null && raw.instanceType() != null ? raw.instanceType().trim() : SystemNodes.DEFAULT_INSTANCE_TYPE;
    if (!SystemNodes.INSTANCE_TYPE.matcher(type).matches()) {
      throw new LandscapeException("cluster.systemNodes.instanceType", type, "is not an EC2 instance type; write"
          + " family, generation and size, e.g. " + SystemNodes.DEFAULT_INSTANCE_TYPE);
    }
    int perAz = raw != null && raw.perAz() != null ? raw.perAz() : 1;
    if (perAz < 1) {
      throw new LandscapeException("cluster.systemNodes.perAz", perAz, "is below one node per AZ; the controllers"
          + " need at least 1 in every AZ (Karpenter provisions the nodes for workloads)");
    }
    return new ClusterSpec.SystemNodesSpec(type, perAz);
  }

  private static void networkWarnings(NetworkSpec network, List<String> warnings) {
    if (network == null) {
      return;
    }
    if ("none".equals(network.nat())) {
      warnings.add("network.nat: none: the cluster's Helm charts (Karpenter, AWS Load Balancer Controller, Istio)"
          + " and their images come from the internet; with no NAT gateway they cannot be installed");
    }
    if (network.interfaceEndpoints() != null && !network.interfaceEndpoints().contains("eks-auth")) {
      warnings.add("network.interfaceEndpoints: no eks-auth endpoint: the controllers' EKS Pod Identity credentials"
          + " go through the NAT gateway ($" + PriceBook.defaults().usd(PriceBook.NAT_GATEWAY_PER_GB) + "/GB); add eks-auth");
    }
  }

  private static String suggestion(String value, List<String> known) {
    String nearest = LandscapeReader.nearest(value, known);
    return nearest != null ? "did you mean '" + nearest + "'? " : "";
  }

  /** "six times as much" for a ratio of 6, else "×r as much". */
  private static String times(double a, double b) {
    double r = a / b;
    return Math.abs(r - 6) < 1e-9 ? "six times as much" : String.format(Locale.ROOT, "%.1f times as much", r);
  }

  private static String whole(double amount) {
    return String.format(Locale.ROOT, "%.0f", amount);
  }

  private static String money(double amount) {
    return String.format(Locale.ROOT, "%.2f", amount);
  }
}
