package io.github.zonewise.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Scratch directories for what outlives one test class (the synthesized landscapes {@link Synth}
 * shares between test classes): all in one directory of {@code java.io.tmpdir} per test JVM,
 * deleted with everything in it when the JVM exits. A test that owns its files uses JUnit's
 * {@code @TempDir} instead.
 */
public final class Scratch {

  private static Path root;

  private Scratch() {
  }

  /**
   * A new, empty directory.
   *
   * @param prefix the start of its name
   * @return the directory
   */
  public static synchronized Path directory(String prefix) {
    try {
      if (root == null) {
        Path dir = Files.createTempDirectory("zonewise-tests");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "delete " + dir));
        root = dir;
      }
      return Files.createTempDirectory(root, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deletes a directory and everything in it, as far as it can.
   *
   * @param dir the directory
   */
  public static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a file removed meanwhile, or unreadable: what is left stays in the temporary directory
    }
  }
}
