package io.github.zonewise.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zonewise.test.Synth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two synths of the same landscape are byte-identical, the cloud assembly and the manifests: one
 * in this JVM and one in a JVM of its own (so hash-seeded iteration orders, which differ between
 * JVM runs, cannot hide).
 */
class DeterminismTest {

  record Output(Path outdir, Path dist) {
  }

  static Output first;
  static Output second;

  @BeforeAll
  static void synthesizeTwice() {
    // two fresh synths: the shared one is re-synthesized by Template/Annotations.fromStack in other
    // classes, which appends the cdk-nag report rows again
    Synth.Synthesized inProcess = Synth.run(null);
    first = new Output(inProcess.outdir(), inProcess.dist());
    second = inAnotherJvm();
  }

  /** The app's own main class in a new JVM, with the context the in-process synth had. */
  static Output inAnotherJvm() {
    try {
      Path dir = io.github.zonewise.test.Scratch.directory("zonewise-jvm");
      // the new JVM's temporary files (jsii unpacks its runtime there) stay in this scratch directory
      Path tmp = Files.createDirectories(dir.resolve("tmp"));
      Output out = new Output(dir.resolve("cdk.out"), dir.resolve("dist"));
      Map<String, Object> context = new java.util.LinkedHashMap<>(io.github.zonewise.app.LandscapeApp.CONTEXT_FLAGS);
      context.putAll(io.github.zonewise.app.LandscapeApp.CLI_CONTEXT);
      context.put(io.github.zonewise.app.LandscapeApp.MANIFESTS_CONTEXT, out.dist().toString());
      String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb = new ProcessBuilder(javaBin, "-Djava.io.tmpdir=" + tmp, "-cp",
          System.getProperty("java.class.path"), io.github.zonewise.app.LandscapeApp.class.getName())
          .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile());
      pb.environment().put("TMPDIR", tmp.toString());
      pb.environment().put("CDK_OUTDIR", out.outdir().toString());
      pb.environment().put("CDK_CONTEXT_JSON", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(context));
      Process p = pb.start();
      assertThat(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(dir.resolve("log.txt"))).isZero();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> files(Path dir) {
    Map<String, String> out = new TreeMap<>();
    if (!Files.exists(dir)) {
      return out;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile).forEach(f -> {
        try {
          out.put(dir.relativize(f).toString(), new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @Test
  void theCloudAssemblyIsByteIdentical() {
    Map<String, String> a = files(first.outdir());
    Map<String, String> b = files(second.outdir());
    assertThat(b.keySet()).isEqualTo(a.keySet());
    a.forEach((name, content) -> assertThat(b.get(name)).as(name).isEqualTo(content));
  }

  @Test
  void theManifestsAreByteIdentical() {
    Map<String, String> a = files(first.dist());
    Map<String, String> b = files(second.dist());
    assertThat(b.keySet()).isEqualTo(a.keySet());
    a.forEach((name, content) -> assertThat(b.get(name)).as(name).isEqualTo(content));
  }
}
