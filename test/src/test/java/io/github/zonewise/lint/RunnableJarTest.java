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
  void builtJarHoldsNoCdkClasses() throws IOException {
    try (var jar = new java.util.jar.JarFile(JAR.toFile())) {
      assertThat(jar.stream().map(java.util.jar.JarEntry::getName))
          .anyMatch(n -> n.equals("io/github/zonewise/lint/Linter.class"))
          .noneMatch(n -> n.startsWith("software/amazon/awscdk/"));
    }
  }
}
