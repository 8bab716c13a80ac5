package io.github.zonewise.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zonewise.synth.KubernetesContext;
import io.github.zonewise.synth.KubernetesObject;
import io.github.zonewise.synth.ManifestFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Kubernetes objects of a manifest file in the test resources, read as the checker reads them. */
final class Manifests {

  private final List<KubernetesObject> objects = new ArrayList<>();
  private final KubernetesContext context = new KubernetesContext();

  private Manifests() {
  }

  static Manifests read(String resource) {
    try {
      Path file = Path.of(Manifests.class.getResource(resource).toURI());
      Manifests m = new Manifests();
      ManifestFiles.FileRead read = ManifestFiles.read(file, m.objects::add, note -> {
        throw new AssertionError("note on " + resource + ": " + note);
      });
      assertThat(read.readable()).isTrue();
      m.objects.forEach(m.context::add);
      return m;
    } catch (Exception e) {
      throw new AssertionError("cannot read " + resource, e);
    }
  }

  /** A rule's outcome on the one object of a kind and name. */
  Outcome check(CostRule rule, String kind, String name) {
    List<KubernetesObject> found = objects.stream().filter(o -> o.kind().equals(kind) && o.name().equals(name)).toList();
    assertThat(found).as(kind + " " + name).hasSize(1);
    return rule.check(found.get(0), context);
  }
}
