package io.github.zonewise.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The read layer imports only facts and libraries (DESIGN.md's layer table): no construct, no jsii. */
class ReaderLayerTest {

  static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);

  @Test
  void synthImportsOnlyFactsAndLibraries() throws IOException {
    Path dir = Path.of("src/main/java/io/github/zonewise/synth");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Matcher m = IMPORT.matcher(Files.readString(f));
        while (m.find()) {
          String imported = m.group(2);
          assertThat(imported).as(f.getFileName() + " imports " + imported)
              .matches(i -> List.of("java.", "com.fasterxml.jackson.", "org.yaml.snakeyaml.",
                  "io.github.zonewise.facts.").stream().anyMatch(i::startsWith));
        }
      }
    }
  }
}
