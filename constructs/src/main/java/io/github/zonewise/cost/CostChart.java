package io.github.zonewise.cost;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's bar chart as SVG: one stacked bar per design, a segment per category, the total on
 * top, and a legend of the categories that cost anything. Deterministic text, no scripts.
 */
final class CostChart {

  private static final String[] COLORS = {
      "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
      "#86bcb6"};
  private static final int WIDTH = 760;
  private static final int HEIGHT = 440;
  private static final int TOP = 60;
  private static final int BOTTOM = 380;
  private static final int LEFT = 70;
  private static final int BAR = 90;
  private static final int GAP = 60;

  private CostChart() {
  }

  static String svg(String title, List<DesignCost> designs) {
    double max = designs.stream().mapToDouble(DesignCost::total).max().orElse(0);
    double scale = max <= 0 ? 0 : (BOTTOM - TOP) / max;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
    s.append("  <title>").append(escape(title)).append("</title>\n");
    s.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    s.append("  <text x=\"").append(LEFT).append("\" y=\"28\" font-size=\"16\" font-weight=\"bold\">")
        .append(escape(title)).append("</text>\n");
    s.append("  <line x1=\"").append(LEFT - 10).append("\" y1=\"").append(BOTTOM).append("\" x2=\"")
        .append(LEFT + designs.size() * (BAR + GAP)).append("\" y2=\"").append(BOTTOM)
        .append("\" stroke=\"#333333\"/>\n");
    Category[] categories = Category.values();
    for (int d = 0; d < designs.size(); d++) {
      DesignCost cost = designs.get(d);
      int x = LEFT + d * (BAR + GAP);
      double y = BOTTOM;
      Map<Category, Double> by = cost.byCategory();
      for (int c = 0; c < categories.length; c++) {
        double usd = by.get(categories[c]);
        if (usd <= 0) {
          continue;
        }
        double h = usd * scale;
        y -= h;
        s.append("  <rect x=\"").append(x).append("\" y=\"").append(num(y)).append("\" width=\"").append(BAR)
            .append("\" height=\"").append(num(h)).append("\" fill=\"").append(COLORS[c]).append("\"><title>")
            .append(escape(cost.name() + ": " + categories[c].label() + " " + Advice.usd(usd))).append("</title></rect>\n");
      }
      s.append("  <text x=\"").append(x + BAR / 2).append("\" y=\"").append(num(y - 8))
          .append("\" text-anchor=\"middle\" font-weight=\"bold\">").append(escape(Advice.usd(cost.total())))
          .append("</text>\n");
      s.append("  <text x=\"").append(x + BAR / 2).append("\" y=\"").append(BOTTOM + 20)
          .append("\" text-anchor=\"middle\">").append(escape(cost.name())).append("</text>\n");
    }
    int lx = LEFT + designs.size() * (BAR + GAP) + 10;
    int ly = TOP;
    for (int c = 0; c < categories.length; c++) {
      Category cat = categories[c];
      if (designs.stream().noneMatch(d -> d.byCategory().get(cat) > 0)) {
        continue;
      }
      s.append("  <rect x=\"").append(lx).append("\" y=\"").append(ly).append("\" width=\"14\" height=\"14\" fill=\"")
          .append(COLORS[c]).append("\"/>\n");
      s.append("  <text x=\"").append(lx + 20).append("\" y=\"").append(ly + 11).append("\">").append(escape(cat.label()))
          .append("</text>\n");
      ly += 22;
    }
    s.append("  <text x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 12)
        .append("\" fill=\"#555555\">USD per month; zonewise-cost.md itemizes every bar</text>\n");
    s.append("</svg>\n");
    return s.toString();
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
