package io.github.zonewise.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's synth command, run as written through the real CDK CLI and cdk.json on this clone,
 * with its output options pointed at a temporary directory of the test ({@code -o DIR} and the
 * README's {@code -c manifests=DIR}): it writes the landscape's templates and manifests there; a bad
 * landscape fails it and writes none. The clone's own {@code cdk.out/} and {@code dist/} are left
 * exactly as they were, and the CLI, Maven and jsii below it keep their temporary files in the
 * test's directory too.
 */
class CdkCliTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** The first command of the README's set-up block: the synth command. */
  static String readmeSynthCommand() throws IOException {
    List<String> commands = readmeCommands();
    assertThat(commands).as("the README states exactly two set-up commands").hasSize(2);
    assertThat(commands.get(0)).contains("synth");
    return commands.get(0);
  }

  static List<String> readmeCommands() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String section = readme.substring(readme.indexOf("## Set-up on a fresh machine"));
    String block = section.substring(section.indexOf("```sh") + 5, section.indexOf("```", section.indexOf("```sh") + 5));
    List<String> commands = new ArrayList<>();
    for (String line : block.split("\n")) {
      String command = line.replaceAll("\\s+#.*$", "").trim();
      if (!command.isEmpty()) {
        commands.add(command);
      }
    }
    return commands;
  }

  record Result(int status, String output) {
  }

  /**
   * Runs a command in the clone's root, its temporary files (TMPDIR for the CDK CLI and Node.js,
   * java.io.tmpdir for the Maven that cdk.json's app runs, and so for jsii) in {@code dir/tmp}.
   */
  static Result sh(String command, Path dir) throws IOException, InterruptedException {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path log = dir.resolve("cdk-cli.log");
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).directory(ROOT.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("TMPDIR", tmp.toString());
    pb.environment().merge("MAVEN_OPTS", "-Djava.io.tmpdir=" + tmp, (before, added) -> before + " " + added);
    Process p = pb.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the CDK CLI finishes").isTrue();
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** The README's synth command with its cloud assembly and manifests in {@code dir}. */
  static String synthInto(Path dir, String... more) throws IOException {
    return readmeSynthCommand() + " -o " + quoted(dir.resolve("cdk.out")) + " -c manifests="
        + quoted(dir.resolve("dist")) + (more.length == 0 ? "" : " " + String.join(" ", more));
  }

  static String quoted(Path path) {
    return "'" + path.toString().replace("'", "'\\''") + "'";
  }

  /**
   * What is in the clone's own output directories, {@code cdk.out/} and {@code dist/}: every file
   * and directory below them with its size and modification time ("absent" for a missing one).
   */
  static Map<String, String> rootOutputs() throws IOException {
    Map<String, String> found = new TreeMap<>();
    for (String name : List.of("cdk.out", "dist")) {
      Path top = ROOT.resolve(name);
      if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
        found.put(name, "absent");
        continue;
      }
      try (Stream<Path> files = Files.walk(top)) {
        for (Path f : files.toList()) {
          BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          found.put(ROOT.relativize(f).toString(), (a.isDirectory() ? "dir " : a.size() + " bytes ")
              + a.lastModifiedTime().toInstant());
        }
      }
    }
    return found;
  }

  @Test
  void cdkJsonSetsExactlyTheContextFlagsTheAppUsesInProcess() throws IOException {
    JsonNode context = new ObjectMapper().readTree(ROOT.resolve("cdk.json").toFile()).path("context");
    assertThat(new ObjectMapper().convertValue(context, java.util.Map.class))
        .isEqualTo(io.github.zonewise.app.LandscapeApp.CONTEXT_FLAGS);
  }

  @Test
  void theReadmeTestCommandIsWhatCiRuns() throws IOException {
    String ci = Files.readString(ROOT.resolve(".ci/run"));
    assertThat(ci).contains(readmeCommands().get(1));
  }

  @Test
  void theReadmeSynthCommandWritesTheLandscapesTemplatesThroughTheCdkCli(@TempDir Path dir) throws Exception {
    Map<String, String> before = rootOutputs();
    Result result = sh(synthInto(dir), dir);
    assertThat(result.status()).as(result.output()).isZero();
    assertThat(result.output()).contains("zonewise: landscape 'shop' read from embedded default landscape and validated");
    Path out = dir.resolve("cdk.out");
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    List<String> stacks = new ArrayList<>();
    manifest.path("artifacts").fields().forEachRemaining(e -> {
      if (e.getValue().path("type").asText().equals("aws:cloudformation:stack")) {
        // the artifact id is the stack name (the manifest then leaves stackName out): what the CLI selects by
        stacks.add(e.getValue().path("properties").path("stackName").asText(e.getKey()));
        assertThat(e.getValue().path("displayName").asText()).isEqualTo(stacks.get(stacks.size() - 1));
        Path template = out.resolve(e.getValue().path("properties").path("templateFile").asText());
        assertThat(template).isNotEmptyFile();
      }
    });
    assertThat(stacks).contains("shop-network").allMatch(s -> s.startsWith("shop-"));
    assertThat(result.output()).contains("zonewise: " + stacks.size() + " stacks written to ");
    assertThat(dir.resolve("dist")).isDirectoryContaining("glob:**.k8s.yaml");
    assertThat(rootOutputs()).as("the clone's cdk.out/ and dist/ after the CLI test").isEqualTo(before);
    // the default synth leaves aws-cdk-lib's full CloudFormation validation to -c validate=full, and says so
    assertThat(result.output()).contains("zonewise: aws-cdk-lib's full CloudFormation validation not run");
    assertThat(out.resolve("validation-report.json")).doesNotExist();
  }

  @Test
  void validateFullRunsAwsCdkLibsCloudFormationValidationThroughTheCdkCli(@TempDir Path dir) throws Exception {
    Map<String, String> before = rootOutputs();
    Path out = dir.resolve("cdk.out");
    Result result = sh(synthInto(dir) + " -c validate=full", dir);
    assertThat(result.status()).as(result.output()).isZero();
    assertThat(result.output()).contains("zonewise: aws-cdk-lib's full CloudFormation validation ran (report ");
    JsonNode report = new ObjectMapper().readTree(out.resolve("validation-report.json").toFile());
    List<String> plugins = new ArrayList<>();
    List<String> violations = new ArrayList<>();
    for (JsonNode plugin : report.path("pluginReports")) {
      plugins.add(plugin.path("pluginName").asText());
      plugin.path("violations").forEach(v -> violations.add(v.path("ruleName").asText()));
    }
    // the report is written only when a validation plugin ran (none but aws-cdk-lib's is registered); it
    // lists a plugin only when it has something to say
    assertThat(plugins).isSubsetOf("CloudFormation Validate");
    assertThat(violations).isEmpty();
    assertThat(rootOutputs()).as("the clone's cdk.out/ and dist/ after the CLI test").isEqualTo(before);
  }

  @Test
  void cdkLsListsTheStackNamesAndItAndAnUnchangedSynthOfOneStackLeaveTheManifestsAndTheCostReportAsTheyAre(@TempDir Path dir) throws Exception {
    Map<String, String> before = rootOutputs();
    Result first = sh(synthInto(dir), dir);
    assertThat(first.status()).as(first.output()).isZero();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> dist = Files.list(dir.resolve("dist"))) {
      dist.forEach(files::add);
    }
    for (String name : List.of("zonewise-cost.md", "zonewise-cost.json", "zonewise-cost.svg")) {
      files.add(dir.resolve("cdk.out").resolve(name));
    }
    assertThat(files).hasSizeGreaterThan(3);
    List<Object> written = new ArrayList<>();
    for (Path f : files) {
      written.add(Files.getLastModifiedTime(f));
    }

    // cdk ls lists the stacks by their names, which select them: the second synth is of one stack
    Result ls = sh(synthInto(dir).replace(" synth", " ls"), dir);
    assertThat(ls.status()).as(ls.output()).isZero();
    assertThat(ls.output()).contains("manifests and cost report not written");
    assertThat(ls.output().lines().filter(l -> l.startsWith("shop")).toList())
        .containsExactly("shop-network", "shop-registry", "shop-registry-us-west-2", "shop-cluster");
    Result again = sh(synthInto(dir).replace(" synth", " synth shop-network"), dir);
    assertThat(again.status()).as(again.output()).isZero();
    assertThat(again.output()).doesNotContain("No stacks match")
        .contains("manifests unchanged in ").contains("zonewise: cost report unchanged in ");
    assertThat(again.output()).contains("Type: AWS::EC2::VPC");   // the selected stack's template, printed

    List<Object> after = new ArrayList<>();
    for (Path f : files) {
      after.add(Files.getLastModifiedTime(f));
    }
    assertThat(after).isEqualTo(written);
    assertThat(rootOutputs()).as("the clone's cdk.out/ and dist/ after the CLI test").isEqualTo(before);
  }

  @Test
  void aBadLandscapeFailsTheCdkCliWithOneMessageAndNoTemplate(@TempDir Path dir) throws Exception {
    Map<String, String> before = rootOutputs();
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "name: shop\nregion: eu-west-1\navailabilityZones: [eu-west-1a, eu-west-1a]\n");
    Path out = dir.resolve("cdk.out");
    Result result = sh(synthInto(dir, "-c landscape=" + quoted(file)), dir);
    assertThat(result.status()).isNotZero();
    assertThat(result.output()).contains("zonewise: error: availabilityZones[1]: 'eu-west-1a' is listed twice;"
        + " list each AZ once").doesNotContain("\tat ").doesNotContain("JsiiError");
    if (Files.exists(out)) {
      try (Stream<Path> files = Files.walk(out)) {
        assertThat(files.filter(p -> p.toString().endsWith(".template.json"))).isEmpty();
      }
    }
    assertThat(dir.resolve("dist")).doesNotExist();
    assertThat(rootOutputs()).as("the clone's cdk.out/ and dist/ after the CLI test").isEqualTo(before);
  }
}
