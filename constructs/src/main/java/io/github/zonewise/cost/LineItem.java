package io.github.zonewise.cost;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of a monthly bill: what it pays for, the formula and every input of it, and the
 * amount. The amount is the formula evaluated on the inputs; a design's total is the sum of its
 * line items.
 *
 * @param category what it pays for
 * @param item     a short description, e.g. {@code NAT gateway hours}
 * @param flow     the index of the traffic flow it belongs to (as in {@code traffic[i]}), or -1 for
 *                 a fixed monthly charge or a charge on the sum of several flows
 * @param formula  the formula over the input names, e.g. {@code gateways × natGatewayHour × hoursPerMonth}
 * @param inputs   each input of the formula and its value (prices by their price key)
 * @param usd      the monthly amount in US dollars
 */
public record LineItem(Category category, String item, int flow, String formula, Map<String, Object> inputs,
    double usd) {

  /**
   * Copies the inputs, keeping their order; checks the amount is a finite number.
   *
   * @param category what it pays for; not null
   * @param item     a short description; not null
   * @param flow     the index of its traffic flow, or -1 for a fixed or multi-flow charge
   * @param formula  the formula over the input names; not null
   * @param inputs   input name → value, in the formula's order
   * @param usd      the monthly amount in US dollars, finite
   * @throws IllegalArgumentException when the amount is NaN or infinite
   */
  public LineItem {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(formula, "formula");
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    if (!Double.isFinite(usd)) {
      throw new IllegalArgumentException(item + ": amount is not a number: " + usd);
    }
  }
}
