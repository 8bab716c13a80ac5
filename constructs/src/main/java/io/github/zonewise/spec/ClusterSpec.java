package io.github.zonewise.spec;

import java.util.List;

/**
 * The {@code cluster} section: the EKS cluster and its controllers.
 *
 * @param version                 Kubernetes minor version EKS offers; default {@code "1.35"} (see
 *                                {@code cluster.KubernetesVersions}; quote it in YAML)
 * @param endpoint                {@code private} (default) | {@code privateAndRestrictedPublic}
 * @param publicCidrs             IPv4 CIDRs allowed to reach the public endpoint (only with
 *                                {@code privateAndRestrictedPublic}, then required)
 * @param allowOpenPublicEndpoint explicit opt-in to a public endpoint open to 0.0.0.0/0; default false
 * @param mesh                    {@code none} (default) | {@code istio}
 * @param manifests               {@code cdk} (default: applied by CloudFormation) | {@code gitops}
 * @param systemNodes             the managed node group that runs the controllers
 */
public record ClusterSpec(
    String version,
    String endpoint,
    List<String> publicCidrs,
    Boolean allowOpenPublicEndpoint,
    String mesh,
    String manifests,
    SystemNodesSpec systemNodes) {

  /**
   * The system node group.
   *
   * @param instanceType EC2 instance type; default {@code m7g.large}
   * @param perAz        nodes in each AZ; default 1
   */
  public record SystemNodesSpec(String instanceType, Integer perAz) {
  }
}
