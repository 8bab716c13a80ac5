package io.github.zonewise.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CloudFormation templates of a cloud assembly ({@code cdk.out}), read as files: the stacks
 * of {@code manifest.json} (and of nested cloud assemblies, e.g. stages), their nested stacks, and
 * the exports between them, so that a {@code Ref}, {@code Fn::GetAtt} or {@code Fn::ImportValue}
 * resolves to the resource it names whichever stack it is in. Plain Java over JSON files.
 */
final class SynthesizedTemplates {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One template.
   *
   * @param stack  the stack's name (or the nested template's file)
   * @param region the stack's region, or null when environment-agnostic
   * @param file   the template file
   * @param root   the parsed template
   */
  record Template(String stack, String region, Path file, JsonNode root) {

    JsonNode resources() {
      return root.path("Resources");
    }
  }

  /**
   * One resource of a template.
   *
   * @param template its template
   * @param id       its logical id
   * @param node     its JSON ({@code Type}, {@code Properties}, …)
   */
  record Resource(Template template, String id, JsonNode node) {

    String type() {
      return node.path("Type").asText("");
    }

    JsonNode props() {
      return node.path("Properties");
    }

    /** A stable key across templates: {@code stack/logicalId}. */
    String key() {
      return template.stack() + "/" + id;
    }
  }

  private final Path dir;
  private final List<Template> templates = new ArrayList<>();
  private final Map<String, Resource> byKey = new LinkedHashMap<>();
  private final Map<String, JsonNode> exports = new LinkedHashMap<>();
  private final Map<String, Template> exportTemplates = new LinkedHashMap<>();

  private SynthesizedTemplates(Path dir) {
    this.dir = dir;
  }

  /**
   * Reads a cloud assembly directory.
   *
   * @param dir the directory holding {@code manifest.json}
   * @return its templates
   * @throws UncheckedIOException when the manifest or a template cannot be read
   */
  static SynthesizedTemplates read(Path dir) {
    SynthesizedTemplates t = new SynthesizedTemplates(dir);
    t.readAssembly(dir, new HashSet<>());
    for (Template template : t.templates) {
      for (Iterator<Map.Entry<String, JsonNode>> it = template.resources().fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Resource r = new Resource(template, e.getKey(), e.getValue());
        t.byKey.put(r.key(), r);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = template.root().path("Outputs").fields(); it.hasNext(); ) {
        JsonNode out = it.next().getValue();
        JsonNode name = out.path("Export").path("Name");
        if (name.isTextual()) {
          t.exports.put(name.asText(), out.path("Value"));
          t.exportTemplates.put(name.asText(), template);
        }
      }
    }
    return t;
  }

  private void readAssembly(Path assembly, Set<Path> seen) {
    if (!seen.add(assembly.toAbsolutePath().normalize())) {
      return;
    }
    JsonNode manifest = parse(assembly.resolve("manifest.json"));
    for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("artifacts").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode artifact = e.getValue();
      String type = artifact.path("type").asText();
      if ("aws:cloudformation:stack".equals(type)) {
        String file = artifact.path("properties").path("templateFile").asText();
        String stackName = artifact.path("properties").path("stackName").asText(e.getKey());
        String region = region(artifact.path("environment").asText(""));
        readTemplate(assembly, stackName, region, assembly.resolve(file));
      } else if ("cdk:cloud-assembly".equals(type)) {
        readAssembly(assembly.resolve(artifact.path("properties").path("directoryName").asText()), seen);
      }
    }
  }

  private void readTemplate(Path assembly, String stack, String region, Path file) {
    if (!Files.exists(file)) {
      return;
    }
    Template template = new Template(stack, region, file, parse(file));
    templates.add(template);
    for (Iterator<Map.Entry<String, JsonNode>> it = template.resources().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if ("AWS::CloudFormation::Stack".equals(e.getValue().path("Type").asText())) {
        JsonNode path = e.getValue().path("Metadata").path("aws:asset:path");
        if (path.isTextual()) {
          readTemplate(assembly, stack + "/" + e.getKey(), region, assembly.resolve(path.asText()));
        }
      }
    }
  }

  private static String region(String environment) {
    // aws://account/region; unknown-region for environment-agnostic stacks
    String[] parts = environment.replace("aws://", "").split("/");
    if (parts.length < 2 || parts[1].isBlank() || parts[1].startsWith("unknown")) {
      return null;
    }
    return parts[1];
  }

  private static JsonNode parse(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The assembly directory. */
  Path dir() {
    return dir;
  }

  /** Every template, stacks in manifest order, each followed by its nested stacks. */
  List<Template> templates() {
    return templates;
  }

  /**
   * The resources of a type, in template order.
   *
   * @param types CloudFormation types, e.g. {@code AWS::EC2::NatGateway}
   * @return the resources
   */
  List<Resource> ofType(String... types) {
    Set<String> set = Set.of(types);
    return byKey.values().stream().filter(r -> set.contains(r.type())).toList();
  }

  /** Every resource. */
  List<Resource> resources() {
    return List.copyOf(byKey.values());
  }

  /**
   * The resource a value refers to: {@code Ref}, {@code Fn::GetAtt} (array or dotted) or
   * {@code Fn::ImportValue} of another stack's export.
   *
   * @param template the template the value is in
   * @param value    the value
   * @return the resource, if the value names one in the assembly
   */
  Optional<Resource> resolve(Template template, JsonNode value) {
    return resolve(template, value, 0);
  }

  private Optional<Resource> resolve(Template template, JsonNode value, int depth) {
    if (value == null || depth > 8 || !value.isObject()) {
      return Optional.empty();
    }
    if (value.has("Ref")) {
      return Optional.ofNullable(byKey.get(template.stack() + "/" + value.get("Ref").asText()));
    }
    if (value.has("Fn::GetAtt")) {
      JsonNode att = value.get("Fn::GetAtt");
      String id = att.isArray() ? att.path(0).asText() : att.asText().split("\\.")[0];
      return Optional.ofNullable(byKey.get(template.stack() + "/" + id));
    }
    if (value.has("Fn::ImportValue")) {
      Optional<String> name = text(template, value.get("Fn::ImportValue"));
      if (name.isPresent() && exports.containsKey(name.get())) {
        return resolve(exportTemplates.get(name.get()), exports.get(name.get()), depth + 1);
      }
    }
    return Optional.empty();
  }

  /**
   * A value as text when it is one, or can be made one: a string, a number or boolean, an
   * {@code Fn::Join} of such (unresolvable parts become {@code ${…}} placeholders),
   * {@code Ref: AWS::Region} (the stack's region), {@code Fn::Select} of {@code Fn::GetAZs} (an
   * {@code ${AZ i}} placeholder) or the export an {@code Fn::ImportValue} names.
   *
   * @param template the template the value is in
   * @param value    the value
   * @return the text, or empty when the value is absent
   */
  Optional<String> text(Template template, JsonNode value) {
    return text(template, value, 0);
  }

  private Optional<String> text(Template template, JsonNode value, int depth) {
    if (value == null || value.isMissingNode() || value.isNull() || depth > 8) {
      return Optional.empty();
    }
    if (value.isValueNode()) {
      return Optional.of(value.asText());
    }
    if (value.isObject()) {
      if (value.has("Fn::Join")) {
        JsonNode join = value.get("Fn::Join");
        String sep = join.path(0).asText("");
        List<String> parts = new ArrayList<>();
        for (JsonNode part : join.path(1)) {
          parts.add(text(template, part, depth + 1).orElse("${?}"));
        }
        return Optional.of(String.join(sep, parts));
      }
      if (value.has("Ref")) {
        String ref = value.get("Ref").asText();
        if ("AWS::Region".equals(ref)) {
          return Optional.of(template.region() != null ? template.region() : "${AWS::Region}");
        }
        JsonNode param = template.root().path("Parameters").path(ref).path("Default");
        if (param.isValueNode()) {
          return Optional.of(param.asText());
        }
        return Optional.of("${" + ref + "}");
      }
      if (value.has("Fn::Select")) {
        JsonNode sel = value.get("Fn::Select");
        if (sel.path(1).has("Fn::GetAZs")) {
          return Optional.of("${AZ " + sel.path(0).asText() + "}");
        }
        if (sel.path(1).isArray() && sel.path(0).canConvertToInt()) {
          return text(template, sel.path(1).path(sel.path(0).asInt()), depth + 1);
        }
      }
      if (value.has("Fn::ImportValue")) {
        Optional<String> name = text(template, value.get("Fn::ImportValue"), depth + 1);
        if (name.isPresent() && exports.containsKey(name.get())) {
          return text(exportTemplates.get(name.get()), exports.get(name.get()), depth + 1);
        }
      }
      if (value.has("Fn::GetAtt")) {
        JsonNode att = value.get("Fn::GetAtt");
        return Optional.of("${" + (att.isArray() ? att.path(0).asText() + "." + att.path(1).asText() : att.asText())
            + "}");
      }
      if (value.has("Fn::Sub") && value.get("Fn::Sub").isTextual()) {
        return Optional.of(value.get("Fn::Sub").asText().replace("${AWS::Region}",
            template.region() != null ? template.region() : "${AWS::Region}"));
      }
    }
    return Optional.of("${?}");
  }

  /**
   * The items of a list value; a value that is not a literal list (e.g. {@code Fn::Split} of an
   * import) gives empty.
   *
   * @param value the value
   * @return its items
   */
  static List<JsonNode> items(JsonNode value) {
    List<JsonNode> list = new ArrayList<>();
    if (value != null && value.isArray()) {
      value.forEach(list::add);
    }
    return list;
  }
}
