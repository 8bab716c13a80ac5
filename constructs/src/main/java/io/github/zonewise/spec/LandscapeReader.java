package io.github.zonewise.spec;

import io.github.zonewise.facts.Names;
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
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a landscape file into a {@link LandscapeFile} (the file as written; {@link LandscapeValidator} checks it). Unknown keys, malformed YAML and values
 * of the wrong type fail with a {@link LandscapeException} that says where (field path, line and
 * column) and, for an unknown key, the nearest known key.
 */
public final class LandscapeReader {

  /** Where the embedded default landscape lives on the classpath. */
  public static final String DEFAULT_RESOURCE = "/io/github/zonewise/spec/default-landscape.yaml";

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
  public static LandscapeFile read(Path file) {
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
  public static LandscapeFile readDefault() {
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
  public static LandscapeFile parse(String yaml, String source) {
    Node root = compose(yaml, source);
    if (root == null) {
      throw new LandscapeException("landscape", source + " is empty; start from the embedded default in README.md");
    }
    rejectDuplicateKeys(root, "");
    try {
      LandscapeFile spec = MAPPER.readValue(yaml, LandscapeFile.class);
      if (spec == null) {
        throw new LandscapeException("landscape", source + " is empty; start from the embedded default in README.md");
      }
      return spec;
    } catch (UnrecognizedPropertyException e) {
      List<JsonMappingException.Reference> parentRefs = e.getPath().subList(0, e.getPath().size() - 1);
      String parent = path(parentRefs);
      String field = parent.isEmpty() ? e.getPropertyName() : parent + "." + e.getPropertyName();
      List<String> known = e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
      String nearest = Names.nearest(e.getPropertyName(), known);
      throw new LandscapeException(field, "unknown key in " + (parent.isEmpty() ? "the landscape" : parent)
          + at(keyMark(root, parentRefs, e.getPropertyName()), e.getLocation()) + "; "
          + (nearest == null ? "" : "did you mean '" + nearest + "'? ")
          + "known keys: " + String.join(", ", known));
    } catch (InvalidFormatException e) {
      throw new LandscapeException(fieldOf(e), e.getValue(), "is not " + typeName(e.getTargetType())
          + at(valueMark(root, e.getPath()), e.getLocation()) + "; write " + example(e.getTargetType()));
    } catch (MismatchedInputException e) {
      throw new LandscapeException(fieldOf(e), "has the wrong shape" + at(valueMark(root, e.getPath()), e.getLocation())
          + ": expected " + typeName(e.getTargetType()) + "; see the landscape format in README.md");
    } catch (JsonMappingException e) {
      throw new LandscapeException(fieldOf(e), "cannot be read" + at(valueMark(root, e.getPath()), e.getLocation())
          + ": " + firstLine(e.getOriginalMessage()));
    } catch (JacksonException e) {
      throw new LandscapeException(source, "malformed YAML" + at(null, e.getLocation()) + ": "
          + firstLine(e.getOriginalMessage()) + "; fix the indentation or quoting there");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the YAML into nodes that keep their line and column; fails on malformed YAML. */
  private static Node compose(String yaml, String source) {
    try {
      return new Yaml(new SafeConstructor(new LoaderOptions())).compose(new java.io.StringReader(yaml == null ? "" : yaml));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String where = mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
      String problem = e.getProblem() != null ? e.getProblem() : firstLine(e.getMessage());
      String context = e.getContext() != null ? e.getContext() + ": " : "";
      throw new LandscapeException(source, "malformed YAML" + where + ": " + context + problem
          + "; fix the indentation or quoting there");
    } catch (YAMLException e) {
      throw new LandscapeException(source, "malformed YAML: " + firstLine(e.getMessage())
          + "; fix the indentation or quoting there");
    }
  }

  /** Fails on a key written twice in one mapping (YAML allows it; the last would silently win). */
  private static void rejectDuplicateKeys(Node node, String path) {
    if (node instanceof MappingNode m) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (NodeTuple t : m.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode());
        String field = path.isEmpty() ? key : path + "." + key;
        if (!seen.add(key)) {
          Mark mark = t.getKeyNode().getStartMark();
          throw new LandscapeException(field, "is written twice (line " + (mark.getLine() + 1) + ", column "
              + (mark.getColumn() + 1) + "); keep one of them");
        }
        rejectDuplicateKeys(t.getValueNode(), field);
      }
    } else if (node instanceof SequenceNode seq) {
      for (int i = 0; i < seq.getValue().size(); i++) {
        rejectDuplicateKeys(seq.getValue().get(i), path + "[" + i + "]");
      }
    }
  }

  /** The node at a path of the composed tree, or null. */
  private static Node nodeAt(Node root, List<JsonMappingException.Reference> refs) {
    Node node = root;
    for (JsonMappingException.Reference r : refs) {
      if (node instanceof MappingNode m && r.getFieldName() != null) {
        node = valueOf(m, r.getFieldName());
      } else if (node instanceof SequenceNode seq && r.getIndex() >= 0 && r.getIndex() < seq.getValue().size()) {
        node = seq.getValue().get(r.getIndex());
      } else {
        return null;
      }
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  private static Node valueOf(MappingNode m, String key) {
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return t.getValueNode();
      }
    }
    return null;
  }

  private static Mark keyMark(Node root, List<JsonMappingException.Reference> parent, String key) {
    if (nodeAt(root, parent) instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return k.getStartMark();
        }
      }
    }
    return null;
  }

  private static Mark valueMark(Node root, List<JsonMappingException.Reference> refs) {
    Node node = nodeAt(root, refs);
    return node == null ? null : node.getStartMark();
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

  private static String at(Mark mark, JsonLocation loc) {
    if (mark != null) {
      return " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
    }
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

  /** Joins names for messages: {@code a, b, c}. */
  static String list(Collection<String> names) {
    return names.stream().collect(Collectors.joining(", "));
  }
}
