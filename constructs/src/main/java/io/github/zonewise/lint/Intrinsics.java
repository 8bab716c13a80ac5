package io.github.zonewise.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading resolved CloudFormation values: references, joins, booleans. */
final class Intrinsics {

  /** What stands for a value only known at deploy time when a string is rebuilt from an {@code Fn::Join}. */
  static final String UNRESOLVED = "\u00abunresolved\u00bb";

  private Intrinsics() {
  }

  /**
   * The logical id a value refers to: {@code {"Ref": id}} or {@code {"Fn::GetAtt": [id, attr]}}.
   *
   * @param value a resolved property value
   * @return the logical id, or null when the value is not a reference to a resource
   */
  static String target(JsonNode value) {
    if (value == null || !value.isObject() || value.size() != 1) {
      return null;
    }
    JsonNode ref = value.get("Ref");
    if (ref != null && ref.isTextual()) {
      return ref.asText().startsWith("AWS::") ? null : ref.asText();
    }
    JsonNode getAtt = value.get("Fn::GetAtt");
    if (getAtt != null) {
      if (getAtt.isArray() && getAtt.size() > 0 && getAtt.get(0).isTextual()) {
        return getAtt.get(0).asText();
      }
      if (getAtt.isTextual()) {
        String s = getAtt.asText();
        int dot = s.indexOf('.');
        return dot < 0 ? s : s.substring(0, dot);
      }
    }
    return null;
  }

  /**
   * A key by which two values that name the same thing compare equal: the logical id of a
   * reference, the text of a literal, else the value's JSON.
   *
   * @param value a resolved property value
   * @return the key, or null for a missing value
   */
  static String key(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return null;
    }
    String target = target(value);
    if (target != null) {
      return "ref:" + target;
    }
    if (value.isTextual()) {
      return "lit:" + value.asText();
    }
    return "json:" + value;
  }

  /**
   * The text of a value: a literal, or an {@code Fn::Join} whose non-literal parts are replaced by
   * {@link #UNRESOLVED}.
   *
   * @param value a resolved property value
   * @return the text, or null when the value is neither
   */
  static String text(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isNumber() || value.isBoolean()) {
      return value.asText();
    }
    JsonNode join = value.isObject() && value.size() == 1 ? value.get("Fn::Join") : null;
    if (join != null && join.isArray() && join.size() == 2 && join.get(0).isTextual() && join.get(1).isArray()) {
      List<String> parts = new ArrayList<>();
      for (JsonNode part : join.get(1)) {
        parts.add(part.isTextual() ? part.asText() : UNRESOLVED);
      }
      return String.join(join.get(0).asText(), parts);
    }
    return null;
  }

  /**
   * A CloudFormation boolean: {@code true}/{@code false} or their strings.
   *
   * @param value        a resolved property value
   * @param defaultValue what a missing value means
   * @return the boolean, or null when the value is an intrinsic
   */
  static Boolean bool(JsonNode value, boolean defaultValue) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return defaultValue;
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isTextual()) {
      String s = value.asText();
      if (s.equalsIgnoreCase("true")) {
        return true;
      }
      if (s.equalsIgnoreCase("false")) {
        return false;
      }
    }
    return null;
  }

  /**
   * The logical ids of a list of references.
   *
   * @param list a resolved list value
   * @return the ids, with null for an element that is not a reference; empty when not a list
   */
  static List<String> targets(JsonNode list) {
    List<String> ids = new ArrayList<>();
    if (list != null && list.isArray()) {
      for (JsonNode item : list) {
        ids.add(target(item));
      }
    }
    return ids;
  }
}
