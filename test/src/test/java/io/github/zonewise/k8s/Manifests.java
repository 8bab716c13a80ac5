package io.github.zonewise.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The objects of written manifest files, parsed. */
record Manifests(List<JsonNode> objects) {

  private static final YAMLMapper YAML = new YAMLMapper();

  /**
   * Reads every document of the files.
   *
   * @param files {@code *.k8s.yaml} files
   * @return their objects, in file and document order
   */
  static Manifests read(List<Path> files) {
    List<JsonNode> objects = new ArrayList<>();
    for (Path file : files) {
      try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
        while (docs.hasNext()) {
          JsonNode doc = docs.next();
          if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
            objects.add(doc);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Manifests(List.copyOf(objects));
  }

  /**
   * One object.
   *
   * @param kind e.g. {@code Service}
   * @param name its {@code metadata.name}
   * @return the object
   */
  JsonNode get(String kind, String name) {
    return objects.stream()
        .filter(o -> o.path("kind").asText().equals(kind) && o.at("/metadata/name").asText().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  /**
   * The objects of a kind.
   *
   * @param kind e.g. {@code NodePool}
   * @return them, in order
   */
  List<JsonNode> all(String kind) {
    return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
  }

  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
