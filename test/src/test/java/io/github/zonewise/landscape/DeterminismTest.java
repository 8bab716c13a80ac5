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

/** Two synths of the same landscape are byte-identical: the cloud assembly and the manifests. */
class DeterminismTest {

  static Synth.Synthesized first;
  static Synth.Synthesized second;

  @BeforeAll
  static void synthesizeTwice() {
    first = Synth.defaultLandscape();
    second = Synth.run(null);
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
