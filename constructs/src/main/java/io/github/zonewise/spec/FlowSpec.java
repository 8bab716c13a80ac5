package io.github.zonewise.spec;

import java.util.Objects;

/**
 * One entry of {@code traffic}, checked: monthly gigabytes from one end to another, each end
 * resolved to what it names in the landscape.
 *
 * @param index the flow's index in {@code traffic}
 * @param from  where the bytes come from
 * @param to    where they go
 * @param gb    gigabytes per month, finite and at least 0, counted in the direction written
 */
public record FlowSpec(int index, TrafficEnd from, TrafficEnd to, double gb) {

  /**
   * Checks both ends are set and the gigabytes are a number at least 0.
   *
   * @param index the flow's index in {@code traffic}
   * @param from  where the bytes come from; not null
   * @param to    where they go; not null
   * @param gb    gigabytes per month, finite and at least 0
   * @throws IllegalArgumentException naming {@code traffic[index].gb}, when it is negative or not finite
   */
  public FlowSpec {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!Double.isFinite(gb) || gb < 0) {
      throw new IllegalArgumentException("traffic[" + index + "].gb: " + gb + " must be a number >= 0");
    }
  }
}
