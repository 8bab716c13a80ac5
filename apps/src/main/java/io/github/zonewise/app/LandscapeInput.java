package io.github.zonewise.app;

import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.spec.LandscapeException;
import io.github.zonewise.spec.LandscapeReader;
import io.github.zonewise.spec.LandscapeSpec;
import io.github.zonewise.spec.LandscapeValidator;
import io.github.zonewise.spec.PriceFile;
import io.github.zonewise.spec.ValidatedLandscape;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The first steps the synth and {@code zonewise check} share, so both give the same verdict: read the
 * landscape file (or the embedded default), check it, and read the price file into its price book.
 *
 * @param checked the checked landscape
 * @param source  where it was read from, as the console says it
 */
record LandscapeInput(ValidatedLandscape checked, String source) {

  /** What the console calls the landscape without a file. */
  static final String DEFAULT_SOURCE = "embedded default landscape";

  /**
   * Reads and checks a landscape.
   *
   * @param file the landscape file, or null for the embedded default landscape
   * @return the checked landscape
   * @throws LandscapeException with every independent problem of the file
   */
  static LandscapeInput read(Path file) {
    String source = file == null ? DEFAULT_SOURCE : file.toString();
    return new LandscapeInput(LandscapeValidator.validate(file == null ? LandscapeReader.readDefault()
        : LandscapeReader.read(file), source), source);
  }

  /**
   * The landscape's price book with a price file's overrides.
   *
   * @param priceFile the price file, or null for the book's prices
   * @return the price book
   * @throws LandscapeException for a bad price file
   */
  PriceBook prices(Path priceFile) {
    Map<String, Double> overrides = priceFile == null ? Map.of() : PriceFile.read(priceFile);
    return checked.priceBook(overrides, String.valueOf(priceFile));
  }

  /** {@return the console lines of a checked landscape: what was read, then the checks' warnings} */
  List<String> lines() {
    LandscapeSpec s = checked.spec();
    List<String> lines = new java.util.ArrayList<>();
    lines.add("zonewise: landscape '" + s.name() + "' read from " + source + " and validated (" + s.region() + ", "
        + s.availabilityZones().size() + " AZs, " + s.services().size() + " services)");
    checked.warnings().forEach(w -> lines.add("zonewise: warning: " + w));
    return lines;
  }
}
