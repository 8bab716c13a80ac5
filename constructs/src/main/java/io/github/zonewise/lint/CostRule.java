package io.github.zonewise.lint;

import io.github.zonewise.synth.KubernetesContext;
import io.github.zonewise.synth.KubernetesObject;
import io.github.zonewise.synth.Resource;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * One rule of the cost lint: an id such as {@code ZW-NAT1}, a level, a one-line info, an
 * explanation with the cost at stake, and the fix. A rule checks CloudFormation resources of some
 * types, Kubernetes objects, or both; the checks themselves are package-private pure functions.
 * The rules are listed by {@link CostRules#all()}.
 */
public final class CostRule {

  /** A check of one CloudFormation resource. */
  interface ResourceCheck {
    Outcome check(Resource resource, LocalDate day);
  }

  /** A check of one Kubernetes object. */
  interface ObjectCheck {
    Outcome check(KubernetesObject object, KubernetesContext context);
  }

  private final String id;
  private final Level level;
  private final String info;
  private final String explanation;
  private final String fix;
  private final Set<String> resourceTypes;
  private final ResourceCheck resourceCheck;
  private final ObjectCheck objectCheck;

  CostRule(String id, Level level, String info, String explanation, String fix,
      Set<String> resourceTypes, ResourceCheck resourceCheck, ObjectCheck objectCheck) {
    this.id = Objects.requireNonNull(id);
    this.level = Objects.requireNonNull(level);
    this.info = info;
    this.explanation = explanation;
    this.fix = fix;
    this.resourceTypes = Set.copyOf(resourceTypes);
    this.resourceCheck = resourceCheck;
    this.objectCheck = objectCheck;
  }

  /** {@return the rule id, e.g. {@code ZW-NAT1}: what cdk-nag suppressions and reports name} */
  public String id() {
    return id;
  }

  /** {@return the id without the pack prefix, e.g. {@code NAT1}} */
  public String suffix() {
    return id.substring(id.indexOf('-') + 1);
  }

  /** {@return error or warning} */
  public Level level() {
    return level;
  }

  /** {@return what was found, in one line} */
  public String info() {
    return info;
  }

  /** {@return why it matters: the cost at stake (us-east-1 list prices)} */
  public String explanation() {
    return explanation;
  }

  /** {@return how to fix it} */
  public String fix() {
    return fix;
  }

  /** {@return the CloudFormation types the rule checks (empty when it checks Kubernetes objects only)} */
  public Set<String> resourceTypes() {
    return resourceTypes;
  }

  /** {@return whether the rule checks Kubernetes objects} */
  public boolean checksKubernetes() {
    return objectCheck != null;
  }

  Outcome check(Resource resource, LocalDate day) {
    if (resourceCheck == null || !resourceTypes.contains(resource.type())) {
      return Outcome.NOT_APPLICABLE;
    }
    return resourceCheck.check(resource, day);
  }

  Outcome check(KubernetesObject object, KubernetesContext context) {
    if (objectCheck == null) {
      return Outcome.NOT_APPLICABLE;
    }
    return objectCheck.check(object, context).withFindingId(object.id());
  }

  @Override
  public String toString() {
    return id;
  }
}
