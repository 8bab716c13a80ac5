package io.github.zonewise.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zonewise.app.LandscapeApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A bad landscape through the app itself: exit status 1, one message on the report stream, and
 * nothing written (no template in the cloud assembly, no manifest). The messages themselves are
 * asserted one by one in the constructs module's LandscapeInputTest.
 */
class BadLandscapeAppTest {

  record Run(int status, String output, Path outdir, Path dist) {
  }

  static Run run(String yaml) throws IOException {
    Path dir = io.github.zonewise.test.Scratch.directory("zonewise-bad");
    Path file = dir.resolve("landscape.yaml");
    if (yaml != null) {
      Files.writeString(file, yaml);
    }
    Path outdir = dir.resolve("cdk.out");
    Path dist = dir.resolve("dist");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = LandscapeApp.run(LandscapeApp.app(outdir, Map.of(
        LandscapeApp.LANDSCAPE_CONTEXT, file.toString(), LandscapeApp.MANIFESTS_CONTEXT, dist.toString())),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return new Run(status, bytes.toString(StandardCharsets.UTF_8), outdir, dist);
  }

  /** The app with its context as given (no landscape file written), into a fresh directory. */
  static Run runWith(Map<String, String> context) {
    Path dir = io.github.zonewise.test.Scratch.directory("zonewise-bad");
    Path outdir = dir.resolve("cdk.out");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = LandscapeApp.run(LandscapeApp.app(outdir, new java.util.HashMap<>(context)),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return new Run(status, bytes.toString(StandardCharsets.UTF_8), outdir, dir.resolve("dist"));
  }

  static final String NL = System.lineSeparator();

  @Test
  void anEmptyLandscapeContextIsAnErrorNotTheDefaultLandscape() throws IOException {
    Path dir = io.github.zonewise.test.Scratch.directory("zonewise-bad");
    for (String empty : List.of("", "  ")) {
      Run run = runWith(Map.of(LandscapeApp.LANDSCAPE_CONTEXT, empty,
          LandscapeApp.MANIFESTS_CONTEXT, dir.resolve("dist").toString()));
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.output()).isEqualTo("zonewise: error: -c landscape: '" + empty + "' names no file (an unset shell"
          + " variable?); give the landscape's path, -c landscape=path/to/landscape.yaml, or leave -c landscape out for"
          + " the embedded default landscape" + NL);
      assertThat(run.outdir()).doesNotExist();
      assertThat(dir.resolve("dist")).doesNotExist();
    }
  }

  @Test
  void manifestsNamingAFileIsAnErrorBeforeAnythingIsWritten() throws IOException {
    Path dir = io.github.zonewise.test.Scratch.directory("zonewise-bad");
    Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
    Run run = runWith(Map.of(LandscapeApp.MANIFESTS_CONTEXT, file.toString()));
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.output()).isEqualTo("zonewise: error: -c manifests: '" + file + "' is a file, not a directory;"
        + " the Kubernetes manifests are written into a directory: name a directory (it is created if missing), or"
        + " leave -c manifests out for dist" + NL);
    assertThat(run.outdir()).doesNotExist();
    assertThat(file).hasContent("mine");
  }

  @Test
  void anEmptyManifestsContextIsAnErrorNotTheWorkingDirectory() {
    Run run = runWith(Map.of(LandscapeApp.MANIFESTS_CONTEXT, ""));
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.output()).isEqualTo("zonewise: error: -c manifests: '' names no directory (an unset shell"
        + " variable?); give the directory the Kubernetes manifests go to, -c manifests=DIR, or leave -c manifests"
        + " out for dist" + NL);
    assertThat(run.outdir()).doesNotExist();
  }

  static void assertNothingWritten(Run run) throws IOException {
    assertThat(run.outdir()).as("the app leaves no output directory behind").doesNotExist();
    if (Files.exists(run.outdir())) {
      try (Stream<Path> files = Files.walk(run.outdir())) {
        assertThat(files.filter(p -> p.toString().endsWith(".template.json"))).isEmpty();
      }
    }
    assertThat(run.dist()).doesNotExist();
  }

  @Test
  void anAzOutsideTheRegionFailsWithOneLineAndWritesNothing() throws IOException {
    Run run = run("name: shop\nregion: eu-west-1\navailabilityZones: [eu-west-1a, us-east-1b]\n");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.output()).isEqualTo("zonewise: error: availabilityZones[1]: 'us-east-1b' is not an AZ of region"
        + " eu-west-1; use one of [eu-west-1a, eu-west-1b, eu-west-1c] (line 3, column 33)" + System.lineSeparator());
    assertNothingWritten(run);
  }

  @Test
  void anUnknownKeyFailsWithoutAStackTraceAndWritesNothing() throws IOException {
    Run run = run("name: shop\nregion: eu-west-1\navailabilityZones: [eu-west-1a, eu-west-1b]\nnetwork:\n  nat: single\n  cidrs: 10.0.0.0/16\n");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.output()).isEqualTo("zonewise: error: network.cidrs: unknown key in network; did you mean 'cidr'?"
        + " known keys: cidr, flowLogs, gatewayEndpoints, interfaceEndpoints, nat (line 6, column 3)"
        + System.lineSeparator());
    assertNothingWritten(run);
  }

  @Test
  void malformedYamlFailsAndWritesNothing() throws IOException {
    Run run = run("name: shop\nregion: [eu-west-1\n");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.output()).startsWith("zonewise: error: ").endsWith(": malformed YAML: while parsing a flow sequence:"
        + " expected ',' or ']', but got <stream end>; fix the indentation or quoting there (line 3, column 1)"
        + System.lineSeparator());
    assertNothingWritten(run);
  }

  @Test
  void aMissingFileFailsAndWritesNothing() throws IOException {
    Run run = run(null);
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.output()).startsWith("zonewise: error: landscape: file '").contains("does not exist");
    assertNothingWritten(run);
  }

  @Test
  void aCidrTooSmallFailsAndWritesNothing() throws IOException {
    Run run = run("name: shop\nregion: eu-west-1\navailabilityZones: [eu-west-1a, eu-west-1b]\nnetwork:\n  cidr: 10.0.0.0/22\n");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.output()).contains("network.cidr: '10.0.0.0/22' is too small for the subnet plan");
    assertNothingWritten(run);
  }
}
