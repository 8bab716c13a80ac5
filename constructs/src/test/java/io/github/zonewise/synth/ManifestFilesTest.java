package io.github.zonewise.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Manifest files: listed recursively, read one at a time; patches, fragments and bad files set aside. */
class ManifestFilesTest {

  static Path dir;
  static final List<KubernetesObject> OBJECTS = new ArrayList<>();
  static final List<Note> NOTES = new ArrayList<>();

  static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: orders, namespace: shop}
      spec:
        replicas: 3
        selector: {matchLabels: {app: orders}}
        template:
          metadata: {labels: {app: orders}}
          spec: {containers: [{name: orders, image: orders}]}
      """;

  @BeforeAll
  static void read() throws IOException {
    dir = Files.createTempDirectory("zonewise-synth-manifests");
    Files.createDirectories(dir.resolve("base/nested"));
    Files.writeString(dir.resolve("base/deployment.yaml"), DEPLOYMENT);
    Files.writeString(dir.resolve("base/nested/service.yml"), """
        apiVersion: v1
        kind: Service
        metadata: {name: orders}
        spec: {selector: {app: orders}, ports: [{port: 80}]}
        ---
        # a comment-only document
        ---
        just: config
        """);
    Files.writeString(dir.resolve("base/kustomization.yaml"), """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources: [deployment.yaml]
        patches:
          - path: replicas.yaml
          - patch: |-
              - op: replace
        patchesStrategicMerge: [nested/annotations.yaml]
        """);
    Files.writeString(dir.resolve("base/replicas.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: orders}
        spec: {replicas: 1}
        """);
    Files.writeString(dir.resolve("base/nested/annotations.yaml"), """
        apiVersion: v1
        kind: Service
        metadata: {name: orders, annotations: {a: b}}
        """);
    Files.writeString(dir.resolve("fragment.yaml"), """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec: {replicas: 3}
        """);
    Files.writeString(dir.resolve("helm.yaml"), """
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ .Values.name }}
        """);
    Files.writeString(dir.resolve("half.yaml"), DEPLOYMENT + "---\nkind: Service\nmetadata: {name: [x\n");
    Files.writeString(dir.resolve("readme.txt"), "not a manifest");
    ManifestFiles files = ManifestFiles.of(List.of(dir, dir.resolve("missing")));
    files.readAll(OBJECTS::add, NOTES::add);
  }

  @Test
  void readsEveryYamlFileBelowTheDirectoryInPathOrder() {
    assertThat(OBJECTS).extracting(o -> dir.relativize(o.file()) + " " + o.id()).containsExactly(
        "base/deployment.yaml Deployment/shop/orders",
        "base/nested/service.yml Service/default/orders",
        "half.yaml Deployment/shop/orders");
    assertThat(OBJECTS.get(1).line()).isEqualTo(1);
  }

  @Test
  void kustomizePatchesAreSetAsideNamingTheirKustomization() {
    assertThat(NOTES).filteredOn(n -> n.problem().startsWith("a Kustomize patch")).extracting(Note::toString)
        .containsExactly(
            dir.resolve("base/nested/annotations.yaml") + ": a Kustomize patch (listed in "
                + dir.resolve("base/kustomization.yaml") + "), not whole objects",
            dir.resolve("base/replicas.yaml") + ": a Kustomize patch (listed in "
                + dir.resolve("base/kustomization.yaml") + "), not whole objects");
  }

  @Test
  void aDocumentWithoutTheFieldsItsKindRequiresIsAFragment() {
    assertThat(NOTES).extracting(Note::toString).contains(dir.resolve("fragment.yaml") + ":1: StatefulSet default/db has"
        + " no spec.selector and no spec.template: a patch or a fragment, not a whole object");
  }

  @Test
  void aHelmTemplateIsUnreadableWithAHint() {
    assertThat(NOTES).filteredOn(n -> n.source().equals(dir.resolve("helm.yaml").toString())).singleElement()
        .satisfies(n -> {
          assertThat(n.kind()).isEqualTo(Note.Kind.UNREADABLE);
          assertThat(n.problem()).isEqualTo("a Helm or Go template (\"{{\" on line 4), not YAML (line 4, column 9: a "
              + "mapping is used as a key (a Helm or Jinja \"{{ }}\" outside quotes reads as one)): render it first "
              + "(helm template) and lint the output");
        });
  }

  @Test
  void aFileBrokenHalfWaySaysWhatWasRead() {
    assertThat(NOTES).filteredOn(n -> n.source().equals(dir.resolve("half.yaml").toString())).singleElement()
        .satisfies(n -> assertThat(n.problem()).startsWith("not YAML (line ").endsWith("; the 1 object before it were read"));
  }

  @Test
  void documentsThatAreNotObjectsAndMissingPathsAreNoted() {
    assertThat(NOTES).extracting(Note::toString).contains(
        dir.resolve("missing") + ": no such file or directory",
        dir.resolve("base/nested/service.yml") + ": a document (the first on line 8) is not a Kubernetes object (no kind)");
  }
}
