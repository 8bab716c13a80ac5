package io.github.zonewise.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the checker reads: CloudFormation templates (from a cloud assembly's {@code manifest.json},
 * or template files) and Kubernetes manifest files.
 *
 * @param templates     the templates
 * @param manifestFiles the manifest files
 */
public record LintInput(List<Template> templates, List<ManifestFile> manifestFiles) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  public LintInput {
    templates = List.copyOf(templates);
    manifestFiles = List.copyOf(manifestFiles);
  }

  /**
   * One CloudFormation template.
   *
   * @param name the stack name (or the file name)
   * @param file where it was read from
   * @param json the template
   */
  public record Template(String name, Path file, JsonNode json) {
  }

  /**
   * One Kubernetes manifest file.
   *
   * @param file      the file
   * @param documents its YAML documents, in order (empty documents left out)
   */
  public record ManifestFile(Path file, List<JsonNode> documents) {
  }

  /**
   * Reads inputs.
   *
   * @param inputs       cloud assembly directories ({@code cdk.out}, with a {@code manifest.json}),
   *                     {@code manifest.json} files, or CloudFormation template files (JSON or YAML)
   * @param manifestDirs directories of Kubernetes manifests ({@code *.yaml}, {@code *.yml}, multi-document,
   *                     read recursively), or manifest files
   * @return what was read
   * @throws UnreadableInputException naming the first input that cannot be read
   */
  public static LintInput read(List<Path> inputs, List<Path> manifestDirs) throws UnreadableInputException {
    List<Template> templates = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        readAssembly(input, templates);
      } else if (input.getFileName() != null && input.getFileName().toString().equals("manifest.json")) {
        readAssembly(input.toAbsolutePath().getParent(), templates);
      } else {
        templates.add(readTemplate(input, input.getFileName().toString()));
      }
    }
    List<ManifestFile> manifests = new ArrayList<>();
    for (Path dir : manifestDirs) {
      if (!Files.exists(dir)) {
        throw new UnreadableInputException(dir, "no such file or directory");
      }
      if (Files.isDirectory(dir)) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
          files = walk.filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted().toList();
        } catch (IOException e) {
          throw new UnreadableInputException(dir, "cannot list it (" + e.getMessage() + ")");
        }
        for (Path file : files) {
          manifests.add(readManifest(file));
        }
      } else {
        manifests.add(readManifest(dir));
      }
    }
    return new LintInput(templates, manifests);
  }

  private static void readAssembly(Path dir, List<Template> out) throws UnreadableInputException {
    Path manifest = dir.resolve("manifest.json");
    if (!Files.isRegularFile(manifest)) {
      throw new UnreadableInputException(dir, "not a cloud assembly (no manifest.json); give the cdk.out directory "
          + "or template files");
    }
    JsonNode m = readJson(manifest);
    JsonNode artifacts = m.path("artifacts");
    if (!artifacts.isObject()) {
      throw new UnreadableInputException(manifest, "not a cloud assembly manifest (no artifacts)");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = artifacts.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode artifact = e.getValue();
      String type = artifact.path("type").asText();
      JsonNode props = artifact.path("properties");
      if (type.equals("aws:cloudformation:stack")) {
        String file = props.path("templateFile").asText(null);
        if (file == null) {
          throw new UnreadableInputException(manifest, "stack artifact " + e.getKey() + " has no templateFile");
        }
        String name = props.path("stackName").asText(artifact.path("displayName").asText(e.getKey()));
        out.add(readTemplate(dir.resolve(file), name));
      } else if (type.equals("cdk:cloud-assembly")) {
        String nested = props.path("directoryName").asText(null);
        if (nested != null) {
          readAssembly(dir.resolve(nested), out);
        }
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path nested : files.filter(p -> p.getFileName().toString().endsWith(".nested.template.json")).sorted().toList()) {
        String file = nested.getFileName().toString();
        out.add(readTemplate(nested, file.substring(0, file.length() - ".nested.template.json".length())));
      }
    } catch (IOException e) {
      throw new UnreadableInputException(dir, "cannot list it (" + e.getMessage() + ")");
    }
  }

  private static Template readTemplate(Path file, String name) throws UnreadableInputException {
    String f = file.toString();
    JsonNode json = f.endsWith(".yaml") || f.endsWith(".yml") ? readYamlTemplate(file) : readJson(file);
    if (!json.isObject() || (!json.has("Resources") && !json.has("AWSTemplateFormatVersion"))) {
      throw new UnreadableInputException(file, "not a CloudFormation template (no Resources)");
    }
    return new Template(name, file, json);
  }

  private static JsonNode readJson(Path file) throws UnreadableInputException {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new UnreadableInputException(file, "not JSON (" + e.getOriginalMessage() + " at line "
          + e.getLocation().getLineNr() + ")");
    } catch (IOException e) {
      throw new UnreadableInputException(file, cannotRead(e));
    }
  }

  private static JsonNode readYamlTemplate(Path file) throws UnreadableInputException {
    try {
      return YAML.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new UnreadableInputException(file, "not YAML (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new UnreadableInputException(file, cannotRead(e));
    }
  }

  private static ManifestFile readManifest(Path file) throws UnreadableInputException {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(Files.readString(file))) {
      while (it.hasNextValue()) {
        JsonNode doc = it.nextValue();
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          documents.add(doc);
        }
      }
    } catch (JsonProcessingException e) {
      throw new UnreadableInputException(file, "not YAML (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new UnreadableInputException(file, cannotRead(e));
    } catch (RuntimeException e) {
      throw new UnreadableInputException(file, "not YAML (" + e.getMessage() + ")");
    }
    return new ManifestFile(file, documents);
  }

  private static String cannotRead(IOException e) {
    return e instanceof java.nio.file.NoSuchFileException ? "no such file" : "cannot read it (" + e + ")";
  }
}
