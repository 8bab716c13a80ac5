package io.github.zonewise.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zonewise.cluster.SystemNodes;
import io.github.zonewise.facts.Names;
import io.github.zonewise.spec.SourcePositions.Position;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Checks that a file's values have the types of the records they bind to, before they are bound:
 * every unknown key (with the nearest known one), every value of the wrong type and every empty
 * value, each with the value as written, the fix and the line and column. A field takes a value of its
 * type as YAML 1.2 types it ({@link YamlDocument}), the same as the JSON Schema says: text fields take
 * strings ({@code version: 1.35} is a number: quote it), number fields numbers ({@code port: "8080"} is a
 * string), whole-number fields whole numbers ({@code 8080.0} and {@code 1e3} are, {@code 8080.5} is not),
 * and no field takes {@code .nan} or {@code .inf}.
 */
final class FileShape {

  /** What a number field takes, by its path ({@code []} for any index, {@code *} for any key). */
  private static final Map<String, String> NUMBERS = Map.of(
      "network.flowLogs.retentionDays", "days the flow logs are kept, a whole number such as 30",
      "cluster.systemNodes.perAz", "nodes per AZ, a whole number 1–" + SystemNodes.MAX_PER_AZ,
      "services[].port", "a port, a whole number 1–65535",
      "services[].replicas", "a replica count, a whole number 1 or more",
      "services[].locality.distribute.*.*", "a weight, a whole number 1–100",
      "nodePools[].cpuLimit", "the vCPUs of each NodePool, a whole number 1 or more",
      "traffic[].gb", "the monthly gigabytes, a number 0 or more",
      "prices.*", "the price in USD, a number 0 or more",
      "*", "the price in USD, a number 0 or more");

  /** What a mapping of keys the file chooses holds, by its path. */
  private static final Map<String, String> MAPPINGS = Map.of(
      "prices", "price key → USD, e.g. natGatewayHour: 0.045",
      "", "price key → USD, e.g. natGatewayHour: 0.045",
      "services[].locality.distribute", "from-zone → {to-zone: weight}, e.g. eu-west-1a: {eu-west-1a: 80,"
          + " eu-west-1b: 20}",
      "services[].locality.distribute.*", "to-zone → weight, e.g. {eu-west-1a: 80, eu-west-1b: 20}");

  /** A plain scalar that reads as a number in YAML 1.1 or to a person, but is text in YAML 1.2's JSON schema. */
  private static final Pattern NUMBER_LIKE = Pattern.compile(
      "[-+]?(0[xob][0-9a-fA-F_]+|[0-9_]*\\.?[0-9_]+([eE][-+]?[0-9]+)?)|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

  private final YamlDocument.Read read;
  private final String prefix;
  private final List<LandscapeException> problems = new ArrayList<>();

  private FileShape(YamlDocument.Read read, String prefix) {
    this.read = read;
    this.prefix = prefix;
  }

  /**
   * Checks a document against the type it binds to, turning whole floats of whole-number fields
   * ({@code 8080.0}) into whole numbers.
   *
   * @param read   the document
   * @param type   the type of its root: a record, or a {@code Map<String, X>}
   * @param source the file, which problems of the root are reported under
   * @param prefix what every field path is reported after ({@code ""}, or {@code "price file p: "})
   * @return every problem, in the order of the file
   */
  static List<LandscapeException> check(YamlDocument.Read read, Type type, String source, String prefix) {
    FileShape shape = new FileShape(read, prefix);
    shape.value(read.root(), type, "", "", source, r -> {
    });
    return shape.problems;
  }

  private void value(JsonNode node, Type type, String path, String pattern, String field, Consumer<JsonNode> replace) {
    if (type == JsonNode.class) {
      return;
    }
    if (type instanceof Class<?> c && c.isRecord()) {
      if (!node.isObject()) {
        wrong(node, path, field, "a mapping", "write a mapping of its keys: " + String.join(", ", keys(c)));
        return;
      }
      List<String> known = keys(c);
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String child = YamlDocument.child(path, e.getKey());
        if (!known.contains(e.getKey())) {
          unknown(e.getKey(), path, child, known);
          continue;
        }
        RecordComponent component = Arrays.stream(c.getRecordComponents())
            .filter(rc -> rc.getName().equals(e.getKey())).findFirst().orElseThrow();
        entry(e.getValue(), component.getGenericType(), child, YamlDocument.child(pattern, e.getKey()), false,
            v -> ((ObjectNode) node).set(e.getKey(), v));
      }
      return;
    }
    if (type instanceof ParameterizedType p && List.class.isAssignableFrom((Class<?>) p.getRawType())) {
      Type item = p.getActualTypeArguments()[0];
      if (!node.isArray()) {
        wrong(node, path, field, "a list", node.isValueNode() ? "write a list: [" + read.texts().getOrDefault(path,
            node.asText()) + "] (or one '- item' per line)" : "write a list: [a, b] or one '- item' per line");
        return;
      }
      for (int i = 0; i < node.size(); i++) {
        int index = i;
        String child = path + "[" + i + "]";
        if (node.get(i).isNull() && item instanceof Class<?> c && c.isRecord()) {
          continue; // the section's rules say what an empty entry lacks
        }
        entry(node.get(i), item, child, pattern + "[]", true, v -> ((ArrayNode) node).set(index, v));
      }
      return;
    }
    if (type instanceof ParameterizedType p && Map.class.isAssignableFrom((Class<?>) p.getRawType())) {
      if (!node.isObject()) {
        wrong(node, path, field, "a mapping", "write a mapping of " + MAPPINGS.getOrDefault(pattern, "key: value"));
        return;
      }
      Type item = p.getActualTypeArguments()[1];
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        entry(e.getValue(), item, YamlDocument.child(path, e.getKey()), YamlDocument.child(pattern, "*"), false,
            v -> ((ObjectNode) node).set(e.getKey(), v));
      }
      return;
    }
    scalar(node, (Class<?>) type, path, pattern, field, replace);
  }

  /** A value under a key or index: an empty one is a problem of its own. */
  private void entry(JsonNode node, Type type, String path, String pattern, boolean item, Consumer<JsonNode> replace) {
    String field = prefix + path;
    if (node.isNull() && item) {
      add(field, "is empty (YAML's null); write a value, or remove the item", path);
      return;
    }
    if (node.isNull()) {
      boolean section = type instanceof Class<?> c && c.isRecord();
      add(field, "is empty (a key without a value is YAML's null); " + (section ? "write {} for its defaults"
          : "write its value") + ", or remove the key", path);
      return;
    }
    value(node, type, path, pattern, field, replace);
  }

  private void scalar(JsonNode node, Class<?> type, String path, String pattern, String field,
      Consumer<JsonNode> replace) {
    String text = read.texts().getOrDefault(path, node.asText());
    if (type == String.class) {
      if (!node.isTextual()) {
        wrong(node, path, field, "a string", node.isValueNode() ? "quote it: \"" + text + "\""
            : "write a single value");
      }
      return;
    }
    if (type == Boolean.class) {
      if (!node.isBoolean()) {
        wrong(node, path, field, "true or false", "write true or false" + unquote(node, text));
      }
      return;
    }
    boolean whole = type == Integer.class;
    String expected = whole ? "a whole number" : "a number";
    String fix = "write " + NUMBERS.getOrDefault(pattern, expected);
    if (!node.isNumber()) {
      String more = node.isTextual() && !YamlDocument.plain(text).isNumber() && NUMBER_LIKE.matcher(text).matches()
          ? " (YAML reads only decimal numbers such as 1000, 0.5 and 1e3 as numbers)" : "";
      wrong(node, path, field, expected, fix + unquote(node, text) + more);
      return;
    }
    if (node.isDouble() && Double.isNaN(node.doubleValue())) {
      add(field, text + " is not a number (YAML's not-a-number); " + fix, path);
      return;
    }
    if (node.isDouble() && Double.isInfinite(node.doubleValue())) {
      add(field, text + " is infinite; " + fix, path);
      return;
    }
    if (!whole) {
      if (!Double.isFinite(node.doubleValue())) {
        add(field, text + " is out of range; " + fix, path);
      }
      return;
    }
    BigDecimal value = node.decimalValue();
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
      add(field, text + " is not a whole number; " + fix, path);
      return;
    }
    if (value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
        || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      add(field, text + " is out of range; " + fix, path);
      return;
    }
    if (!node.isInt()) {
      replace.accept(IntNode.valueOf(value.intValueExact()));
    }
  }

  /** ", without quotes" for a quoted value that would be of the type without them. */
  private static String unquote(JsonNode node, String text) {
    JsonNode unquoted = YamlDocument.plain(text);
    return node.isTextual() && (unquoted.isNumber() || unquoted.isBoolean()) ? ", without quotes" : "";
  }

  private void wrong(JsonNode node, String path, String field, String expected, String fix) {
    add(field, shown(node, path) + " is " + kind(node) + ", not " + expected + "; " + fix, path);
  }

  private void unknown(String key, String parent, String child, List<String> known) {
    String nearest = Names.nearest(key, known);
    String message = "unknown key in " + (parent.isEmpty() ? "the landscape" : parent) + "; "
        + (nearest == null ? "" : "did you mean '" + nearest + "'? ") + "known keys: " + String.join(", ", known);
    Optional<Position> at = Optional.ofNullable(read.keys().get(child));
    problems.add(at.map(p -> LandscapeException.at(prefix + child, message, p))
        .orElseGet(() -> new LandscapeException(prefix + child, message)));
  }

  private void add(String field, String message, String path) {
    Position p = read.values().get(path);
    problems.add(p == null ? new LandscapeException(field, message) : LandscapeException.at(field, message, p));
  }

  /** The keys of a record a file may write, sorted: its components but those the binding ignores. */
  static List<String> keys(Class<?> record) {
    return Arrays.stream(record.getRecordComponents())
        .filter(c -> !c.getAccessor().isAnnotationPresent(JsonIgnore.class)).map(RecordComponent::getName).sorted()
        .toList();
  }

  private static String kind(JsonNode node) {
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.isObject() ? "a mapping" : "empty";
  }

  /** A value as messages show it: text quoted, a number as written, a collection briefly. */
  private String shown(JsonNode node, String path) {
    if (node.isTextual()) {
      return "'" + node.asText() + "'";
    }
    if (node.isValueNode()) {
      return read.texts().getOrDefault(path, node.asText());
    }
    StringBuilder sb = new StringBuilder(node.isArray() ? "[" : "{");
    Iterator<Map.Entry<String, JsonNode>> fields = node.isObject() ? node.fields() : null;
    Iterator<JsonNode> items = node.isArray() ? node.elements() : null;
    boolean first = true;
    while ((fields != null && fields.hasNext()) || (items != null && items.hasNext())) {
      if (sb.length() > 40) {
        sb.append(", …");
        break;
      }
      if (!first) {
        sb.append(", ");
      }
      first = false;
      if (fields != null) {
        Map.Entry<String, JsonNode> e = fields.next();
        sb.append(e.getKey()).append(": ").append(e.getValue().isContainerNode() ? "…" : e.getValue().asText());
      } else {
        JsonNode item = items.next();
        sb.append(item.isContainerNode() ? "…" : item.asText());
      }
    }
    return sb.append(node.isArray() ? "]" : "}").toString();
  }
}
