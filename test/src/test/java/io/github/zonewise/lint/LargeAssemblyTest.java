package io.github.zonewise.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's generated assembly: the checker finds exactly what it plants. */
class LargeAssemblyTest {

  static LargeAssembly.Planted planted;
  static LintReport report;

  @TempDir
  static Path dir;

  @BeforeAll
  static void generateAndLint() throws Exception {
    planted = LargeAssembly.generate(dir, 10, 100);
    report = new Linter(NaiveAppLintTest.DAY_AS_DATE).lint(List.of(dir.resolve("cdk.out")), List.of(dir.resolve("dist")));
  }

  @Test
  void checkerFindsExactlyThePlantedProblems() {
    Map<String, Long> byRule = report.findings().stream()
        .collect(Collectors.groupingBy(f -> f.rule().id(), Collectors.counting()));
    assertThat(byRule).isEqualTo(Map.of("ZW-NAT1", (long) planted.nat1(), "ZW-VPCE2", (long) planted.vpce2(),
        "ZW-SVC1", (long) planted.svc1()));
    assertThat(planted).isEqualTo(new LargeAssembly.Planted(10, 100, 2, 2, 10));
  }

  @Test
  void checkerReadsEveryTemplateManifestAndObject() {
    assertThat(report.templates()).isEqualTo(10);
    assertThat(report.manifestFiles()).isEqualTo(10);
    assertThat(report.objects()).isEqualTo(200);   // each Service with its Deployment
    assertThat(report.notes()).isEmpty();
  }
}
