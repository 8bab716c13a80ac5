package io.github.zonewise.spec;

import java.util.List;
import java.util.Map;

/**
 * One entry of {@code services}: a Deployment, its Service and how both keep traffic in its zone.
 *
 * @param name         DNS-1123 label
 * @param namespace    DNS-1123 label; default {@code default}
 * @param image        container image, or the name of a registry repository (resolved to the
 *                     in-region ECR URI)
 * @param port         the service port, 1–65535
 * @param replicas     replica count, ≥ 1
 * @param routing      {@code topologyAware} (default) | {@code preferSameZone} | {@code preferSameNode}
 *                     | {@code nodeLocal} | {@code cluster}
 * @param colocateWith another service: its name (in this namespace, or the only service of that
 *                     name) or {@code namespace/name}; pods are scheduled on that service's nodes.
 *                     The checked spec holds {@code namespace/name}
 * @param expose       {@code none} (default) | {@code nlb} | {@code alb}
 * @param locality     Istio locality load balancing for this service
 * @param scheme       with {@code expose}: {@code internal} (default) | {@code internet-facing}
 */
public record ServiceSpec(
    String name,
    String namespace,
    String image,
    Integer port,
    Integer replicas,
    String routing,
    String colocateWith,
    String expose,
    LocalitySpec locality,
    String scheme) {

  /**
   * Istio {@code localityLbSetting}.
   *
   * @param distribute from-zone → (to-zone → weight); each {@code from} totals 100
   * @param failover   from-region → to-region
   */
  public record LocalitySpec(
      Map<String, Map<String, Integer>> distribute,
      List<Failover> failover) {
  }

  /**
   * One failover rule.
   *
   * @param from a region
   * @param to   another region
   */
  public record Failover(String from, String to) {
  }
}
