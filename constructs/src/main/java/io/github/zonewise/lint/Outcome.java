package io.github.zonewise.lint;

import java.util.List;
import java.util.Objects;

/**
 * What a rule says about one subject (a resource or a Kubernetes object), as cdk-nag's rules do:
 * compliant, non-compliant (with what exactly is wrong), or not applicable. A rule that cannot
 * decide (an intrinsic function it cannot evaluate, an object it does not know) says not applicable.
 *
 * @param status    the verdict
 * @param details   for non-compliant: one line per problem, naming the values at fault
 * @param findingId for non-compliant Kubernetes objects: the object ({@code Kind/namespace/name}),
 *                  which cdk-nag suppressions can name in {@code appliesTo}; empty otherwise
 */
record Outcome(Status status, List<String> details, String findingId) {

  /** The verdict. */
  enum Status { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE }

  static final Outcome COMPLIANT = new Outcome(Status.COMPLIANT, List.of(), "");
  static final Outcome NOT_APPLICABLE = new Outcome(Status.NOT_APPLICABLE, List.of(), "");

  Outcome {
    Objects.requireNonNull(status);
    details = List.copyOf(details);
    findingId = findingId == null ? "" : findingId;
  }

  static Outcome nonCompliant(String detail) {
    return new Outcome(Status.NON_COMPLIANT, List.of(detail), "");
  }

  static Outcome nonCompliant(List<String> details) {
    return new Outcome(Status.NON_COMPLIANT, details, "");
  }

  static Outcome of(boolean compliant, String detail) {
    return compliant ? COMPLIANT : nonCompliant(detail);
  }

  Outcome withFindingId(String id) {
    return new Outcome(status, details, id);
  }

  boolean compliant() {
    return status == Status.COMPLIANT;
  }

  boolean nonCompliant() {
    return status == Status.NON_COMPLIANT;
  }

  boolean applicable() {
    return status != Status.NOT_APPLICABLE;
  }

  /** The details as one line. */
  String detail() {
    return String.join("; ", details);
  }
}
