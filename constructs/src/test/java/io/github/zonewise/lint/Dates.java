package io.github.zonewise.lint;

import java.time.LocalDate;

/** The day the tests judge EKS support on: fixed, so that results do not change with the calendar. */
final class Dates {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

  private Dates() {
  }
}
