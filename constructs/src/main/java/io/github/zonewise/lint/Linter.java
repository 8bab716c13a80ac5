package io.github.zonewise.lint;

import io.github.zonewise.synth.AppliedManifest;
import io.github.zonewise.synth.Assembly;
import io.github.zonewise.synth.KubernetesContext;
import io.github.zonewise.synth.KubernetesObject;
import io.github.zonewise.synth.ManifestFiles;
import io.github.zonewise.synth.Note;
import io.github.zonewise.synth.Resource;
import io.github.zonewise.synth.Template;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The cost lint as a plain-Java checker over synthesized templates and Kubernetes manifests, from
 * any CDK language or none; the {@code zonewise lint} command runs it.
 *
 * <pre>{@code
 * LintReport report = new Linter().lint(List.of(Path.of("cdk.out")), List.of(Path.of("dist")));
 * }</pre>
 *
 * <p>It runs the same rules as {@link ZonewiseCostChecks}, honours the cdk-nag suppressions the
 * templates carry, and checks the Kubernetes objects of manifest files and of the manifests the
 * templates apply. It reads through {@code io.github.zonewise.synth}: templates are held (exports
 * and nested stacks resolve across the assembly), manifest files are read one at a time and their
 * objects checked as they are read, so memory does not grow with the manifests; only Ingresses wait
 * for the end (their load balancer depends on IngressClasses and backend Services read anywhere).
 * What cannot be read is skipped with a note naming the file and why; the report says when nothing
 * at all could be read.
 */
public final class Linter {

  private final Evaluator evaluator;

  /** A checker judging EKS support dates as of today (UTC). */
  public Linter() {
    this(LocalDate.now(ZoneOffset.UTC));
  }

  /**
   * A checker judging EKS support dates as of a day.
   *
   * @param day the day ZW-EKS2 judges standard support on
   */
  public Linter(LocalDate day) {
    this.evaluator = new Evaluator(CostRules.all(), day);
  }

  /**
   * Checks templates and manifests.
   *
   * @param inputs    cloud assembly directories ({@code cdk.out}), {@code manifest.json} files, or
   *                  CloudFormation template files (JSON or YAML)
   * @param manifests Kubernetes manifest files, or directories of {@code *.yaml}/{@code *.yml} files
   *                  (read recursively)
   * @return the findings, the suppressed findings, and what could not be checked
   */
  public LintReport lint(List<Path> inputs, List<Path> manifests) {
    Assembly assembly = Assembly.read(inputs);
    List<Note> notes = new ArrayList<>(assembly.notes());
    KubernetesContext context = new KubernetesContext();
    int resources = 0;
    int objects = 0;
    for (Template t : assembly.templates()) {
      resources += t.resources().size();
      for (Resource r : t.ofType(AppliedManifest.KUBERNETES_RESOURCE)) {
        AppliedManifest m = t.manifest(r);
        m.objects().forEach(context::add);
        objects += m.objects().size();
        notes.addAll(m.notes());
      }
    }

    List<Finding> fileFindings = new ArrayList<>();
    List<KubernetesObject> waiting = new ArrayList<>();
    int[] fileObjects = {0};
    int filesRead = 0;
    ManifestFiles files = ManifestFiles.of(manifests);
    notes.addAll(files.notes());
    for (Path file : files.files()) {
      ManifestFiles.FileRead read = ManifestFiles.read(file, o -> {
        context.add(o);
        fileObjects[0]++;
        if (o.kind().equals("Ingress")) {
          waiting.add(o);
        } else {
          check(o, context, fileFindings);
        }
      }, notes::add);
      filesRead += read.readable() ? 1 : 0;
    }

    List<Finding> findings = new ArrayList<>();
    List<Finding> suppressed = new ArrayList<>();
    for (Template t : assembly.templates()) {
      for (Resource r : t.resources()) {
        AppliedManifest.note(r).ifPresent(notes::add);
        if (!evaluator.relevant(r.type())) {
          continue;
        }
        for (Evaluator.Result result : evaluator.evaluate(r, context)) {
          for (Outcome o : result.violations()) {
            String objectId = o.findingId().isEmpty() ? null : o.findingId();
            String reason = Suppressions.reason(r, result.rule().id(), o.findingId());
            Finding f = new Finding(result.rule(), r.path(), objectId, o.detail(), reason);
            (reason == null ? findings : suppressed).add(f);
          }
        }
      }
    }
    for (KubernetesObject o : waiting) {
      check(o, context, fileFindings);
    }
    findings.addAll(fileFindings);
    List<String> unreadable = notes.stream().filter(n -> n.kind() == Note.Kind.UNREADABLE).map(Note::toString)
        .toList();
    return new LintReport(findings, suppressed, notes.stream().map(Linter::describe).toList(), unreadable,
        assembly.templates().size(), resources, filesRead, objects + fileObjects[0]);
  }

  private void check(KubernetesObject object, KubernetesContext context, List<Finding> out) {
    for (Evaluator.Result result : evaluator.evaluate(object, context)) {
      for (Outcome o : result.violations()) {
        out.add(new Finding(result.rule(), object.file().toString(), object.id(), o.detail(), null));
      }
    }
  }

  /** A note as the checker prints it: what, and that it is not checked. */
  static String describe(Note note) {
    String tail = switch (note.kind()) {
      case MANIFEST -> "its Kubernetes objects are not checked";
      case HELM_CHART -> "its objects are not checked";
      default -> "not checked";
    };
    return note + "; " + tail;
  }
}
