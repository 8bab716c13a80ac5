package io.github.zonewise.spec;

import io.github.zonewise.facts.InvalidValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The problems of one landscape, collected so that a check reports every independent problem at
 * once: each rule runs in its own {@link #check}, and a rule whose input failed an earlier check is
 * skipped (its value is empty) rather than reported twice. Each problem gets the line and column of
 * its field's value in the file.
 */
final class Problems {

  private final List<LandscapeException> found = new ArrayList<>();
  private final SourcePositions positions;

  /**
   * Problems of a landscape read from a file.
   *
   * @param positions where the file's values are written
   */
  Problems(SourcePositions positions) {
    this.positions = positions;
  }

  /** Problems of a landscape without positions (built in code). */
  Problems() {
    this(SourcePositions.none());
  }

  /**
   * Runs one rule.
   *
   * @param rule the rule, throwing a {@link LandscapeException} (or a shared rule's {@link InvalidValue},
   *             whose property is then the field path) for its problem
   * @param <T>  what it returns
   * @return its value, or empty when it found a problem
   */
  <T> Optional<T> check(Supplier<T> rule) {
    try {
      return Optional.ofNullable(rule.get());
    } catch (LandscapeException e) {
      found.addAll(e.located(positions));
      return Optional.empty();
    } catch (InvalidValue e) {
      found.addAll((e.showsValue() ? new LandscapeException(e.property(), e.value(), e.problem())
          : new LandscapeException(e.property(), e.problem())).located(positions));
      return Optional.empty();
    }
  }

  /**
   * Runs one rule that returns nothing.
   *
   * @param rule the rule
   * @return true when it passed
   */
  boolean run(Runnable rule) {
    return check(() -> {
      rule.run();
      return Boolean.TRUE;
    }).isPresent();
  }

  /** Whether any rule found a problem. */
  boolean any() {
    return !found.isEmpty();
  }

  /**
   * Fails with every problem found so far, in the order found.
   *
   * @throws LandscapeException when there is at least one
   */
  void throwIfAny() {
    if (!found.isEmpty()) {
      throw new LandscapeException(found);
    }
  }
}
