package io.github.zonewise.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zonewise.test.Synth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;

/**
 * Every stack of the default landscape passes cdk-nag's AwsSolutions pack and aws-cdk-lib's
 * CloudFormation validation with nothing left over.
 */
class DefaultLandscapeComplianceTest {

  static Synth.Synthesized synth;

  @BeforeAll
  static void synthesize() {
    synth = Synth.defaultLandscape();
  }

  @Test
  void noStackHasAnUnsuppressedAwsSolutionsError() {
    List<String> errors = new ArrayList<>();
    for (Stack stack : synth.landscape().stacks()) {
      String concern = stack.getStackName().substring(stack.getStackName().indexOf('-') + 1);
      errors.addAll(synth.nagFindings(concern, true));
    }
    assertThat(errors).isEmpty();
  }

  @Test
  void everySuppressionCarriesAWrittenReason() throws IOException {
    for (Stack stack : synth.landscape().stacks()) {
      Path report = synth.outdir().resolve("AwsSolutions-" + stack.getStackName() + "-NagReport.csv");
      assertThat(report).exists();
      for (String line : Files.readAllLines(report)) {
        // Rule ID, Resource ID, Compliance, Exception Reason, Rule Level, Rule Info
        String[] cells = line.substring(1, line.length() - 1).split("\",\"");
        if (cells.length > 3 && cells[2].equals("Suppressed")) {
          assertThat(cells[3].trim()).as("reason of %s on %s", cells[0], cells[1]).hasSizeGreaterThan(20);
        }
      }
    }
  }

  @Test
  void theCloudFormationValidationReportHasNoViolation() throws IOException {
    JsonNode report = new ObjectMapper().readTree(synth.outdir().resolve("validation-report.json").toFile());
    List<String> violations = new ArrayList<>();
    for (JsonNode plugin : report.path("pluginReports")) {
      for (JsonNode v : plugin.path("violations")) {
        violations.add(v.path("ruleName").asText() + " " + v.path("description").asText());
      }
    }
    assertThat(violations).isEmpty();
  }
}
