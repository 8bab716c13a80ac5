package io.github.zonewise.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code zonewise lint}'s exit codes and messages on manifest files and unreadable input. */
class LintCommandTest {

  @TempDir
  static Path dir;

  static final String ZONAL_SERVICE = """
      apiVersion: v1
      kind: Service
      metadata:
        name: orders
        namespace: shop
        annotations: {service.kubernetes.io/topology-mode: Auto}
      spec:
        selector: {app: orders}
        ports: [{port: 80}]
      """;

  @BeforeAll
  static void files() throws IOException {
    Files.createDirectories(dir.resolve("clean"));
    Files.writeString(dir.resolve("clean/orders.yaml"), ZONAL_SERVICE);
    Files.createDirectories(dir.resolve("warnings"));
    Files.writeString(dir.resolve("warnings/catalog.yaml"), ZONAL_SERVICE + """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: orders, namespace: shop}
        spec:
          replicas: 3
          selector: {matchLabels: {app: orders}}
          template:
            metadata: {labels: {app: orders}}
            spec:
              containers: [{name: orders, image: orders:1.4.2}]
        """);
    Files.createDirectories(dir.resolve("errors/nested"));
    Files.writeString(dir.resolve("errors/nested/provisioner.yml"), """
        apiVersion: karpenter.sh/v1alpha5
        kind: Provisioner
        metadata: {name: default}
        spec: {}
        """);
    Files.createDirectories(dir.resolve("broken"));
    Files.writeString(dir.resolve("broken/bad.yaml"), "kind: Service\nmetadata: {name: [unclosed\n");
    Files.writeString(dir.resolve("bad.template.json"), "{\"Resources\": {");
    Files.writeString(dir.resolve("not-a-template.json"), "{\"hello\": 1}");
    Files.createDirectories(dir.resolve("not-an-assembly"));
  }

  @Test
  void exitsZeroWhenClean() {
    NaiveAppLintTest.Run run = NaiveAppLintTest.lint("lint", "--manifests", dir.resolve("clean").toString());
    assertThat(run.code()).isZero();
    assertThat(run.out()).isEqualTo("zonewise lint: 0 errors, 0 warnings in 0 templates (0 resources) and "
        + "1 manifest file (1 Kubernetes object)\n");
  }

  @Test
  void exitsZeroWhenThereAreOnlyWarnings() {
    NaiveAppLintTest.Run run = NaiveAppLintTest.lint("lint", "--manifests", dir.resolve("warnings").toString());
    assertThat(run.code()).isZero();
    assertThat(run.lines()).first().isEqualTo("warning ZW-DEP1 " + dir.resolve("warnings/catalog.yaml")
        + " Deployment/shop/orders: " + CostRules.DEP1.info());
  }

  @Test
  void exitsOneOnAnErrorInANestedManifestFile() {
    NaiveAppLintTest.Run run = NaiveAppLintTest.lint("lint", "--manifests", dir.resolve("errors").toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.lines()).first().isEqualTo("error ZW-KRP1 " + dir.resolve("errors/nested/provisioner.yml")
        + " Provisioner/default: " + CostRules.KRP1.info());
  }

  @Test
  void exitsTwoNamingAMissingInput() {
    NaiveAppLintTest.Run run = NaiveAppLintTest.lint("lint", dir.resolve("missing").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("zonewise lint: cannot read " + dir.resolve("missing") + ": no such file\n");
  }

  @Test
  void exitsTwoNamingADirectoryThatIsNotACloudAssembly() {
    NaiveAppLintTest.Run run = NaiveAppLintTest.lint("lint", dir.resolve("not-an-assembly").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("zonewise lint: cannot read " + dir.resolve("not-an-assembly")
        + ": not a cloud assembly (no manifest.json); give the cdk.out directory or template files\n");
  }

  @Test
  void exitsTwoNamingATemplateThatIsNotJson() {
    NaiveAppLintTest.Run run = NaiveAppLintTest.lint("lint", dir.resolve("bad.template.json").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("zonewise lint: cannot read " + dir.resolve("bad.template.json") + ": not JSON (");
  }

  @Test
  void exitsTwoNamingJsonThatIsNotATemplate() {
    NaiveAppLintTest.Run run = NaiveAppLintTest.lint("lint", dir.resolve("not-a-template.json").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("zonewise lint: cannot read " + dir.resolve("not-a-template.json")
        + ": not a CloudFormation template (no Resources)\n");
  }

  @Test
  void exitsTwoNamingAManifestFileThatIsNotYaml() {
    NaiveAppLintTest.Run run = NaiveAppLintTest.lint("lint", "--manifests", dir.resolve("broken").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("zonewise lint: cannot read " + dir.resolve("broken/bad.yaml") + ": not YAML (");
  }

  @Test
  void exitsTwoWithoutInput() {
    NaiveAppLintTest.Run run = NaiveAppLintTest.lint("lint");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("Give a cloud assembly (cdk.out), template files or --manifests DIR\n");
  }
}
