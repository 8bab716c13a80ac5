package io.github.zonewise.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zonewise.test.Scratch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Someone else's CDK Java app (test resource {@code consumer/}: its own pom, a dependency on
 * zonewise-constructs and nothing of this build) is built with Maven, offline, against the artifact this
 * build made, and runs as the README's "Using the library from another CDK app" says: it synthesizes a
 * landscape beside a stack of its own.
 *
 * <p>The artifact goes into a local repository of the test's own (the parent pom and zonewise-constructs
 * as {@code mvn install} lays them out; the constructs jar packed from this build's classes when the
 * run has not packaged it), whose every other artifact is the machine's local repository, linked.
 */
class ConsumerTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void aConsumerProjectBuildsAgainstTheArtifactAndSynthesizesALandscape() throws Exception {
    Path dir = Scratch.directory("consumer");
    String version = version();
    Path repo = repository(dir.resolve("repo"), version);
    Path project = copyProject(dir.resolve("project"), version);

    Result build = run(dir, List.of("mvn", "-B", "-ntp", "-o", "-q", "-Dstyle.color=never",
        "-Dmaven.repo.local=" + repo, "-f", project.resolve("pom.xml").toString(), "compile",
        "dependency:build-classpath", "-Dmdep.outputFile=" + dir.resolve("classpath.txt"), "-DincludeScope=runtime"));
    assertThat(build.status()).as(build.output()).isZero();

    String classpath = project.resolve("target/classes") + java.io.File.pathSeparator
        + Files.readString(dir.resolve("classpath.txt")).strip();
    Path out = dir.resolve("cdk.out");
    Path dist = dir.resolve("dist");
    Result app = run(dir, List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        classpath, "com.example.consumer.ConsumerApp", out.toString(), dist.toString()));
    assertThat(app.status()).as(app.output()).isZero();
    assertThat(app.output()).contains("consumer: 1 landscape stacks, 2 manifests");
    assertThat(out.resolve("tiny-network.template.json")).isRegularFile();
    assertThat(out.resolve("own-vpc.template.json")).isRegularFile();
    assertThat(dist.resolve("workloads-default.k8s.yaml")).isRegularFile();
  }

  record Result(int status, String output) {
  }

  static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
    Path log = Files.createTempFile(dir, "run", ".log");
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().merge("MAVEN_OPTS", "-Djava.io.tmpdir=" + dir, (a, b) -> a + " " + b);
    Process p = pb.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  static String version() throws IOException {
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    int start = pom.indexOf("<version>", pom.indexOf("<artifactId>zonewise-parent</artifactId>")) + "<version>".length();
    return pom.substring(start, pom.indexOf("</version>", start));
  }

  static Path copyProject(Path target, String version) throws IOException {
    Path source = Path.of("src/test/resources/consumer");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path f : files.toList()) {
        Path to = target.resolve(source.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.writeString(to, Files.readString(f).replace("@zonewise.version@", version));
        }
      }
    }
    return target;
  }

  /**
   * A local repository holding this build's zonewise-parent pom and zonewise-constructs, every other
   * group linked to the machine's local repository (nothing of Zonewise's there is seen).
   */
  static Path repository(Path repo, String version) throws IOException {
    Path machine = Path.of(System.getProperty("maven.repo.local",
        Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    link(machine, repo, List.of("io", "github", "zonewise"));
    Path zonewise = repo.resolve("io/github/zonewise");
    Path parent = Files.createDirectories(zonewise.resolve("zonewise-parent").resolve(version));
    Files.copy(ROOT.resolve("pom.xml"), parent.resolve("zonewise-parent-" + version + ".pom"));
    Path constructs = Files.createDirectories(zonewise.resolve("zonewise-constructs").resolve(version));
    Files.copy(ROOT.resolve("constructs/pom.xml"), constructs.resolve("zonewise-constructs-" + version + ".pom"));
    Path jar = constructs.resolve("zonewise-constructs-" + version + ".jar");
    Path built = constructsOnClasspath();
    if (Files.isDirectory(built)) {
      pack(built, jar);
    } else {
      Files.copy(built, jar);
    }
    return repo;
  }

  /** Links every entry of {@code from} into {@code to}, but descends along {@code path} (its last part left out). */
  static void link(Path from, Path to, List<String> path) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> entries = Files.list(from)) {
      for (Path e : entries.toList()) {
        String name = e.getFileName().toString();
        if (!path.isEmpty() && name.equals(path.get(0))) {
          if (path.size() > 1) {
            link(e, to.resolve(name), path.subList(1, path.size()));
          }
        } else {
          Files.createSymbolicLink(to.resolve(name), e);
        }
      }
    }
  }

  /** This build's zonewise-constructs on the test's classpath: its jar, or its classes directory. */
  static Path constructsOnClasspath() {
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path p = Path.of(entry).toAbsolutePath().normalize();
      if (p.startsWith(ROOT.resolve("constructs")) || p.getFileName().toString().startsWith("zonewise-constructs-")) {
        return p;
      }
    }
    throw new AssertionError("zonewise-constructs is not on the test classpath");
  }

  static void pack(Path classes, Path jar) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(classes)) {
      walk.filter(Files::isRegularFile).sorted().forEach(files::add);
    }
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
      for (Path f : files) {
        zip.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, zip);
        zip.closeEntry();
      }
    }
  }
}
