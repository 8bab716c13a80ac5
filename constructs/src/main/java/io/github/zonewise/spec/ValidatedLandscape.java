package io.github.zonewise.spec;

import io.github.zonewise.facts.PriceBook;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A landscape that passed every check: the spec with every default filled in, and the warnings
 * the checks raised (things that synthesize but deserve a look, such as a Kubernetes version in
 * extended support).
 *
 * @param spec      the complete, typed spec
 * @param source    where the landscape came from (a path, or "embedded default landscape")
 * @param warnings  the warnings, each naming its field
 * @param positions where the file wrote each value ({@link SourcePositions#none()} for a landscape built
 *                  in code)
 */
public record ValidatedLandscape(LandscapeSpec spec, String source, List<String> warnings,
    SourcePositions positions) {

  /**
   * Copies the warnings.
   *
   * @param spec      the complete, typed spec
   * @param source    where the landscape came from
   * @param warnings  the warnings, each naming its field
   * @param positions where the file wrote each value; null means {@link SourcePositions#none()}
   */
  public ValidatedLandscape {
    warnings = List.copyOf(warnings);
    positions = positions == null ? SourcePositions.none() : positions;
  }

  /**
   * A checked landscape without positions.
   *
   * @param spec     the complete, typed spec
   * @param source   where the landscape came from
   * @param warnings the warnings, each naming its field
   */
  public ValidatedLandscape(LandscapeSpec spec, String source, List<String> warnings) {
    this(spec, source, warnings, SourcePositions.none());
  }

  /**
   * A problem found after the checks (by the design step or while building), with the line and column
   * of its field's value appended as the checks' own problems have them.
   *
   * @param problem a problem naming a field of the landscape
   * @return the problem, located; unchanged when the file has no such field
   */
  public LandscapeException located(LandscapeException problem) {
    Objects.requireNonNull(problem, "problem");
    List<LandscapeException> located = problem.located(positions);
    return located.size() == 1 ? located.get(0) : new LandscapeException(located);
  }

  /**
   * The price book of the landscape: its region's list prices (us-east-1 rates for a region without a
   * price table), overridden by the landscape's {@code prices:}
   * and then by a price file's entries ({@code -c prices=FILE}).
   *
   * @param file     the price file's entries (price key → USD), or empty
   * @param fileName the price file's name, for the overrides' source (unused when there is none)
   * @return the book
   */
  public PriceBook priceBook(Map<String, Double> file, String fileName) {
    PriceBook book = PriceBook.forRegion(spec.region());
    if (!spec.prices().isEmpty()) {
      book = book.withOverrides(spec.prices(), "the landscape's prices");
    }
    if (file != null && !file.isEmpty()) {
      book = book.withOverrides(file, "price file " + fileName);
    }
    return book;
  }
}
