package io.github.zonewise.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built jar with a small heap: manifest files are streamed, so memory does not grow with them;
 * running out of memory anyway is exit 2 with a message, never exit 1 ("errors found") with a stack trace.
 */
class LintMemoryTest {

  record Run(int code, String out) {
  }

  static Run jar(String heap, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-jar", RunnableJarTest.JAR.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), out);
  }

  static final String ZONAL = """
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: NAME
        namespace: shop
        annotations: {service.kubernetes.io/topology-mode: Auto, note: "%s"}
      spec: {selector: {app: NAME}, ports: [{port: 80}]}
      """.formatted("z".repeat(300));

  @Test
  void memoryDoesNotGrowWithTheManifests() throws Exception {
    Path dir = Files.createTempDirectory("zonewise-memory");
    long total = 0;
    for (int f = 0; f < 150; f++) {
      try (Writer w = Files.newBufferedWriter(dir.resolve("file" + f + ".yaml"))) {
        for (int i = 0; i < 400; i++) {
          String s = ZONAL.replace("NAME", "svc" + f + "-" + i);
          w.write(s);
          total += s.length();
        }
      }
    }
    Files.writeString(dir.resolve("plain.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: plain, namespace: "
        + "shop}\nspec: {selector: {app: plain}, ports: [{port: 80}]}\n");
    assertThat(total).isGreaterThan(25L * 1024 * 1024);
    Run run = jar("32m", "lint", "--manifests", dir.toString());
    assertThat(run.code()).as(run.out()).isEqualTo(1);
    assertThat(run.out()).contains("error ZW-SVC1 " + dir.resolve("plain.yaml") + " Service/shop/plain")
        .contains("1 error, 0 warnings in 0 templates (0 resources) and 151 manifest files (60001 Kubernetes objects)");
  }

  @Test
  void runningOutOfMemoryExitsTwoWithAMessage() throws Exception {
    Path file = Files.createTempDirectory("zonewise-oom").resolve("configmap.yaml");
    try (Writer w = Files.newBufferedWriter(file)) {
      w.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge}\ndata:\n");
      for (int i = 0; i < 600_000; i++) {
        w.write("  key" + i + ": value-" + i + "\n");
      }
    }
    Run run = jar("24m", "lint", "--manifests", file.toString());
    assertThat(run.code()).as(run.out()).isEqualTo(2);
    assertThat(run.out()).startsWith("zonewise lint: out of memory").doesNotContain("\tat ", "Exception in thread");
  }
}
