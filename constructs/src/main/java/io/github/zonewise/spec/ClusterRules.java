package io.github.zonewise.spec;

import io.github.zonewise.facts.Names;
import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.cluster.ClusterEndpoint;
import io.github.zonewise.cluster.KarpenterNames;
import io.github.zonewise.network.NatStrategy;
import io.github.zonewise.spec.LandscapeValidator.Sections;
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

  /** How many days before the end of standard support a warning says it is coming. */
  static final int STANDARD_SUPPORT_NOTICE_DAYS = 60;

  /**
   * The most public access CIDRs EKS takes for a cluster's endpoint: the service quota "Public endpoint
   * access CIDR ranges per cluster", 40, not adjustable (Amazon EKS user guide, "Amazon EKS service quotas").
   */
  static final int MAX_PUBLIC_CIDRS = 40;

  private ClusterRules() {
  }

  /**
   * Checks the section and fills in defaults: version {@value KubernetesVersions#DEFAULT},
   * endpoint {@code private}, mesh {@code none}, manifests {@code cdk}, system nodes one
   * {@value SystemNodes#DEFAULT_INSTANCE_TYPE} per AZ.
   *
   * @param s       the checked top level
   * @param network the checked network section, if it passed
   * @return the section; empty when the landscape has none or it has a problem
   */
  static Optional<ClusterSpec> check(Sections s, Optional<NetworkSpec> network) {
    LandscapeFile.Cluster c = s.raw().cluster();
    if (c == null) {
      return Optional.empty();
    }
    return s.problems().check(() -> {
      KarpenterNames.checkClusterName("name", s.name());
      List<String> warnings = s.warnings();
      String version = version(c.version(), KubernetesVersions.today(), warnings);
      String endpointName = c.endpoint() != null ? c.endpoint() : Vocabulary.PRIVATE_ENDPOINT;
      if (!Vocabulary.ENDPOINTS.contains(endpointName)) {
        throw Vocabulary.unknown("cluster.endpoint", endpointName, "an endpoint access", Vocabulary.ENDPOINTS);
      }
      boolean allowOpen = Boolean.TRUE.equals(c.allowOpenPublicEndpoint());
      List<String> publicCidrs = publicCidrs(endpointName, c.publicCidrs(), allowOpen, warnings);
      ServiceMesh mesh = c.mesh() == null ? ServiceMesh.NONE : Vocabulary.MESH.require("cluster.mesh", c.mesh());
      String manifestsName = c.manifests() != null ? c.manifests() : ManifestDelivery.CDK.label();
      ManifestDelivery manifests = Vocabulary.MANIFESTS.of(manifestsName).orElseThrow(() -> new LandscapeException(
          "cluster.manifests", manifestsName, "is not a way to deliver the manifests; "
          + suggestion(manifestsName, Vocabulary.MANIFESTS.names())
          + "use cdk (applied by CloudFormation) or gitops (written to dist/ only)"));
      SystemNodes nodes = systemNodes(c.systemNodes());
      network.ifPresent(n -> networkWarnings(n, warnings));
      ClusterEndpoint endpoint = publicCidrs.isEmpty() ? ClusterEndpoint.privateOnly()
          : ClusterEndpoint.privateAndRestrictedPublic(publicCidrs);
      return new ClusterSpec(version, endpoint, mesh, manifests, nodes);
    });
  }

  private static String version(String raw, LocalDate today, List<String> warnings) {
    String version = raw != null ? raw.trim() : KubernetesVersions.DEFAULT;
    EksVersion v = KubernetesVersions.checkOffered("cluster.version", version, today);
    Support support = v.supportOn(today);
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
    if (endpoint.equals(Vocabulary.PRIVATE_ENDPOINT)) {
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
    if (cidrs.size() > MAX_PUBLIC_CIDRS) {
      throw new LandscapeException("cluster.publicCidrs", "lists " + cidrs.size() + " CIDRs, more than the "
          + MAX_PUBLIC_CIDRS + " public access CIDRs EKS takes for a cluster (a quota it does not raise); merge adjacent blocks, or reach"
          + " the private endpoint through the VPC");
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
      Optional<String> notPublic = cidr.get().prefix() == 0 ? Optional.empty() : cidr.get().notPublic();
      if (notPublic.isPresent()) {
        throw new LandscapeException(field, text, notPublic.get() + ", and the public endpoint only ever sees the"
            + " public address a caller comes from; list the public IPv4 ranges of your offices or CI runners (the VPC reaches"
            + " the private endpoint already)");
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

  private static SystemNodes systemNodes(LandscapeFile.SystemNodes raw) {
    String type = raw != null && raw.instanceType() != null ? raw.instanceType().trim() : SystemNodes.DEFAULT_INSTANCE_TYPE;
    if (!SystemNodes.INSTANCE_TYPE.matcher(type).matches()) {
      throw new LandscapeException("cluster.systemNodes.instanceType", type, "is not an EC2 instance type; write"
          + " family, generation and size, e.g. " + SystemNodes.DEFAULT_INSTANCE_TYPE);
    }
    int perAz = SystemNodes.checkPerAz("cluster.systemNodes.perAz", raw != null && raw.perAz() != null ? raw.perAz()
        : 1);
    return new SystemNodes(type, perAz);
  }

  private static void networkWarnings(NetworkSpec network, List<String> warnings) {
    if (network.nat().filter(NatStrategy.none()::equals).isPresent()) {
      warnings.add("network.nat: none: the cluster's Helm charts (Karpenter, AWS Load Balancer Controller, Istio)"
          + " and their images come from the internet; with no NAT gateway they cannot be installed");
    }
    if (network.interfaceEndpoints().filter(list -> !list.contains("eks-auth")).isPresent()) {
      warnings.add("network.interfaceEndpoints: no eks-auth endpoint: the controllers' EKS Pod Identity credentials"
          + " go through the NAT gateway ($" + PriceBook.defaults().usd(PriceBook.NAT_GATEWAY_PER_GB) + "/GB); add eks-auth");
    }
  }

  private static String suggestion(String value, List<String> known) {
    String nearest = Names.nearest(value, known);
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
