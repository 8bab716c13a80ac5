package io.github.zonewise.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;

/**
 * One resource of a template: its type, logical id, properties and metadata as written, and the
 * template it belongs to (through which its values resolve).
 *
 * @param template   the template it belongs to
 * @param logicalId  its logical id
 * @param type       its CloudFormation type, e.g. {@code AWS::EC2::Subnet} (empty when it has none)
 * @param properties its {@code Properties} (an empty object when it has none)
 * @param metadata   its {@code Metadata} (an empty object when it has none)
 */
public record Resource(Template template, String logicalId, String type, JsonNode properties, JsonNode metadata) {

  static Resource of(Template template, String logicalId, JsonNode resource) {
    JsonNode props = resource.path("Properties");
    JsonNode meta = resource.path("Metadata");
    return new Resource(template, logicalId, resource.path("Type").asText(""),
        props.isObject() ? props : JsonNodeFactory.instance.objectNode(),
        meta.isObject() ? meta : JsonNodeFactory.instance.objectNode());
  }

  /**
   * A property as written (a missing node when absent).
   *
   * @param name the property, e.g. {@code VpcId}
   * @return its JSON
   */
  public JsonNode prop(String name) {
    return properties.path(name);
  }

  /**
   * A property as a value to resolve in this resource's template.
   *
   * @param name the property
   * @return its value
   */
  public Value value(String name) {
    return new Value(template, prop(name));
  }

  /**
   * {@return the construct path ({@code aws:cdk:path}), or {@code <template>/<logical id>} without path
   * metadata}
   */
  public String path() {
    JsonNode path = metadata.path("aws:cdk:path");
    return path.isTextual() ? path.asText() : template.name() + "/" + logicalId;
  }

  /**
   * {@return a short name for messages: the construct path below the stack (without {@code /Resource}), or
   * the logical id}
   */
  public String label() {
    JsonNode path = metadata.path("aws:cdk:path");
    if (path.isTextual()) {
      String p = path.asText();
      int slash = p.indexOf('/');
      String below = slash < 0 ? p : p.substring(slash + 1);
      return below.endsWith("/Resource") ? below.substring(0, below.length() - "/Resource".length()) : below;
    }
    return logicalId;
  }

  /** {@return a key unique in the assembly: {@code <template name>/<logical id>}} */
  public String key() {
    return template.name() + "/" + logicalId;
  }

  /** Equal when the same logical id of the same template. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Resource r && r.template == template && r.logicalId.equals(logicalId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(System.identityHashCode(template), logicalId);
  }

  @Override
  public String toString() {
    return key() + " (" + type + ")";
  }
}
