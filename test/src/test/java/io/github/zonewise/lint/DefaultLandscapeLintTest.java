package io.github.zonewise.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zonewise.test.Synth;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;

/** Zonewise's own default landscape passes its own cost lint, in both forms, with no finding. */
class DefaultLandscapeLintTest {

  static Synth.Synthesized synth;
  static NaiveAppLintTest.Run cli;

  @BeforeAll
  static void synthesize() {
    synth = Synth.defaultLandscape();
    List<String> args = new ArrayList<>(List.of("lint", synth.outdir().toString()));
    if (Files.isDirectory(synth.dist())) {
      args.addAll(List.of("--manifests", synth.dist().toString()));
    }
    cli = NaiveAppLintTest.lint(args.toArray(String[]::new));
  }

  @Test
  void nagPackAnnotatesNothingOnAnyStack() {
    // the messages of the written assembly (Annotations.fromStack would synthesize the shared app again)
    for (Stack stack : synth.landscape().stacks()) {
      assertThat(synth.assembly().getStackArtifact(stack.getArtifactId()).getMessages())
          .as(stack.getStackName())
          .noneMatch(m -> String.valueOf(m.getEntry().getData()).contains("ZW-"));
    }
  }

  @Test
  void commandLineFindsNothingAndExitsZero() {
    assertThat(cli.code()).as(cli.out() + cli.err()).isZero();
    assertThat(cli.lines()).noneMatch(l -> l.startsWith("error ") || l.startsWith("warning "));
    int stacks = synth.landscape().stacks().size();
    assertThat(cli.lines()).last().asString().startsWith("zonewise lint: 0 errors, 0 warnings in "
        + stacks + (stacks == 1 ? " template " : " templates "));
  }

  @Test
  void everyStackHasTheCostLintsNagReportAndAwsSolutions() {
    List<String> stacks = synth.landscape().stacks().stream().map(Stack::getStackName).toList();
    assertThat(stacks).containsExactly("shop-network", "shop-registry", "shop-registry-us-west-2", "shop-cluster");
    for (String stack : stacks) {
      assertThat(synth.outdir().resolve("ZW-" + stack + "-NagReport.csv")).as(stack).isRegularFile()
          .content().startsWith("Rule ID,Resource ID,Compliance,Exception Reason,Rule Level,Rule Info\n");
      assertThat(synth.outdir().resolve("AwsSolutions-" + stack + "-NagReport.csv")).as(stack).isRegularFile();
    }
  }

  @Test
  void nagReportOfTheNetworkStackListsTheRulesItApplied() throws IOException {
    List<String> report = Files.readAllLines(synth.outdir().resolve("ZW-shop-network-NagReport.csv"));
    for (String zone : List.of("A", "B", "C")) {
      assertThat(report).contains("\"ZW-NAT1\",\"shop-network/Vpc/Private" + zone + "/Subnet\",\"Compliant\",\"N/A\","
          + "\"Error\",\"" + CostRules.NAT1.info() + "\"");
    }
    assertThat(report).anyMatch(l -> l.startsWith("\"ZW-VPCE1\",\"shop-network/Vpc/Resource\",\"Compliant\""));
    assertThat(report).anyMatch(l -> l.startsWith("\"ZW-VPCE2\",\"shop-network/Vpc/Resource\",\"Compliant\""));
    assertThat(report).noneMatch(l -> l.contains("Non-Compliant"));
  }
}
