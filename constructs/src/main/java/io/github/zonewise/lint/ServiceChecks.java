package io.github.zonewise.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zonewise.synth.KubernetesContext;
import io.github.zonewise.synth.KubernetesObject;
import io.github.zonewise.synth.LoadBalancing;
import io.github.zonewise.synth.ServiceRouting;
import java.util.Optional;

/**
 * The Kubernetes Service and Ingress rules: zonal routing, IP target mode, NLB cross-zone. A
 * Service's routing and a load balancer's kind and target mode are decoded by the reader
 * ({@link ServiceRouting}, {@link LoadBalancing}); the rules judge them.
 */
final class ServiceChecks {

  private ServiceChecks() {
  }

  /**
   * ZW-SVC1: a Service that kube-proxy routes has a zonal routing mode. Not applicable to a
   * LoadBalancer Service whose load balancer targets pod IPs: its traffic does not pass kube-proxy
   * (ZW-LB2 covers its zones).
   */
  static Outcome zonalRouting(KubernetesObject o, KubernetesContext context) {
    if (!isRoutedService(o)) {
      return Outcome.NOT_APPLICABLE;
    }
    Optional<LoadBalancing> lb = LoadBalancing.of(o, context);
    if (lb.isPresent() && lb.get().controller() != LoadBalancing.Controller.OTHER && lb.get().ipTargets()) {
      return Outcome.NOT_APPLICABLE;
    }
    ServiceRouting routing = ServiceRouting.of(o).orElseThrow();
    return Outcome.of(routing.zonal() || routing.unresolved(), routing.found());
  }

  /** ZW-SVC2: a topology-aware Service does not also set {@code internalTrafficPolicy: Local}. */
  static Outcome topologyWithoutLocal(KubernetesObject o, KubernetesContext context) {
    if (!isRoutedService(o)) {
      return Outcome.NOT_APPLICABLE;
    }
    ServiceRouting routing = ServiceRouting.of(o).orElseThrow();
    if (!routing.topologyAware()) {
      return Outcome.NOT_APPLICABLE;
    }
    return Outcome.of(!"Local".equals(routing.internalTrafficPolicy()),
        "topology-aware routing (" + routing.topologyAnnotation() + ") with internalTrafficPolicy: Local");
  }

  /** ZW-LB1: a LoadBalancer Service or an ALB Ingress targets pod IPs (every backend Service of the Ingress). */
  static Outcome ipTargets(KubernetesObject o, KubernetesContext context) {
    Optional<LoadBalancing> found = LoadBalancing.of(o, context);
    if (found.isEmpty()) {
      return Outcome.NOT_APPLICABLE;
    }
    LoadBalancing lb = found.get();
    if (lb.controller() == LoadBalancing.Controller.OTHER || lb.targets() == LoadBalancing.Targets.UNKNOWN) {
      return Outcome.NOT_APPLICABLE;   // another controller's, or a target type known only at deploy time
    }
    return Outcome.of(lb.ipTargets(), lb.targetsFound());
  }

  /** ZW-LB2 (Kubernetes side): an NLB Service does not turn cross-zone load balancing on. */
  static Outcome nlbCrossZoneOff(KubernetesObject o, KubernetesContext context) {
    if (!o.kind().equals("Service")) {
      return Outcome.NOT_APPLICABLE;
    }
    Optional<LoadBalancing> lb = LoadBalancing.of(o, context);
    if (lb.isEmpty() || lb.get().kind() != LoadBalancing.Kind.NLB) {
      return Outcome.NOT_APPLICABLE;
    }
    return Outcome.of(!lb.get().crossZone(), lb.get().crossZoneFound());
  }

  /** A Service with endpoints kube-proxy routes to: has a selector, not headless, not ExternalName. */
  private static boolean isRoutedService(KubernetesObject o) {
    if (!o.kind().equals("Service") || !o.apiVersion().equals("v1")) {
      return false;
    }
    JsonNode spec = o.spec();
    return !"ExternalName".equals(spec.path("type").asText(""))
        && !"None".equals(spec.path("clusterIP").asText(""))
        && spec.path("selector").isObject() && spec.path("selector").size() > 0;
  }
}
