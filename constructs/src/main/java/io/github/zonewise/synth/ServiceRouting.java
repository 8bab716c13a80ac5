package io.github.zonewise.synth;

import java.util.Locale;
import java.util.Optional;

/**
 * How kube-proxy routes a Service's traffic: the one decoding of a Service's routing fields, in the
 * order Kubernetes applies them.
 * <ol>
 *   <li>{@code spec.internalTrafficPolicy: Local}: node-local endpoints only ({@link Mode#NODE_LOCAL});</li>
 *   <li>else topology-aware routing: {@code service.kubernetes.io/topology-mode: Auto}, or the
 *       legacy {@code service.kubernetes.io/topology-aware-hints: auto} (either case)
 *       ({@link Mode#TOPOLOGY_AWARE}); it takes precedence over {@code trafficDistribution};</li>
 *   <li>else {@code spec.trafficDistribution}: {@code PreferSameZone}, or {@code PreferClose} (its
 *       name before Kubernetes 1.34) ({@link Mode#PREFER_SAME_ZONE}); {@code PreferSameNode}
 *       ({@link Mode#PREFER_SAME_NODE});</li>
 *   <li>else any endpoint in the cluster ({@link Mode#CLUSTER}).</li>
 * </ol>
 *
 * @param mode                  the routing that applies
 * @param topologyMode          the {@code topology-mode} annotation's value, or null
 * @param topologyHints         the legacy {@code topology-aware-hints} annotation's value, or null
 * @param trafficDistribution   {@code spec.trafficDistribution}, or null
 * @param internalTrafficPolicy {@code spec.internalTrafficPolicy}, or null
 */
public record ServiceRouting(Mode mode, String topologyMode, String topologyHints, String trafficDistribution,
    String internalTrafficPolicy) {

  /** The topology-aware routing annotation. */
  public static final String TOPOLOGY_MODE = "service.kubernetes.io/topology-mode";
  /** Its legacy name. */
  public static final String TOPOLOGY_HINTS = "service.kubernetes.io/topology-aware-hints";

  /** How a Service routes. */
  public enum Mode {
    /** Topology-aware routing (hints): same-zone endpoints when the EndpointSlice controller sets hints. */
    TOPOLOGY_AWARE,
    /** {@code trafficDistribution: PreferSameZone} (or {@code PreferClose}). */
    PREFER_SAME_ZONE,
    /** {@code trafficDistribution: PreferSameNode}. */
    PREFER_SAME_NODE,
    /** {@code internalTrafficPolicy: Local}. */
    NODE_LOCAL,
    /** None of the above: any endpoint in the cluster. */
    CLUSTER
  }

  /**
   * The routing of a Service.
   *
   * @param service a Service
   * @return its routing, or empty for another kind
   */
  public static Optional<ServiceRouting> of(KubernetesObject service) {
    if (!service.kind().equals("Service")) {
      return Optional.empty();
    }
    String mode = service.annotation(TOPOLOGY_MODE);
    String hints = service.annotation(TOPOLOGY_HINTS);
    String distribution = text(service, "trafficDistribution");
    String policy = text(service, "internalTrafficPolicy");
    Mode m;
    if ("Local".equals(policy)) {
      m = Mode.NODE_LOCAL;
    } else if (auto(mode) || auto(hints)) {
      m = Mode.TOPOLOGY_AWARE;
    } else if ("PreferSameZone".equals(distribution) || "PreferClose".equals(distribution)) {
      m = Mode.PREFER_SAME_ZONE;
    } else if ("PreferSameNode".equals(distribution)) {
      m = Mode.PREFER_SAME_NODE;
    } else {
      m = Mode.CLUSTER;
    }
    return Optional.of(new ServiceRouting(m, mode, hints, distribution, policy));
  }

  private static String text(KubernetesObject o, String field) {
    var v = o.spec().path(field);
    return v.isValueNode() && !v.isNull() ? v.asText() : null;
  }

  private static boolean auto(String value) {
    return value != null && value.toLowerCase(Locale.ROOT).equals("auto");
  }

  /** {@return whether topology-aware routing is asked for (whether or not {@code Local} overrides it)} */
  public boolean topologyAware() {
    return auto(topologyMode) || auto(topologyHints);
  }

  /**
   * {@return whether a routing field holds a value only known at deploy time (so the mode cannot be told)}
   */
  public boolean unresolved() {
    return Value.unresolved(topologyMode) || Value.unresolved(topologyHints) || Value.unresolved(trafficDistribution)
        || Value.unresolved(internalTrafficPolicy);
  }

  /** {@return whether traffic stays in its zone (or node) when it can: any mode but {@link Mode#CLUSTER}} */
  public boolean zonal() {
    return mode != Mode.CLUSTER;
  }

  /**
   * {@return the topology-aware annotation as written, e.g. {@code service.kubernetes.io/topology-mode:
   * Auto}, or null}
   */
  public String topologyAnnotation() {
    if (topologyMode != null) {
      return TOPOLOGY_MODE + ": " + topologyMode;
    }
    return topologyHints != null ? TOPOLOGY_HINTS + ": " + topologyHints : null;
  }

  /**
   * What was found, for a Service that routes cluster-wide: each routing field, as written or as absent,
   * e.g. {@code service.kubernetes.io/topology-mode: Disabled, no spec.trafficDistribution and no
   * internalTrafficPolicy: Local}.
   *
   * @return the description
   */
  public String found() {
    String topology = topologyAnnotation() != null ? topologyAnnotation() : "no " + TOPOLOGY_MODE + " annotation";
    String distribution = trafficDistribution != null ? "spec.trafficDistribution: " + trafficDistribution
        : "no spec.trafficDistribution";
    String policy = internalTrafficPolicy != null ? "internalTrafficPolicy: " + internalTrafficPolicy
        : "no internalTrafficPolicy: Local";
    return topology + ", " + distribution + " and " + policy;
  }
}
