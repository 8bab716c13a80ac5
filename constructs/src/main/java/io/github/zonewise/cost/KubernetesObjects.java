package io.github.zonewise.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Kubernetes objects a synth produced: the documents of the {@code *.k8s.yaml} manifest files
 * (GitOps output), and the manifests the cluster stacks apply ({@code Custom::AWSCDK-EKS-KubernetesResource}
 * and similar, whose {@code Manifest} property is a JSON list). An object in a file wins over the
 * same object (kind, namespace, name) applied by a template.
 */
final class KubernetesObjects {

  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * An object and where it came from.
   *
   * @param node   the object
   * @param source the file name, or the stack and logical id that applies it
   */
  record K8sObject(JsonNode node, String source) {

    String kind() {
      return node.path("kind").asText("");
    }

    String name() {
      return node.path("metadata").path("name").asText("");
    }

    String namespace() {
      return node.path("metadata").path("namespace").asText("default");
    }

    String annotation(String key) {
      JsonNode a = node.path("metadata").path("annotations").path(key);
      return a.isValueNode() ? a.asText() : null;
    }

    JsonNode spec() {
      return node.path("spec");
    }
  }

  private final List<K8sObject> objects;

  private KubernetesObjects(List<K8sObject> objects) {
    this.objects = List.copyOf(objects);
  }

  /**
   * Reads the objects of manifest files and of the templates.
   *
   * @param files     manifest files ({@code *.k8s.yaml}); a directory stands for its {@code *.k8s.yaml} files
   * @param templates the synthesized templates, for applied manifests (may be null)
   * @return the objects
   */
  static KubernetesObjects read(List<Path> files, SynthesizedTemplates templates) {
    Map<String, K8sObject> byId = new LinkedHashMap<>();
    for (Path file : expand(files)) {
      for (JsonNode doc : documents(file)) {
        add(byId, new K8sObject(doc, file.getFileName().toString()), true);
      }
    }
    if (templates != null) {
      for (SynthesizedTemplates.Resource r : templates.resources()) {
        if (!r.type().startsWith("Custom::AWSCDK-EKS-KubernetesResource") || !r.props().has("Manifest")) {
          continue;
        }
        Optional<String> text = templates.text(r.template(), r.props().get("Manifest"));
        if (text.isEmpty()) {
          continue;
        }
        try {
          JsonNode list = JSON.readTree(text.get());
          for (JsonNode doc : list.isArray() ? list : JSON.createArrayNode().add(list)) {
            add(byId, new K8sObject(doc, r.template().stack() + " " + r.id()), false);
          }
        } catch (IOException e) {
          // a manifest whose JSON is built from tokens the reader cannot resolve: not readable as a file
        }
      }
    }
    return new KubernetesObjects(new ArrayList<>(byId.values()));
  }

  private static void add(Map<String, K8sObject> byId, K8sObject o, boolean wins) {
    if (!o.node().isObject() || o.kind().isEmpty()) {
      return;
    }
    String id = o.kind() + "/" + o.namespace() + "/" + o.name();
    if (wins || !byId.containsKey(id)) {
      byId.put(id, o);
    }
  }

  private static List<Path> expand(List<Path> files) {
    List<Path> out = new ArrayList<>();
    for (Path f : files) {
      if (Files.isDirectory(f)) {
        try (Stream<Path> s = Files.list(f)) {
          s.filter(p -> p.getFileName().toString().endsWith(".k8s.yaml")).sorted().forEach(out::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (Files.isRegularFile(f)) {
        out.add(f);
      }
    }
    return out;
  }

  private static List<JsonNode> documents(Path file) {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull()) {
          docs.add(doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read manifest " + file + ": " + e.getMessage(), e);
    }
    return docs;
  }

  /**
   * The objects of a kind.
   *
   * @param kind e.g. {@code Service}
   * @return them, in reading order
   */
  List<K8sObject> ofKind(String kind) {
    return objects.stream().filter(o -> o.kind().equals(kind)).toList();
  }

  /** True when there is no object at all. */
  boolean isEmpty() {
    return objects.isEmpty();
  }
}
