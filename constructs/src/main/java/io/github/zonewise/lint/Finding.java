package io.github.zonewise.lint;

/**
 * One problem the checker found.
 *
 * @param rule       the rule
 * @param location   the construct path of the resource ({@code aws:cdk:path}, else {@code <stack>/<logical id>}),
 *                   or the manifest file
 * @param object     the Kubernetes object ({@code Kind/namespace/name}), or null for a CloudFormation resource
 * @param detail     what exactly is wrong, naming the values at fault
 * @param suppressed the reason of the cdk-nag suppression that covers it, or null
 */
public record Finding(CostRule rule, String location, String object, String detail, String suppressed) {

  /** {@return where: the location, and the object when there is one} */
  public String where() {
    return object == null ? location : location + " " + object;
  }
}
