package io.github.zonewise.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The evaluation of intrinsic functions behind {@link Value} (see there for what is evaluated). */
final class Resolver {

  private static final int MAX_DEPTH = 24;
  private static final Pattern SUB = Pattern.compile("\\$\\{([^}]*)\\}");

  private Resolver() {
  }

  /** The intrinsic a value is ({@code Ref}, {@code Condition} or {@code Fn::*}), or null. */
  static String intrinsic(JsonNode v) {
    if (v == null || !v.isObject() || v.size() != 1) {
      return null;
    }
    String key = v.fieldNames().next();
    return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::") ? key : null;
  }

  static String placeholder(String what) {
    String clean = what.replaceAll("[\"\\\\\u00ab\u00bb\\p{Cntrl}]", "");
    return Value.UNRESOLVED_OPEN + clean + Value.UNRESOLVED_CLOSE;
  }

  private static boolean absent(JsonNode v) {
    return v == null || v.isMissingNode() || v.isNull();
  }

  // ---------------------------------------------------------------- text

  static Optional<String> text(Template t, JsonNode v, boolean defaults, int depth) {
    if (absent(v)) {
      return Optional.empty();
    }
    if (v.isValueNode()) {
      return Optional.of(v.asText());
    }
    if (depth > MAX_DEPTH) {
      return Optional.of(placeholder("nested too deep"));
    }
    if (v.isArray()) {
      return Optional.of(placeholder("list"));
    }
    String fn = intrinsic(v);
    if (fn == null) {
      return Optional.of(placeholder("object"));
    }
    JsonNode arg = v.get(fn);
    int d = depth + 1;
    switch (fn) {
      case "Ref":
        return ref(t, arg, defaults, d);
      case "Fn::GetAtt": {
        String[] att = getAtt(arg);
        if (att == null) {
          return Optional.of(placeholder("GetAtt"));
        }
        Optional<Value> output = nestedOutput(t, att);
        if (output.isPresent()) {
          return text(output.get().template(), output.get().node(), defaults, d);
        }
        return Optional.of(placeholder(att[0] + "." + att[1]));
      }
      case "Fn::ImportValue": {
        Optional<String> name = text(t, arg, defaults, d);
        if (name.isPresent() && !Value.unresolved(name.get()) && t.assembly() != null) {
          Optional<Value> export = t.assembly().export(name.get());
          if (export.isPresent()) {
            return text(export.get().template(), export.get().node(), defaults, d);
          }
        }
        return Optional.of(placeholder("ImportValue " + name.orElse("?")));
      }
      case "Fn::Join": {
        Optional<String> sep = text(t, arg.path(0), defaults, d);
        Optional<List<Value>> parts = items(t, arg.path(1), defaults, d);
        if (parts.isEmpty() || sep.isEmpty()) {
          return Optional.of(placeholder("Join"));
        }
        List<String> texts = new ArrayList<>();
        for (Value part : parts.get()) {
          text(part.template(), part.node(), defaults, d).ifPresent(texts::add);
        }
        return Optional.of(String.join(sep.get(), texts));
      }
      case "Fn::Sub":
        return Optional.of(sub(t, arg, defaults, d));
      case "Fn::Select": {
        Optional<Integer> index = index(t, arg.path(0), defaults, d);
        JsonNode list = arg.path(1);
        if (index.isPresent() && "Fn::GetAZs".equals(intrinsic(list))) {
          return Optional.of(placeholder("AZ " + index.get()));
        }
        Optional<List<Value>> items = items(t, list, defaults, d);
        if (index.isPresent() && items.isPresent() && index.get() >= 0 && index.get() < items.get().size()) {
          Value item = items.get().get(index.get());
          return text(item.template(), item.node(), defaults, d);
        }
        return Optional.of(placeholder("Select"));
      }
      case "Fn::FindInMap": {
        Optional<JsonNode> found = findInMap(t, arg, defaults, d);
        return found.isPresent() ? text(t, found.get(), defaults, d) : Optional.of(placeholder("FindInMap"));
      }
      case "Fn::If": {
        Optional<Value> branch = branch(t, arg, defaults, d);
        if (branch.isPresent()) {
          return text(branch.get().template(), branch.get().node(), defaults, d);
        }
        return Optional.of(placeholder("If " + arg.path(0).asText("?")));
      }
      case "Fn::Base64": {
        Optional<String> s = text(t, arg, defaults, d);
        return s.isPresent() && !Value.unresolved(s.get())
            ? Optional.of(Base64.getEncoder().encodeToString(s.get().getBytes(StandardCharsets.UTF_8)))
            : Optional.of(placeholder("Base64"));
      }
      case "Fn::Length": {
        Optional<List<Value>> items = items(t, arg, defaults, d);
        return Optional.of(items.isPresent() ? String.valueOf(items.get().size()) : placeholder("Length"));
      }
      case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Condition": {
        Boolean b = condition(t, v, defaults, depth);
        return Optional.of(b == null ? placeholder(fn.replace("Fn::", "")) : String.valueOf(b));
      }
      default:
        return Optional.of(placeholder(fn.replace("Fn::", "")));
    }
  }

  private static Optional<String> ref(Template t, JsonNode arg, boolean defaults, int d) {
    if (!arg.isTextual()) {
      return Optional.of(placeholder("Ref"));
    }
    String name = arg.asText();
    switch (name) {
      case "AWS::NoValue":
        return Optional.empty();
      case "AWS::Region":
        return Optional.of(t.region() != null ? t.region() : placeholder(name));
      case "AWS::AccountId":
        return Optional.of(t.account() != null ? t.account() : placeholder(name));
      case "AWS::Partition":
        return Optional.of(t.region() == null ? placeholder(name) : t.region().startsWith("cn-") ? "aws-cn"
            : t.region().startsWith("us-gov-") ? "aws-us-gov" : "aws");
      case "AWS::URLSuffix":
        return Optional.of(t.region() == null ? placeholder(name)
            : t.region().startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com");
      case "AWS::StackName":
        return Optional.of(t.stackName() != null ? t.stackName() : placeholder(name));
      default:
        break;
    }
    JsonNode parameter = t.parameter(name);
    if (parameter != null) {
      Optional<Value> passed = t.passedParameter(name);
      if (passed.isPresent()) {
        return text(passed.get().template(), passed.get().node(), defaults, d);
      }
      if (defaults && parameter.has("Default")) {
        return text(t, parameter.get("Default"), defaults, d);
      }
    }
    return Optional.of(placeholder("Ref " + name));
  }

  private static String sub(Template t, JsonNode arg, boolean defaults, int d) {
    String pattern;
    JsonNode vars = null;
    if (arg.isTextual()) {
      pattern = arg.asText();
    } else if (arg.isArray() && arg.path(0).isTextual()) {
      pattern = arg.get(0).asText();
      vars = arg.path(1);
    } else {
      return placeholder("Sub");
    }
    Matcher m = SUB.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).trim();
      String replacement;
      if (name.startsWith("!")) {
        replacement = "${" + name.substring(1) + "}";
      } else if (vars != null && vars.has(name)) {
        replacement = text(t, vars.get(name), defaults, d).orElse("");
      } else if (name.contains(".") && !name.startsWith("AWS::")) {
        int dot = name.indexOf('.');
        replacement = text(t, t.json("Fn::GetAtt", name.substring(0, dot), name.substring(dot + 1)), defaults, d)
            .orElse("");
      } else {
        replacement = ref(t, TextNode.valueOf(name), defaults, d).orElse("");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Optional<Integer> index(Template t, JsonNode v, boolean defaults, int d) {
    if (v.isInt()) {
      return Optional.of(v.asInt());
    }
    Optional<String> s = text(t, v, defaults, d);
    if (s.isPresent() && s.get().trim().matches("\\d+")) {
      return Optional.of(Integer.parseInt(s.get().trim()));
    }
    return Optional.empty();
  }

  private static Optional<JsonNode> findInMap(Template t, JsonNode arg, boolean defaults, int d) {
    if (!arg.isArray() || arg.size() < 3) {
      return Optional.empty();
    }
    JsonNode at = t.root().path("Mappings");
    for (int i = 0; i < 3; i++) {
      Optional<String> key = text(t, arg.get(i), defaults, d);
      if (key.isEmpty() || Value.unresolved(key.get())) {
        return Optional.empty();
      }
      at = at.path(key.get());
    }
    return at.isMissingNode() ? Optional.empty() : Optional.of(at);
  }

  private static Optional<Value> branch(Template t, JsonNode arg, boolean defaults, int d) {
    if (!arg.isArray() || arg.size() != 3 || !arg.get(0).isTextual()) {
      return Optional.empty();
    }
    Boolean c = namedCondition(t, arg.get(0).asText(), defaults, d);
    return c == null ? Optional.empty() : Optional.of(new Value(t, arg.get(c ? 1 : 2)));
  }

  private static String[] getAtt(JsonNode arg) {
    if (arg.isArray() && arg.size() >= 2 && arg.get(0).isTextual() && arg.get(1).isTextual()) {
      return new String[] {arg.get(0).asText(), arg.get(1).asText()};
    }
    if (arg.isArray() && arg.size() == 1 && arg.get(0).isTextual()) {
      return split(arg.get(0).asText());
    }
    if (arg.isTextual()) {
      return split(arg.asText());
    }
    return null;
  }

  private static String[] split(String dotted) {
    int dot = dotted.indexOf('.');
    return dot < 0 ? new String[] {dotted, ""} : new String[] {dotted.substring(0, dot), dotted.substring(dot + 1)};
  }

  /** A nested stack's {@code Outputs.X} attribute: the output's value in the nested template. */
  private static Optional<Value> nestedOutput(Template t, String[] att) {
    if (!att[1].startsWith("Outputs.") || t.assembly() == null) {
      return Optional.empty();
    }
    Optional<Resource> stack = t.resource(att[0]);
    if (stack.isEmpty() || !stack.get().type().equals("AWS::CloudFormation::Stack")) {
      return Optional.empty();
    }
    Optional<Template> nested = t.assembly().nested(stack.get());
    if (nested.isEmpty()) {
      return Optional.empty();
    }
    JsonNode output = nested.get().root().path("Outputs").path(att[1].substring("Outputs.".length())).path("Value");
    return output.isMissingNode() ? Optional.empty() : Optional.of(new Value(nested.get(), output));
  }

  // ---------------------------------------------------------------- resources

  static Optional<Resource> resource(Template t, JsonNode v, int depth) {
    String fn = intrinsic(v);
    if (fn == null || depth > MAX_DEPTH) {
      return Optional.empty();
    }
    JsonNode arg = v.get(fn);
    int d = depth + 1;
    switch (fn) {
      case "Ref": {
        if (!arg.isTextual()) {
          return Optional.empty();
        }
        Optional<Resource> r = t.resource(arg.asText());
        if (r.isPresent()) {
          return r;
        }
        Optional<Value> passed = t.parameter(arg.asText()) != null ? t.passedParameter(arg.asText()) : Optional.empty();
        return passed.isPresent() ? resource(passed.get().template(), passed.get().node(), d) : Optional.empty();
      }
      case "Fn::GetAtt": {
        String[] att = getAtt(arg);
        if (att == null) {
          return Optional.empty();
        }
        Optional<Value> output = nestedOutput(t, att);
        if (output.isPresent()) {
          return resource(output.get().template(), output.get().node(), d);
        }
        return t.resource(att[0]);
      }
      case "Fn::ImportValue": {
        Optional<String> name = text(t, arg, false, d);
        if (name.isEmpty() || Value.unresolved(name.get()) || t.assembly() == null) {
          return Optional.empty();
        }
        return t.assembly().export(name.get()).flatMap(e -> resource(e.template(), e.node(), d));
      }
      case "Fn::Select": {
        Optional<Integer> index = index(t, arg.path(0), false, d);
        Optional<List<Value>> items = items(t, arg.path(1), false, d);
        if (index.isPresent() && items.isPresent() && index.get() >= 0 && index.get() < items.get().size()) {
          Value item = items.get().get(index.get());
          return resource(item.template(), item.node(), d);
        }
        return Optional.empty();
      }
      case "Fn::If":
        return branch(t, arg, false, d).flatMap(b -> resource(b.template(), b.node(), d));
      default:
        return Optional.empty();
    }
  }

  // ---------------------------------------------------------------- lists

  static Optional<List<Value>> items(Template t, JsonNode v, boolean defaults, int depth) {
    if (absent(v)) {
      return Optional.of(List.of());
    }
    if (v.isArray()) {
      List<Value> list = new ArrayList<>();
      for (JsonNode item : v) {
        if (!"AWS::NoValue".equals(item.path("Ref").asText(null))) {
          list.add(new Value(t, item));
        }
      }
      return Optional.of(list);
    }
    String fn = intrinsic(v);
    if (fn == null || depth > MAX_DEPTH) {
      return Optional.empty();
    }
    JsonNode arg = v.get(fn);
    int d = depth + 1;
    switch (fn) {
      case "Fn::Split": {
        Optional<String> sep = text(t, arg.path(0), defaults, d);
        Optional<String> source = text(t, arg.path(1), defaults, d);
        if (sep.isEmpty() || source.isEmpty() || sep.get().isEmpty() || Value.unresolved(source.get())) {
          return Optional.empty();
        }
        return Optional.of(texts(t, source.get().split(Pattern.quote(sep.get()), -1)));
      }
      case "Fn::If":
        return branch(t, arg, defaults, d).flatMap(b -> items(b.template(), b.node(), defaults, d));
      case "Ref": {
        String name = arg.asText("");
        JsonNode parameter = t.parameter(name);
        if (parameter == null) {
          return Optional.empty();
        }
        Optional<Value> passed = t.passedParameter(name);
        if (passed.isPresent()) {
          return items(passed.get().template(), passed.get().node(), defaults, d);
        }
        if (defaults && parameter.has("Default")) {
          return Optional.of(texts(t, parameter.get("Default").asText().split(",", -1)));
        }
        return Optional.empty();
      }
      case "Fn::ImportValue": {
        Optional<String> name = text(t, arg, defaults, d);
        if (name.isEmpty() || Value.unresolved(name.get()) || t.assembly() == null) {
          return Optional.empty();
        }
        Optional<Value> export = t.assembly().export(name.get());
        if (export.isPresent() && "Fn::Join".equals(intrinsic(export.get().node()))
            && ",".equals(export.get().node().get("Fn::Join").path(0).asText())) {
          return items(export.get().template(), export.get().node().get("Fn::Join").path(1), defaults, d);
        }
        return Optional.empty();
      }
      case "Fn::FindInMap":
        return findInMap(t, arg, defaults, d).flatMap(n -> items(t, n, defaults, d));
      default:
        return Optional.empty();
    }
  }

  private static List<Value> texts(Template t, String[] parts) {
    List<Value> list = new ArrayList<>();
    for (String p : parts) {
      list.add(new Value(t, TextNode.valueOf(p)));
    }
    return list;
  }

  // ---------------------------------------------------------------- conditions

  static Boolean condition(Template t, JsonNode v, boolean defaults, int depth) {
    if (absent(v) || depth > MAX_DEPTH) {
      return null;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    String fn = intrinsic(v);
    int d = depth + 1;
    if (fn == null) {
      if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
        return v.asText().equalsIgnoreCase("true");
      }
      return null;
    }
    JsonNode arg = v.get(fn);
    switch (fn) {
      case "Condition":
        return namedCondition(t, arg.asText(""), defaults, d);
      case "Fn::Equals": {
        Optional<String> a = text(t, arg.path(0), defaults, d);
        Optional<String> b = text(t, arg.path(1), defaults, d);
        if (a.isEmpty() || b.isEmpty() || Value.unresolved(a.get()) || Value.unresolved(b.get())) {
          return null;
        }
        return a.get().equals(b.get());
      }
      case "Fn::Not":
        Boolean c = condition(t, arg.isArray() ? arg.path(0) : arg, defaults, d);
        return c == null ? null : !c;
      case "Fn::And", "Fn::Or": {
        boolean and = fn.equals("Fn::And");
        boolean unknown = false;
        for (JsonNode part : arg) {
          Boolean b = condition(t, part, defaults, d);
          if (b == null) {
            unknown = true;
          } else if (b != and) {
            return !and;
          }
        }
        return unknown ? null : and;
      }
      default: {
        Optional<String> s = text(t, v, defaults, depth);
        if (s.isPresent() && (s.get().equalsIgnoreCase("true") || s.get().equalsIgnoreCase("false"))) {
          return s.get().equalsIgnoreCase("true");
        }
        return null;
      }
    }
  }

  private static Boolean namedCondition(Template t, String name, boolean defaults, int d) {
    JsonNode c = t.root().path("Conditions").path(name);
    return c.isMissingNode() ? null : condition(t, c, defaults, d);
  }
}
