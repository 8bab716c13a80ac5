package io.github.zonewise.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zonewise.facts.KubernetesVersions;
import io.github.zonewise.facts.KubernetesVersions.EksVersion;
import io.github.zonewise.synth.Resource;
import java.time.LocalDate;
import java.util.List;

/** The EKS cluster rules: private endpoint access, version in standard support. */
final class ClusterChecks {

  /** aws-cdk-lib's {@code aws-eks} (v1) cluster resource, whose {@code Config} is the CreateCluster request. */
  static final String CDK_EKS_CLUSTER = "Custom::AWSCDK-EKS-Cluster";

  private ClusterChecks() {
  }

  /** ZW-EKS1, on {@code AWS::EKS::Cluster} and {@code Custom::AWSCDK-EKS-Cluster}: private endpoint access is on. */
  static Outcome privateEndpoint(Resource cluster) {
    JsonNode value = cluster.type().equals(CDK_EKS_CLUSTER)
        ? cluster.prop("Config").path("resourcesVpcConfig").path("endpointPrivateAccess")
        : cluster.prop("ResourcesVpcConfig").path("EndpointPrivateAccess");
    Boolean on = cluster.template().value(value).bool(false);
    if (on == null) {
      return Outcome.NOT_APPLICABLE;
    }
    return Outcome.of(on, value.isMissingNode()
        ? "EndpointPrivateAccess is not set (CloudFormation's default: false)"
        : "EndpointPrivateAccess is false");
  }

  /** ZW-EKS2, on {@code AWS::EKS::Cluster} and {@code Custom::AWSCDK-EKS-Cluster}: the version is in standard support. */
  static Outcome standardSupport(Resource cluster, LocalDate day) {
    boolean cdk = cluster.type().equals(CDK_EKS_CLUSTER);
    String version = cluster.template().value(cdk ? cluster.prop("Config").path("version") : cluster.prop("Version"))
        .text().orElse(null);
    if (KubernetesVersions.minor(version).isEmpty()) {
      return Outcome.NOT_APPLICABLE;   // not set (EKS takes its newest) or a token
    }
    String supportType = cdk ? "" : cluster.template().value(cluster.prop("UpgradePolicy").path("SupportType"))
        .text().orElse("");
    if (supportType.equalsIgnoreCase("STANDARD")) {
      return Outcome.COMPLIANT;   // EKS upgrades it at the end of standard support instead of billing extended
    }
    if (!KubernetesVersions.billedAsExtended(version, day)) {
      return Outcome.COMPLIANT;
    }
    LocalDate end = KubernetesVersions.find(version.trim()).map(EksVersion::endOfStandardSupport).orElse(null);
    List<String> standard = KubernetesVersions.standardOn(day);
    return Outcome.nonCompliant("Kubernetes " + version
        + (end != null ? " left standard support on " + end : " is older than every version EKS supports")
        + " (as of " + day + "); "
        + (standard.isEmpty() ? "no version of Zonewise's EKS calendar is in standard support on that day: check the"
            + " EKS release calendar for the current versions"
            : "versions in standard support: " + String.join(", ", standard) + " and newer"));
  }
}
