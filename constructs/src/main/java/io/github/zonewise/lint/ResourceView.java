package io.github.zonewise.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One resource of a template, as the rules see it: plain Java, properties resolved.
 *
 * @param template   the template it belongs to (for rules that look at other resources)
 * @param logicalId  its logical id
 * @param type       its CloudFormation type, e.g. {@code AWS::EC2::Subnet}
 * @param properties its resolved {@code Properties} (an empty object when it has none)
 * @param metadata   its {@code Metadata} (an empty object when it has none)
 */
record ResourceView(TemplateView template, String logicalId, String type, JsonNode properties, JsonNode metadata) {

  static ResourceView of(TemplateView template, String logicalId, JsonNode resource) {
    JsonNode props = resource.path("Properties");
    JsonNode meta = resource.path("Metadata");
    return new ResourceView(template, logicalId, resource.path("Type").asText(""),
        props.isObject() ? props : JsonNodeFactory.instance.objectNode(),
        meta.isObject() ? meta : JsonNodeFactory.instance.objectNode());
  }

  /** A property (a missing node when absent). */
  JsonNode prop(String name) {
    return properties.path(name);
  }

  /** The construct path ({@code aws:cdk:path}), or {@code <template>/<logical id>} without path metadata. */
  String path() {
    JsonNode path = metadata.path("aws:cdk:path");
    return path.isTextual() ? path.asText() : template.name() + "/" + logicalId;
  }

  /** A short name for messages: the construct path below the stack, or the logical id. */
  String label() {
    JsonNode path = metadata.path("aws:cdk:path");
    if (path.isTextual()) {
      String p = path.asText();
      int slash = p.indexOf('/');
      String below = slash < 0 ? p : p.substring(slash + 1);
      return below.endsWith("/Resource") ? below.substring(0, below.length() - "/Resource".length()) : below;
    }
    return logicalId;
  }
}
