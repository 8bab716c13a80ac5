package io.github.zonewise.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Snapshot files under {@code test/src/test/resources/snapshots/}: keys sorted, asset hashes and
 * CDK metadata normalized, rewritten only with {@code -Dsnapshot.update=true}. A missing snapshot
 * fails (so CI never passes on a snapshot nobody reviewed).
 */
public final class Snapshots {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Pattern HASH = Pattern.compile("[a-f0-9]{64}");
  private static final Path DIR = Path.of("src", "test", "resources", "snapshots");

  private Snapshots() {
  }

  /**
   * Asserts a JSON document equals its snapshot.
   *
   * @param name the snapshot's file name without {@code .json}
   * @param json the document
   */
  public static void assertMatches(String name, JsonNode json) {
    String actual = render(json);
    Path file = DIR.resolve(name + ".json");
    try {
      if (Boolean.getBoolean("snapshot.update")) {
        Files.createDirectories(DIR);
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file).as("snapshot %s is missing; create it with -Dsnapshot.update=true and review the diff", file)
          .exists();
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      assertThat(actual).as("snapshot %s drifted; if the change is intended, rerun with -Dsnapshot.update=true"
          + " and review the diff", file).isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts a text file equals its snapshot (e.g. a Kubernetes manifest).
   *
   * @param name the snapshot's file name, with its extension
   * @param text the text
   */
  public static void assertTextMatches(String name, String text) {
    Path file = DIR.resolve(name);
    try {
      if (Boolean.getBoolean("snapshot.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file).as("snapshot %s is missing; create it with -Dsnapshot.update=true and review the diff", file)
          .exists();
      assertThat(text).as("snapshot %s drifted; if intended, rerun with -Dsnapshot.update=true", file)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The normalized rendering of a document: sorted keys, hashes replaced, CDK metadata dropped.
   *
   * @param json the document
   * @return pretty JSON ending in a newline
   */
  public static String render(JsonNode json) {
    try {
      return JSON.writeValueAsString(normalize(json)) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode normalize(JsonNode node) {
    if (node.isObject()) {
      ObjectNode sorted = JsonNodeFactory.instance.objectNode();
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      Collections.sort(names);
      for (String n : names) {
        JsonNode child = node.get(n);
        if (n.equals("CDKMetadata") && child.path("Type").asText().equals("AWS::CDK::Metadata")) {
          continue;
        }
        sorted.set(HASH.matcher(n).replaceAll("HASH"), normalize(child));
      }
      return sorted;
    }
    if (node.isArray()) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      node.forEach(c -> array.add(normalize(c)));
      return array;
    }
    if (node.isTextual()) {
      return new TextNode(HASH.matcher(node.asText()).replaceAll("HASH"));
    }
    return node;
  }
}
