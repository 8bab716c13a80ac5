package io.github.zonewise.lint;

import io.github.zonewise.synth.AppliedManifest;
import io.github.zonewise.synth.KubernetesContext;
import io.github.zonewise.synth.KubernetesObject;
import io.github.zonewise.synth.Resource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the rules over one resource: the CloudFormation rules of its type and, for a manifest
 * resource ({@code Custom::AWSCDK-EKS-KubernetesResource}), the Kubernetes rules over each object
 * it applies. Shared by {@link ZonewiseCostChecks} and {@link Linter}, so both report the same.
 */
final class Evaluator {

  /**
   * What one rule says about one resource.
   *
   * @param rule       the rule
   * @param outcomes   the applicable outcomes: one for a CloudFormation rule, one per object for a
   *                   Kubernetes rule (not-applicable objects left out)
   * @param unreadable why the rule could not run (the resource's manifest cannot be read), or null
   */
  record Result(CostRule rule, List<Outcome> outcomes, String unreadable) {

    /** Whether something was checked (or could not be). */
    boolean applicable() {
      return unreadable != null || !outcomes.isEmpty();
    }

    /** The non-compliant outcomes. */
    List<Outcome> violations() {
      return outcomes.stream().filter(Outcome::nonCompliant).toList();
    }
  }

  private final List<CostRule> rules;
  private final LocalDate day;
  private final Set<String> types = new HashSet<>();

  Evaluator(List<CostRule> rules, LocalDate day) {
    this.rules = List.copyOf(rules);
    this.day = day;
    for (CostRule rule : rules) {
      types.addAll(rule.resourceTypes());
    }
    types.add(AppliedManifest.KUBERNETES_RESOURCE);
  }

  /** Whether any rule looks at resources of a type. */
  boolean relevant(String type) {
    return types.contains(type);
  }

  /**
   * Every applicable rule's result on one resource.
   *
   * @param resource the resource
   * @param context  the Kubernetes objects around it (IngressClasses, backend Services)
   * @return the results of the rules that applied, in rule order
   */
  List<Result> evaluate(Resource resource, KubernetesContext context) {
    List<Result> results = new ArrayList<>();
    if (resource.type().equals(AppliedManifest.KUBERNETES_RESOURCE)) {
      AppliedManifest manifest = resource.template().manifest(resource);
      for (CostRule rule : rules) {
        if (!rule.checksKubernetes()) {
          continue;
        }
        if (manifest.problem() != null) {
          results.add(new Result(rule, List.of(), manifest.problem()));
          continue;
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (KubernetesObject object : manifest.objects()) {
          Outcome o = rule.check(object, context);
          if (o.applicable()) {
            outcomes.add(o);
          }
        }
        if (!outcomes.isEmpty()) {
          results.add(new Result(rule, outcomes, null));
        }
      }
      return results;
    }
    for (CostRule rule : rules) {
      if (rule.resourceTypes().contains(resource.type())) {
        Outcome o = rule.check(resource, day);
        if (o.applicable()) {
          results.add(new Result(rule, List.of(o), null));
        }
      }
    }
    return results;
  }

  /**
   * Every applicable rule's outcome on one Kubernetes object of a manifest file.
   *
   * @param object  the object
   * @param context the objects around it
   * @return the applicable outcomes, in rule order, each with its rule
   */
  List<Result> evaluate(KubernetesObject object, KubernetesContext context) {
    List<Result> results = new ArrayList<>();
    for (CostRule rule : rules) {
      if (rule.checksKubernetes()) {
        Outcome o = rule.check(object, context);
        if (o.applicable()) {
          results.add(new Result(rule, List.of(o), null));
        }
      }
    }
    return results;
  }
}
