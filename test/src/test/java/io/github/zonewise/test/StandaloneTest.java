package io.github.zonewise.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project stands on its own: a clone with nothing beside it builds and passes its tests. No
 * project file reaches for the reference folder the team keeps next to its clones (the schemas the
 * tests need are copies in the test resources, and {@code schemas/SOURCE.md} says where each comes from).
 */
class StandaloneTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path SCHEMAS = Path.of("src", "test", "resources", "schemas");

  /** A path to the folder beside the clone: {@code ..}, a slash or backslash, {@code shared}. */
  static final Pattern SHARED_PATH = Pattern.compile("\\.\\.[/\\\\]shared\\b");
  /** The same as string path segments in code: {@code Path.of} of {@code ".."} (once or more), then {@code "shared"}. */
  static final Pattern SHARED_SEGMENTS = Pattern.compile("\"\\.\\.\"\\s*,\\s*(?:\"\\.\\.\"\\s*,\\s*)*\"shared\"");

  /** Directories of a work tree that hold no project file. */
  static final Set<String> NOT_PROJECT = Set.of(".git", "target", ".zonewise", "node_modules", "cdk.out", "dist",
      ".idea");

  @Test
  void noProjectFileRefersToTheFolderBesideTheClone() throws Exception {
    List<String> found = new ArrayList<>();
    List<Path> files = projectFiles();
    assertThat(files).as("the project's files").contains(ROOT.resolve("pom.xml"), ROOT.resolve("README.md"),
        ROOT.resolve(".ci/run"));
    for (Path file : files) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      int line = 1;
      for (String l : text.split("\n", -1)) {
        if (SHARED_PATH.matcher(l).find() || SHARED_SEGMENTS.matcher(l).find()) {
          found.add(ROOT.relativize(file) + ":" + line + ": " + l.strip());
        }
        line++;
      }
    }
    assertThat(found).as("project files that refer to the folder beside the clone (" + ".." + "/shared);"
        + " the project must build and test with nothing beside it").isEmpty();
  }

  @Test
  void theCheckFindsAReferenceToTheFolderBesideTheClone() {
    String parent = "..";
    assertThat(SHARED_PATH.matcher("<dir>${root}/" + parent + "/shared/schemas</dir>").find()).isTrue();
    assertThat(SHARED_PATH.matcher("see " + parent + "\\shared\\FACTS.md").find()).isTrue();
    assertThat(SHARED_SEGMENTS.matcher("Path.of(\"" + parent + "\", \"" + parent + "\", \"shared\", \"x\")").find())
        .isTrue();
    assertThat(SHARED_PATH.matcher("a shared gateway; ./shared; " + parent + "/sharedx").find()).isFalse();
  }

  @Test
  void everySchemaFileIsNamedInSourceMdWithItsHash() throws Exception {
    String source = Files.readString(SCHEMAS.resolve("SOURCE.md"));
    List<Path> schemas;
    try (Stream<Path> walk = Files.walk(SCHEMAS)) {
      schemas = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("SOURCE.md"))
          .sorted().toList();
    }
    assertThat(schemas).hasSizeGreaterThanOrEqualTo(6);
    for (Path schema : schemas) {
      String name = SCHEMAS.relativize(schema).toString().replace('\\', '/');
      assertThat(source).as("schemas/SOURCE.md names " + name).contains("`" + name + "`");
      assertThat(source).as("schemas/SOURCE.md gives the SHA-256 of " + name).contains(sha256(schema));
    }
  }

  /** The project's files: those git tracks, or, without git, every file outside build and tool directories. */
  static List<Path> projectFiles() throws IOException, InterruptedException {
    try {
      Process git = new ProcessBuilder("git", "ls-files", "-z").directory(ROOT.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] out = git.getInputStream().readAllBytes();
      if (git.waitFor(1, TimeUnit.MINUTES) && git.exitValue() == 0 && out.length > 0) {
        return Stream.of(new String(out, StandardCharsets.UTF_8).split("\0")).filter(s -> !s.isEmpty())
            .map(ROOT::resolve).filter(Files::isRegularFile).toList();
      }
    } catch (IOException e) {
      // no git: walk the tree
    }
    try (Stream<Path> walk = Files.walk(ROOT)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> {
            for (Path part : ROOT.relativize(f)) {
              if (NOT_PROJECT.contains(part.toString())) {
                return false;
              }
            }
            return true;
          })
          .toList();
    }
  }

  static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
