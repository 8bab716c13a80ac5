package io.github.zonewise.synth;

import java.util.Objects;

/**
 * Something of the input the reader could not read, or chose not to read as whole Kubernetes objects.
 *
 * @param kind    what sort of thing it is
 * @param source  where: a file (with {@code :line:column} when known), or a resource's construct path
 * @param problem what it is or what is wrong, in plain words
 */
public record Note(Kind kind, String source, String problem) {

  /** What sort of thing a note is about. */
  public enum Kind {
    /** A file or input that cannot be read at all (missing, not JSON/YAML, not a template, ...). */
    UNREADABLE,
    /** A Helm chart a template installs: its objects are rendered in the cluster, not in the template. */
    HELM_CHART,
    /**
     * A patch: a template's {@code Custom::AWSCDK-EKS-KubernetesPatch}, a Kustomize patch file, or a
     * document that lacks fields its kind requires (a fragment of an object, not a whole one).
     */
    PATCH,
    /** A manifest a template applies that cannot be evaluated (an intrinsic the reader cannot resolve). */
    MANIFEST,
    /** Documents of a manifest file that are not Kubernetes objects (no {@code apiVersion} and {@code kind}). */
    NOT_AN_OBJECT
  }

  /**
   * Checks the parts.
   *
   * @param kind    what sort of thing it is; not null
   * @param source  a file (with {@code :line:column} when known) or a construct path; not null
   * @param problem what it is or what is wrong, in plain words; not null
   */
  public Note {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(problem, "problem");
  }

  /** {@code source: problem}. */
  @Override
  public String toString() {
    return source + ": " + problem;
  }
}
