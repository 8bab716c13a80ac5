package io.github.zonewise.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The update behaviour of a change between two templates of one stack, by the CloudFormation resource
 * schemas' {@code createOnlyProperties} ({@code cfn-create-only.json}, written by
 * {@code tools/cfn-create-only} from {@code @aws-cdk/aws-service-spec}): a change is safe when every
 * resource keeps its logical id and type and no create-only property of it changes (which would make
 * CloudFormation replace it: create the new one, then delete the old).
 */
public final class CreateOnly {

  /** The create-only properties by resource type. */
  public static final Map<String, List<String>> PROPERTIES = load();

  private CreateOnly() {
  }

  private static Map<String, List<String>> load() {
    try (InputStream in = CreateOnly.class.getResourceAsStream("/cfn-create-only.json")) {
      JsonNode file = new ObjectMapper().readTree(in);
      Map<String, List<String>> byType = new TreeMap<>();
      file.path("createOnlyProperties").fields().forEachRemaining(e -> {
        List<String> names = new ArrayList<>();
        e.getValue().forEach(n -> names.add(n.asText()));
        byType.put(e.getKey(), List.copyOf(names));
      });
      return byType;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What a change from one template to the next would replace or remove.
   *
   * @param before the template deployed
   * @param after  the template of the changed landscape
   * @return one line per resource removed, retyped or replaced ({@code logicalId (type).Property changes}),
   *         and per resource type the file does not know; empty for a safe change
   */
  public static List<String> unsafe(JsonNode before, JsonNode after) {
    List<String> found = new ArrayList<>();
    before.path("Resources").fields().forEachRemaining(e -> {
      String id = e.getKey();
      String type = e.getValue().path("Type").asText();
      JsonNode now = after.path("Resources").path(id);
      if (now.isMissingNode()) {
        found.add(id + " (" + type + ") is removed");
        return;
      }
      if (!now.path("Type").asText().equals(type)) {
        found.add(id + " (" + type + ") becomes a " + now.path("Type").asText());
        return;
      }
      List<String> createOnly = PROPERTIES.get(type);
      if (createOnly == null) {
        if (!type.startsWith("Custom::")) {
          found.add(id + " (" + type + "): no createOnlyProperties known; run tools/cfn-create-only " + type);
        }
        return;
      }
      for (String property : createOnly) {
        JsonNode was = e.getValue().path("Properties").path(property);
        JsonNode is = now.path("Properties").path(property);
        if (!was.equals(is)) {
          found.add(id + " (" + type + ")." + property + " changes: " + was + " → " + is + " (replaces it)");
        }
      }
    });
    return found;
  }
}
