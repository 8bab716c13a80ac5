package io.github.zonewise.synth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes objects a template resource applies: aws-cdk-lib's EKS manifests
 * ({@code addManifest}, {@code addCdk8sChart}: a {@link #KUBERNETES_RESOURCE} whose {@code Manifest}
 * is a JSON list, as a string or as an {@code Fn::Join} of JSON text and deploy-time values). A
 * deploy-time value inside a JSON string reads as a placeholder ({@link Value#unresolved(String)});
 * one outside a string leaves the manifest unreadable, as does another intrinsic.
 *
 * @param objects the whole objects it applies ({@code List} kinds expanded; patches and fragments left out)
 * @param problem why its objects cannot be read, or null
 * @param notes   the documents left out as patches or fragments
 */
public record AppliedManifest(List<KubernetesObject> objects, String problem, List<Note> notes) {

  /** The type of the manifests aws-cdk-lib's EKS modules apply. */
  public static final String KUBERNETES_RESOURCE = "Custom::AWSCDK-EKS-KubernetesResource";
  /** aws-cdk-lib's Helm chart resource: its objects are rendered in the cluster, not in the template. */
  public static final String HELM_CHART = "Custom::AWSCDK-EKS-HelmChart";
  /** aws-cdk-lib's patch resource: a patch of an object the template does not hold. */
  public static final String KUBERNETES_PATCH = "Custom::AWSCDK-EKS-KubernetesPatch";

  /**
   * Copies the lists.
   *
   * @param objects the whole objects it applies
   * @param problem why its objects cannot be read, or null
   * @param notes   the documents left out as patches or fragments
   */
  public AppliedManifest {
    objects = List.copyOf(objects);
    notes = List.copyOf(notes);
  }

  static AppliedManifest read(Resource resource) {
    if (!resource.type().equals(KUBERNETES_RESOURCE)) {
      return new AppliedManifest(List.of(), null, List.of());
    }
    JsonNode value = resource.prop("Manifest");
    String text;
    if (value.isTextual()) {
      text = value.asText();
    } else if (value.isMissingNode() || value.isNull()) {
      return new AppliedManifest(List.of(), "it has no Manifest", List.of());
    } else if (!"Fn::Join".equals(Resolver.intrinsic(value))) {
      return new AppliedManifest(List.of(), "its Manifest is " + describe(value)
          + ", which cannot be evaluated before deployment", List.of());
    } else {
      text = resource.value("Manifest").text().orElse("");
    }
    JsonNode parsed;
    try {
      parsed = Json.read(text);
    } catch (ReadProblem e) {
      return new AppliedManifest(List.of(), Value.unresolved(text)
          ? "its Manifest is an Fn::Join with deploy-time values outside JSON strings"
          : "its Manifest is not JSON (" + e.problem() + ")", List.of());
    }
    List<KubernetesObject> objects = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    for (KubernetesObject o : KubernetesObject.expand(parsed, null, 0, resource)) {
      List<String> missing = o.missingFields();
      if (missing.isEmpty()) {
        objects.add(o);
      } else {
        notes.add(ManifestFiles.partial(resource.path(), o, missing));
      }
    }
    return new AppliedManifest(objects, null, notes);
  }

  /**
   * What a resource's Kubernetes objects are when the reader does not read them: a Helm chart, a
   * patch, or a manifest that cannot be evaluated.
   *
   * @param resource a template resource
   * @return the note, or empty for a readable manifest or another resource
   */
  public static Optional<Note> note(Resource resource) {
    switch (resource.type()) {
      case HELM_CHART -> {
        String chart = resource.prop("Chart").asText(null);
        String release = resource.prop("Release").asText(null);
        String name = chart == null ? "(unnamed)" : release == null ? chart : chart + " (release " + release + ")";
        return Optional.of(new Note(Note.Kind.HELM_CHART, resource.path(), "Helm chart " + name
            + " is rendered in the cluster"));
      }
      case KUBERNETES_PATCH -> {
        return Optional.of(new Note(Note.Kind.PATCH, resource.path(), "a patch of "
            + resource.prop("ResourceName").asText("an object")));
      }
      case KUBERNETES_RESOURCE -> {
        String problem = resource.template().manifest(resource).problem();
        return problem == null ? Optional.empty() : Optional.of(new Note(Note.Kind.MANIFEST, resource.path(), problem));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static String describe(JsonNode value) {
    if (value.isObject() && value.size() == 1) {
      return "an " + value.fieldNames().next();
    }
    return "a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
