package io.github.zonewise.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's command, {@code java -jar apps/target/zonewise.jar lint ...}, on the jar the build
 * packages: Java alone, no CDK on the class path.
 */
class RunnableJarTest {

  static final Path JAR = Path.of("..", "apps", "target", "zonewise.jar");

  @Test
  void builtJarLintsManifestsOnJavaAlone(@TempDir Path dir) throws Exception {
    assertThat(JAR).as("built by the apps module's package phase").exists();
    Files.writeString(dir.resolve("catalog.yaml"), """
        apiVersion: v1
        kind: Service
        metadata: {name: catalog, namespace: shop}
        spec:
          selector: {app: catalog}
          ports: [{port: 80}]
        """);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString(), "lint", "--manifests", dir.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(out).isEqualTo(1);
    assertThat(out).startsWith("error ZW-SVC1 " + dir.resolve("catalog.yaml") + " Service/shop/catalog: "
        + CostRules.SVC1.info() + "\n");
  }

  @Test
  void builtJarChecksALandscapeOnJavaAlone(@TempDir Path dir) throws Exception {
    Run good = jar("check");
    assertThat(good.status()).as(good.output()).isZero();
    assertThat(good.output()).startsWith("zonewise: landscape 'shop' read from embedded default landscape and validated")
        .contains("\nzonewise: decided network.nat: perAz").contains("\nzonewise: predicted network cost a month");
    Path bad = dir.resolve("landscape.yaml");
    Files.writeString(bad, "name: shop\nregion: eu-west-1\navailabilityZones: [eu-west-1a, us-east-1b]\n");
    Run refused = jar("check", bad.toString());
    assertThat(refused.status()).as(refused.output()).isEqualTo(1);
    assertThat(refused.output()).isEqualTo("zonewise: error: availabilityZones[1]: 'us-east-1b' is not an AZ of region"
        + " eu-west-1; use one of [eu-west-1a, eu-west-1b, eu-west-1c] (line 3, column 33)\n");
    Run unreadable = jar("check", dir.toString());
    assertThat(unreadable.status()).as(unreadable.output()).isEqualTo(2);
    assertThat(unreadable.output()).isEqualTo("zonewise: error: landscape: " + dir + " is a directory, not a landscape"
        + " file; give the path of a landscape YAML file\n");
  }

  @Test
  void launcherStartsTheJarWithItsClassDataArchive() throws Exception {
    Path archive = JAR.resolveSibling("zonewise.jsa");
    assertThat(archive).as("dumped by the apps module's package phase").exists();
    // -Xshare:on fails the start instead of falling back: the archive maps onto this JDK and this jar
    Run mapped = jar(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on"), "--version");
    assertThat(mapped.status()).as(mapped.output()).isZero();
    assertThat(mapped.output()).isEqualTo("zonewise 0.1.0\n");
    Process process = new ProcessBuilder(Path.of("..", "bin", "zonewise").toString(), "check")
        .redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(out).isZero();
    assertThat(out).isEqualTo(jar("check").output());
  }

  record Run(int status, String output) {
  }

  static Run jar(String... args) throws IOException, InterruptedException {
    return jar(List.of(), args);
  }

  static Run jar(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), out);
  }

  @Test
  void builtJarHoldsNoCdkClasses() throws IOException {
    try (var jar = new java.util.jar.JarFile(JAR.toFile())) {
      assertThat(jar.stream().map(java.util.jar.JarEntry::getName))
          .anyMatch(n -> n.equals("io/github/zonewise/lint/Linter.class"))
          .noneMatch(n -> n.startsWith("software/amazon/awscdk/"));
    }
  }
}
