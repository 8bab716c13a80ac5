package io.github.zonewise.spec;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A price file: a YAML map of price key → USD, e.g. {@code natGatewayHour: 0.052}, passed to the
 * app with {@code -c prices=FILE}. Its entries override the landscape's {@code prices:} and the
 * list prices, so a team can keep its region's or its negotiated prices in one file for every
 * landscape. Read as a landscape file is ({@link LandscapeReader}: UTF-8, YAML 1.2, aliases resolved,
 * the same limits) and checked like {@code prices:}: known keys, numbers ≥ 0 (more than 0 where 0 makes
 * no sense); every message ends with the line and column of its value.
 */
public final class PriceFile {

  /** The CDK context key naming the price file. */
  public static final String CONTEXT = "prices";

  private PriceFile() {
  }

  /**
   * Reads and checks a price file.
   *
   * @param file the YAML file
   * @return price key → USD, in file order (empty for an empty file)
   * @throws LandscapeException when the file is missing, not UTF-8, malformed, or has an unknown key or a bad
   *                            price
   */
  public static Map<String, Double> read(Path file) {
    String field = "price file " + file;
    String text = LandscapeReader.text(file, field, "", "price", "-c prices=FILE", "does not exist; pass an existing"
        + " YAML file of price key → USD with -c prices=FILE");
    YamlDocument.Read read = YamlDocument.read(text, field, "price", field + ": ");
    if (read.root() == null) {
      return Map.of();
    }
    Map<String, Double> prices = LandscapeReader.bind(read, new TypeReference<LinkedHashMap<String, Double>>() {
    }.getType(), field, field + ": ");
    try {
      TrafficRules.checkPrices("", prices);
    } catch (LandscapeException e) {
      String message = e.getMessage().substring(e.field().length() + 2);
      throw read.positions().of(e.field()).map(p -> LandscapeException.at(field + ": " + e.field(), message, p))
          .orElseGet(() -> new LandscapeException(field + ": " + e.field(), message));
    }
    return prices;
  }
}
