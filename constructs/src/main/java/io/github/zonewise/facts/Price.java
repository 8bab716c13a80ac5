package io.github.zonewise.facts;

import java.util.Objects;

/**
 * One price of the {@link PriceBook}, with where it comes from.
 *
 * @param key    the price key, as written under {@code prices:} in a landscape
 * @param usd    the price in US dollars per {@code unit}
 * @param unit   what one unit is, e.g. {@code GB}, {@code hour}, {@code GB each direction}
 * @param source where the figure is published
 * @param asOf   when it was read, e.g. {@code 2026}; for an override, where the override came from
 */
public record Price(String key, double usd, String unit, String source, String asOf) {

  /**
   * Checks the price is a finite non-negative number and every text is present.
   *
   * @param key    the price key; not null
   * @param usd    US dollars per {@code unit}, finite and ≥ 0
   * @param unit   what one unit is; not null
   * @param source where the figure is published; not null
   * @param asOf   when it was read, or where an override came from; not null
   * @throws IllegalArgumentException when the price is negative or not finite
   */
  public Price {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(asOf, "asOf");
    if (!Double.isFinite(usd) || usd < 0) {
      throw new IllegalArgumentException(key + ": price must be a finite number >= 0, not " + usd);
    }
  }

  /**
   * The same price at another amount, from another source.
   *
   * @param newUsd the new amount
   * @param origin where the override came from (a landscape field or a file)
   * @return the overridden price
   */
  public Price overriddenBy(double newUsd, String origin) {
    return new Price(key, newUsd, unit, "override from " + origin + " (list price " + usd + " from " + source + ")",
        "override");
  }
}
