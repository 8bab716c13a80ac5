package io.github.zonewise.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zonewise.synth.Assembly;
import io.github.zonewise.synth.Resource;
import io.github.zonewise.synth.Template;
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

/**
 * Real synthesized templates for rule tests: builds stacks into one app, synthesizes it once (with
 * path metadata, as the CDK CLI does) and reads the cloud assembly as the command line does.
 */
final class Synthesized {

  static final List<String> ZONES = List.of("eu-west-1a", "eu-west-1b", "eu-west-1c");
  static final StackProps IN_EU_WEST_1 = StackProps.builder()
      .env(Environment.builder().account("111111111111").region("eu-west-1").build()).build();

  private final Map<String, Template> templates = new LinkedHashMap<>();

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
      app.synth();
      Synthesized s = new Synthesized();
      Assembly assembly = Assembly.read(outdir);
      assertThat(assembly.notes()).isEmpty();
      for (Template t : assembly.templates()) {
        s.templates.put(t.name(), t);
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
  Template template(String stack) {
    Template t = templates.get(stack);
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
  Resource resource(String stack, String suffix) {
    List<Resource> found = template(stack).resources().stream()
        .filter(r -> r.path().endsWith("/" + suffix) || r.path().endsWith("/" + suffix + "/Resource")).toList();
    assertThat(found).as("resources of " + stack + " ending with " + suffix).hasSize(1);
    return found.get(0);
  }

  /** A rule's outcome on a resource. */
  Outcome check(CostRule rule, String stack, String suffix) {
    return rule.check(resource(stack, suffix), Dates.TODAY);
  }
}
