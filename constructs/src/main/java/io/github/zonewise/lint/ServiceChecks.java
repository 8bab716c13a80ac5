package io.github.zonewise.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;

/** The Kubernetes Service and Ingress rules: zonal routing, IP target mode, NLB cross-zone. */
final class ServiceChecks {

  static final String TOPOLOGY_MODE = "service.kubernetes.io/topology-mode";
  static final String TOPOLOGY_HINTS = "service.kubernetes.io/topology-aware-hints";
  static final String LB_TYPE = "service.beta.kubernetes.io/aws-load-balancer-type";
  static final String NLB_TARGET_TYPE = "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type";
  static final String LB_ATTRIBUTES = "service.beta.kubernetes.io/aws-load-balancer-attributes";
  static final String TG_ATTRIBUTES = "service.beta.kubernetes.io/aws-load-balancer-target-group-attributes";
  static final String LEGACY_CROSS_ZONE = "service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled";
  static final String ALB_TARGET_TYPE = "alb.ingress.kubernetes.io/target-type";
  static final String INGRESS_CLASS = "kubernetes.io/ingress.class";
  static final String LBC_NLB_CLASS = "service.k8s.aws/nlb";
  static final Set<String> ZONAL_DISTRIBUTIONS = Set.of("PreferClose", "PreferSameZone", "PreferSameNode");

  private ServiceChecks() {
  }

  /**
   * ZW-SVC1: a Service that kube-proxy routes has a zonal routing mode. Not applicable to a
   * LoadBalancer Service whose load balancer targets pod IPs: its traffic does not pass kube-proxy
   * (ZW-LB2 covers its zones).
   */
  static Outcome zonalRouting(KubernetesObject o, KubernetesScope scope) {
    if (!isRoutedService(o) || ipTargets(o, scope).compliant()) {
      return Outcome.NOT_APPLICABLE;
    }
    JsonNode spec = o.spec();
    boolean zonal = topologyAware(o)
        || ZONAL_DISTRIBUTIONS.contains(spec.path("trafficDistribution").asText(""))
        || "Local".equals(spec.path("internalTrafficPolicy").asText(""))
        || KubernetesObject.unresolved(o.annotation(TOPOLOGY_MODE));
    return Outcome.of(zonal, "no " + TOPOLOGY_MODE + " annotation, no spec.trafficDistribution and no "
        + "internalTrafficPolicy: Local");
  }

  /** ZW-SVC2: a topology-aware Service does not also set {@code internalTrafficPolicy: Local}. */
  static Outcome topologyWithoutLocal(KubernetesObject o, KubernetesScope scope) {
    if (!isRoutedService(o) || !topologyAware(o)) {
      return Outcome.NOT_APPLICABLE;
    }
    return Outcome.of(!"Local".equals(o.spec().path("internalTrafficPolicy").asText("")),
        "topology-aware routing (" + (o.annotation(TOPOLOGY_MODE) != null ? TOPOLOGY_MODE + ": " + o.annotation(TOPOLOGY_MODE)
            : TOPOLOGY_HINTS + ": " + o.annotation(TOPOLOGY_HINTS)) + ") with internalTrafficPolicy: Local");
  }

  /** ZW-LB1: a LoadBalancer Service or an ALB Ingress targets pod IPs. */
  static Outcome ipTargets(KubernetesObject o, KubernetesScope scope) {
    if (isService(o)) {
      if (!"LoadBalancer".equals(o.spec().path("type").asText(""))) {
        return Outcome.NOT_APPLICABLE;
      }
      String lbClass = o.spec().path("loadBalancerClass").asText(null);
      if (lbClass != null && !lbClass.equals(LBC_NLB_CLASS)) {
        return Outcome.NOT_APPLICABLE;   // another controller's load balancer
      }
      String type = o.annotation(LB_TYPE);
      String target = o.annotation(NLB_TARGET_TYPE);
      if (KubernetesObject.unresolved(type) || KubernetesObject.unresolved(target)) {
        return Outcome.NOT_APPLICABLE;
      }
      if ("nlb-ip".equals(type)) {
        return Outcome.COMPLIANT;   // IP targets (deprecated spelling of external + ip)
      }
      if ("external".equals(type) || lbClass != null) {
        return Outcome.of("ip".equals(target), target == null
            ? "the AWS Load Balancer Controller's NLB without " + NLB_TARGET_TYPE + " (default: instance)"
            : NLB_TARGET_TYPE + ": " + target);
      }
      if ("nlb".equals(type)) {
        return Outcome.nonCompliant(LB_TYPE + ": nlb (the legacy in-tree NLB registers instance targets)");
      }
      return Outcome.nonCompliant("no " + LB_TYPE + " annotation: the in-tree controller creates a Classic Load "
          + "Balancer with instance targets");
    }
    if (isIngress(o)) {
      String cls = o.spec().path("ingressClassName").asText(null);
      if (cls == null) {
        cls = o.annotation(INGRESS_CLASS);
      }
      if (!scope.isAlb(cls)) {
        return Outcome.NOT_APPLICABLE;
      }
      String target = o.annotation(ALB_TARGET_TYPE);
      if (KubernetesObject.unresolved(target)) {
        return Outcome.NOT_APPLICABLE;
      }
      return Outcome.of("ip".equals(target), target == null
          ? "ALB Ingress without " + ALB_TARGET_TYPE + " (default: instance)"
          : ALB_TARGET_TYPE + ": " + target);
    }
    return Outcome.NOT_APPLICABLE;
  }

  /** ZW-LB2 (Kubernetes side): an NLB Service does not turn cross-zone load balancing on. */
  static Outcome nlbCrossZoneOff(KubernetesObject o, KubernetesScope scope) {
    if (!isService(o) || !"LoadBalancer".equals(o.spec().path("type").asText(""))) {
      return Outcome.NOT_APPLICABLE;
    }
    String type = o.annotation(LB_TYPE);
    boolean nlb = Set.of("external", "nlb", "nlb-ip").contains(String.valueOf(type))
        || LBC_NLB_CLASS.equals(o.spec().path("loadBalancerClass").asText(""));
    if (!nlb) {
      return Outcome.NOT_APPLICABLE;
    }
    for (String key : new String[] {LB_ATTRIBUTES, TG_ATTRIBUTES}) {
      String attributes = o.annotation(key);
      if (attributes != null) {
        for (String pair : attributes.split(",")) {
          String[] kv = pair.trim().split("=", 2);
          if (kv.length == 2 && kv[0].trim().equals("load_balancing.cross_zone.enabled")
              && kv[1].trim().equalsIgnoreCase("true")) {
            return Outcome.nonCompliant(key + " sets load_balancing.cross_zone.enabled=true");
          }
        }
      }
    }
    if ("true".equalsIgnoreCase(o.annotation(LEGACY_CROSS_ZONE))) {
      return Outcome.nonCompliant(LEGACY_CROSS_ZONE + ": \"true\"");
    }
    return Outcome.COMPLIANT;
  }

  static boolean isService(KubernetesObject o) {
    return o.kind().equals("Service") && o.apiVersion().equals("v1");
  }

  private static boolean isIngress(KubernetesObject o) {
    return o.kind().equals("Ingress") && Set.of("networking.k8s.io", "extensions").contains(o.group());
  }

  /** A Service with endpoints kube-proxy routes to: has a selector, not headless, not ExternalName. */
  private static boolean isRoutedService(KubernetesObject o) {
    if (!isService(o)) {
      return false;
    }
    JsonNode spec = o.spec();
    return !"ExternalName".equals(spec.path("type").asText(""))
        && !"None".equals(spec.path("clusterIP").asText(""))
        && spec.path("selector").isObject() && spec.path("selector").size() > 0;
  }

  private static boolean topologyAware(KubernetesObject o) {
    String mode = o.annotation(TOPOLOGY_MODE);
    String hints = o.annotation(TOPOLOGY_HINTS);
    return (mode != null && mode.toLowerCase(Locale.ROOT).equals("auto"))
        || (hints != null && hints.toLowerCase(Locale.ROOT).equals("auto"));
  }
}
