package io.github.zonewise.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's synth command, run as written through the real CDK CLI and cdk.json on this clone:
 * it writes the landscape's templates to cdk.out/; a bad landscape fails it and writes none.
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

  static Result sh(String command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("cdk-cli", ".log");
    Process p = new ProcessBuilder("sh", "-c", command).directory(ROOT.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the CDK CLI finishes").isTrue();
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
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
  void theReadmeSynthCommandWritesTheLandscapesTemplatesThroughTheCdkCli() throws Exception {
    Result result = sh(readmeSynthCommand());
    assertThat(result.status()).as(result.output()).isZero();
    assertThat(result.output()).contains("zonewise: landscape 'shop' read from embedded default landscape and validated");
    JsonNode manifest = new ObjectMapper().readTree(ROOT.resolve("cdk.out/manifest.json").toFile());
    List<String> stacks = new ArrayList<>();
    manifest.path("artifacts").fields().forEachRemaining(e -> {
      if (e.getValue().path("type").asText().equals("aws:cloudformation:stack")) {
        stacks.add(e.getValue().path("properties").path("stackName").asText());
        Path template = ROOT.resolve("cdk.out").resolve(e.getValue().path("properties").path("templateFile").asText());
        assertThat(template).isNotEmptyFile();
      }
    });
    assertThat(stacks).contains("shop-network").allMatch(s -> s.startsWith("shop-"));
    assertThat(result.output()).contains("zonewise: " + stacks.size() + " stacks written to ");
    // the default synth leaves aws-cdk-lib's full CloudFormation validation to -c validate=full, and says so
    assertThat(result.output()).contains("zonewise: aws-cdk-lib's full CloudFormation validation not run");
    assertThat(ROOT.resolve("cdk.out/validation-report.json")).doesNotExist();
  }

  @Test
  void validateFullRunsAwsCdkLibsCloudFormationValidationThroughTheCdkCli() throws Exception {
    Path out = Files.createTempDirectory("zonewise-cli-validate").resolve("out");
    Result result = sh(readmeSynthCommand() + " -c validate=full -o " + out);
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
  }

  @Test
  void cdkLsAndAnUnchangedSynthLeaveTheManifestsAndTheCostReportAsTheyAre() throws Exception {
    Path dir = Files.createTempDirectory("zonewise-cli-ls");
    String options = " -c manifests=" + dir.resolve("dist") + " -o " + dir.resolve("out");
    Result first = sh(readmeSynthCommand() + options);
    assertThat(first.status()).as(first.output()).isZero();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> dist = Files.list(dir.resolve("dist"))) {
      dist.forEach(files::add);
    }
    for (String name : List.of("zonewise-cost.md", "zonewise-cost.json", "zonewise-cost.svg")) {
      files.add(dir.resolve("out").resolve(name));
    }
    assertThat(files).hasSizeGreaterThan(3);
    List<Object> written = new ArrayList<>();
    for (Path f : files) {
      written.add(Files.getLastModifiedTime(f));
    }

    Result ls = sh(readmeSynthCommand().replace(" synth", " ls") + options);
    assertThat(ls.status()).as(ls.output()).isZero();
    assertThat(ls.output()).contains("shop-network").contains("manifests and cost report not written");
    Result again = sh(readmeSynthCommand() + options);
    assertThat(again.status()).as(again.output()).isZero();
    assertThat(again.output()).contains("manifests unchanged in ").contains("zonewise: cost report unchanged in ");

    List<Object> after = new ArrayList<>();
    for (Path f : files) {
      after.add(Files.getLastModifiedTime(f));
    }
    assertThat(after).isEqualTo(written);
  }

  @Test
  void aBadLandscapeFailsTheCdkCliWithOneMessageAndNoTemplate() throws Exception {
    Path dir = Files.createTempDirectory("zonewise-cli-bad");
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "name: shop\nregion: eu-west-1\navailabilityZones: [eu-west-1a, eu-west-1a]\n");
    Path out = dir.resolve("out");
    Result result = sh(readmeSynthCommand() + " -c landscape=" + file + " -o " + out);
    assertThat(result.status()).isNotZero();
    assertThat(result.output()).contains("zonewise: error: availabilityZones[1]: 'eu-west-1a' is listed twice;"
        + " list each AZ once").doesNotContain("\tat ").doesNotContain("JsiiError");
    if (Files.exists(out)) {
      try (Stream<Path> files = Files.walk(out)) {
        assertThat(files.filter(p -> p.toString().endsWith(".template.json"))).isEmpty();
      }
    }
  }
}
