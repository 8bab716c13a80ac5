package io.github.zonewise.cost;

import io.github.zonewise.synth.ServiceRouting;

/**
 * How a Kubernetes Service routes, as the cost model prices it, and the share of its bytes that
 * leave the caller's AZ when its endpoints are spread evenly ({@code maxSkew} 1) over the zones.
 * A Service's manifest is decoded by the reader ({@link ServiceRouting}); {@link #of(ServiceRouting.Mode)}
 * maps its mode here, and a landscape's {@code services[].routing} names one with {@link #ofLandscapeName}.
 *
 * <p>With {@code N} AZs the callers run in, {@code r} replicas and {@code k = min(r, N)} zones
 * that hold an endpoint (fewer when the pods are pinned to zones):
 * <table>
 *   <caption>cross-AZ share by routing mode</caption>
 *   <tr><th>mode</th><th>share</th><th>why</th></tr>
 *   <tr><td>{@link #CLUSTER}</td><td>(N − 1) / N</td><td>kube-proxy picks any endpoint; the
 *       caller's zone holds 1/N of them (k/N · (k−1)/k + (N−k)/N = (N−1)/N for any k)</td></tr>
 *   <tr><td>{@link #TOPOLOGY_AWARE}</td><td>0, else (N − 1) / N</td><td>hints keep traffic in
 *       the zone when every zone has an endpoint and the even split is within the EndpointSlice
 *       controller's 20% overload threshold ({@code floor(r/N) ≥ (r/N) / 1.2}, equal node
 *       capacity per zone assumed); otherwise no hints are set and routing is cluster-wide</td></tr>
 *   <tr><td>{@link #PREFER_SAME_ZONE}</td><td>(N − k) / N</td><td>same-zone endpoints when
 *       there are any; callers in zones without one go anywhere</td></tr>
 *   <tr><td>{@link #PREFER_SAME_NODE}</td><td>(N − k) / N</td><td>falls back to the zone, then
 *       the cluster</td></tr>
 *   <tr><td>{@link #NODE_LOCAL}</td><td>0</td><td>{@code internalTrafficPolicy: Local}: node-local
 *       endpoints only; traffic is dropped, never sent across an AZ</td></tr>
 * </table>
 * An Istio {@code DestinationRule} with {@code localityLbSetting.distribute} overrides the
 * Service's mode: its share is the mean over the from-zones of the weight sent to other zones.
 */
public enum Routing {
  /** {@code service.kubernetes.io/topology-mode: Auto} (or the older {@code topology-aware-hints}). */
  TOPOLOGY_AWARE("topologyAware"),
  /** {@code spec.trafficDistribution: PreferSameZone} (or {@code PreferClose}). */
  PREFER_SAME_ZONE("preferSameZone"),
  /** {@code spec.trafficDistribution: PreferSameNode}. */
  PREFER_SAME_NODE("preferSameNode"),
  /** {@code spec.internalTrafficPolicy: Local}. */
  NODE_LOCAL("nodeLocal"),
  /** None of the above: any endpoint in the cluster. */
  CLUSTER("cluster");

  private final String landscapeName;

  Routing(String landscapeName) {
    this.landscapeName = landscapeName;
  }

  /** {@return the name of the mode in a landscape's {@code services[].routing}} */
  public String landscapeName() {
    return landscapeName;
  }

  /**
   * The cost model's mode of a Service's routing as the reader decodes it.
   *
   * @param mode the decoded mode
   * @return the mode priced
   */
  public static Routing of(ServiceRouting.Mode mode) {
    return switch (mode) {
      case TOPOLOGY_AWARE -> TOPOLOGY_AWARE;
      case PREFER_SAME_ZONE -> PREFER_SAME_ZONE;
      case PREFER_SAME_NODE -> PREFER_SAME_NODE;
      case NODE_LOCAL -> NODE_LOCAL;
      case CLUSTER -> CLUSTER;
    };
  }

  /**
   * The mode of a landscape name.
   *
   * @param name e.g. {@code topologyAware}; null means the landscape default, topology-aware
   * @return the mode
   * @throws IllegalArgumentException for an unknown name
   */
  public static Routing ofLandscapeName(String name) {
    if (name == null) {
      return TOPOLOGY_AWARE;
    }
    for (Routing r : values()) {
      if (r.landscapeName.equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown routing mode '" + name + "'");
  }

  /**
   * The share of a callee's bytes that cross an AZ (see the class comment).
   *
   * @param zones    N: the AZs the callers run in, ≥ 1
   * @param replicas r: the callee's replicas, ≥ 1
   * @param endpointZones k: the zones holding an endpoint, 1..N
   * @return a share in [0, 1]
   */
  public double crossAzShare(int zones, int replicas, int endpointZones) {
    if (zones < 1 || replicas < 1 || endpointZones < 1) {
      throw new IllegalArgumentException("zones, replicas and endpoint zones must be >= 1, not "
          + zones + ", " + replicas + ", " + endpointZones);
    }
    int n = zones;
    int k = Math.min(endpointZones, n);
    double clusterWide = (n - 1) / (double) n;
    return switch (this) {
      case CLUSTER -> clusterWide;
      case NODE_LOCAL -> 0;
      case PREFER_SAME_ZONE, PREFER_SAME_NODE -> (n - k) / (double) n;
      case TOPOLOGY_AWARE -> hintsAssigned(n, replicas, k) ? 0 : clusterWide;
    };
  }

  /**
   * Whether the EndpointSlice controller sets topology hints: an endpoint in every zone, and the
   * even split within the 20% overload threshold.
   *
   * @param zones         N
   * @param replicas      r
   * @param endpointZones k
   * @return true when hints keep traffic in its zone
   */
  static boolean hintsAssigned(int zones, int replicas, int endpointZones) {
    if (endpointZones < zones) {
      return false;
    }
    double expected = replicas / (double) zones;
    return Math.floor(expected) >= expected / 1.2;
  }
}
