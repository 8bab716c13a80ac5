package io.github.zonewise.app;

import io.github.zonewise.cost.CostReport;
import io.github.zonewise.design.LandscapeDesign;
import io.github.zonewise.facts.KubernetesVersions;
import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.spec.LandscapeException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zonewise check [landscape.yaml...]}: reads and checks a landscape, runs the design step, and
 * prints the warnings, the decisions and the cost summary of the design the synth would build — in
 * plain Java, without the CDK, Node.js or Maven, so it answers in about a second (for editors,
 * pre-commit hooks and CI). The verdict is the synth's: the same messages, one per problem, every
 * independent problem at once. Exits 0 when the landscape is good, 1 when it is bad, 2 when the file
 * cannot be read (missing, a directory, not readable) or on bad usage; with several files, the worst of
 * their verdicts, and each error line starts with its file.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Checks a landscape file and prints its design and cost summary, as the synth would, in a second.",
        "Exit codes: 0 the landscape is good, 1 it is bad (every problem printed), 2 the file cannot be read or bad"
            + " usage."})
final class CheckCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "LANDSCAPE", arity = "0..*",
      description = "Landscape files (default: the embedded default landscape); with several, each error line"
          + " starts with its file.")
  private List<Path> files = List.of();

  @Option(names = "--prices", paramLabel = "FILE", description = "A price file of price key → USD, as -c prices=FILE.")
  private Path prices;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Judge EKS support dates as of this day (default: today, UTC).")
  private LocalDate day;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (prices != null && (!Files.isRegularFile(prices) || !Files.isReadable(prices))) {
      err.println("zonewise: error: price file " + prices + " cannot be read; give an existing YAML file of price"
          + " key → USD");
      return 2;
    }
    if (files.isEmpty()) {
      return check(null, "", out, err);
    }
    int status = 0;
    for (Path file : files) {
      // the worst verdict: 2 (a file cannot be read) over 1 (a landscape is bad) over 0
      status = Math.max(status, check(file, files.size() > 1 ? file + ": " : "", out, err));
    }
    return status;
  }

  /** Checks one landscape (the default one for {@code null}); {@code prefix} starts each error line. */
  private int check(Path file, String prefix, PrintWriter out, PrintWriter err) {
    if (file != null && (!Files.exists(file) || Files.isDirectory(file) || !Files.isReadable(file))) {
      err.println("zonewise: error: " + prefix + "landscape: " + file + (!Files.exists(file) ? " does not exist"
          : Files.isDirectory(file) ? " is a directory, not a landscape file" : " cannot be read (permissions)")
          + "; give the path of a landscape YAML file");
      return 2;
    }
    String previousDate = System.getProperty(KubernetesVersions.DATE_PROPERTY);
    if (day != null) {
      System.setProperty(KubernetesVersions.DATE_PROPERTY, day.toString());
    }
    try {
      LandscapeInput input = LandscapeInput.read(file);
      PriceBook book = input.prices(prices);
      LandscapeDesign design = LandscapeDesign.of(input.checked(), book);
      input.lines().forEach(out::println);
      design.warnings().forEach(w -> out.println("zonewise: warning: " + w));
      design.nodePoolsNote().ifPresent(note -> out.println("zonewise: " + note));
      design.decided().forEach(d -> out.println("zonewise: " + d.line()));
      CostReport report = CostReport.of(design.predicted(), design.declared(), design.traffic(), book,
          design.choices());
      List<String> summary = report.summary(Path.of("cdk.out"));
      // the predicted bill: the last summary line (where a synth writes the report) does not apply
      summary.subList(0, summary.size() - 1).forEach(line -> out.println(line.replace("zonewise: network cost",
          "zonewise: predicted network cost")));
      return 0;
    } catch (LandscapeException e) {
      e.problems().forEach(p -> err.println("zonewise: error: " + prefix + p.getMessage()));
      return 1;
    } finally {
      if (previousDate == null) {
        System.clearProperty(KubernetesVersions.DATE_PROPERTY);
      } else {
        System.setProperty(KubernetesVersions.DATE_PROPERTY, previousDate);
      }
    }
  }
}
