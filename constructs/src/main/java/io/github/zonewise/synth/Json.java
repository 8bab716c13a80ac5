package io.github.zonewise.synth;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.io.Reader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads JSON (templates, {@code manifest.json}, the manifests templates apply) as the YAML reader
 * does: a number keeps its text ({@code 1.30} stays {@code 1.30}), a duplicate key is an error, and
 * a problem is told with its line and column in plain words.
 */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private static final Pattern START = Pattern.compile("\\(start marker at \\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]\\)");
  private static final Pattern SOURCE = Pattern.compile("\\s*(at )?\\[Source: [^\\]]*\\]");
  private static final Pattern CODE = Pattern.compile(" \\(code \\d+\\)");

  private Json() {
  }

  /**
   * Reads one JSON value.
   *
   * @param in the text
   * @return the value
   * @throws ReadProblem when it is not JSON
   */
  static JsonNode read(Reader in) throws ReadProblem {
    try {
      JsonNode node = MAPPER.readTree(in);
      return node == null ? MAPPER.missingNode() : node;
    } catch (JsonProcessingException e) {
      throw problem(e);
    } catch (IOException e) {
      throw new ReadProblem(0, 0, InputFiles.cannotRead(e));
    }
  }

  /**
   * Reads one JSON value from a string.
   *
   * @param text the text
   * @return the value
   * @throws ReadProblem when it is not JSON
   */
  static JsonNode read(String text) throws ReadProblem {
    try {
      JsonNode node = MAPPER.readTree(text);
      return node == null ? MAPPER.missingNode() : node;
    } catch (JsonProcessingException e) {
      throw problem(e);
    }
  }

  /** Jackson's problem in plain words, with its line and column, without its source description. */
  static ReadProblem problem(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "not JSON" : e.getOriginalMessage();
    Matcher start = START.matcher(message);
    if (start.find()) {
      message = start.replaceFirst("(opened on line " + start.group(1) + ", column " + start.group(2) + ")");
    }
    message = SOURCE.matcher(message).replaceAll("");
    message = CODE.matcher(message).replaceAll("");
    message = message.replace("REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled)", "the file")
        .replace("Unexpected end-of-input: expected close marker for Object", "the file ends inside an object")
        .replace("Unexpected end-of-input: expected close marker for Array", "the file ends inside a list")
        .replace("Unexpected end-of-input", "the file ends too early")
        .replace("Duplicate field", "duplicate key")
        .replace("\n", " ").trim();
    JsonLocation at = e.getLocation();
    return at == null ? new ReadProblem(0, 0, message)
        : new ReadProblem(Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()), message);
  }
}
