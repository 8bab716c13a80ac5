package io.github.zonewise.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/**
 * Real synthesized templates for rule tests: builds stacks into one app, synthesizes it once (with
 * path metadata, as the CDK CLI does) and reads each template as the rules see it.
 */
final class Synthesized {

  static final List<String> ZONES = List.of("eu-west-1a", "eu-west-1b", "eu-west-1c");
  static final StackProps IN_EU_WEST_1 = StackProps.builder()
      .env(Environment.builder().account("111111111111").region("eu-west-1").build()).build();

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, TemplateView> templates = new LinkedHashMap<>();

  private Synthesized() {
  }

  /**
   * Synthesizes an app.
   *
   * @param build adds the stacks
   * @return the templates by stack name
   */
  static Synthesized app(Consumer<App> build) {
    Path outdir = null;
    try {
      outdir = Files.createTempDirectory("zonewise-lint-test");
      App app = new App(AppProps.builder().outdir(outdir.toString())
          .context(Map.of("aws:cdk:enable-path-metadata", true)).build());
      // the test stacks pin AZs on purpose, as zonal designs do
      Validations.of(app).acknowledge(Acknowledgment.builder().id("CloudFormation-Validate::W3010")
          .reason("zone-pinned test stacks: AZ names are explicit").build());
      build.accept(app);
      CloudAssembly assembly = app.synth();
      Synthesized s = new Synthesized();
      for (CloudFormationStackArtifact stack : assembly.getStacks()) {
        s.templates.put(stack.getStackName(),
            new TemplateView(stack.getStackName(), JSON.readTree(outdir.resolve(stack.getTemplateFile()).toFile())));
      }
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      // the templates are read: the cloud assembly is not needed any more
      if (outdir != null) {
        delete(outdir);
      }
    }
  }

  private static void delete(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A stack's template. */
  TemplateView template(String stack) {
    TemplateView t = templates.get(stack);
    assertThat(t).as("stack " + stack).isNotNull();
    return t;
  }

  /**
   * The one resource of a stack whose construct path ends with a suffix.
   *
   * @param stack  the stack name
   * @param suffix e.g. {@code Vpc/PrivateSubnet2/Subnet}, or {@code Vpc} for {@code Vpc/Resource}
   * @return the resource
   */
  ResourceView resource(String stack, String suffix) {
    List<ResourceView> found = template(stack).resources().stream()
        .filter(r -> r.path().endsWith("/" + suffix) || r.path().endsWith("/" + suffix + "/Resource")).toList();
    assertThat(found).as("resources of " + stack + " ending with " + suffix).hasSize(1);
    return found.get(0);
  }

  /** A rule's outcome on a resource. */
  Outcome check(CostRule rule, String stack, String suffix) {
    return rule.check(resource(stack, suffix), Dates.TODAY);
  }
}
