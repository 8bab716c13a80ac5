package io.github.zonewise.cluster;

import io.github.zonewise.spec.ManifestDelivery;
import io.github.zonewise.cluster.SystemNodes;
import io.github.zonewise.cluster.ServiceMesh;
import io.github.zonewise.cluster.ClusterEndpoint;
import io.github.zonewise.facts.KubernetesVersions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zonewise.spec.ClusterSpec;
import io.github.zonewise.spec.LandscapeException;
import io.github.zonewise.spec.LandscapeReader;
import io.github.zonewise.spec.LandscapeValidator;
import io.github.zonewise.spec.ValidatedLandscape;
import io.github.zonewise.test.Synth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every bad {@code cluster} input fails before anything is built, with one message naming the
 * field, showing the value and saying the fix. The version calendar is read at a pinned date.
 */
class ClusterBadInputTest {

  static final String HEAD = """
      name: shop
      region: eu-west-1
      availabilityZones: [eu-west-1a, eu-west-1b]
      """;

  @BeforeAll
  static void pinDate() {
    System.setProperty(KubernetesVersions.DATE_PROPERTY, "2026-11-27");
  }

  @AfterAll
  static void unpinDate() {
    System.clearProperty(KubernetesVersions.DATE_PROPERTY);
  }

  static String cluster(String body) {
    return HEAD + "cluster:\n" + body.stripIndent().lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n");
  }

  static ValidatedLandscape validate(String yaml) {
    return LandscapeValidator.validate(LandscapeReader.parse(yaml, "test"), "test");
  }

  static void failsWith(String yaml, String message) {
    assertThatThrownBy(() -> Synth.landscape(yaml)).isInstanceOf(LandscapeException.class).hasMessage(message);
  }

  @Test
  void emptyClusterSectionGetsEveryDefault() {
    ClusterSpec c = validate(HEAD + "cluster: {}\n").spec().cluster().orElseThrow();
    assertThat(c).isEqualTo(new ClusterSpec("1.35", ClusterEndpoint.privateOnly(), ServiceMesh.NONE,
        ManifestDelivery.CDK, new SystemNodes("m7g.large", 1)));
  }

  @Test
  void versionEksDoesNotOfferFails() {
    failsWith(cluster("version: \"1.40\""), "cluster.version: '1.40' is not a Kubernetes version EKS offers; use one of"
        + " [1.32, 1.33, 1.34, 1.35, 1.36] (standard support on 2026-11-27: [1.34, 1.35, 1.36]) (line 5, column 12)");
  }

  @Test
  void versionPastExtendedSupportFails() {
    failsWith(cluster("version: \"1.31\""), "cluster.version: '1.31' is past the end of EKS extended support"
        + " (2026-11-26): EKS no longer creates clusters of it; use one of [1.32, 1.33, 1.34, 1.35, 1.36]"
        + " (standard support on 2026-11-27: [1.34, 1.35, 1.36]) (line 5, column 12)");
  }

  @Test
  void unquotedVersionIsANumberToQuote() {
    failsWith(cluster("version: 1.36"), "cluster.version: 1.36 is a number, not a string; quote it: \"1.36\" (line 5,"
        + " column 12)");
  }

  @Test
  void quotedVersionIsReadAsWritten() {
    assertThat(validate(cluster("version: \"1.36\"")).spec().cluster().orElseThrow().version()).isEqualTo("1.36");
  }

  @Test
  void versionInExtendedSupportWarnsOfSixTimesTheControlPlanePrice() {
    assertThat(validate(cluster("version: \"1.33\"")).warnings()).contains("cluster.version: '1.33' is in EKS"
        + " extended support since 2026-07-29 (until 2027-07-29): the control plane costs $0.60 per hour instead of"
        + " $0.10, six times as much ($438 instead of $73 a month); upgrade to one of [1.34, 1.35, 1.36]");
  }

  @Test
  void versionLeavingStandardSupportSoonWarns() {
    assertThat(validate(cluster("version: \"1.34\"")).warnings()).contains("cluster.version: '1.34' leaves EKS"
        + " standard support on 2026-12-02; from then on the control plane costs six times as much ($0.60 instead of"
        + " $0.10 per hour); plan the upgrade to one of [1.35, 1.36]");
  }

  @Test
  void defaultVersionDoesNotWarn() {
    assertThat(validate(HEAD + "cluster: {}\n").warnings()).noneMatch(w -> w.startsWith("cluster.version"));
  }

  @Test
  void unknownEndpointFails() {
    failsWith(cluster("endpoint: public"), "cluster.endpoint: 'public' is not an endpoint access; use one of private,"
        + " privateAndRestrictedPublic (line 5, column 13)");
  }

  @Test
  void publicCidrThatIsNotACidrFails() {
    failsWith(cluster("""
        endpoint: privateAndRestrictedPublic
        publicCidrs: [203.0.113.0/24, office]"""), "cluster.publicCidrs[1]: 'office' is not an IPv4 CIDR block;"
        + " write one such as 203.0.113.0/24 (a single address is /32) (line 6, column 33)");
  }

  @Test
  void publicCidrWithHostBitsFails() {
    failsWith(cluster("""
        endpoint: privateAndRestrictedPublic
        publicCidrs: [203.0.113.7/24]"""), "cluster.publicCidrs[0]: '203.0.113.7/24' has host bits set; write"
        + " 203.0.113.0/24 (line 6, column 17)");
  }

  @Test
  void openPublicEndpointWithoutOptInFails() {
    failsWith(cluster("""
        endpoint: privateAndRestrictedPublic
        publicCidrs: [0.0.0.0/0]"""), "cluster.publicCidrs[0]: '0.0.0.0/0' opens the Kubernetes API endpoint to the"
        + " whole internet; list the CIDRs that need it, or set allowOpenPublicEndpoint: true to accept an open"
        + " endpoint (line 6, column 17)");
  }

  @Test
  void openPublicEndpointWithOptInWarns() {
    assertThat(validate(cluster("""
        endpoint: privateAndRestrictedPublic
        publicCidrs: [0.0.0.0/0]
        allowOpenPublicEndpoint: true""")).warnings()).contains("cluster.publicCidrs: 0.0.0.0/0 with"
        + " allowOpenPublicEndpoint: the Kubernetes API endpoint is reachable from the whole internet (authentication"
        + " still applies)");
  }

  @Test
  void publicCidrListedTwiceFails() {
    failsWith(cluster("""
        endpoint: privateAndRestrictedPublic
        publicCidrs: [203.0.113.0/24, 203.0.113.0/24]"""), "cluster.publicCidrs[1]: '203.0.113.0/24' is listed"
        + " twice; list each CIDR once (line 6, column 33)");
  }

  @Test
  void restrictedPublicEndpointWithoutCidrsFails() {
    failsWith(cluster("endpoint: privateAndRestrictedPublic"), "cluster.publicCidrs: is missing; endpoint"
        + " privateAndRestrictedPublic needs the CIDRs allowed to reach the public endpoint, e.g. [203.0.113.0/24] (line 5, column 3)");
  }

  @Test
  void publicCidrsWithPrivateEndpointFail() {
    failsWith(cluster("publicCidrs: [203.0.113.0/24]"), "cluster.publicCidrs: [203.0.113.0/24] is set but endpoint"
        + " is 'private' (no public endpoint); remove publicCidrs, or set endpoint: privateAndRestrictedPublic (line 5, column 16)");
  }

  @Test
  void systemNodesBelowOnePerAzFail() {
    failsWith(cluster("""
        systemNodes:
          perAz: 0"""), "cluster.systemNodes.perAz: 0 is below one node per AZ; the controllers need at least 1 in"
        + " every AZ (Karpenter provisions the nodes for workloads) (line 6, column 12)");
  }

  @Test
  void systemNodesBeyondAManagedNodeGroupsMaximumFail() {
    failsWith(cluster("""
        systemNodes:
          perAz: 5000"""), "cluster.systemNodes.perAz: 5000 is more than the 450 nodes an EKS managed node group takes"
        + " (the service quota 'Nodes per managed node group'), and each AZ has one group; the controllers need a few"
        + " nodes per AZ: use 1 to 450 (Karpenter provisions the nodes for workloads) (line 6, column 12)");
  }

  @Test
  void systemNodesOneAboveTheMaximumFail() {
    failsWith(cluster("""
        systemNodes:
          perAz: 451"""), "cluster.systemNodes.perAz: 451 is more than the 450 nodes an EKS managed node group takes"
        + " (the service quota 'Nodes per managed node group'), and each AZ has one group; the controllers need a few"
        + " nodes per AZ: use 1 to 450 (Karpenter provisions the nodes for workloads) (line 6, column 12)");
  }

  @Test
  void systemNodesAtTheMaximumAreAccepted() {
    assertThat(validate(cluster("""
        systemNodes:
          perAz: 450""")).spec().cluster().orElseThrow().systemNodes().perAz()).isEqualTo(450);
  }

  @Test
  void aPrivateRangeAsPublicCidrFails() {
    failsWith(cluster("""
        endpoint: privateAndRestrictedPublic
        publicCidrs: [10.0.0.0/8]"""), "cluster.publicCidrs[0]: '10.0.0.0/8' is in the private range 10.0.0.0/8 (RFC"
        + " 1918), and the public endpoint only ever sees the public address a caller comes from; list the public IPv4"
        + " ranges of your offices or CI runners (the VPC reaches the private endpoint already) (line 6, column 17)");
  }

  @Test
  void aCarrierGradeNatRangeAsPublicCidrFails() {
    failsWith(cluster("""
        endpoint: privateAndRestrictedPublic
        publicCidrs: [198.51.100.0/24, 100.64.12.0/24]"""), "cluster.publicCidrs[1]: '100.64.12.0/24' is in the shared"
        + " address space of carrier-grade NAT 100.64.0.0/10 (RFC 6598), and the public endpoint only ever sees the"
        + " public address a caller comes from; list the public IPv4 ranges of your offices or CI runners (the VPC"
        + " reaches the private endpoint already) (line 6, column 34)");
  }

  @Test
  void aPublicCidrThatIncludesAPrivateRangeFails() {
    failsWith(cluster("""
        endpoint: privateAndRestrictedPublic
        publicCidrs: [8.0.0.0/6]"""), "cluster.publicCidrs[0]: '8.0.0.0/6' includes the private range 10.0.0.0/8 (RFC"
        + " 1918), and the public endpoint only ever sees the public address a caller comes from; list the public IPv4"
        + " ranges of your offices or CI runners (the VPC reaches the private endpoint already) (line 6, column 17)");
  }

  @Test
  void morePublicCidrsThanEksTakesFail() {
    String cidrs = String.join(", ", java.util.stream.IntStream.range(0, 41).mapToObj(i -> "198.51." + i + ".0/24")
        .toList());
    failsWith(HEAD + "cluster:\n  endpoint: privateAndRestrictedPublic\n  publicCidrs: [" + cidrs + "]\n",
        "cluster.publicCidrs: lists 41 CIDRs, more than the 40 public access CIDRs EKS takes for a cluster (a quota it"
            + " does not raise); merge adjacent blocks, or reach the private endpoint through the VPC (line 6, column"
            + " 16)");
  }

  @Test
  void systemNodeInstanceTypeThatIsNotOneFails() {
    failsWith(cluster("""
        systemNodes:
          instanceType: large"""), "cluster.systemNodes.instanceType: 'large' is not an EC2 instance type; write"
        + " family, generation and size, e.g. m7g.large (line 6, column 19)");
  }

  @Test
  void unknownMeshFails() {
    failsWith(cluster("mesh: istoi"), "cluster.mesh: 'istoi' is not a service mesh Zonewise installs; did you mean"
        + " 'istio'? use one of none, istio (line 5, column 9)");
  }

  @Test
  void unknownManifestsDeliveryFails() {
    failsWith(cluster("manifests: flux"), "cluster.manifests: 'flux' is not a way to deliver the manifests; use cdk"
        + " (applied by CloudFormation) or gitops (written to dist/ only) (line 5, column 14)");
  }

  @Test
  void nameTooLongForKarpentersNodeRoleFails() {
    String name = "a".repeat(47);
    failsWith(HEAD.replace("name: shop", "name: " + name) + "cluster: {}\n", "name: '" + name + "' is too long for"
        + " the cluster: Karpenter's node role KarpenterNodeRole-<name> must fit IAM's 64 characters; use at most 46"
        + " characters (line 1, column 7)");
  }

  @Test
  void clusterWithoutNatWarnsThatTheChartsCannotBeInstalled() {
    assertThat(validate(HEAD + "network:\n  nat: none\ncluster: {}\n").warnings()).contains("network.nat: none: the"
        + " cluster's Helm charts (Karpenter, AWS Load Balancer Controller, Istio) and their images come from the"
        + " internet; with no NAT gateway they cannot be installed");
  }

  @Test
  void clusterWithoutTheEksAuthEndpointWarnsThatPodIdentityGoesThroughTheNat() {
    assertThat(validate(HEAD + "network:\n  interfaceEndpoints: [ecr.api, ecr.dkr]\ncluster: {}\n").warnings())
        .contains("network.interfaceEndpoints: no eks-auth endpoint: the controllers' EKS Pod Identity credentials go"
            + " through the NAT gateway ($0.045/GB); add eks-auth");
  }
}
