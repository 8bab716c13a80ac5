package io.github.zonewise.cluster;

import io.github.zonewise.facts.JsonObjects;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.eks_v2.Cluster;
import software.amazon.awscdk.services.eks_v2.HelmChart;
import software.constructs.Construct;
import software.constructs.IDependable;

/**
 * Istio from its Helm charts, version {@value #VERSION}: {@code base} (the CRDs, among them
 * DestinationRule) and {@code istiod} (the control plane) in {@code istio-system}. Istio's locality
 * load balancing is on by default; the locality layer's DestinationRules set the weights and the
 * outlier detection failover needs. Images come from Istio's default registry through the NAT
 * gateway. Created by {@link ZonalCluster} when the mesh is {@link ServiceMesh#ISTIO}.
 */
public final class IstioMesh extends Construct {

  /** The Istio version installed (pinned; supports Kubernetes 1.31 to 1.35). */
  public static final String VERSION = "1.30.4";

  /** The Helm chart repository. */
  public static final String CHART_REPOSITORY = "https://istio-release.storage.googleapis.com/charts";

  /** The namespace of the control plane. */
  public static final String NAMESPACE = "istio-system";

  private final HelmChart base;
  private final HelmChart istiod;

  /**
   * Installs Istio.
   *
   * @param scope    the parent
   * @param id       the construct id
   * @param cluster  the cluster
   * @param capacity what must exist before istiod is installed (the system nodes)
   */
  IstioMesh(Construct scope, String id, Cluster cluster, List<IDependable> capacity) {
    super(scope, id);
    this.base = HelmChart.Builder.create(this, "Base")
        .cluster(cluster)
        .chart("base")
        .repository(CHART_REPOSITORY)
        .version(VERSION)
        .release("istio-base")
        .namespace(NAMESPACE)
        .createNamespace(true)
        .values(JsonObjects.of("defaultRevision", "default"))
        .build();
    this.istiod = HelmChart.Builder.create(this, "Istiod")
        .cluster(cluster)
        .chart("istiod")
        .repository(CHART_REPOSITORY)
        .version(VERSION)
        .release("istiod")
        .namespace(NAMESPACE)
        .createNamespace(false)
        .wait(true)
        .timeout(Duration.minutes(15))
        .build();
    istiod.getNode().addDependency(base);
    capacity.forEach(c -> istiod.getNode().addDependency(c));
  }

  /** {@return the {@code base} release (CRDs)} */
  public HelmChart base() {
    return base;
  }

  /** {@return the {@code istiod} release} */
  public HelmChart istiod() {
    return istiod;
  }
}
