package io.github.zonewise.spec;

import io.github.zonewise.cluster.ClusterEndpoint;
import io.github.zonewise.cluster.ServiceMesh;
import io.github.zonewise.cluster.SystemNodes;
import java.util.Objects;

/**
 * The {@code cluster} section, checked: the EKS cluster and its controllers.
 *
 * @param version     a Kubernetes minor version EKS offers on the day of the synth (default
 *                    {@code io.github.zonewise.facts.KubernetesVersions#DEFAULT})
 * @param endpoint    who reaches the API endpoint (default private only)
 * @param mesh        the service mesh (default none)
 * @param manifests   how the Kubernetes manifests reach the cluster (default applied by CloudFormation)
 * @param systemNodes the managed node group that runs the controllers
 */
public record ClusterSpec(String version, ClusterEndpoint endpoint, ServiceMesh mesh, ManifestDelivery manifests,
    SystemNodes systemNodes) {

  /**
   * Checks every field is set.
   *
   * @param version     a Kubernetes minor version, e.g. {@code "1.35"}; not null
   * @param endpoint    who reaches the API endpoint; not null
   * @param mesh        the service mesh; not null
   * @param manifests   how the Kubernetes manifests reach the cluster; not null
   * @param systemNodes the managed node group that runs the controllers; not null
   */
  public ClusterSpec {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(mesh, "mesh");
    Objects.requireNonNull(manifests, "manifests");
    Objects.requireNonNull(systemNodes, "systemNodes");
  }
}
