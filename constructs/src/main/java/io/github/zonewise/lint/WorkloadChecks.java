package io.github.zonewise.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zonewise.synth.KubernetesContext;
import io.github.zonewise.synth.KubernetesObject;
import java.util.LinkedHashSet;
import java.util.Set;

/** The workload rules: Karpenter API versions, replicas spread over zones. */
final class WorkloadChecks {

  static final Set<String> ZONE_KEYS = Set.of("topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone");

  private WorkloadChecks() {
  }

  /** ZW-KRP1: a Karpenter object uses an API version Karpenter 1.x still serves. */
  static Outcome karpenterV1(KubernetesObject o, KubernetesContext context) {
    String group = o.group();
    if (!group.equals("karpenter.sh") && !group.equals("karpenter.k8s.aws")) {
      return Outcome.NOT_APPLICABLE;
    }
    String version = o.version();
    if (version.equals("v1")) {
      return Outcome.COMPLIANT;
    }
    if (Set.of("v1alpha5", "v1alpha1", "v1beta1").contains(version)) {
      return Outcome.nonCompliant(o.apiVersion() + " " + o.kind() + " is removed in Karpenter 1.x");
    }
    return Outcome.NOT_APPLICABLE;
  }

  /**
   * Whether a workload's replicas are its own to spread: a Deployment or a StatefulSet, or a
   * ReplicaSet no Deployment owns (an owned one, as {@code kubectl get -o yaml} lists it, is its
   * Deployment's, which is checked instead).
   */
  static boolean spreadable(KubernetesObject o) {
    if (!o.group().equals("apps")) {
      return false;
    }
    return switch (o.kind()) {
      case "Deployment", "StatefulSet" -> true;
      case "ReplicaSet" -> o.node().path("metadata").path("ownerReferences").isEmpty();
      default -> false;
    };
  }

  /** ZW-DEP1: a Deployment, StatefulSet or unowned ReplicaSet of two or more replicas can spread over zones. */
  static Outcome spreadOverZones(KubernetesObject o, KubernetesContext context) {
    if (!spreadable(o)) {
      return Outcome.NOT_APPLICABLE;
    }
    JsonNode replicas = o.spec().path("replicas");
    int n = replicas.isMissingNode() ? 1 : replicas.isInt() ? replicas.asInt() : -1;
    if (n < 2) {
      return Outcome.NOT_APPLICABLE;   // one replica, or a count only known at deploy time
    }
    JsonNode pod = o.spec().path("template").path("spec");
    String pinned = pinnedZone(pod);
    if (pinned != null) {
      return Outcome.nonCompliant(n + " replicas pinned to one zone (" + pinned + ")");
    }
    for (JsonNode c : pod.path("topologySpreadConstraints")) {
      if (ZONE_KEYS.contains(c.path("topologyKey").asText())) {
        return Outcome.COMPLIANT;
      }
    }
    JsonNode anti = pod.path("affinity").path("podAntiAffinity");
    for (JsonNode term : anti.path("requiredDuringSchedulingIgnoredDuringExecution")) {
      if (ZONE_KEYS.contains(term.path("topologyKey").asText())) {
        return Outcome.COMPLIANT;
      }
    }
    for (JsonNode term : anti.path("preferredDuringSchedulingIgnoredDuringExecution")) {
      if (ZONE_KEYS.contains(term.path("podAffinityTerm").path("topologyKey").asText())) {
        return Outcome.COMPLIANT;
      }
    }
    return Outcome.nonCompliant(n + " replicas and no topologySpreadConstraints on topology.kubernetes.io/zone");
  }

  /** The one zone a pod spec is pinned to by nodeSelector or required node affinity, or null. */
  private static String pinnedZone(JsonNode pod) {
    for (String key : ZONE_KEYS) {
      JsonNode zone = pod.path("nodeSelector").path(key);
      if (zone.isTextual()) {
        return "nodeSelector " + key + ": " + zone.asText();
      }
    }
    JsonNode terms = pod.path("affinity").path("nodeAffinity")
        .path("requiredDuringSchedulingIgnoredDuringExecution").path("nodeSelectorTerms");
    if (!terms.isArray() || terms.isEmpty()) {
      return null;
    }
    Set<String> zones = new LinkedHashSet<>();
    for (JsonNode term : terms) {
      String zone = null;
      for (JsonNode e : term.path("matchExpressions")) {
        if (ZONE_KEYS.contains(e.path("key").asText()) && "In".equals(e.path("operator").asText())
            && e.path("values").size() == 1) {
          zone = e.path("values").get(0).asText();
        }
      }
      if (zone == null) {
        return null;   // a term that allows other zones
      }
      zones.add(zone);
    }
    return zones.size() == 1 ? "required node affinity to " + zones.iterator().next() : null;
  }
}
