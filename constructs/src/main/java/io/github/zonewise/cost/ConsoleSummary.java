package io.github.zonewise.cost;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The cost report as the synth prints it: a few {@code zonewise:} lines. */
final class ConsoleSummary {

  private ConsoleSummary() {
  }

  /**
   * The console summary: two to four {@code zonewise:} lines.
   *
   * @param r     the report
   * @param where where the files were written, for the last line
   * @return the lines
   */
  static List<String> lines(CostReport r, Path where) {
    List<String> lines = new ArrayList<>();
    long overrides = r.prices().prices().stream().filter(p -> "override".equals(p.asOf())).count();
    lines.add("zonewise: network cost a month (USD, " + (r.prices().regionPriced() ? r.prices().region()
        + " list prices" : "us-east-1 list prices: no price table for " + r.prices().region()) + (overrides > 0 ? " with " + overrides
        + " overrides" : "") + ", " + (r.traffic().defaulted() ? "default traffic profile" : r.carried().flows().size()
        + " flows of traffic") + "): generated " + Advice.usd(r.generated().total()) + ", naive "
        + Advice.usd(r.naive().total()) + " (" + ratio(r.naiveOverGenerated()) + " of generated), floor "
        + Advice.usd(r.floor().total()));
    if (!r.advice().isEmpty()) {
      Advice top = r.advice().get(0);
      lines.add("zonewise: cost advice: " + r.advice().size() + (r.advice().size() == 1 ? " item" : " items")
          + (top.monthlySavingUsd() > 0 ? ", the largest saving " + Advice.usd(top.monthlySavingUsd())
          + " a month (" + top.topic() + ")" : ""));
    }
    if (!r.notes().isEmpty()) {
      lines.add("zonewise: cost note: " + r.notes().get(0) + (r.notes().size() > 1 ? " (+" + (r.notes().size() - 1) + " more)" : ""));
    }
    lines.add("zonewise: cost report written to " + where.resolve(CostReport.MARKDOWN_FILE) + " (and " + CostReport.JSON_FILE + ", "
        + CostReport.SVG_FILE + ")");
    return lines;
  }

  /** A ratio as the reports write it, e.g. {@code ×1.64}. */
  static String ratio(double value) {
    return "×" + String.format(Locale.ROOT, "%.2f", value);
  }
}
