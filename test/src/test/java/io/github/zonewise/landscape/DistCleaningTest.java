package io.github.zonewise.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zonewise.app.LandscapeApp;
import io.github.zonewise.test.Scratch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Synths of changing landscapes into one manifests directory: a manifest an earlier synth wrote and
 * this one did not is removed, and the synth says so; a user's own files (listed in no synth's
 * {@link LandscapeApp#WRITTEN_LIST}) stay, and a manifest that is written again unchanged is left as it was.
 */
class DistCleaningTest {

  static final String HEAD = "name: shop\nregion: eu-west-1\navailabilityZones: [eu-west-1a, eu-west-1b]\n";
  static final String TWO_NAMESPACES = HEAD + """
      services:
        - {name: orders, namespace: shop, image: orders:1.0.0, port: 8080, replicas: 2}
        - {name: reports, namespace: back-office, image: reports:2.0.0, port: 9000, replicas: 2}
      """;
  static final String ONE_NAMESPACE = HEAD + """
      services:
        - {name: orders, namespace: shop, image: orders:1.0.0, port: 8080, replicas: 2}
      """;
  static final String NO_SERVICES = HEAD + "services: []\nnodePools: []\n";

  static Path dir;
  static Path dist;
  static String first;
  static String second;
  static String third;
  static FileTime ordersWritten;
  static FileTime ordersAfterSecond;

  static String synth(String yaml, String name) throws IOException {
    Path file = Files.writeString(dir.resolve(name + ".yaml"), yaml);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LandscapeApp.synth(LandscapeApp.app(dir.resolve("cdk.out-" + name), Map.of(LandscapeApp.LANDSCAPE_CONTEXT,
        file.toString(), LandscapeApp.MANIFESTS_CONTEXT, dist.toString())),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @BeforeAll
  static void synthesize() throws IOException {
    dir = Scratch.directory("zonewise-dist");
    dist = Files.createDirectories(dir.resolve("dist"));
    // the user's own files beside the generated ones
    Files.writeString(dist.resolve("mine.k8s.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: mine}\n");
    Files.writeString(dist.resolve("README.txt"), "my notes\n");
    first = synth(TWO_NAMESPACES, "first");
    ordersWritten = Files.getLastModifiedTime(dist.resolve("workloads-shop.k8s.yaml"));
    second = synth(ONE_NAMESPACE, "second");
    ordersAfterSecond = Files.getLastModifiedTime(dist.resolve("workloads-shop.k8s.yaml"));
    third = synth(NO_SERVICES, "third");
  }

  static List<String> files() throws IOException {
    try (Stream<Path> files = Files.list(dist)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aNamespaceDroppedFromTheLandscapeHasItsManifestRemovedAndTheSynthSaysSo() {
    assertThat(first).doesNotContain("zonewise: removed");
    assertThat(second.lines()).contains("zonewise: removed from " + dist + " 1 manifest an earlier synth wrote and"
        + " this one did not (workloads-back-office.k8s.yaml)");
    assertThat(dist.resolve("workloads-back-office.k8s.yaml")).doesNotExist();
    // the manifest both synths wrote is left as it was
    assertThat(ordersAfterSecond).isEqualTo(ordersWritten);
  }

  @Test
  void aLandscapeWithoutServicesRemovesEveryGeneratedManifestAndNoneOfTheUsersFiles() throws IOException {
    assertThat(third.lines()).contains("zonewise: removed from " + dist + " 2 manifests an earlier synth wrote and"
        + " this one did not (nodepools.k8s.yaml, workloads-shop.k8s.yaml)");
    assertThat(files()).containsExactly("README.txt", "mine.k8s.yaml");
  }
}
