package io.github.zonewise.synth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Kubernetes manifest files, read one at a time and streamed: files given, and the {@code *.yaml}
 * and {@code *.yml} files below directories given (recursively, in path order). Each file's
 * documents are read as {@link Yaml} reads them and handed on object by object; nothing of a file
 * is kept once it is read, and the items of a {@code List} document are streamed too.
 *
 * <p>Not read as objects, each with a {@link Note}:
 * <ul>
 *   <li>a file that cannot be read ({@link Note.Kind#UNREADABLE}): not UTF-8, not YAML (with the
 *       line and column, and a hint when it is a Helm template), a duplicate key. The documents
 *       before the problem have been read;</li>
 *   <li>Kustomize patches ({@link Note.Kind#PATCH}): the files a {@code kustomization.yaml} (or
 *       {@code .yml}, or {@code Kustomization}) among the inputs lists under {@code patches},
 *       {@code patchesStrategicMerge} or {@code patchesJson6902}; and any document that lacks a
 *       field its kind requires ({@link KubernetesObject#missingFields()}), a patch or a fragment
 *       wherever it is. Kustomization files themselves are build files, not manifests: not read;</li>
 *   <li>documents that are not Kubernetes objects ({@link Note.Kind#NOT_AN_OBJECT}), one note per file.</li>
 * </ul>
 */
public final class ManifestFiles {

  private static final Set<String> KUSTOMIZATIONS = Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private final List<Path> files = new ArrayList<>();
  private final List<Note> notes = new ArrayList<>();
  private final Map<Path, Path> patches = new LinkedHashMap<>();

  /**
   * How a file read.
   *
   * @param file     the file
   * @param readable false when a problem stopped it (see the notes)
   * @param objects  the whole objects handed on
   */
  public record FileRead(Path file, boolean readable, int objects) {
  }

  private ManifestFiles() {
  }

  /**
   * Lists the files to read.
   *
   * @param paths manifest files, or directories of them
   * @return the files, the Kustomize patches among them set aside, and notes on missing paths and patches
   */
  public static ManifestFiles of(List<Path> paths) {
    ManifestFiles m = new ManifestFiles();
    Set<Path> candidates = new LinkedHashSet<>();
    Set<Path> dirs = new LinkedHashSet<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        m.notes.add(new Note(Note.Kind.UNREADABLE, p.toString(), "no such file or directory"));
      } else if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")
                  || KUSTOMIZATIONS.contains(f.getFileName().toString()))
              .sorted().forEach(candidates::add);
        } catch (IOException | java.io.UncheckedIOException e) {
          m.notes.add(new Note(Note.Kind.UNREADABLE, p.toString(), "cannot list it (" + e.getMessage() + ")"));
        }
      } else {
        candidates.add(p);
        if (p.toAbsolutePath().getParent() != null) {
          dirs.add(p.toAbsolutePath().getParent());
        }
      }
    }
    for (Path dir : dirs) {
      for (String name : KUSTOMIZATIONS) {
        if (Files.isRegularFile(dir.resolve(name))) {
          m.kustomization(dir.resolve(name));
        }
      }
    }
    for (Path f : candidates) {
      if (KUSTOMIZATIONS.contains(f.getFileName().toString())) {
        m.kustomization(f);
      }
    }
    for (Path f : candidates) {
      Path patchOf = m.patches.get(f.toAbsolutePath().normalize());
      if (KUSTOMIZATIONS.contains(f.getFileName().toString())) {
        continue;
      }
      if (patchOf != null) {
        m.notes.add(new Note(Note.Kind.PATCH, f.toString(), "a Kustomize patch (listed in " + patchOf
            + "), not whole objects"));
      } else {
        m.files.add(f);
      }
    }
    return m;
  }

  /** Notes the patch files a kustomization lists. */
  private void kustomization(Path file) {
    JsonNode k;
    try (Reader in = InputFiles.open(file)) {
      k = Yaml.readFirst(in);
    } catch (IOException | ReadProblem e) {
      notes.add(new Note(Note.Kind.UNREADABLE, file.toString(), "a kustomization that is not YAML ("
          + e.getMessage() + "): its patches are not known"));
      return;
    }
    Path dir = file.toAbsolutePath().getParent();
    for (String field : List.of("patches", "patchesStrategicMerge", "patchesJson6902")) {
      for (JsonNode entry : k.path(field)) {
        String path = entry.isTextual() ? entry.asText() : entry.path("path").asText(null);
        if (path != null && !path.contains("\n") && !path.isBlank()) {
          patches.putIfAbsent(dir.resolve(path.trim()).normalize(), file);
        }
      }
    }
  }

  /** {@return the files to read, in order (Kustomize patches and kustomization files left out)} */
  public List<Path> files() {
    return Collections.unmodifiableList(files);
  }

  /** {@return notes on what is not read: missing paths, Kustomize patches} */
  public List<Note> notes() {
    return Collections.unmodifiableList(notes);
  }

  /**
   * Reads one file, handing on its objects as they are read.
   *
   * @param file    the file
   * @param objects receives each whole object
   * @param notes   receives what is not read as objects
   * @return how it read
   */
  public static FileRead read(Path file, Consumer<KubernetesObject> objects, Consumer<Note> notes) {
    int[] count = {0};
    int[] others = {0, 0};   // documents that are not objects, the first one's line
    try (Reader in = InputFiles.open(file)) {
      Yaml.read(in, true, doc -> {
        JsonNode root = doc.root();
        if (!doc.listItem() && root.isObject() && root.path("items").isArray() && root.path("items").isEmpty()
            && root.has("kind")) {
          return;   // a List whose items were streamed
        }
        List<KubernetesObject> found = KubernetesObject.expand(root, file, doc.line(), null);
        if (found.isEmpty()) {
          if (others[0]++ == 0) {
            others[1] = doc.line();
          }
          return;
        }
        for (KubernetesObject o : found) {
          List<String> missing = o.missingFields();
          if (missing.isEmpty()) {
            count[0]++;
            objects.accept(o);
          } else {
            notes.accept(partial(file + (doc.line() > 0 ? ":" + doc.line() : ""), o, missing));
          }
        }
      });
    } catch (ReadProblem e) {
      notes.accept(new Note(Note.Kind.UNREADABLE, file.toString(), unreadable(file, e, count[0])));
      return new FileRead(file, false, count[0]);
    } catch (IOException e) {
      notes.accept(new Note(Note.Kind.UNREADABLE, file.toString(), InputFiles.cannotRead(e)));
      return new FileRead(file, false, count[0]);
    }
    if (others[0] > 0) {
      notes.accept(new Note(Note.Kind.NOT_AN_OBJECT, file.toString(), (others[0] == 1 ? "a document"
          : others[0] + " documents") + " (the first on line " + others[1] + ") " + (others[0] == 1 ? "is" : "are")
          + " not a Kubernetes object (no kind)"));
    }
    return new FileRead(file, true, count[0]);
  }

  private static String unreadable(Path file, ReadProblem e, int read) {
    int template = InputFiles.templateLine(file);
    String why = template > 0
        ? "a Helm or Go template (\"{{\" on line " + template + "), not YAML (" + e.getMessage()
            + "): render it first (helm template) and lint the output"
        : "not YAML (" + e.getMessage() + ")";
    return read > 0 ? why + "; the " + read + " object" + (read == 1 ? "" : "s") + " before it were read" : why;
  }

  /** The note on a document that lacks fields its kind requires. */
  static Note partial(String where, KubernetesObject o, List<String> missing) {
    return new Note(Note.Kind.PATCH, where, o.kind() + " " + (o.namespaced() ? o.namespace() + "/" : "") + o.name()
        + " has no " + String.join(" and no ", missing) + ": a patch or a fragment, not a whole object");
  }

  /**
   * Reads every file in order.
   *
   * @param objects receives each whole object
   * @param notes   receives what is not read (the listing's notes first)
   * @return how each file read
   */
  public List<FileRead> readAll(Consumer<KubernetesObject> objects, Consumer<Note> notes) {
    this.notes.forEach(notes);
    List<FileRead> reads = new ArrayList<>();
    for (Path f : files) {
      reads.add(read(f, objects, notes));
    }
    return reads;
  }
}
