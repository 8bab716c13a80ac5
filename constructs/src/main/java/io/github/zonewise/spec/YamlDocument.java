package io.github.zonewise.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.zonewise.spec.SourcePositions.Position;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads the YAML text of a landscape or price file into a Jackson tree, from SnakeYAML's event stream
 * (never its object constructor), and notes where each value is written:
 * <ul>
 *   <li>anchors and aliases are resolved as YAML defines them ({@code port: *port} is the anchored
 *       value, not the text {@code port}), and {@code <<} merge keys merge a mapping or a list of
 *       mappings (keys the mapping sets itself win, then the merged mappings in order);</li>
 *   <li>scalars are typed by YAML 1.2's JSON schema, as the JSON Schema validators of editors and of the
 *       tests read the file: {@code true}/{@code false}, {@code null} and an empty value, decimal
 *       integers and floats ({@code -12}, {@code 0.5}, {@code 1e3}), {@code .inf} and {@code .nan};
 *       everything else ({@code yes}, {@code True}, {@code ~}, {@code 0x1F}, {@code 1_000}) and every
 *       quoted scalar is a string. {@code !!str}, {@code !!int}, {@code !!float}, {@code !!bool} and
 *       {@code !!null} are honoured, other tags refused;</li>
 *   <li>a key written twice in one mapping, a second document, an alias of a node that contains it and
 *       an alias of no anchor are errors;</li>
 *   <li>limits that fail fast, each named in its message: {@value #MAX_CODE_POINTS} characters,
 *       {@value #MAX_DEPTH} levels of nesting, {@value #MAX_ALIASES} aliases, and {@value #MAX_EXPANDED}
 *       values that aliases expand to (so that a file of aliases of aliases, a "billion laughs", fails at
 *       once instead of filling the memory).</li>
 * </ul>
 */
final class YamlDocument {

  /** The most characters (code points) a file may have: 1 Mi, where a landscape is a few thousand. */
  static final int MAX_CODE_POINTS = 1024 * 1024;
  /** The deepest nesting of mappings and lists, aliases expanded (a landscape nests 7 levels). */
  static final int MAX_DEPTH = 32;
  /** The most aliases a file may use. */
  static final int MAX_ALIASES = 1000;
  /** The most values the aliases of a file may expand to. */
  static final int MAX_EXPANDED = 10_000;

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String STANDARD = "tag:yaml.org,2002:";
  // YAML 1.2's JSON schema (as snakeyaml-engine resolves it, and Jackson's number reader reads it)
  private static final Pattern INT = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final Pattern FLOAT = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]*)?([eE][-+]?[0-9]+)?");
  private static final Pattern INFINITY = Pattern.compile("-?\\.inf");
  private static final String NAN = ".nan";

  /**
   * A file read.
   *
   * @param root   the document's value, null for an empty document
   * @param values field path → where its value is written (the document's own under {@code ""})
   * @param keys   field path → where its key is written
   * @param texts  field path → a scalar's text as written (numbers keep their spelling: {@code 8080.0})
   */
  record Read(JsonNode root, Map<String, Position> values, Map<String, Position> keys, Map<String, String> texts) {

    SourcePositions positions() {
      return new SourcePositions(values, keys);
    }
  }

  private YamlDocument() {
  }

  /**
   * Reads a file's text.
   *
   * @param text   the text
   * @param source the file, which problems of the whole file are reported under (e.g. {@code landscape.yaml})
   * @param what   what the file is, for messages (e.g. {@code "landscape"})
   * @param prefix what the field path of a problem is reported after ({@code ""}, or {@code "price file p: "})
   * @return the document
   * @throws LandscapeException for text that is not a YAML document the reader takes
   */
  static Read read(String text, String source, String what, String prefix) {
    String yaml = text.startsWith("\uFEFF") ? text.substring(1) : text;
    int length = yaml.codePointCount(0, yaml.length());
    if (length > MAX_CODE_POINTS) {
      throw new LandscapeException(source, "is " + String.format(Locale.ROOT, "%,d", length) + " characters long,"
          + " more than the " + String.format(Locale.ROOT, "%,d", MAX_CODE_POINTS) + " the reader takes for a " + what
          + " file (a limit against oversized input, where a " + what + " is a few kilobytes); check that it is the "
          + what + " file, or split it");
    }
    disallowedCharacter(yaml, source);
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CODE_POINTS + 1);
    Builder builder = new Builder(source, what, prefix);
    Event event = null;
    try {
      ParserImpl parser = new ParserImpl(new StreamReader(yaml), options);
      while (!parser.checkEvent(Event.ID.StreamEnd)) {
        event = parser.getEvent();
        builder.accept(event);
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : firstLine(e.getMessage());
      String context = e.getContext() != null ? e.getContext() + ": " : "";
      String message = "malformed YAML: " + context + problem + "; fix the indentation or quoting there";
      throw mark == null ? new LandscapeException(source, message) : LandscapeException.at(source, message, at(mark));
    } catch (YAMLException e) {
      String message = "malformed YAML: " + firstLine(e.getMessage()) + "; fix the indentation or quoting there";
      throw event == null ? new LandscapeException(source, message)
          : LandscapeException.at(source, message, at(event.getStartMark()));
    }
    return builder.result();
  }

  /** Fails on the first character YAML does not allow in a stream (a control character, a lone surrogate). */
  private static void disallowedCharacter(String text, String source) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      boolean printable = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0x7E) || c == 0x85
          || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
      if (!printable) {
        throw LandscapeException.at(source, "holds the character " + String.format(Locale.ROOT, "U+%04X", c)
            + ", which YAML does not allow in a file; is it a text file? remove the character", new Position(line,
            column));
      }
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        column = 1;
      } else if (c != '\r') {
        column++;
      }
      i += Character.charCount(c);
    }
  }

  // ------------------------------------------------------------------ the composed document

  /** A value as composed: aliases still point at the anchored value. */
  private sealed interface Value permits Scalar, Sequence, Mapping, Alias {
    Mark mark();
  }

  /** A scalar; {@code mergeKey} for the plain key {@code <<} of a mapping. */
  private record Scalar(JsonNode value, String text, Mark mark, boolean mergeKey) implements Value {

    Scalar(JsonNode value, String text, Mark mark) {
      this(value, text, mark, false);
    }
  }

  private record Sequence(List<Value> items, Mark mark) implements Value {
  }

  private record Entry(String key, Mark keyMark, Value value) {
  }

  /** A mapping: its own entries, and the mappings it merges (each a mapping or an alias of one). */
  private record Mapping(List<Entry> entries, List<Value> merges, Mark mark) implements Value {
  }

  private record Alias(String name, Value target, Mark mark) implements Value {
  }

  /** A mapping or list being composed. */
  private static final class Frame {
    final String path;
    final String anchor;
    final Mark mark;
    final List<Value> items;
    final List<Entry> entries;
    final List<Value> merges;
    final Map<String, Mark> keys;
    Scalar key;

    Frame(String path, String anchor, Mark mark, boolean mapping) {
      this.path = path;
      this.anchor = anchor;
      this.mark = mark;
      this.items = mapping ? null : new ArrayList<>();
      this.entries = mapping ? new ArrayList<>() : null;
      this.merges = mapping ? new ArrayList<>() : null;
      this.keys = mapping ? new HashMap<>() : null;
    }

    boolean mapping() {
      return entries != null;
    }

    /** The path of the value that comes next in this collection. */
    String next() {
      if (mapping()) {
        return child(path, key.text());
      }
      return path + "[" + items.size() + "]";
    }

    Value value() {
      return mapping() ? new Mapping(List.copyOf(entries), List.copyOf(merges), mark) : new Sequence(List.copyOf(items),
          mark);
    }
  }

  /** Composes the document from parser events, without recursion, then expands it. */
  private static final class Builder {
    private final String source;
    private final String what;
    private final String prefix;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, Value> anchors = new HashMap<>();
    private final Set<String> open = new HashSet<>();
    private final Map<String, Position> values = new HashMap<>();
    private final Map<String, Position> keys = new HashMap<>();
    private final Map<String, String> texts = new HashMap<>();
    private Value root;
    private int documents;
    private int aliases;
    private int expanded;

    Builder(String source, String what, String prefix) {
      this.source = source;
      this.what = what;
      this.prefix = prefix;
    }

    /** Takes one event. */
    void accept(Event event) {
      switch (event.getEventId()) {
        case DocumentStart -> {
          if (++documents > 1) {
            throw LandscapeException.at(source, "holds a second YAML document; a " + what + " file is one document:"
                + " remove the '---' line that starts it, or split the file", at(event.getStartMark()));
          }
        }
        case Scalar -> add(scalar((ScalarEvent) event), ((ScalarEvent) event).getAnchor());
        case Alias -> alias((AliasEvent) event);
        case SequenceStart, MappingStart -> start((CollectionStartEvent) event);
        case SequenceEnd, MappingEnd -> {
          Frame f = stack.pop();
          if (f.anchor != null) {
            open.remove(f.anchor);
          }
          add(f.value(), f.anchor);
        }
        default -> {
          // stream start and end, document end, comments
        }
      }
    }

    private String path() {
      return stack.isEmpty() ? "" : stack.peek().key == null && stack.peek().mapping() ? stack.peek().path
          : stack.peek().next();
    }

    private void start(CollectionStartEvent e) {
      String tag = e.getTag();
      boolean mapping = e.is(Event.ID.MappingStart);
      if (tag != null && !tag.equals("!") && !tag.equals(STANDARD + (mapping ? "map" : "seq"))) {
        throw problem(path(), "has the tag " + shortTag(tag) + ", which a " + what + " file does not use; remove it",
            e.getStartMark());
      }
      if (stack.size() >= MAX_DEPTH) {
        throw problem(path(), "nests more than " + MAX_DEPTH + " levels deep, the reader's limit (a landscape nests"
            + " 7 levels); write it flatter", e.getStartMark());
      }
      if (!stack.isEmpty() && stack.peek().mapping() && stack.peek().key == null) {
        throw problem(stack.peek().path, "has a " + (mapping ? "mapping" : "list") + " as a key; write keys as plain"
            + " names", e.getStartMark());
      }
      String path = path();
      if (e.getAnchor() != null) {
        open.add(e.getAnchor());
      }
      stack.push(new Frame(path, e.getAnchor(), e.getStartMark(), mapping));
    }

    private void alias(AliasEvent e) {
      String name = e.getAnchor();
      String path = path();
      if (++aliases > MAX_ALIASES) {
        throw problem(path, "uses alias *" + name + ", alias number " + aliases + ", more than the " + MAX_ALIASES
            + " aliases the reader takes in one file (a limit against alias bombs); write the values out, or use fewer"
            + " aliases", e.getStartMark());
      }
      if (open.contains(name)) {
        throw problem(path, "is the alias *" + name + " inside the value anchored &" + name + ", which would contain"
            + " itself; write the value out instead", e.getStartMark());
      }
      Value target = anchors.get(name);
      if (target == null) {
        throw problem(path, "is the alias *" + name + ", but no anchor &" + name + " comes before it; anchor the value"
            + " (&" + name + ") where it is first written, before every *" + name, e.getStartMark());
      }
      if (!stack.isEmpty() && stack.peek().mapping() && stack.peek().key == null) {
        throw problem(stack.peek().path, "has the alias *" + name + " as a key; write keys as plain names",
            e.getStartMark());
      }
      add(new Alias(name, target, e.getStartMark()), null);
    }

    /** Adds a finished value to the collection being composed, or makes it the document. */
    private void add(Value value, String anchor) {
      if (anchor != null) {
        anchors.put(anchor, value);
      }
      Frame f = stack.peek();
      if (f == null) {
        root = value;
        return;
      }
      if (!f.mapping()) {
        f.items.add(value);
        return;
      }
      if (f.key == null) {
        Scalar key = (Scalar) value;
        if (key.value().isContainerNode()) {
          throw problem(f.path, "has a " + (key.value().isObject() ? "mapping" : "list") + " as a key; write keys as"
              + " plain names", key.mark());
        }
        f.key = key;
        return;
      }
      Scalar key = f.key;
      f.key = null;
      String path = child(f.path, key.text());
      if (key.mergeKey()) {
        merge(f, path, value, key.mark());
        return;
      }
      Mark first = f.keys.putIfAbsent(key.text(), key.mark());
      if (first != null) {
        throw problem(path, "is written twice, first at " + at(first) + "; keep one of them", key.mark());
      }
      f.entries.add(new Entry(key.text(), key.mark(), value));
    }

    private void merge(Frame f, String path, Value value, Mark mark) {
      Value v = resolve(value);
      if (v instanceof Mapping) {
        f.merges.add(value);
      } else if (v instanceof Sequence s && s.items().stream().allMatch(i -> resolve(i) instanceof Mapping)) {
        f.merges.addAll(s.items());
      } else {
        throw problem(path, "merges " + (v instanceof Sequence ? "a list that is not all mappings" : "a single value")
            + "; '<<' takes a mapping or a list of mappings, e.g. <<: *defaults", mark);
      }
    }

    private static Value resolve(Value v) {
      return v instanceof Alias a ? resolve(a.target()) : v;
    }

    Read result() {
      if (root == null) {
        return new Read(null, Map.of(), Map.of(), Map.of());
      }
      JsonNode tree = emit(root, "", 0, null);
      if (tree.isNull()) {
        return new Read(null, Map.of(), Map.of(), Map.of());
      }
      return new Read(tree, values, keys, texts);
    }

    /**
     * The tree of a value, aliases expanded, each value's position noted under its path.
     *
     * @param via the alias being expanded, or null
     */
    private JsonNode emit(Value v, String path, int depth, Alias via) {
      if (v instanceof Alias a) {
        return emit(a.target(), path, depth, via != null ? via : a);
      }
      if (via != null && ++expanded > MAX_EXPANDED) {
        throw problem(path, "is the alias *" + via.name() + ", which makes the aliases of the file expand to more"
            + " than the " + String.format(Locale.ROOT, "%,d", MAX_EXPANDED) + " values the reader takes (aliases of"
            + " aliases grow exponentially, as in a 'billion laughs' file); write the values out, or alias fewer of"
            + " them", via.mark());
      }
      values.put(path, at(v.mark()));
      if (v instanceof Scalar s) {
        texts.put(path, s.text());
        return s.value();
      }
      if (depth >= MAX_DEPTH) {
        throw problem(path, "nests more than " + MAX_DEPTH + " levels deep with what its aliases expand to, the"
            + " reader's limit (a landscape nests 7 levels); write it flatter", v.mark());
      }
      if (v instanceof Sequence s) {
        ArrayNode array = F.arrayNode();
        for (int i = 0; i < s.items().size(); i++) {
          array.add(emit(s.items().get(i), path + "[" + i + "]", depth + 1, via));
        }
        return array;
      }
      Mapping m = (Mapping) v;
      ObjectNode object = F.objectNode();
      for (Map.Entry<String, Merged> e : entries(m, via).entrySet()) {
        String child = child(path, e.getKey());
        keys.put(child, at(e.getValue().entry().keyMark()));
        object.set(e.getKey(), emit(e.getValue().entry().value(), child, depth + 1, e.getValue().via()));
      }
      return object;
    }

    /** An entry of a mapping, with the alias it came through (for a merged entry) or null. */
    private record Merged(Entry entry, Alias via) {
    }

    /** A mapping's keys: its own, then those of its merged mappings that it does not set, in order. */
    private static Map<String, Merged> entries(Mapping m, Alias via) {
      Map<String, Merged> all = new LinkedHashMap<>();
      m.entries().forEach(e -> all.put(e.key(), new Merged(e, via)));
      for (Value merged : m.merges()) {
        Alias through = via != null ? via : merged instanceof Alias a ? a : null;
        entries((Mapping) resolve(merged), through).forEach(all::putIfAbsent);
      }
      return all;
    }

    private LandscapeException problem(String path, String message, Mark mark) {
      return LandscapeException.at(path.isEmpty() ? source : prefix + path, message, at(mark));
    }

    private Scalar scalar(ScalarEvent e) {
      String text = e.getValue();
      String tag = e.getTag();
      String path = path();
      if (tag == null || tag.equals("!")) {
        if (!e.isPlain() || tag != null) {
          return new Scalar(TextNode.valueOf(text), text, e.getStartMark());
        }
        if (text.equals("<<") && !stack.isEmpty() && stack.peek().mapping() && stack.peek().key == null) {
          return new Scalar(TextNode.valueOf(text), text, e.getStartMark(), true);
        }
        return new Scalar(plain(text), text, e.getStartMark());
      }
      if (!tag.startsWith(STANDARD)) {
        throw problem(path, "has the tag " + tag + ", which a " + what + " file does not use; remove it",
            e.getStartMark());
      }
      String type = tag.substring(STANDARD.length());
      JsonNode typed = plain(text);
      JsonNode value = switch (type) {
        case "str" -> TextNode.valueOf(text);
        case "null" -> typed.isNull() ? typed : null;
        case "bool" -> typed.isBoolean() ? typed : null;
        case "int" -> typed.isIntegralNumber() ? typed : null;
        case "float" -> typed.isNumber() ? F.numberNode(typed.doubleValue()) : null;
        default -> throw problem(path, "has the tag !!" + type + ", which a " + what + " file does not use; remove it",
            e.getStartMark());
      };
      if (value == null) {
        throw problem(path, "'" + text + "' is not a YAML " + type + " (it has the tag !!" + type + "); remove the tag,"
            + " or write a " + type + " value", e.getStartMark());
      }
      return new Scalar(value, text, e.getStartMark());
    }
  }

  /** The type of a plain scalar under YAML 1.2's JSON schema. */
  static JsonNode plain(String text) {
    if (text.isEmpty() || text.equals("null")) {
      return NullNode.getInstance();
    }
    if (text.equals("true") || text.equals("false")) {
      return BooleanNode.valueOf(text.equals("true"));
    }
    if (INT.matcher(text).matches()) {
      BigInteger big = new BigInteger(text);
      return big.bitLength() < 32 ? F.numberNode(big.intValue()) : big.bitLength() < 64 ? F.numberNode(big.longValue())
          : F.numberNode(big);
    }
    if (FLOAT.matcher(text).matches()) {
      return F.numberNode(new BigDecimal(text));
    }
    if (INFINITY.matcher(text).matches()) {
      return DoubleNode.valueOf(text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    if (text.equals(NAN)) {
      return DoubleNode.valueOf(Double.NaN);
    }
    return TextNode.valueOf(text);
  }

  /** The path of a mapping's entry. */
  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static Position at(Mark mark) {
    return new Position(mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static String shortTag(String tag) {
    return tag.startsWith(STANDARD) ? "!!" + tag.substring(STANDARD.length()) : tag;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
