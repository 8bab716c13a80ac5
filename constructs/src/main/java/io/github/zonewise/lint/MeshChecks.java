package io.github.zonewise.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zonewise.synth.KubernetesContext;
import io.github.zonewise.synth.KubernetesObject;
import java.util.ArrayList;
import java.util.List;

/** The Istio rules: locality weights, failover with outlier detection. */
final class MeshChecks {

  private MeshChecks() {
  }

  /** A trafficPolicy of a DestinationRule, with the outlier detection that applies to it. */
  private record Policy(String where, JsonNode policy, boolean outlierDetection) {
  }

  /** ZW-IST1: each {@code distribute[].to} totals 100, each weight at least 1. */
  static Outcome distributeTotals100(KubernetesObject o, KubernetesContext context) {
    if (!isDestinationRule(o)) {
      return Outcome.NOT_APPLICABLE;
    }
    boolean any = false;
    List<String> problems = new ArrayList<>();
    for (Policy p : policies(o)) {
      JsonNode distribute = p.policy().path("loadBalancer").path("localityLbSetting").path("distribute");
      for (JsonNode d : distribute) {
        any = true;
        int total = 0;
        List<String> small = new ArrayList<>();
        for (var it = d.path("to").fields(); it.hasNext(); ) {
          var e = it.next();
          int w = e.getValue().asInt(0);
          total += w;
          if (w < 1) {
            small.add(e.getKey() + ": " + e.getValue().asText());
          }
        }
        String from = d.path("from").asText("?");
        if (total != 100) {
          problems.add(p.where() + "distribute from " + from + " totals " + total);
        }
        if (!small.isEmpty()) {
          problems.add(p.where() + "distribute from " + from + " has weights below 1 (" + String.join(", ", small) + ")");
        }
      }
    }
    if (!any) {
      return Outcome.NOT_APPLICABLE;
    }
    return problems.isEmpty() ? Outcome.COMPLIANT : Outcome.nonCompliant(problems);
  }

  /** ZW-IST2: locality failover (explicit, or the default when there is no distribute) has outlier detection. */
  static Outcome failoverHasOutlierDetection(KubernetesObject o, KubernetesContext context) {
    if (!isDestinationRule(o)) {
      return Outcome.NOT_APPLICABLE;
    }
    boolean any = false;
    List<String> problems = new ArrayList<>();
    for (Policy p : policies(o)) {
      JsonNode locality = p.policy().path("loadBalancer").path("localityLbSetting");
      if (!locality.isObject() || "false".equals(locality.path("enabled").asText())) {
        continue;
      }
      boolean distribute = locality.path("distribute").size() > 0;
      boolean failover = locality.path("failover").size() > 0 || locality.path("failoverPriority").size() > 0;
      if (distribute && !failover) {
        continue;   // weighted distribution works without outlier detection
      }
      any = true;
      if (!p.outlierDetection()) {
        problems.add(p.where() + "localityLbSetting " + (failover ? "with failover" : "(failover by default)")
            + " and no outlierDetection");
      }
    }
    if (!any) {
      return Outcome.NOT_APPLICABLE;
    }
    return problems.isEmpty() ? Outcome.COMPLIANT : Outcome.nonCompliant(problems);
  }

  private static boolean isDestinationRule(KubernetesObject o) {
    return o.kind().equals("DestinationRule") && o.group().equals("networking.istio.io");
  }

  /** Every trafficPolicy of the rule: top level, its ports, each subset and its ports. */
  private static List<Policy> policies(KubernetesObject o) {
    List<Policy> out = new ArrayList<>();
    JsonNode top = o.spec().path("trafficPolicy");
    boolean topOutlier = top.has("outlierDetection");
    add(out, "", top, topOutlier);
    for (JsonNode subset : o.spec().path("subsets")) {
      JsonNode policy = subset.path("trafficPolicy");
      boolean outlier = topOutlier || policy.has("outlierDetection");
      add(out, "subset " + subset.path("name").asText("?") + ": ", policy, outlier);
    }
    return out;
  }

  private static void add(List<Policy> out, String where, JsonNode policy, boolean outlier) {
    if (!policy.isObject()) {
      return;
    }
    out.add(new Policy(where, policy, outlier));
    for (JsonNode port : policy.path("portLevelSettings")) {
      out.add(new Policy(where + "port " + port.path("port").path("number").asText("?") + ": ", port,
          outlier || port.has("outlierDetection")));
    }
  }
}
