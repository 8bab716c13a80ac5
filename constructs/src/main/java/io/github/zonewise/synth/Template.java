package io.github.zonewise.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One CloudFormation template: a stack of a cloud assembly, a nested stack's template, or a
 * template file. Its resources are indexed by logical id and by type; its values resolve through
 * {@link #value(JsonNode)} (in the {@link Assembly} it belongs to, for exports and nested stacks).
 */
public final class Template {

  private final String name;
  private final String stackName;
  private final Path file;
  private final String region;
  private final String account;
  private final JsonNode root;
  private final Map<String, Resource> resources = new LinkedHashMap<>();
  private final Map<String, List<Resource>> byType = new HashMap<>();
  private final Map<String, AppliedManifest> manifests = new HashMap<>();
  private Assembly assembly;
  private Template parent;
  private Resource parentStack;

  /**
   * A template.
   *
   * @param name      its name in messages and resource keys: the stack name, {@code <parent>/<logical id>}
   *                  for a nested stack, or the file name
   * @param stackName the deployed stack's name ({@code AWS::StackName}), or null when unknown
   * @param file      where it was read from, or null
   * @param region    the stack's region, or null when environment-agnostic
   * @param account   the stack's account, or null when environment-agnostic
   * @param root      the template
   */
  Template(String name, String stackName, Path file, String region, String account, JsonNode root) {
    this.name = Objects.requireNonNull(name, "name");
    this.stackName = stackName;
    this.file = file;
    this.region = region;
    this.account = account;
    this.root = root;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("Resources").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Resource r = Resource.of(this, e.getKey(), e.getValue());
      resources.put(e.getKey(), r);
      byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r);
    }
  }

  /**
   * A template on its own (a stack rendered in-process, say), in an assembly of its own: no export
   * of another stack resolves.
   *
   * @param name   the stack name
   * @param region the stack's region, or null
   * @param root   the template
   * @return the template
   */
  public static Template of(String name, String region, JsonNode root) {
    Template t = new Template(name, name, null, region, null, root);
    Assembly.of(List.of(t));
    return t;
  }

  /**
   * Reads a template file on its own (a stack rendered in-process, say), in an assembly of its own.
   *
   * @param file   a JSON (or YAML) template
   * @param name   the stack name
   * @param region the stack's region, or null
   * @return the template
   * @throws UncheckedIOException naming the file and why when it cannot be read
   */
  public static Template read(Path file, String name, String region) {
    JsonNode root;
    String f = file.toString();
    try (Reader in = InputFiles.open(file)) {
      root = f.endsWith(".yaml") || f.endsWith(".yml") ? Yaml.readFirst(in) : Json.read(in);
    } catch (ReadProblem e) {
      throw new UncheckedIOException(new IOException(file + ": " + e.getMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + InputFiles.cannotRead(e), e);
    }
    return of(name, region, root);
  }

  void attach(Assembly assembly) {
    this.assembly = assembly;
  }

  void nestIn(Template parent, Resource stack) {
    this.parent = parent;
    this.parentStack = stack;
  }

  /**
   * {@return its name: the stack name, {@code <parent>/<logical id>} for a nested stack, or the file name}
   */
  public String name() {
    return name;
  }

  /** {@return the deployed stack's name, or null when unknown} */
  public String stackName() {
    return stackName;
  }

  /** {@return the file it was read from, or null} */
  public Path file() {
    return file;
  }

  /** {@return the stack's region, or null when environment-agnostic} */
  public String region() {
    return region;
  }

  /** {@return the stack's account, or null when environment-agnostic} */
  public String account() {
    return account;
  }

  /** {@return the template as written} */
  public JsonNode root() {
    return root;
  }

  /** {@return the assembly it belongs to} */
  public Assembly assembly() {
    return assembly;
  }

  /** {@return for a nested stack: the template holding its {@code AWS::CloudFormation::Stack}} */
  public Optional<Template> parent() {
    return Optional.ofNullable(parent);
  }

  /** {@return every resource, in template order} */
  public Collection<Resource> resources() {
    return Collections.unmodifiableCollection(resources.values());
  }

  /**
   * A resource by logical id.
   *
   * @param logicalId the id (may be null)
   * @return the resource, or empty
   */
  public Optional<Resource> resource(String logicalId) {
    return logicalId == null ? Optional.empty() : Optional.ofNullable(resources.get(logicalId));
  }

  /**
   * The resources of a type, in template order.
   *
   * @param type e.g. {@code AWS::EC2::Subnet}
   * @return them
   */
  public List<Resource> ofType(String type) {
    return Collections.unmodifiableList(byType.getOrDefault(type, List.of()));
  }

  /**
   * A value written in this template, to resolve here.
   *
   * @param node the value as written
   * @return the value
   */
  public Value value(JsonNode node) {
    return new Value(this, node == null ? JsonNodeFactory.instance.missingNode() : node);
  }

  /** {@return the stack-level cdk-nag suppressions ({@code Metadata.cdk_nag.rules_to_suppress})} */
  public JsonNode suppressions() {
    return root.path("Metadata").path("cdk_nag").path("rules_to_suppress");
  }

  /**
   * The Kubernetes objects a resource applies ({@code Custom::AWSCDK-EKS-KubernetesResource}), read once.
   *
   * @param resource a resource of this template
   * @return its objects, or why they cannot be read
   */
  public AppliedManifest manifest(Resource resource) {
    return manifests.computeIfAbsent(resource.logicalId(), id -> AppliedManifest.read(resource));
  }

  /** A parameter's declaration, or null. */
  JsonNode parameter(String name) {
    JsonNode p = root.path("Parameters").path(name);
    return p.isObject() ? p : null;
  }

  /** For a nested stack: the value its parent passes for a parameter. */
  Optional<Value> passedParameter(String name) {
    if (parentStack == null) {
      return Optional.empty();
    }
    JsonNode passed = parentStack.prop("Parameters").path(name);
    return passed.isMissingNode() ? Optional.empty() : Optional.of(new Value(parent, passed));
  }

  /** {@code {fn: [a, b]}}. */
  JsonNode json(String fn, String a, String b) {
    return JsonNodeFactory.instance.objectNode().set(fn, JsonNodeFactory.instance.arrayNode().add(a).add(b));
  }

  @Override
  public String toString() {
    return name;
  }
}
