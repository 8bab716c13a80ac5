package io.github.zonewise.k8s;

import io.github.zonewise.facts.KubernetesVersions;
import io.github.zonewise.facts.NamedChoice;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * How a Service keeps its traffic close: one routing mode per Service. A choice, not a set of
 * flags, so topology-aware routing and {@code internalTrafficPolicy: Local} can never be combined
 * (topology hints are not used with a {@code Local} policy; the guide says the two cannot be
 * combined). The default, {@link #topologyAware()}, keeps traffic in its zone whenever every zone
 * has endpoints; a byte kept in its zone saves $0.01/GB in each direction.
 */
public final class ZonalRouting extends NamedChoice {

  /** The annotation that turns on topology-aware routing. */
  public static final String TOPOLOGY_MODE_ANNOTATION = "service.kubernetes.io/topology-mode";

  /** The annotation topology-aware routing had before Kubernetes 1.27. */
  public static final String TOPOLOGY_HINTS_ANNOTATION = "service.kubernetes.io/topology-aware-hints";


  private final String minimumKubernetesVersion;
  private final boolean zonal;
  private final Map<String, String> annotations;
  private final IntFunction<Map<String, Object>> specFields;

  private ZonalRouting(String name, String minimumKubernetesVersion, boolean zonal, Map<String, String> annotations,
      IntFunction<Map<String, Object>> specFields) {
    super(name);
    this.minimumKubernetesVersion = minimumKubernetesVersion;
    this.zonal = zonal;
    this.annotations = annotations;
    this.specFields = specFields;
  }

  private static Map<String, Object> field(String key, Object value) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(key, value);
    return fields;
  }

  /**
   * Topology-aware routing ({@code service.kubernetes.io/topology-mode: Auto}, Kubernetes 1.27+):
   * the EndpointSlice controller gives each zone hints for a share of the endpoints proportional to
   * its allocatable CPU, and kube-proxy routes to the hinted endpoints of its own zone. Falls back
   * to cluster-wide routing when a zone has too few endpoints, so spread replicas over every zone.
   *
   * @return the default mode
   */
  public static ZonalRouting topologyAware() {
    return new ZonalRouting("topologyAware", "1.27", true, Map.of(TOPOLOGY_MODE_ANNOTATION, "Auto"),
        minor -> new LinkedHashMap<>());
  }

  /**
   * {@code spec.trafficDistribution: PreferSameZone}: endpoints in the client's zone when there are
   * any, else cluster-wide; no proportional balancing, so a zone with few endpoints can be
   * overloaded. Beta (on by default) in Kubernetes 1.34, GA in 1.35; on 1.31 to 1.33 it is written
   * as {@code PreferClose}, the earlier name of the same behaviour.
   *
   * @return the prefer-same-zone mode
   */
  public static ZonalRouting preferSameZone() {
    return new ZonalRouting("preferSameZone", "1.31", true, Map.of(),
        minor -> field("trafficDistribution", minor >= 34 ? "PreferSameZone" : "PreferClose"));
  }

  /**
   * {@code spec.trafficDistribution: PreferSameNode}: endpoints on the client's node, then its zone,
   * then cluster-wide. Beta (on by default) in Kubernetes 1.34, GA in 1.35; alpha before, so not
   * offered there.
   *
   * @return the prefer-same-node mode
   */
  public static ZonalRouting preferSameNode() {
    return new ZonalRouting("preferSameNode", "1.34", true, Map.of(),
        minor -> field("trafficDistribution", "PreferSameNode"));
  }

  /**
   * {@code spec.internalTrafficPolicy: Local}: only endpoints on the client's node. Traffic from a
   * node without an endpoint is <b>dropped</b>, so use it only for pods that are co-located with
   * their clients (pod affinity, or a DaemonSet-like spread).
   *
   * @return the node-local mode
   */
  public static ZonalRouting nodeLocal() {
    return new ZonalRouting("nodeLocal", "1.26", false, Map.of(), minor -> field("internalTrafficPolicy", "Local"));
  }

  /**
   * Plain cluster-wide routing: the explicit opt-out. About two thirds of requests cross an AZ in
   * a three-AZ cluster, each byte charged $0.01/GB in each direction.
   *
   * @return the cluster-wide mode
   */
  public static ZonalRouting cluster() {
    return new ZonalRouting("cluster", "1.26", false, Map.of(), minor -> new LinkedHashMap<>());
  }


  /** {@return whether this mode prefers endpoints in the client's zone (so every zone needs endpoints)} */
  public boolean isZonal() {
    return zonal;
  }

  /**
   * {@return whether this mode sends traffic to node-local endpoints only ({@code internalTrafficPolicy:
   * Local})}
   */
  public boolean isNodeLocal() {
    return equals(nodeLocal());
  }

  /**
   * The oldest Kubernetes minor version on which this mode is on by default (GA or beta).
   *
   * @return e.g. {@code "1.34"}
   */
  public String minimumKubernetesVersion() {
    return minimumKubernetesVersion;
  }

  /**
   * Whether a Kubernetes version runs this mode without feature gates.
   *
   * @param kubernetesVersion e.g. {@code "1.34"}
   * @return true when the version is at least {@link #minimumKubernetesVersion()}
   * @throws IllegalArgumentException when the version is not {@code 1.<minor>}
   */
  public boolean supportedOn(String kubernetesVersion) {
    return minor(kubernetesVersion) >= minor(minimumKubernetesVersion());
  }

  /**
   * The Service annotations this mode sets.
   *
   * @return the annotations, possibly empty
   */
  Map<String, String> annotations() {
    return annotations;
  }

  /**
   * The Service {@code spec} fields this mode sets on a Kubernetes version.
   *
   * @param kubernetesVersion e.g. {@code "1.35"}
   * @return the fields, possibly empty
   */
  Map<String, Object> specFields(String kubernetesVersion) {
    return specFields.apply(minor(kubernetesVersion));
  }

  /**
   * The minor number of a Kubernetes version.
   *
   * @param version {@code 1.<minor>}, optionally with a patch
   * @return the minor number
   * @throws IllegalArgumentException for anything else
   */
  static int minor(String version) {
    return KubernetesVersions.minor(version).orElseThrow(() -> new IllegalArgumentException("kubernetesVersion: "
        + (version == null ? "(missing)" : "'" + version + "'")
        + " is not a Kubernetes version; write 1.<minor>, e.g. \"1.35\""));
  }



}
