package io.github.zonewise.spec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A price file: a YAML map of price key → USD, e.g. {@code natGatewayHour: 0.052}, passed to the
 * app with {@code -c prices=FILE}. Its entries override the landscape's {@code prices:} and the
 * list prices, so a team can keep its region's or its negotiated prices in one file for every
 * landscape. Checked like {@code prices:}: known keys, numbers ≥ 0.
 */
public final class PriceFile {

  /** The CDK context key naming the price file. */
  public static final String CONTEXT = "prices";

  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .build();

  private PriceFile() {
  }

  /**
   * Reads and checks a price file.
   *
   * @param file the YAML file
   * @return price key → USD, in file order (empty for an empty file)
   * @throws LandscapeException when the file is missing, malformed, or has an unknown key or a bad price
   */
  public static Map<String, Double> read(Path file) {
    String field = "price file " + file;
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new LandscapeException(field, "does not exist; pass an existing YAML file of price key → USD with"
          + " -c prices=FILE");
    } catch (IOException e) {
      throw new LandscapeException(field, "cannot be read (" + e.getClass().getSimpleName() + "); check its"
          + " permissions");
    }
    if (text.isBlank()) {
      return Map.of();
    }
    Map<String, Double> prices;
    try {
      prices = YAML.readValue(text, new TypeReference<LinkedHashMap<String, Double>>() { });
    } catch (InvalidFormatException e) {
      String key = e.getPath().isEmpty() ? "?" : e.getPath().get(e.getPath().size() - 1).getFieldName();
      throw new LandscapeException(field + ": " + key, e.getValue(), "is not a number" + at(e)
          + "; write the price in USD, e.g. 0.045");
    } catch (MismatchedInputException e) {
      throw new LandscapeException(field, "is not a map of price key → USD" + at(e) + "; write lines such as"
          + " natGatewayHour: 0.052");
    } catch (JacksonException e) {
      throw new LandscapeException(field, "malformed YAML" + at(e) + "; write lines such as natGatewayHour: 0.052");
    } catch (IOException e) {
      throw new LandscapeException(field, "cannot be read: " + e.getMessage());
    }
    if (prices == null) {
      return Map.of();
    }
    TrafficRules.checkPrices(field + ": ", prices);
    return prices;
  }

  private static String at(JacksonException e) {
    return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }
}
