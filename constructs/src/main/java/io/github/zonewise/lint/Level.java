package io.github.zonewise.lint;

/** How serious a rule's finding is. */
public enum Level {
  /** Money is being spent for nothing, or the configuration is rejected: the checker exits 1. */
  ERROR,
  /** Usually a cost, sometimes a deliberate trade-off: reported, the checker still exits 0. */
  WARNING
}
