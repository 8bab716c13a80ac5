package io.github.zonewise.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zonewise.app.LandscapeApp;
import io.github.zonewise.landscape.Landscape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/**
 * Synthesizes a landscape exactly as the app does ({@link LandscapeApp#synth}), into a fresh
 * cloud assembly and manifests directory (a {@link Scratch} directory, deleted when the test JVM
 * exits). Synthesize once per test class.
 */
public final class Synth {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Synth() {
  }

  private static Synthesized defaultLandscape;

  /**
   * The embedded default landscape, synthesized once per test JVM and shared by every test class
   * (treat it as read-only).
   *
   * @return what the app produces for it
   */
  public static synchronized Synthesized defaultLandscape() {
    if (defaultLandscape == null) {
      defaultLandscape = run(null);
    }
    return defaultLandscape;
  }

  /**
   * A landscape given as YAML text.
   *
   * @param yaml the landscape
   * @return what the app produces for it
   */
  public static Synthesized landscape(String yaml) {
    try {
      Path file = Scratch.directory("landscape").resolve("landscape.yaml");
      Files.writeString(file, yaml);
      return run(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A landscape file.
   *
   * @param file the landscape, or null for the embedded default
   * @return what the app produces for it
   */
  public static Synthesized run(Path file) {
    Path dir = Scratch.directory("zonewise-synth");
    Path outdir = dir.resolve("cdk.out");
    Path dist = dir.resolve("dist");
    App app = LandscapeApp.app(outdir, file == null
        ? Map.of(LandscapeApp.MANIFESTS_CONTEXT, dist.toString())
        : Map.of(LandscapeApp.LANDSCAPE_CONTEXT, file.toString(), LandscapeApp.MANIFESTS_CONTEXT, dist.toString()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    LandscapeApp.Result result = LandscapeApp.synth(app, out);
    return new Synthesized(result.landscape(), result.assembly(), outdir, dist, result.manifests(),
        bytes.toString(StandardCharsets.UTF_8));
  }

  /**
   * What one synth produced.
   *
   * @param landscape the construct
   * @param assembly  the cloud assembly
   * @param outdir    its directory
   * @param dist      the manifests directory
   * @param manifests the manifest files
   * @param output    what the app printed
   */
  public record Synthesized(Landscape landscape, CloudAssembly assembly, Path outdir, Path dist,
      List<Path> manifests, String output) {

    /**
     * A stack by its concern ({@code network}, {@code registry}, {@code cluster}).
     *
     * @param concern the stack-name suffix
     * @return the stack
     */
    public Stack stack(String concern) {
      String name = landscape.landscape().spec().name() + "-" + concern;
      return landscape.stacks().stream().filter(s -> s.getStackName().equals(name)).findFirst()
          .orElseThrow(() -> new AssertionError("no stack " + name));
    }

    /**
     * The assertions template of a stack.
     *
     * @param concern the stack-name suffix
     * @return the template
     */
    public Template template(String concern) {
      // from the synthesized file: Template.fromStack would synthesize the app again, and every
      // synth appends cdk-nag's rows to the NagReport files of this cloud assembly once more
      @SuppressWarnings("unchecked")
      Map<String, Object> template = JSON.convertValue(templateJson(concern), Map.class);
      return Template.fromJSON(template);
    }

    /**
     * The synthesized template file of a stack, parsed.
     *
     * @param concern the stack-name suffix
     * @return the template JSON
     */
    public JsonNode templateJson(String concern) {
      try {
        return JSON.readTree(outdir.resolve(stack(concern).getTemplateFile()).toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * The cdk-nag findings of a level on a stack, as "rule-id: path" strings.
     *
     * @param concern the stack-name suffix
     * @param errors  true for errors, false for warnings
     * @return the findings
     */
    public List<String> nagFindings(String concern, boolean errors) {
      // from the synthesized assembly, not Annotations.fromStack (which synthesizes again)
      SynthesisMessageLevel level = errors ? SynthesisMessageLevel.ERROR : SynthesisMessageLevel.WARNING;
      return assembly.getStackArtifact(stack(concern).getArtifactId()).getMessages().stream()
          .filter(m -> m.getLevel() == level && String.valueOf(m.getEntry().getData()).startsWith("AwsSolutions-"))
          .map(m -> String.valueOf(m.getEntry().getData()).split("\n")[0] + " @ " + m.getId())
          .toList();
    }
  }
}
