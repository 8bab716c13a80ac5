package io.github.zonewise.test;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Validates Kubernetes manifests against the schemas on the test classpath, under {@code schemas/}
 * (the test module's {@code src/test/resources/schemas}, whose {@code SOURCE.md} says where each
 * file comes from): the Kubernetes OpenAPI definitions of one version
 * ({@code kubernetes/v<version>.0/_definitions.json}) and the Karpenter and Istio CRDs
 * ({@code crds/*.yaml}, the served version's {@code openAPIV3Schema}), with the networknt JSON
 * Schema validator.
 *
 * <p>Stricter than the schema files say: neither the Kubernetes definitions nor the CRD schemas
 * set {@code additionalProperties: false}, yet the API server prunes or rejects unknown fields.
 * So every object schema with {@code properties} gets {@code additionalProperties: false} unless
 * it declares {@code additionalProperties} itself or {@code x-kubernetes-preserve-unknown-fields};
 * int-or-string schemas have no properties and are left alone. A CRD object's {@code metadata} is
 * checked against the Kubernetes {@code ObjectMeta}; {@code apiVersion} and {@code kind}, which
 * the API server adds to every CRD schema, are allowed at its root.
 */
public final class ManifestSchemas {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
  private static final Map<String, ManifestSchemas> BY_VERSION = new ConcurrentHashMap<>();
  /** Where the schemas are on the classpath. */
  private static final String RESOURCES = "/schemas";

  private final String kubernetesVersion;
  private final ObjectNode definitions;
  private final Map<String, String> definitionByKind = new HashMap<>();
  private final Map<String, ObjectNode> crdByKind = new HashMap<>();
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

  private ManifestSchemas(String kubernetesVersion) {
    this.kubernetesVersion = kubernetesVersion;
    String file = RESOURCES + "/kubernetes/v" + kubernetesVersion + ".0/_definitions.json";
    if (ManifestSchemas.class.getResource(file) == null) {
      throw new IllegalArgumentException("no Kubernetes schema for version " + kubernetesVersion
          + " on the classpath at " + file.substring(1));
    }
    ObjectNode defs = (ObjectNode) read(file, JSON).get("definitions");
    defs.properties().forEach(e -> strict(e.getValue()));
    this.definitions = defs;
    defs.properties().forEach(e -> {
      JsonNode gvks = e.getValue().get("x-kubernetes-group-version-kind");
      if (gvks != null) {
        gvks.forEach(g -> definitionByKind.putIfAbsent(key(g.path("group").asString(), g.path("version").asString(),
            g.path("kind").asString()), e.getKey()));
      }
    });
    for (String crd : crdResources()) {
      JsonNode doc = read(crd, YAML);
      String group = doc.path("spec").path("group").asString();
      String kind = doc.path("spec").path("names").path("kind").asString();
      for (JsonNode version : doc.path("spec").path("versions")) {
        if (version.path("served").asBoolean()) {
          ObjectNode schema = (ObjectNode) version.path("schema").path("openAPIV3Schema").deepCopy();
          strict(schema);
          ObjectNode properties = (ObjectNode) schema.get("properties");
          properties.set("apiVersion", JsonNodeFactory.instance.objectNode().put("type", "string"));
          properties.set("kind", JsonNodeFactory.instance.objectNode().put("type", "string"));
          properties.set("metadata", JsonNodeFactory.instance.objectNode().put("$ref", "#/definitions/" + OBJECT_META));
          crdByKind.put(key(group, version.path("name").asString(), kind), schema);
        }
      }
    }
  }

  /**
   * The schemas of a Kubernetes version (loaded once per version).
   *
   * @param kubernetesVersion e.g. {@code 1.35}
   * @return the schemas
   */
  public static ManifestSchemas forVersion(String kubernetesVersion) {
    return BY_VERSION.computeIfAbsent(kubernetesVersion, ManifestSchemas::new);
  }

  /**
   * The CRD files on the classpath ({@code schemas/crds/*.yaml}), by name, as resource paths.
   *
   * @return e.g. {@code /schemas/crds/karpenter.sh_nodepools.yaml}
   */
  static List<String> crdResources() {
    URL dir = ManifestSchemas.class.getResource(RESOURCES + "/crds");
    if (dir == null) {
      throw new IllegalStateException("no CRD schemas on the classpath at " + RESOURCES.substring(1) + "/crds");
    }
    try {
      URI uri = dir.toURI();
      if (uri.getScheme().equals("jar")) {
        try {
          FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          // opened before
        }
      }
      try (var files = Files.list(Path.of(uri))) {
        return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
            .map(n -> RESOURCES + "/crds/" + n).toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Validates every document of a manifest file.
   *
   * @param file a {@code *.k8s.yaml}
   * @return the problems, each as {@code file: Kind name: message}; empty when all are valid
   */
  public List<String> validateFile(Path file) {
    List<String> problems = new ArrayList<>();
    try (var docs = YAML.readValues(YAML.createParser(file.toFile()), JsonNode.class)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && !doc.isNull()) {
          validate(doc).forEach(p -> problems.add(file.getFileName() + ": " + p));
        }
      }
    }
    return problems;
  }

  /**
   * Validates one object given as JSON or YAML text.
   *
   * @param text the object
   * @return the problems; empty when valid
   */
  public List<String> validateText(String text) {
    try {
      return validate(YAML.readTree(text));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a YAML document: " + e.getMessage(), e);
    }
  }

  /**
   * Validates one object.
   *
   * @param object a Kubernetes object
   * @return the problems, each as {@code Kind name: message}; empty when valid
   */
  public List<String> validate(JsonNode object) {
    String apiVersion = object.path("apiVersion").asString();
    String kind = object.path("kind").asString();
    String name = object.path("metadata").path("name").asString();
    int slash = apiVersion.indexOf('/');
    String key = slash < 0 ? key("", apiVersion, kind)
        : key(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind);
    Schema schema = compiled.computeIfAbsent(key, this::schema);
    if (schema == null) {
      return List.of(kind + " " + name + ": no schema for " + apiVersion + " " + kind + " in Kubernetes "
          + kubernetesVersion + " or the CRDs");
    }
    return schema.validate(object).stream().map(e -> kind + " " + name + ": " + e.getMessage()).toList();
  }

  private Schema schema(String key) {
    ObjectNode root;
    if (definitionByKind.containsKey(key)) {
      root = JsonNodeFactory.instance.objectNode();
      ArrayNode allOf = root.putArray("allOf");
      allOf.addObject().put("$ref", "#/definitions/" + definitionByKind.get(key));
    } else if (crdByKind.containsKey(key)) {
      root = (ObjectNode) crdByKind.get(key).deepCopy();
    } else {
      return null;
    }
    root.set("definitions", definitions);
    return registry.getSchema(root);
  }

  /** Adds {@code additionalProperties: false} to every object schema with properties, walking the schema. */
  private static void strict(JsonNode node) {
    if (!(node instanceof ObjectNode schema)) {
      return;
    }
    JsonNode properties = schema.get("properties");
    if (properties instanceof ObjectNode props) {
      props.properties().forEach(e -> strict(e.getValue()));
      if (!schema.has("additionalProperties") && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
        schema.put("additionalProperties", false);
      }
    }
    JsonNode additional = schema.get("additionalProperties");
    if (additional != null && additional.isObject()) {
      strict(additional);
    }
    JsonNode items = schema.get("items");
    if (items != null) {
      if (items.isArray()) {
        items.forEach(ManifestSchemas::strict);
      } else {
        strict(items);
      }
    }
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      JsonNode list = schema.get(combinator);
      if (list != null && list.isArray()) {
        list.forEach(ManifestSchemas::strict);
      }
    }
    JsonNode not = schema.get("not");
    if (not != null) {
      strict(not);
    }
  }

  private static String key(String group, String version, String kind) {
    return group + "/" + version + "/" + kind;
  }

  private static JsonNode read(String resource, tools.jackson.databind.ObjectMapper mapper) {
    try (InputStream in = ManifestSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + resource + " on the classpath");
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
