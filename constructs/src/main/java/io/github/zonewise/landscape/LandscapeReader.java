package io.github.zonewise.landscape;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads a landscape file into a {@link LandscapeSpec}. Unknown keys, malformed YAML and values
 * of the wrong type fail with a {@link LandscapeException} that says where (field path, line and
 * column) and, for an unknown key, the nearest known key.
 */
public final class LandscapeReader {

  /** Where the embedded default landscape lives on the classpath. */
  public static final String DEFAULT_RESOURCE = "/io/github/zonewise/landscape/default-landscape.yaml";

  private static final ObjectMapper MAPPER = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private LandscapeReader() {
  }

  /**
   * Reads a landscape file.
   *
   * @param file the YAML file
   * @return the spec as written (no defaults applied)
   * @throws LandscapeException if the file is missing, malformed or has unknown keys
   */
  public static LandscapeSpec read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new LandscapeException("landscape", "file '" + file
          + "' does not exist; pass an existing file with -c landscape=PATH, or leave it out to use the embedded default");
    } catch (IOException e) {
      throw new LandscapeException("landscape", "file '" + file + "' cannot be read ("
          + e.getClass().getSimpleName() + "); check its permissions");
    }
    return parse(text, file.toString());
  }

  /**
   * Reads the landscape embedded in the library: eu-west-1, three AZs, the e-commerce example.
   *
   * @return the default spec
   */
  public static LandscapeSpec readDefault() {
    return parse(defaultText(), "embedded default landscape");
  }

  /**
   * The text of the embedded default landscape.
   *
   * @return YAML
   */
  public static String defaultText() {
    try (InputStream in = LandscapeReader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      return new String(Objects.requireNonNull(in, DEFAULT_RESOURCE).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses landscape YAML.
   *
   * @param yaml   the text
   * @param source where it came from, for messages
   * @return the spec as written
   */
  public static LandscapeSpec parse(String yaml, String source) {
    if (yaml == null || yaml.isBlank()) {
      throw new LandscapeException("landscape", source + " is empty; start from the embedded default in README.md");
    }
    try {
      LandscapeSpec spec = MAPPER.readValue(yaml, LandscapeSpec.class);
      if (spec == null) {
        throw new LandscapeException("landscape", source + " is empty; start from the embedded default in README.md");
      }
      return spec;
    } catch (UnrecognizedPropertyException e) {
      String parent = path(e.getPath().subList(0, e.getPath().size() - 1));
      String field = parent.isEmpty() ? e.getPropertyName() : parent + "." + e.getPropertyName();
      List<String> known = e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
      String nearest = nearest(e.getPropertyName(), known);
      throw new LandscapeException(field, "unknown key in " + (parent.isEmpty() ? "the landscape" : parent)
          + at(e.getLocation()) + "; "
          + (nearest == null ? "" : "did you mean '" + nearest + "'? ")
          + "known keys: " + String.join(", ", known));
    } catch (InvalidFormatException e) {
      throw new LandscapeException(fieldOf(e), e.getValue(),
          "is not " + typeName(e.getTargetType()) + at(e.getLocation()) + "; write " + example(e.getTargetType()));
    } catch (MismatchedInputException e) {
      throw new LandscapeException(fieldOf(e), "has the wrong shape" + at(e.getLocation()) + ": expected "
          + typeName(e.getTargetType()) + "; see the landscape format in README.md");
    } catch (JsonMappingException e) {
      throw new LandscapeException(fieldOf(e), "cannot be read" + at(e.getLocation()) + ": "
          + firstLine(e.getOriginalMessage()));
    } catch (JacksonException e) {
      throw new LandscapeException(source, "malformed YAML" + at(e.getLocation()) + ": "
          + firstLine(e.getOriginalMessage()) + "; fix the indentation or quoting there");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fieldOf(JsonMappingException e) {
    String p = path(e.getPath());
    return p.isEmpty() ? "landscape" : p;
  }

  static String path(Collection<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String at(JsonLocation loc) {
    if (loc == null || loc.getLineNr() < 1) {
      return "";
    }
    return " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "a value";
    }
    if (type == Integer.class || type == int.class || type == Long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "a mapping of keys (" + type.getSimpleName().replace("Spec", "") + ")";
  }

  private static String example(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class) {
      return "a whole number such as 3";
    }
    if (type == Double.class || type == double.class) {
      return "a number such as 2000";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    return "a value of that type";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }

  /**
   * The known key nearest to an unknown one, if it is near enough to be a typo.
   *
   * @param unknown the key written
   * @param known   the keys allowed there
   * @return the nearest known key, or null
   */
  static String nearest(String unknown, Collection<String> known) {
    String lower = unknown.toLowerCase();
    return known.stream()
        .min(Comparator.comparingInt((String k) -> distance(lower, k.toLowerCase())).thenComparing(k -> k))
        .filter(k -> distance(lower, k.toLowerCase()) <= Math.max(2, Math.min(k.length(), unknown.length()) / 2)
            || k.toLowerCase().startsWith(lower) || lower.startsWith(k.toLowerCase()))
        .orElse(null);
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** Joins names for messages: {@code a, b, c}. */
  static String list(Collection<String> names) {
    return names.stream().collect(Collectors.joining(", "));
  }
}
