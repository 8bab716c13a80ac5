package io.github.zonewise.synth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The CloudFormation templates of a synth, read as files: the stacks of a cloud assembly's
 * {@code manifest.json} (and of the nested cloud assemblies it names, e.g. stages), each stack's
 * nested stacks, and template files given on their own (JSON or YAML, CloudFormation's short-form
 * tags included). The exports of every template are indexed, so that an {@code Fn::ImportValue}
 * resolves to the value (and the resource) it names whichever stack exports it; a nested stack's
 * parameters resolve through the values its parent passes, and its outputs through its template.
 *
 * <p>A nested stack's template is found by its {@code AWS::CloudFormation::Stack}'s
 * {@code aws:asset:path} metadata, else through the assembly's asset manifests (the object key its
 * {@code TemplateURL} ends with); a {@code *.nested.template.json} of the assembly that neither
 * names is read as a template of its own.
 *
 * <p>What cannot be read (a missing file, a file that is not JSON or YAML, a JSON file that is not a
 * template, a directory without {@code manifest.json}) is not an error: it is a {@link Note} of kind
 * {@link Note.Kind#UNREADABLE}, and the rest is read. Templates are held in memory (CloudFormation
 * caps a template at 1 MB); Kubernetes manifests are streamed by {@link ManifestFiles}.
 */
public final class Assembly {

  private final List<Template> templates = new ArrayList<>();
  private final List<Note> notes = new ArrayList<>();
  private final Map<String, Value> exports = new LinkedHashMap<>();
  private final Map<Resource, Template> nested = new HashMap<>();
  private final Map<String, List<Resource>> byType = new HashMap<>();
  private final Set<Path> seen = new HashSet<>();
  private RouteTables routeTables;
  private final Map<String, Map<String, List<Resource>>> byVpc = new HashMap<>();

  private Assembly() {
  }

  /**
   * Templates already read, as one assembly.
   *
   * @param templates the templates
   * @return the assembly
   */
  public static Assembly of(List<Template> templates) {
    Assembly a = new Assembly();
    templates.forEach(a::add);
    a.index();
    return a;
  }

  /**
   * Reads a cloud assembly directory.
   *
   * @param dir the directory holding {@code manifest.json} ({@code cdk.out})
   * @return its templates, and notes on what could not be read
   */
  public static Assembly read(Path dir) {
    return read(List.of(dir));
  }

  /**
   * Reads inputs into one assembly.
   *
   * @param inputs cloud assembly directories, {@code manifest.json} files, or template files (JSON or YAML)
   * @return their templates, and notes on what could not be read
   */
  public static Assembly read(List<Path> inputs) {
    Assembly a = new Assembly();
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        a.unreadable(input, "no such file");
      } else if (Files.isDirectory(input)) {
        if (Files.isRegularFile(input.resolve("manifest.json"))) {
          a.readAssembly(input);
        } else {
          a.unreadable(input, "not a cloud assembly (no manifest.json); give the cdk.out directory or template files");
        }
      } else if (input.getFileName() != null && input.getFileName().toString().equals("manifest.json")) {
        a.readAssembly(input.toAbsolutePath().getParent());
      } else {
        String file = input.getFileName() == null ? input.toString() : input.getFileName().toString();
        a.readTemplate(input, file, null, null, null);
      }
    }
    a.index();
    return a;
  }

  private void add(Template t) {
    templates.add(t);
    t.attach(this);
  }

  private void index() {
    for (Template t : templates) {
      for (Resource r : t.resources()) {
        byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r);
      }
    }
    for (Template t : templates) {
      for (Iterator<JsonNode> it = t.root().path("Outputs").elements(); it.hasNext(); ) {
        JsonNode out = it.next();
        JsonNode name = out.path("Export").path("Name");
        if (name.isMissingNode()) {
          continue;
        }
        Optional<String> text = t.value(name).knownText();
        if (text.isPresent()) {
          exports.putIfAbsent(text.get(), t.value(out.path("Value")));
        }
      }
    }
  }

  private void unreadable(Path file, String why) {
    notes.add(new Note(Note.Kind.UNREADABLE, file.toString(), why));
  }

  private void readAssembly(Path dir) {
    if (!seen.add(dir.toAbsolutePath().normalize())) {
      return;
    }
    Path manifestFile = dir.resolve("manifest.json");
    JsonNode manifest;
    try (Reader in = InputFiles.open(manifestFile)) {
      manifest = Json.read(in);
    } catch (ReadProblem e) {
      unreadable(manifestFile, "not JSON (" + e.getMessage() + ")");
      return;
    } catch (IOException e) {
      unreadable(manifestFile, InputFiles.cannotRead(e));
      return;
    }
    JsonNode artifacts = manifest.path("artifacts");
    if (!artifacts.isObject()) {
      unreadable(manifestFile, "not a cloud assembly manifest (no artifacts)");
      return;
    }
    Map<String, Path> assets = assetTemplates(dir, artifacts);
    Set<Path> read = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = artifacts.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode artifact = e.getValue();
      String type = artifact.path("type").asText();
      JsonNode props = artifact.path("properties");
      if (type.equals("aws:cloudformation:stack")) {
        String file = props.path("templateFile").asText(null);
        if (file == null) {
          unreadable(manifestFile, "stack artifact " + e.getKey() + " has no templateFile");
          continue;
        }
        String name = props.path("stackName").asText(artifact.path("displayName").asText(e.getKey()));
        String[] env = environment(artifact.path("environment").asText(""));
        Template t = readTemplate(dir.resolve(file), name, name, env[1], env[0]);
        read.add(dir.resolve(file).toAbsolutePath().normalize());
        if (t != null) {
          readNested(dir, t, assets, read);
        }
      } else if (type.equals("cdk:cloud-assembly")) {
        String nestedDir = props.path("directoryName").asText(null);
        if (nestedDir != null) {
          readAssembly(dir.resolve(nestedDir));
        }
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".nested.template.json")).sorted().toList()) {
        if (!read.contains(f.toAbsolutePath().normalize())) {
          String file = f.getFileName().toString();
          readTemplate(f, file.substring(0, file.length() - ".nested.template.json".length()), null, null, null);
        }
      }
    } catch (IOException e) {
      unreadable(dir, "cannot list it (" + InputFiles.cannotRead(e) + ")");
    }
  }

  /** The nested stacks of a template, read after it, each followed by its own. */
  private void readNested(Path dir, Template parent, Map<String, Path> assets, Set<Path> read) {
    for (Resource stack : parent.ofType("AWS::CloudFormation::Stack")) {
      Path file = null;
      JsonNode path = stack.metadata().path("aws:asset:path");
      if (path.isTextual()) {
        file = dir.resolve(path.asText());
      } else {
        String url = parent.value(stack.prop("TemplateURL")).text().orElse("");
        for (Map.Entry<String, Path> a : assets.entrySet()) {
          if (url.endsWith("/" + a.getKey())) {
            file = a.getValue();
          }
        }
      }
      if (file == null || !Files.isRegularFile(file) || !read.add(file.toAbsolutePath().normalize())) {
        continue;
      }
      Template t = readTemplate(file, parent.name() + "/" + stack.logicalId(), null, parent.region(), parent.account());
      if (t != null) {
        t.nestIn(parent, stack);
        nested.put(stack, t);
        readNested(dir, t, assets, read);
      }
    }
  }

  /** Object key → template file of the file assets of the assembly's asset manifests. */
  private static Map<String, Path> assetTemplates(Path dir, JsonNode artifacts) {
    Map<String, Path> map = new LinkedHashMap<>();
    for (JsonNode artifact : artifacts) {
      if (!"cdk:asset-manifest".equals(artifact.path("type").asText())) {
        continue;
      }
      Path file = dir.resolve(artifact.path("properties").path("file").asText(""));
      JsonNode assets;
      try (Reader in = InputFiles.open(file)) {
        assets = Json.read(in);
      } catch (IOException | ReadProblem e) {
        continue;
      }
      for (JsonNode asset : assets.path("files")) {
        String source = asset.path("source").path("path").asText("");
        if (!source.endsWith(".template.json")) {
          continue;
        }
        for (JsonNode destination : asset.path("destinations")) {
          String key = destination.path("objectKey").asText("");
          if (!key.isEmpty()) {
            map.put(key, dir.resolve(source));
          }
        }
      }
    }
    return map;
  }

  /** {@code aws://account/region} → {account, region}, null for unknown parts. */
  private static String[] environment(String environment) {
    String[] parts = environment.replace("aws://", "").split("/");
    String account = parts.length > 0 && !parts[0].isBlank() && !parts[0].startsWith("unknown") ? parts[0] : null;
    String region = parts.length > 1 && !parts[1].isBlank() && !parts[1].startsWith("unknown") ? parts[1] : null;
    return new String[] {account, region};
  }

  private Template readTemplate(Path file, String name, String stackName, String region, String account) {
    JsonNode root;
    boolean yaml;
    try (Reader in = InputFiles.open(file)) {
      yaml = isYaml(file);
      root = yaml ? Yaml.readFirst(in) : Json.read(in);
    } catch (ReadProblem e) {
      unreadable(file, (isYaml(file) ? "not YAML (" : "not JSON (") + e.getMessage() + ")");
      return null;
    } catch (IOException e) {
      unreadable(file, InputFiles.cannotRead(e));
      return null;
    }
    if (!root.isObject() || (!root.has("Resources") && !root.has("AWSTemplateFormatVersion"))) {
      unreadable(file, "not a CloudFormation template (no Resources)");
      return null;
    }
    Template t = new Template(name, stackName, file, region, account, root);
    add(t);
    return t;
  }

  /** YAML by extension, or by content for other names (JSON starts with a brace). */
  private static boolean isYaml(Path file) {
    String f = file.toString();
    if (f.endsWith(".yaml") || f.endsWith(".yml")) {
      return true;
    }
    if (f.endsWith(".json")) {
      return false;
    }
    try (Reader in = InputFiles.open(file)) {
      int c;
      do {
        c = in.read();
      } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\uFEFF');
      return c != '{';
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * {@return every template: stacks in manifest order, each followed by its nested stacks; then template
   * files}
   */
  public List<Template> templates() {
    return Collections.unmodifiableList(templates);
  }

  /** {@return what could not be read} */
  public List<Note> notes() {
    return Collections.unmodifiableList(notes);
  }

  /**
   * The resources of some types across the assembly, in template order.
   *
   * @param types CloudFormation types, e.g. {@code AWS::EC2::NatGateway}
   * @return them
   */
  public List<Resource> ofType(String... types) {
    if (types.length == 1) {
      return Collections.unmodifiableList(byType.getOrDefault(types[0], List.of()));
    }
    Set<String> set = Set.of(types);
    List<Resource> list = new ArrayList<>();
    for (Template t : templates) {
      for (Resource r : t.resources()) {
        if (set.contains(r.type())) {
          list.add(r);
        }
      }
    }
    return list;
  }

  /**
   * The resources of a type in a VPC: those whose {@code VpcId} names it, in template order.
   *
   * @param type   a CloudFormation type with a {@code VpcId}, e.g. {@code AWS::EC2::Subnet}
   * @param vpcKey the VPC's key ({@link Value#key()} of a {@code VpcId}, a VPC resource's {@link Resource#key()})
   * @return them (indexed once per type)
   */
  public List<Resource> inVpc(String type, String vpcKey) {
    Map<String, List<Resource>> index = byVpc.computeIfAbsent(type, k -> {
      Map<String, List<Resource>> m = new HashMap<>();
      for (Resource r : ofType(k)) {
        String vpc = r.value("VpcId").key();
        if (vpc != null) {
          m.computeIfAbsent(vpc, x -> new ArrayList<>()).add(r);
        }
      }
      return m;
    });
    return vpcKey == null ? List.of() : Collections.unmodifiableList(index.getOrDefault(vpcKey, List.of()));
  }

  /** {@return every resource, in template order} */
  public List<Resource> resources() {
    List<Resource> list = new ArrayList<>();
    templates.forEach(t -> list.addAll(t.resources()));
    return list;
  }

  /**
   * The value a stack exports under a name.
   *
   * @param name the export name
   * @return the exported value, in its template
   */
  public Optional<Value> export(String name) {
    return Optional.ofNullable(exports.get(name));
  }

  /** The routing index, built on first use. */
  RouteTables routeTables(java.util.function.Supplier<RouteTables> build) {
    if (routeTables == null) {
      routeTables = build.get();
    }
    return routeTables;
  }

  /**
   * The template of a nested stack.
   *
   * @param stack an {@code AWS::CloudFormation::Stack}
   * @return its template, when the assembly holds it
   */
  public Optional<Template> nested(Resource stack) {
    return Optional.ofNullable(nested.get(stack));
  }
}
