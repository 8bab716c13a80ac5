package io.github.zonewise.lint;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The cost lint as a plain-Java checker over synthesized templates and Kubernetes manifests, from
 * any CDK language or none; the {@code zonewise lint} command runs it.
 *
 * <pre>{@code
 * LintReport report = new Linter().lint(LintInput.read(List.of(Path.of("cdk.out")), List.of(Path.of("dist"))));
 * }</pre>
 *
 * <p>It runs the same rules as {@link ZonewiseCostChecks}, honours the cdk-nag suppressions the
 * templates carry, and checks the Kubernetes objects of manifest files and of the manifests the
 * templates apply ({@code Custom::AWSCDK-EKS-KubernetesResource}, including those written as an
 * {@code Fn::Join} of deploy-time values inside JSON strings). Helm charts (rendered in the cluster)
 * and patches are not checked; the report's notes name them.
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
   * @param input what to check
   * @return the findings, the suppressed findings and what could not be checked
   */
  public LintReport lint(LintInput input) {
    List<TemplateView> views = new ArrayList<>();
    KubernetesScope scope = new KubernetesScope();
    int resources = 0;
    int objects = 0;
    for (LintInput.Template t : input.templates()) {
      TemplateView view = new TemplateView(t.name(), t.json());
      views.add(view);
      resources += view.resources().size();
      for (ResourceView r : view.ofType(TemplateView.KUBERNETES_RESOURCE)) {
        view.manifest(r).objects().forEach(scope::add);
        objects += view.manifest(r).objects().size();
      }
    }
    List<List<KubernetesObject>> files = new ArrayList<>();
    for (LintInput.ManifestFile file : input.manifestFiles()) {
      List<KubernetesObject> fileObjects = new ArrayList<>();
      for (var doc : file.documents()) {
        TemplateView.expand(doc, file.file().toString(), null, fileObjects);
      }
      fileObjects.forEach(scope::add);
      objects += fileObjects.size();
      files.add(fileObjects);
    }

    List<Finding> findings = new ArrayList<>();
    List<Finding> suppressed = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (TemplateView view : views) {
      for (ResourceView r : view.resources()) {
        switch (r.type()) {
          case TemplateView.HELM_CHART -> notes.add(r.path() + ": Helm chart " + helmName(r)
              + " is rendered in the cluster; its objects are not checked");
          case TemplateView.KUBERNETES_PATCH -> notes.add(r.path() + ": a patch of "
              + r.prop("ResourceName").asText("an object") + "; not checked");
          default -> {
          }
        }
        if (!evaluator.relevant(r.type())) {
          continue;
        }
        boolean noted = false;
        for (Evaluator.Result result : evaluator.evaluate(r, scope)) {
          if (result.unreadable() != null) {
            if (!noted) {
              notes.add(r.path() + ": " + result.unreadable() + "; its Kubernetes objects are not checked");
              noted = true;
            }
            continue;
          }
          for (Outcome o : result.violations()) {
            String objectId = o.findingId().isEmpty() ? null : o.findingId();
            String reason = Suppressions.reason(r, result.rule().id(), o.findingId());
            Finding f = new Finding(result.rule(), r.path(), objectId, o.detail(), reason);
            (reason == null ? findings : suppressed).add(f);
          }
        }
      }
    }
    for (List<KubernetesObject> fileObjects : files) {
      for (KubernetesObject object : fileObjects) {
        for (Evaluator.Result result : evaluator.evaluate(object, scope)) {
          for (Outcome o : result.violations()) {
            findings.add(new Finding(result.rule(), object.origin(), object.id(), o.detail(), null));
          }
        }
      }
    }
    return new LintReport(findings, suppressed, notes, views.size(), resources, input.manifestFiles().size(), objects);
  }

  private static String helmName(ResourceView r) {
    String chart = r.prop("Chart").asText(null);
    String release = r.prop("Release").asText(null);
    return chart == null ? "(unnamed)" : release == null ? chart : chart + " (release " + release + ")";
  }
}
