package io.github.zonewise.app;

import io.github.zonewise.lint.CostRule;
import io.github.zonewise.lint.CostRules;
import io.github.zonewise.lint.Finding;
import io.github.zonewise.lint.Level;
import io.github.zonewise.lint.LintReport;
import io.github.zonewise.lint.Linter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zonewise lint}: the cost lint over a synthesized cloud assembly (or template files) and
 * Kubernetes manifests. Prints each finding with its rule id, resource path and fix, and a note on each
 * input it skips (a file it cannot read, a Helm template, a Kustomize patch); exits 1 when an
 * unsuppressed error is found, 0 when none is (warnings are printed), 2 when nothing at all could be
 * read, on bad usage, or when the checker itself fails (out of memory, say): never 1 but for findings.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = {"Finds the EKS network-cost guide's anti-patterns in a synthesized CDK app and Kubernetes manifests.",
        "Exit codes: 0 no error (warnings may be printed), 1 errors found, 2 nothing could be read, bad usage, or"
            + " the checker failed (inputs it cannot read are skipped with a note)."})
final class LintCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "ASSEMBLY|TEMPLATE", arity = "0..*",
      description = "A cloud assembly directory (cdk.out, read through its manifest.json) or CloudFormation "
          + "template files (JSON or YAML).")
  private List<Path> inputs = new ArrayList<>();

  @Option(names = "--manifests", paramLabel = "DIR", description = "A directory of Kubernetes manifests "
      + "(*.yaml, *.yml, multi-document, read recursively) or a manifest file; repeatable.")
  private List<Path> manifests = new ArrayList<>();

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Judge EKS support dates as of this day (default: today, UTC).")
  private LocalDate day;

  @Option(names = "--explain", description = "Also print each finding's explanation: the cost at stake.")
  private boolean explain;

  @Option(names = "--show-suppressed", description = "Also list the findings cdk-nag suppressions cover.")
  private boolean showSuppressed;

  @Option(names = "--rules", description = "List the rules and exit.")
  private boolean listRules;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (listRules) {
      for (CostRule rule : CostRules.all()) {
        out.println(rule.id() + " " + level(rule.level()) + " " + rule.info());
      }
      return 0;
    }
    if (inputs.isEmpty() && manifests.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Give a cloud assembly (cdk.out), template files or --manifests DIR");
    }
    LintReport report;
    try {
      report = new Linter(day != null ? day : LocalDate.now(ZoneOffset.UTC)).lint(inputs, manifests);
    } catch (OutOfMemoryError e) {
      err.println("zonewise lint: out of memory while reading the input; give the JVM more (java -Xmx2g -jar ...)"
          + " or lint fewer files at a time");
      return 2;
    } catch (StackOverflowError e) {
      err.println("zonewise lint: the input nests too deeply to be checked (stack overflow)");
      return 2;
    }
    if (report.nothingRead()) {
      for (String unreadable : report.unreadable()) {
        err.println("zonewise lint: cannot read " + unreadable);
      }
      return 2;
    }
    for (Finding f : report.findings()) {
      print(out, f);
    }
    if (showSuppressed) {
      for (Finding f : report.suppressed()) {
        out.println("suppressed " + f.rule().id() + " " + f.where() + ": " + f.suppressed());
      }
    }
    for (String note : report.notes()) {
      out.println("note: " + note);
    }
    out.println("zonewise lint: " + count(report.errors(), "error") + ", " + count(report.warnings(), "warning")
        + (report.suppressed().isEmpty() ? "" : " (" + report.suppressed().size() + " suppressed)")
        + " in " + count(report.templates(), "template") + " (" + count(report.resources(), "resource") + ") and "
        + count(report.manifestFiles(), "manifest file") + " (" + count(report.objects(), "Kubernetes object") + ")");
    out.flush();
    return report.errors() > 0 ? 1 : 0;
  }

  private void print(PrintWriter out, Finding f) {
    out.println(level(f.rule().level()) + " " + f.rule().id() + " " + f.where() + ": " + f.rule().info());
    out.println("  found: " + f.detail());
    if (explain) {
      out.println("  cost:  " + f.rule().explanation());
    }
    out.println("  fix:   " + f.rule().fix());
  }

  private static String level(Level level) {
    return level == Level.ERROR ? "error" : "warning";
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
