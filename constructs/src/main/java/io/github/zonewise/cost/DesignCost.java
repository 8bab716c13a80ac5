package io.github.zonewise.cost;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monthly bill of one design: every line item, and per flow the path it takes.
 *
 * @param design      the design priced
 * @param lineItems   every charge, fixed ones first, then per flow, then the tiered sums
 * @param paths       flow index → the path the flow takes in this design, in words
 * @param unreachable the indices of flows this design has no path for (not priced)
 */
public record DesignCost(Design design, List<LineItem> lineItems, Map<Integer, String> paths,
    List<Integer> unreachable) {

  /**
   * Copies the lists and the map.
   *
   * @param design      the design priced
   * @param lineItems   every charge, in report order
   * @param paths       flow index → the path the flow takes, in words, in flow order
   * @param unreachable the indices of flows this design has no path for
   */
  public DesignCost {
    lineItems = List.copyOf(lineItems);
    paths = Collections.unmodifiableMap(new LinkedHashMap<>(paths));
    unreachable = List.copyOf(unreachable);
  }

  /** {@return the design's name: {@code generated}, {@code naive} or {@code floor}} */
  public String name() {
    return design.name();
  }

  /** {@return the monthly total in USD: the sum of the line items} */
  public double total() {
    return lineItems.stream().mapToDouble(LineItem::usd).sum();
  }

  /** {@return the monthly total per category (every category, zero where nothing is charged)} */
  public Map<Category, Double> byCategory() {
    Map<Category, Double> map = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      map.put(c, 0.0);
    }
    for (LineItem item : lineItems) {
      map.merge(item.category(), item.usd(), Double::sum);
    }
    return Collections.unmodifiableMap(map);
  }
}
