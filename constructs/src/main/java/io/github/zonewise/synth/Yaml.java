package io.github.zonewise.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads YAML into Jackson trees the way CloudFormation and Kubernetes read it, from SnakeYAML's
 * event stream (never its object constructor):
 * <ul>
 *   <li>CloudFormation's short-form tags are read as their long forms: {@code !Ref X} is
 *       {@code {"Ref": "X"}}, {@code !GetAtt a.b} (or {@code !GetAtt [a, b]}) is
 *       {@code {"Fn::GetAtt": ["a", "b"]}}, {@code !Condition C} is {@code {"Condition": "C"}} and
 *       {@code !Sub}, {@code !Join}, {@code !Select}, {@code !GetAZs}, {@code !ImportValue}, {@code !If},
 *       {@code !Equals}, {@code !Split}, {@code !FindInMap}, {@code !Base64}, {@code !Cidr},
 *       {@code !And}, {@code !Or}, {@code !Not}, {@code !Transform}, {@code !Length} and
 *       {@code !ToJsonString} are {@code {"Fn::<name>": value}}; another local tag is an error;</li>
 *   <li>anchors and aliases are resolved (an aliased node is shared, not copied, and the values all
 *       aliases of a document expand to are capped), {@code <<} merge keys are merged (explicit keys
 *       win, then the merged mappings in order);</li>
 *   <li>a duplicate key is an error naming both lines (kubectl rejects it too);</li>
 *   <li>a plain scalar keeps its text: {@code 1.30} is a number whose text is {@code 1.30}, not
 *       {@code 1.3}; {@code true}/{@code false} (any case of the three YAML 1.2 spellings) are
 *       booleans, {@code null}, {@code ~} and nothing are null, decimal and {@code 0x} integers and
 *       decimal floats are numbers, everything else (and every quoted scalar) is text;</li>
 *   <li>documents are streamed one at a time, and with {@code streamItems} so are the items of a
 *       document's top-level {@code items} list (a {@code kubectl get -o yaml} List), so that memory
 *       does not grow with the input; a single document may hold up to {@link #CODE_POINT_LIMIT}
 *       code points.</li>
 * </ul>
 * Every problem is reported with its line and column and in plain words.
 */
final class Yaml {

  /** The largest document read: 256 Mi code points (SnakeYAML's default is 3 MiB). */
  static final int CODE_POINT_LIMIT = 256 * 1024 * 1024;
  /** The deepest nesting read. */
  static final int DEPTH_LIMIT = 1000;
  /** The most values the aliases of one document may expand to (a guard against alias bombs). */
  static final long EXPANSION_LIMIT = 10_000_000;

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String STANDARD = "tag:yaml.org,2002:";
  private static final Set<String> FUNCTIONS = Set.of("Base64", "Cidr", "FindInMap", "GetAZs", "ImportValue",
      "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or", "Length", "ToJsonString");
  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
  private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

  /**
   * One document, or one item of a document's top-level {@code items} list.
   *
   * @param root     the value (never null: an empty document is not delivered)
   * @param line     the 1-based line it starts on
   * @param listItem true for an item streamed out of a document's {@code items} list
   */
  record Document(JsonNode root, int line, boolean listItem) {
  }

  /** Receives documents as they are read. */
  interface Sink {
    void accept(Document document) throws ReadProblem;
  }

  private Yaml() {
  }

  /**
   * Reads every document of a YAML stream.
   *
   * @param in          the text
   * @param streamItems true to deliver the items of each document's top-level {@code items} list one
   *                    by one (the document is then delivered after them, with an empty list)
   * @param sink        what receives each document
   * @throws ReadProblem at the first problem (documents before it have been delivered)
   */
  static void read(Reader in, boolean streamItems, Sink sink) throws ReadProblem {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(CODE_POINT_LIMIT);
    options.setAllowDuplicateKeys(false);
    Parser parser = new ParserImpl(new StreamReader(in), options);
    new Builder(streamItems, sink).run(parser);
  }

  /**
   * Reads the first document of a YAML text (a template, a kustomization).
   *
   * @param in the text
   * @return its first document, or a null node when it has none
   * @throws ReadProblem when it is not YAML
   */
  static JsonNode readFirst(Reader in) throws ReadProblem {
    JsonNode[] first = {null};
    read(in, false, d -> {
      if (first[0] == null) {
        first[0] = d.root();
      }
    });
    return first[0] == null ? NullNode.getInstance() : first[0];
  }

  /** A collection being built. */
  private static final class Frame {
    final JsonNode node;
    final String tag;
    final String anchor;
    final Mark start;
    final boolean streamed;
    long size = 1;
    // mappings only
    String key;
    Mark keyMark;
    boolean mergeKey;
    Map<String, Integer> keyLines;
    List<JsonNode> merges;

    Frame(JsonNode node, String tag, String anchor, Mark start, boolean streamed) {
      this.node = node;
      this.tag = tag;
      this.anchor = anchor;
      this.start = start;
      this.streamed = streamed;
    }

    boolean mapping() {
      return node.isObject();
    }
  }

  /** A node that an alias can name, with the values it expands to. */
  private record Anchored(JsonNode node, long size) {
  }

  /** Builds documents from parser events, without recursion. */
  private static final class Builder {
    private final boolean streamItems;
    private final Sink sink;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, Anchored> anchors = new HashMap<>();
    private final Set<String> open = new HashSet<>();
    private JsonNode root;
    private int documentLine;
    private long expanded;

    Builder(boolean streamItems, Sink sink) {
      this.streamItems = streamItems;
      this.sink = sink;
    }

    void run(Parser parser) throws ReadProblem {
      Event event = null;
      try {
        while (true) {
          event = parser.getEvent();
          if (stack.isEmpty() && root == null && (event.is(Event.ID.Scalar) || event.is(Event.ID.Alias)
              || event.is(Event.ID.SequenceStart) || event.is(Event.ID.MappingStart))) {
            documentLine = event.getStartMark().getLine() + 1;
          }
          switch (event.getEventId()) {
            case StreamStart, Comment -> {
            }
            case StreamEnd -> {
              return;
            }
            case DocumentStart -> {
              anchors.clear();
              open.clear();
              root = null;
              expanded = 0;
              documentLine = event.getStartMark().getLine() + 1;
            }
            case DocumentEnd -> {
              if (root != null && !root.isNull()) {
                sink.accept(new Document(root, documentLine, false));
              }
              root = null;
            }
            case Scalar -> {
              ScalarEvent s = (ScalarEvent) event;
              JsonNode value = scalar(s);
              remember(s.getAnchor(), value, 1, s.getStartMark());
              add(value, 1, s, s.isPlain() && s.getTag() == null);
            }
            case Alias -> alias((AliasEvent) event);
            case SequenceStart, MappingStart -> start((CollectionStartEvent) event);
            case SequenceEnd, MappingEnd -> end();
          }
        }
      } catch (MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        throw problem(mark, plain(e));
      } catch (YAMLException e) {
        Mark mark = event == null ? null : event.getStartMark();
        throw problem(mark, plain(e.getMessage()));
      }
    }

    private void start(CollectionStartEvent e) throws ReadProblem {
      if (stack.size() >= DEPTH_LIMIT) {
        throw problem(e.getStartMark(), "nested more than " + DEPTH_LIMIT + " levels deep");
      }
      boolean mapping = e.is(Event.ID.MappingStart);
      Frame parent = stack.peek();
      boolean streamed = streamItems && !mapping && parent != null && stack.size() == 1 && parent.mapping()
          && "items".equals(parent.key) && !parent.mergeKey;
      if (e.getAnchor() != null) {
        open.add(e.getAnchor());
      }
      stack.push(new Frame(mapping ? F.objectNode() : F.arrayNode(), e.getTag(), e.getAnchor(), e.getStartMark(),
          streamed));
    }

    private void end() throws ReadProblem {
      Frame f = stack.pop();
      if (f.mapping()) {
        if (f.key != null) {
          throw problem(f.keyMark, "the key \"" + f.key + "\" has no value");
        }
        merge(f);
      }
      JsonNode value = tagged(f.node, f.tag, f.start);
      if (f.anchor != null) {
        open.remove(f.anchor);
      }
      remember(f.anchor, value, f.size, f.start);
      add(value, f.size, null, false);
    }

    private void alias(AliasEvent e) throws ReadProblem {
      String name = e.getAnchor();
      if (open.contains(name)) {
        throw problem(e.getStartMark(), "the alias *" + name + " refers to the collection that contains it");
      }
      Anchored a = anchors.get(name);
      if (a == null) {
        throw problem(e.getStartMark(), "the alias *" + name + " names no anchor (&" + name + ") before it");
      }
      expanded += a.size();
      if (expanded > EXPANSION_LIMIT) {
        throw problem(e.getStartMark(), "the aliases of this document expand to more than " + EXPANSION_LIMIT
            + " values");
      }
      add(a.node(), a.size(), null, false);
    }

    private void remember(String anchor, JsonNode value, long size, Mark mark) {
      if (anchor != null) {
        anchors.put(anchor, new Anchored(value, size));
      }
    }

    /** Adds a finished value to the collection being built, or makes it the document. */
    private void add(JsonNode value, long size, ScalarEvent keyEvent, boolean plainKey) throws ReadProblem {
      Frame f = stack.peek();
      if (f == null) {
        root = value;
        return;
      }
      f.size += size;
      if (!f.mapping()) {
        if (f.streamed) {
          if (!value.isNull()) {
            sink.accept(new Document(value, documentLine, true));
          }
          f.size = 1;
        } else {
          ((ArrayNode) f.node).add(value);
        }
        return;
      }
      if (f.key == null) {
        if (value.isContainerNode()) {
          throw problem(keyEvent != null ? keyEvent.getStartMark() : f.start, "a " + (value.isObject() ? "mapping"
              : "list") + " is used as a key (a Helm or Jinja \"{{ }}\" outside quotes reads as one)");
        }
        f.key = value.isNull() ? "" : value.asText();
        f.keyMark = keyEvent != null ? keyEvent.getStartMark() : null;
        f.mergeKey = "<<".equals(f.key) && plainKey;
        return;
      }
      String key = f.key;
      f.key = null;
      if (f.mergeKey) {
        f.mergeKey = false;
        if (f.merges == null) {
          f.merges = new ArrayList<>();
        }
        if (value.isObject()) {
          f.merges.add(value);
        } else if (value.isArray()) {
          for (JsonNode item : value) {
            if (!item.isObject()) {
              throw problem(f.keyMark, "the merge key << takes a mapping or a list of mappings");
            }
            f.merges.add(item);
          }
        } else {
          throw problem(f.keyMark, "the merge key << takes a mapping or a list of mappings, not a scalar");
        }
        return;
      }
      if (f.keyLines == null) {
        f.keyLines = new HashMap<>();
      }
      int line = f.keyMark == null ? 0 : f.keyMark.getLine() + 1;
      Integer first = f.keyLines.putIfAbsent(key, line);
      if (first != null) {
        throw problem(f.keyMark, "duplicate key \"" + key + "\"" + (first > 0 ? " (first at line " + first + ")" : ""));
      }
      ((ObjectNode) f.node).set(key, value);
    }

    /** Applies a mapping's {@code <<} merges: keys it sets itself win, then earlier merged mappings. */
    private static void merge(Frame f) {
      if (f.merges == null) {
        return;
      }
      ObjectNode node = (ObjectNode) f.node;
      Map<String, JsonNode> merged = new LinkedHashMap<>();
      for (JsonNode source : f.merges) {
        source.properties().forEach(e -> merged.putIfAbsent(e.getKey(), e.getValue()));
      }
      merged.forEach((k, v) -> {
        if (!node.has(k)) {
          node.set(k, v);
        }
      });
    }
  }

  /** A scalar's value: its tag's, or for a plain scalar the type its text reads as. */
  private static JsonNode scalar(ScalarEvent e) throws ReadProblem {
    String tag = e.getTag();
    String text = e.getValue();
    if (tag == null || tag.equals("!")) {
      return e.isPlain() && tag == null ? plainScalar(text) : TextNode.valueOf(text);
    }
    if (tag.startsWith(STANDARD)) {
      String type = tag.substring(STANDARD.length());
      switch (type) {
        case "str", "binary", "timestamp":
          return TextNode.valueOf(text);
        case "null":
          return NullNode.getInstance();
        case "bool":
          if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return BooleanNode.valueOf(text.equalsIgnoreCase("true"));
          }
          throw problem(e.getStartMark(), "!!bool " + text + " is not true or false");
        case "int", "float":
          JsonNode n = plainScalar(text);
          if (!n.isNumber()) {
            throw problem(e.getStartMark(), "!!" + type + " " + text + " is not a number");
          }
          return n;
        default:
          throw problem(e.getStartMark(), "a scalar cannot have the tag !!" + type);
      }
    }
    return tagged(TextNode.valueOf(text), tag, e.getStartMark());
  }

  /** A collection's or a scalar's value under its tag: CloudFormation's short forms become long forms. */
  private static JsonNode tagged(JsonNode value, String tag, Mark mark) throws ReadProblem {
    if (tag == null || tag.equals("!") || tag.equals(STANDARD + "map") || tag.equals(STANDARD + "seq")
        || tag.equals(STANDARD + "omap")) {
      return value;
    }
    if (tag.startsWith("!") && !tag.startsWith("!!")) {
      String name = tag.substring(1);
      if (name.equals("Ref") || name.equals("Condition")) {
        return F.objectNode().set(name, value);
      }
      if (name.equals("GetAtt")) {
        if (value.isTextual()) {
          String s = value.asText();
          int dot = s.indexOf('.');
          ArrayNode parts = F.arrayNode().add(dot < 0 ? s : s.substring(0, dot));
          if (dot >= 0) {
            parts.add(s.substring(dot + 1));
          }
          return F.objectNode().set("Fn::GetAtt", parts);
        }
        return F.objectNode().set("Fn::GetAtt", value);
      }
      if (FUNCTIONS.contains(name)) {
        return F.objectNode().set("Fn::" + name, value);
      }
    }
    throw problem(mark, "unknown tag " + tag + " (CloudFormation's short forms are !Ref, !GetAtt, !Sub, !Join,"
        + " !Select, !GetAZs, !ImportValue, !If, !Equals, !Split, !FindInMap, !Base64, !Cidr, !And, !Or, !Not,"
        + " !Condition)");
  }

  /** The value of a plain (unquoted, untagged) scalar, keeping its text. */
  static JsonNode plainScalar(String text) {
    switch (text) {
      case "", "~", "null", "Null", "NULL":
        return NullNode.getInstance();
      case "true", "True", "TRUE":
        return BooleanNode.TRUE;
      case "false", "False", "FALSE":
        return BooleanNode.FALSE;
      default:
        break;
    }
    char first = text.charAt(0);
    if (!(first >= '0' && first <= '9') && first != '-' && first != '+' && first != '.') {
      return TextNode.valueOf(text);
    }
    if (INT.matcher(text).matches()) {
      return integer(new BigInteger(text), text);
    }
    if (HEX.matcher(text).matches()) {
      return integer(new BigInteger(text.substring(2), 16), text);
    }
    if (FLOAT.matcher(text).matches()) {
      return new TextualDecimal(new BigDecimal(text), text);
    }
    if (INFINITY.matcher(text).matches()) {
      return DoubleNode.valueOf(text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    if (NAN.matcher(text).matches()) {
      return DoubleNode.valueOf(Double.NaN);
    }
    return TextNode.valueOf(text);
  }

  private static JsonNode integer(BigInteger value, String text) {
    boolean canonical = value.toString().equals(text);
    if (value.bitLength() < 32) {
      return canonical ? IntNode.valueOf(value.intValue()) : new TextualInt(value.intValue(), text);
    }
    if (value.bitLength() < 64) {
      return canonical ? LongNode.valueOf(value.longValue()) : new TextualLong(value.longValue(), text);
    }
    return canonical ? BigIntegerNode.valueOf(value) : new TextualBigInteger(value, text);
  }

  /** A decimal number that reads as the text it was written as ({@code 1.30}, not {@code 1.3}). */
  static final class TextualDecimal extends DecimalNode {
    private static final long serialVersionUID = 1L;
    private final String text;

    TextualDecimal(BigDecimal value, String text) {
      super(value);
      this.text = text;
    }

    @Override
    public String asText() {
      return text;
    }
  }

  /** An integer written in another form than its canonical one ({@code 007}, {@code +1}, {@code 0x1F}). */
  static final class TextualInt extends IntNode {
    private static final long serialVersionUID = 1L;
    private final String text;

    TextualInt(int value, String text) {
      super(value);
      this.text = text;
    }

    @Override
    public String asText() {
      return text;
    }
  }

  /** A long integer written in another form than its canonical one. */
  static final class TextualLong extends LongNode {
    private static final long serialVersionUID = 1L;
    private final String text;

    TextualLong(long value, String text) {
      super(value);
      this.text = text;
    }

    @Override
    public String asText() {
      return text;
    }
  }

  /** A big integer written in another form than its canonical one. */
  static final class TextualBigInteger extends BigIntegerNode {
    private static final long serialVersionUID = 1L;
    private final String text;

    TextualBigInteger(BigInteger value, String text) {
      super(value);
      this.text = text;
    }

    @Override
    public String asText() {
      return text;
    }
  }

  private static ReadProblem problem(Mark mark, String what) {
    return mark == null ? new ReadProblem(0, 0, what) : new ReadProblem(mark.getLine() + 1, mark.getColumn() + 1, what);
  }

  /** SnakeYAML's problem in plain words: its token names spelled out, the context kept. */
  private static String plain(MarkedYAMLException e) {
    String problem = plain(e.getProblem() != null ? e.getProblem() : e.getMessage());
    String context = e.getContext();
    if (context != null && !context.isBlank()) {
      Mark at = e.getContextMark();
      problem += " (" + plain(context) + (at != null && e.getProblemMark() != null
          && at.getLine() != e.getProblemMark().getLine() ? " that starts on line " + (at.getLine() + 1) : "") + ")";
    }
    return problem;
  }

  private static final String[][] TOKENS = {
      {"<block end>", "the end of an indented block"},
      {"<block mapping start>", "an indented mapping"},
      {"<block sequence start>", "an indented list"},
      {"<block entry>", "a list item (\"- \")"},
      {"<flow mapping start>", "\"{\""},
      {"<flow mapping end>", "\"}\""},
      {"<flow sequence start>", "\"[\""},
      {"<flow sequence end>", "\"]\""},
      {"<flow entry>", "\",\""},
      {"<document start>", "a document start (\"---\")"},
      {"<document end>", "a document end (\"...\")"},
      {"<stream end>", "the end of the file"},
      {"<scalar>", "a value"},
      {"<alias>", "an alias"},
      {"<anchor>", "an anchor"},
      {"<tag>", "a tag"},
      {"<key>", "a key"},
      {"<value>", "a value"},
      {"<directive>", "a directive"},
  };

  static String plain(String message) {
    if (message == null) {
      return "not YAML";
    }
    String s = message.replace("\n", " ").replaceAll("\\s+", " ").trim();
    for (String[] t : TOKENS) {
      s = s.replace("'" + t[0] + "'", t[1]).replace(t[0], t[1]);
    }
    s = s.replaceAll("org\\.yaml\\.snakeyaml\\.[A-Za-z.$]*", "").replace("  ", " ");
    if (s.contains("MalformedInputException") || s.contains("UnmappableCharacterException")) {
      return "not UTF-8 text";
    }
    if (s.startsWith("The incoming YAML document exceeds the limit")) {
      s = "a single document holds more than " + CODE_POINT_LIMIT + " characters (split it into documents with ---)";
    }
    return s;
  }
}
