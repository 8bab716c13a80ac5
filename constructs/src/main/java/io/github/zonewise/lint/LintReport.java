package io.github.zonewise.lint;

import java.util.List;

/**
 * What the checker found.
 *
 * @param findings      the unsuppressed findings, in input order
 * @param suppressed    the findings a cdk-nag suppression covers
 * @param notes         what could not be checked, and why (unreadable inputs included)
 * @param unreadable    the inputs that could not be read at all ({@code file: why})
 * @param templates     how many templates were read
 * @param resources     how many resources they hold
 * @param manifestFiles how many manifest files were read
 * @param objects       how many Kubernetes objects were checked (files and applied manifests)
 */
public record LintReport(List<Finding> findings, List<Finding> suppressed, List<String> notes,
    List<String> unreadable, int templates, int resources, int manifestFiles, int objects) {

  /**
   * Copies the lists.
   *
   * @param findings      the unsuppressed findings, in input order
   * @param suppressed    the findings a cdk-nag suppression covers
   * @param notes         what could not be checked, and why
   * @param unreadable    the inputs that could not be read at all, each {@code file: why}
   * @param templates     the number of templates read
   * @param resources     the number of resources they hold
   * @param manifestFiles the number of manifest files read
   * @param objects       the number of Kubernetes objects checked
   */
  public LintReport {
    findings = List.copyOf(findings);
    suppressed = List.copyOf(suppressed);
    notes = List.copyOf(notes);
    unreadable = List.copyOf(unreadable);
  }

  /** {@return the unsuppressed findings of errors} */
  public long errors() {
    return findings.stream().filter(f -> f.rule().level() == Level.ERROR).count();
  }

  /** {@return the unsuppressed findings of warnings} */
  public long warnings() {
    return findings.stream().filter(f -> f.rule().level() == Level.WARNING).count();
  }

  /** {@return whether inputs were given and none of them could be read: no template and no manifest file} */
  public boolean nothingRead() {
    return !unreadable.isEmpty() && templates == 0 && manifestFiles == 0;
  }
}
