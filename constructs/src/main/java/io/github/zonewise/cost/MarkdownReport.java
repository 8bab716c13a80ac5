package io.github.zonewise.cost;

import io.github.zonewise.facts.Price;
import java.util.Map;
import java.util.stream.Collectors;

/** The cost report as Markdown ({@value CostReport#CostReport.MARKDOWN_FILE}), for a pull request. */
final class MarkdownReport {

  private MarkdownReport() {
  }

  /**
   * The report for a pull request: totals, decisions, categories, advice, flows, line items, facts,
   * assumptions, prices.
   *
   * @param r the report
   * @return the Markdown text
   */
  static String render(CostReport r) {
    StringBuilder md = new StringBuilder();
    long overrides = r.prices().prices().stream().filter(p -> "override".equals(p.asOf())).count();
    md.append("# Network cost of landscape `").append(r.landscape().name()).append("` (").append(r.landscape().region())
        .append(")").append(r.prices().regionPriced() ? "" : " — priced at us-east-1 rates: no price table for "
            + r.prices().region()).append("\n\n");
    md.append("Monthly, in USD, at list prices (").append(overrides == 0 ? "no overrides" : overrides + " overridden")
        .append("). Traffic: ").append(r.traffic().defaulted() ? "**the default profile** (the landscape has no `traffic`)"
            : "the landscape's `traffic` (" + r.traffic().flows().size() + " flows)").append(".\n\n");
    md.append("| design | monthly | vs generated |\n|---|---:|---:|\n");
    md.append("| generated — what this synth produced | ").append(Advice.usd(r.generated().total())).append(" | — |\n");
    md.append("| naive — the same landscape, built the naive way | ").append(Advice.usd(r.naive().total())).append(" | ")
        .append(ConsoleSummary.ratio(r.naiveOverGenerated())).append(" |\n");
    md.append("| floor — the least it can cost with the same availability | ").append(Advice.usd(r.floor().total()))
        .append(" | ").append(ConsoleSummary.ratio(r.generated().total() == 0 ? 0 : r.floor().total() / r.generated().total())).append(" |\n\n");
    md.append("![cost by category](").append(CostReport.SVG_FILE).append(")\n\n");
    if (!r.availabilityTrades().isEmpty()) {
      md.append("Below the floor, only by giving up availability (never part of the floor):\n\n");
      r.availabilityTrades().forEach(a -> md.append("- ").append(a.text()).append('\n'));
      md.append('\n');
    }
    if (!r.choices().decisions().isEmpty()) {
      md.append("## Decisions\n\nWhat the design step chose where the landscape leaves the choice open (and what it"
          + " built as written), each option priced as the monthly total of the whole generated design at this"
          + " traffic.\n\n| field | built | options (monthly) | why |\n|---|---|---|---|\n");
      for (Choices.ReportedDecision d : r.choices().decisions()) {
        md.append("| `").append(d.field()).append("` | ").append(cell(d.chosen())).append(d.written() ? " (written)" : "")
            .append(" | ").append(cell(d.alternatives().entrySet().stream()
                .map(e -> e.getKey() + " " + Advice.usd(e.getValue())).collect(Collectors.joining("; "))))
            .append(" | ").append(cell(d.reason())).append(" |\n");
      }
      md.append('\n');
    }

    md.append("## By category\n\n| category | generated | naive | floor |\n|---|---:|---:|---:|\n");
    for (Category c : Category.values()) {
      double g = r.generated().byCategory().get(c);
      double n = r.naive().byCategory().get(c);
      double f = r.floor().byCategory().get(c);
      if (g == 0 && n == 0 && f == 0) {
        continue;
      }
      md.append("| ").append(c.label()).append(" | ").append(Advice.usd(g)).append(" | ").append(Advice.usd(n))
          .append(" | ").append(Advice.usd(f)).append(" |\n");
    }
    md.append("| **total** | **").append(Advice.usd(r.generated().total())).append("** | **")
        .append(Advice.usd(r.naive().total())).append("** | **").append(Advice.usd(r.floor().total())).append("** |\n\n");

    md.append("## Advice\n\n");
    if (r.advice().isEmpty()) {
      md.append("None: at this traffic every choice of the generated design is the cheaper one.\n\n");
    } else {
      for (Advice a : r.advice()) {
        md.append("- ").append(a.text()).append(a.monthlySavingUsd() > 0 ? " — **saves "
            + Advice.usd(a.monthlySavingUsd()) + " a month**" : "").append('\n');
      }
      md.append('\n');
    }
    if (!r.notes().isEmpty()) {
      md.append("## Notes\n\n");
      r.notes().forEach(n -> md.append("- ").append(n).append('\n'));
      md.append('\n');
    }

    md.append("## Flows\n\nPer flow, the path in the generated design and the charges on it in each design"
        + " (internet egress and interface endpoint processing are tiered on the month's sum and appear once,"
        + " under line items).\n\n");
    md.append("| # | flow | GB | path (generated) | generated | naive | floor |\n|---:|---|---:|---|---:|---:|---:|\n");
    for (Flow f : r.traffic().flows()) {
      boolean isPriced = r.carried().flows().stream().anyMatch(x -> x.index() == f.index());
      md.append("| ").append(f.index()).append(" | ").append(f.label()).append(" | ").append(Advice.gb(f.gb()))
          .append(" | ").append(cell(isPriced ? r.generated().paths().getOrDefault(f.index(), "") : "not priced (no path)"))
          .append(" | ").append(Advice.usd(flowUsd(r.generated(), f.index()))).append(" | ")
          .append(Advice.usd(flowUsd(r.naive(), f.index()))).append(" | ").append(Advice.usd(flowUsd(r.floor(), f.index())))
          .append(" |\n");
    }
    md.append('\n');

    for (DesignCost d : r.designs()) {
      md.append("## Line items: ").append(d.name()).append("\n\n| category | item | flow | formula | inputs | USD |\n")
          .append("|---|---|---:|---|---|---:|\n");
      for (LineItem item : d.lineItems()) {
        md.append("| ").append(item.category().label()).append(" | ").append(cell(item.item())).append(" | ")
            .append(item.flow() >= 0 ? String.valueOf(item.flow()) : "").append(" | ").append(cell(item.formula()))
            .append(" | ").append(cell(inputs(item.inputs()))).append(" | ").append(Advice.usd(item.usd()))
            .append(" |\n");
      }
      md.append("| | **total** | | | | **").append(Advice.usd(d.total())).append("** |\n\n");
    }

    md.append("## The generated design, as read from the synth\n\n");
    r.generated().design().facts().forEach(f -> md.append("- ").append(f).append('\n'));
    md.append("\n## Assumptions\n\n### Naive design\n\n");
    r.naive().design().facts().forEach(f -> md.append("- ").append(f).append('\n'));
    md.append("\n### Floor\n\n");
    r.floor().design().facts().forEach(f -> md.append("- ").append(f).append('\n'));
    md.append("- chosen here: NAT ").append(r.floor().design().nat().mode()).append(", interface endpoints ")
        .append(r.floor().design().interfaceEndpoints().isEmpty() ? "none"
            : String.join(", ", r.floor().design().interfaceEndpoints().keySet())).append('\n');
    md.append("\n### Model\n\n");
    CostReport.MODEL_ASSUMPTIONS.forEach(a -> md.append("- ").append(a).append('\n'));
    md.append("\n## Prices\n\n| key | USD | unit | source |\n|---|---:|---|---|\n");
    for (Price p : r.prices().prices()) {
      md.append("| `").append(p.key()).append("` | ").append(CostReport.round(p.usd()).toPlainString()).append(" | ")
          .append(cell(p.unit())).append(" | ").append(cell(p.source() + " (" + p.asOf() + ")")).append(" |\n");
    }
    return md.toString();
  }

  private static double flowUsd(DesignCost d, int flow) {
    return d.lineItems().stream().filter(i -> i.flow() == flow).mapToDouble(LineItem::usd).sum();
  }

  private static String inputs(Map<String, Object> inputs) {
    return inputs.entrySet().stream().map(e -> e.getKey() + "=" + (e.getValue() instanceof Number n
        ? CostReport.round(n.doubleValue()).toPlainString() : String.valueOf(e.getValue()))).collect(Collectors.joining(", "));
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
