package io.github.zonewise.synth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every Kubernetes object of a synth, held together: the objects of manifest files (read by
 * {@link ManifestFiles}), then those the assembly's templates apply ({@link AppliedManifest}), in
 * reading order. For a whole design read at once (the cost model); the lint streams files instead.
 */
public final class Manifests {

  private final List<KubernetesObject> objects;
  private final List<Note> notes;
  private final int unreadable;

  private Manifests(List<KubernetesObject> objects, List<Note> notes, int unreadable) {
    this.objects = List.copyOf(objects);
    this.notes = List.copyOf(notes);
    this.unreadable = unreadable;
  }

  /**
   * Reads the objects of manifest files and of the templates.
   *
   * @param files    manifest files, or directories of them
   * @param assembly the templates, for the manifests they apply (may be null)
   * @return the objects, and notes on what was not read
   */
  public static Manifests read(List<Path> files, Assembly assembly) {
    List<KubernetesObject> objects = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    ManifestFiles.of(files).readAll(objects::add, notes::add);
    int unreadable = (int) notes.stream().filter(n -> n.kind() == Note.Kind.UNREADABLE).count();
    if (assembly != null) {
      for (Resource r : assembly.resources()) {
        if (r.type().equals(AppliedManifest.KUBERNETES_RESOURCE)) {
          AppliedManifest m = r.template().manifest(r);
          objects.addAll(m.objects());
          notes.addAll(m.notes());
        }
        AppliedManifest.note(r).ifPresent(notes::add);
      }
    }
    return new Manifests(objects, notes, unreadable);
  }

  /** {@return every object, files first, in reading order} */
  public List<KubernetesObject> objects() {
    return objects;
  }

  /**
   * The objects of a kind.
   *
   * @param kind e.g. {@code Service}
   * @return them, in reading order
   */
  public List<KubernetesObject> ofKind(String kind) {
    return objects.stream().filter(o -> o.kind().equals(kind)).toList();
  }

  /**
   * The objects without repeats: of several objects with the same kind, namespace and name, the
   * first read (a manifest file's over a template's) is kept.
   *
   * @return the objects
   */
  public List<KubernetesObject> unique() {
    Map<String, KubernetesObject> byId = new LinkedHashMap<>();
    for (KubernetesObject o : objects) {
      byId.putIfAbsent(o.id(), o);
    }
    return Collections.unmodifiableList(new ArrayList<>(byId.values()));
  }

  /** {@return what was not read as objects} */
  public List<Note> notes() {
    return notes;
  }

  /** {@return how many inputs could not be read at all ({@link Note.Kind#UNREADABLE} notes)} */
  public int unreadable() {
    return unreadable;
  }
}
