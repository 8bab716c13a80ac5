package io.github.zonewise.app;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.zonewise.cost.CostReport;
import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.landscape.Landscape;
import io.github.zonewise.spec.LandscapeException;
import io.github.zonewise.landscape.LandscapeProps;
import io.github.zonewise.spec.LandscapeSpec;
import io.github.zonewise.spec.PriceFile;
import io.github.zonewise.spec.ValidatedLandscape;
import io.github.zonewise.lint.ZonewiseCostChecks;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.jsii.JsiiException;

/**
 * The landscape CDK app that {@code cdk.json} runs: reads the landscape ({@code -c landscape=PATH},
 * or the embedded default), checks it, builds every stack with cdk-nag's AwsSolutions checks,
 * synthesizes the cloud assembly to {@code cdk.out/} and the Kubernetes manifests to {@code dist/},
 * and prices what it generated ({@code cdk.out/zonewise-cost.md}, {@code .json}, {@code .svg}; prices
 * from {@code -c prices=FILE} override the landscape's). Manifests and report files whose content is
 * unchanged are left as they are; CDK CLI commands that bundle no stack ({@code cdk ls}) write neither.
 * Through {@code cdk.json} aws-cdk-lib's full CloudFormation validation runs only with
 * {@code -c validate=full} ({@code tools/cdk-app}).
 */
public final class LandscapeApp {

  /** The context key naming the landscape file. */
  public static final String LANDSCAPE_CONTEXT = "landscape";
  /** The context key naming the manifests directory (default {@code dist}). */
  public static final String MANIFESTS_CONTEXT = "manifests";
  /**
   * The context key {@code -c validate=full}: through {@code cdk.json}, aws-cdk-lib's full built-in
   * CloudFormation validation runs only with it ({@code tools/cdk-app}); in-process it always runs.
   */
  public static final String VALIDATE_CONTEXT = "validate";

  private LandscapeApp() {
  }

  /**
   * Runs the app; exits 1 with one message on a bad landscape.
   *
   * @param args ignored: the CDK CLI passes everything as context
   */
  public static void main(String[] args) {
    int code = run(new App(), System.err);
    System.exit(code);
  }

  /**
   * Builds and synthesizes a landscape into an app.
   *
   * @param app the CDK app (its context names the landscape file)
   * @param out where the app reports what it does
   * @return 0 on success, 1 on a bad landscape
   */
  public static int run(App app, PrintStream out) {
    try {
      Result result = synth(app, out);
      return result == null ? 1 : 0;
    } catch (LandscapeException e) {
      e.problems().forEach(problem -> out.println("zonewise: error: " + problem.getMessage()));
      removeIfEmpty(Path.of(app.getOutdir()));
      return 1;
    } catch (JsiiException e) {
      out.println("zonewise: error: " + firstLine(e.getMessage()));
      removeIfEmpty(Path.of(app.getOutdir()));
      return 1;
    }
  }

  /** A failed run leaves no trace: the empty output directory the app created is removed. */
  private static void removeIfEmpty(Path dir) {
    try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(dir)) {
      if (entries.findAny().isEmpty()) {
        java.nio.file.Files.delete(dir);
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not there, or not empty: nothing to clean
    }
  }

  /**
   * What one run produced.
   *
   * @param landscape the construct
   * @param assembly  the synthesized cloud assembly
   * @param manifests the manifest files written
   */
  public record Result(Landscape landscape, CloudAssembly assembly, List<Path> manifests) {
  }

  /**
   * Reads, checks, builds and synthesizes.
   *
   * @param app the CDK app
   * @param out where the app reports what it does
   * @return what was produced
   * @throws LandscapeException on a bad landscape, before anything is written
   */
  public static Result synth(App app, PrintStream out) {
    Object file = app.getNode().tryGetContext(LANDSCAPE_CONTEXT);
    if (file != null && String.valueOf(file).isBlank()) {
      throw new LandscapeException("-c " + LANDSCAPE_CONTEXT, String.valueOf(file), "names no file (an unset shell"
          + " variable?); give the landscape's path, -c " + LANDSCAPE_CONTEXT + "=path/to/landscape.yaml, or leave -c "
          + LANDSCAPE_CONTEXT + " out for the embedded default landscape");
    }
    Path dist = manifestsDirectory(app.getNode().tryGetContext(MANIFESTS_CONTEXT));
    LandscapeInput input = LandscapeInput.read(file == null ? null : Path.of(String.valueOf(file)));
    ValidatedLandscape checked = input.checked();
    LandscapeSpec s = checked.spec();
    input.lines().forEach(out::println);
    Object priceFile = app.getNode().tryGetContext(PriceFile.CONTEXT);
    PriceBook prices = input.prices(priceFile == null ? null : Path.of(String.valueOf(priceFile)));
    Object validate = app.getNode().tryGetContext(VALIDATE_CONTEXT);
    if (validate != null && !"full".equals(String.valueOf(validate))) {
      throw new LandscapeException("-c " + VALIDATE_CONTEXT, validate, "is not a validation level; use -c "
          + VALIDATE_CONTEXT + "=full to run aws-cdk-lib's full CloudFormation validation, or leave it out");
    }
    // the CDK CLI bundles no stack for commands that do not synthesize (cdk ls, destroy, ...)
    Object bundling = app.getNode().tryGetContext("aws:cdk:bundling-stacks");
    boolean listing = bundling instanceof List<?> l && l.isEmpty();
    // manifests and the cost report are made in a scratch directory, then copied where they differ
    Map<String, String> previous = previousDecisions(Path.of(app.getOutdir()));
    Path scratch = scratchDirectory();
    try {
      Landscape landscape = new Landscape(app, s.name(), LandscapeProps.builder()
          .landscape(checked).manifestsDir(scratch.resolve("manifests")).priceBook(prices).build());
      landscape.design().warnings().forEach(w -> out.println("zonewise: warning: " + w));
      landscape.nodePoolsNote().ifPresent(note -> out.println("zonewise: " + note));
      landscape.design().decided().forEach(d -> out.println("zonewise: " + d.line()));
      landscape.design().changesFrom(previous).forEach(line -> out.println("zonewise: " + line));
      Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
      Aspects.of(app).add(new ZonewiseCostChecks(NagPackProps.builder().verbose(true).build()));
      long synthStarted = System.currentTimeMillis();
      CloudAssembly assembly = app.synth();
      Path outdir = Path.of(assembly.getDirectory());
      String stacks = landscape.stacks().size() + " stacks written to " + assembly.getDirectory() + " ("
          + String.join(", ", landscape.stacks().stream().map(Stack::getStackName).toList()) + ")";
      out.println(validationLine(outdir, synthStarted));
      if (listing) {
        out.println("zonewise: " + stacks + "; manifests and cost report not written: the CDK CLI bundles no"
            + " stack for this command (cdk ls, ...), cdk synth writes them to " + dist + " and " + outdir);
        return new Result(landscape, assembly, List.of());
      }
      List<Path> made = landscape.writeManifests();
      int unchanged = made.size() - publish(made, dist).size();
      List<Path> written = made.stream().map(f -> dist.resolve(f.getFileName().toString())).toList();
      out.println("zonewise: " + stacks + "; " + written.size() + " manifests "
          + (unchanged > 0 && unchanged == made.size() ? "unchanged in " + dist : "written to " + dist
          + (unchanged > 0 ? " (" + unchanged + " unchanged)" : "")));
      List<String> removed = removeStale(dist, written);
      if (!removed.isEmpty()) {
        out.println("zonewise: removed from " + dist + " " + removed.size() + (removed.size() == 1 ? " manifest" : " manifests")
            + " an earlier synth wrote and this one did not (" + String.join(", ", removed) + ")");
      }
      CostReport cost = CostReport.of(outdir, written, landscape.design().declared(), landscape.design().traffic(),
          prices, landscape.design().choices());
      List<Path> report = cost.write(scratch.resolve("cost"));
      boolean reportUnchanged = publish(report, outdir).isEmpty();
      cost.summary(outdir).stream().map(line -> reportUnchanged && line.startsWith(COST_WRITTEN)
          ? "zonewise: cost report unchanged in " + line.substring(COST_WRITTEN.length()) : line)
          .forEach(out::println);
      return new Result(landscape, assembly, written);
    } finally {
      deleteTree(scratch);
    }
  }

  /**
   * The manifests directory {@code -c manifests=DIR} names ({@code dist} without it), checked before
   * anything is written.
   *
   * @throws LandscapeException for an empty value or one that names something other than a directory
   */
  private static Path manifestsDirectory(Object manifests) {
    if (manifests == null) {
      return Path.of("dist");
    }
    String value = String.valueOf(manifests);
    if (value.isBlank()) {
      throw new LandscapeException("-c " + MANIFESTS_CONTEXT, value, "names no directory (an unset shell variable?);"
          + " give the directory the Kubernetes manifests go to, -c " + MANIFESTS_CONTEXT + "=DIR, or leave -c "
          + MANIFESTS_CONTEXT + " out for dist");
    }
    Path dir = Path.of(value);
    if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
      throw new LandscapeException("-c " + MANIFESTS_CONTEXT, value, "is a file, not a directory; the Kubernetes"
          + " manifests are written into a directory: name a directory (it is created if missing), or leave -c "
          + MANIFESTS_CONTEXT + " out for dist");
    }
    return dir;
  }

  private static final String COST_WRITTEN = "zonewise: cost report written to ";

  /** The decisions an earlier synth into the same cloud assembly made (its cost report's), by field. */
  private static Map<String, String> previousDecisions(Path outdir) {
    Path report = outdir.resolve(CostReport.JSON_FILE);
    Map<String, String> decisions = new java.util.LinkedHashMap<>();
    if (!java.nio.file.Files.isRegularFile(report)) {
      return decisions;
    }
    try {
      for (com.fasterxml.jackson.databind.JsonNode d : new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(report.toFile()).path("decisions")) {
        if (!d.path("written").asBoolean()) {
          decisions.put(d.path("field").asText(), d.path("built").asText());
        }
      }
    } catch (java.io.IOException e) {
      // an unreadable earlier report: nothing to compare with
    }
    return decisions;
  }

  /**
   * What the synth says about aws-cdk-lib's CloudFormation validation. When it did not run, a report
   * left by an earlier synth that ran it is removed (it would describe other templates).
   */
  private static String validationLine(Path outdir, long synthStarted) {
    Path report = outdir.resolve("validation-report.json");
    try {
      boolean fresh = java.nio.file.Files.exists(report)
          && java.nio.file.Files.getLastModifiedTime(report).toMillis() >= synthStarted;
      if (!"false".equals(System.getenv("CDK_VALIDATION"))) {
        return "zonewise: aws-cdk-lib's full CloudFormation validation ran" + (fresh ? " (report " + report + ")" : "");
      }
      if (java.nio.file.Files.exists(report) && !fresh) {
        java.nio.file.Files.delete(report);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return "zonewise: aws-cdk-lib's full CloudFormation validation not run (cdk-nag, the cost lint and the"
        + " landscape checks did); -c " + VALIDATE_CONTEXT + "=full runs it";
  }

  /**
   * Copies each file into a directory unless the directory holds the same bytes under its name already.
   *
   * @return the files copied, as paths in {@code dir}
   */
  private static List<Path> publish(List<Path> files, Path dir) {
    List<Path> copied = new java.util.ArrayList<>();
    try {
      for (Path file : files) {
        Path target = dir.resolve(file.getFileName());
        if (!java.nio.file.Files.isRegularFile(target) || java.nio.file.Files.mismatch(file, target) != -1) {
          java.nio.file.Files.createDirectories(dir);
          java.nio.file.Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          copied.add(target);
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return copied;
  }

  /**
   * The list of the manifests the last synth wrote, in the manifests directory: what tells Zonewise's
   * files from a user's. No extension, so {@code kubectl apply -f dist/} does not read it.
   */
  public static final String WRITTEN_LIST = ".zonewise-manifests";

  /**
   * Removes the manifests that an earlier synth listed in {@link #WRITTEN_LIST} and this one did not
   * write (files Zonewise wrote, never a user's), and lists this synth's manifests there (rewritten only
   * when the list changed).
   *
   * @return the names of the files removed
   */
  private static List<String> removeStale(Path dist, List<Path> written) {
    Path list = dist.resolve(WRITTEN_LIST);
    List<String> now = written.stream().map(f -> f.getFileName().toString()).sorted().toList();
    List<String> removed = new java.util.ArrayList<>();
    try {
      List<String> before = java.nio.file.Files.isRegularFile(list) ? java.nio.file.Files.readAllLines(list) : List.of();
      for (String name : before) {
        Path file = dist.resolve(name).normalize();
        if (!name.isBlank() && !now.contains(name) && file.getParent() != null && file.getParent().equals(dist.normalize())
            && name.endsWith(".k8s.yaml") && java.nio.file.Files.isRegularFile(file)) {
          java.nio.file.Files.delete(file);
          removed.add(name);
        }
      }
      String text = now.stream().map(n -> n + "\n").collect(java.util.stream.Collectors.joining());
      if (now.isEmpty()) {
        java.nio.file.Files.deleteIfExists(list);
      } else if (!java.nio.file.Files.isRegularFile(list) || !java.nio.file.Files.readString(list).equals(text)) {
        java.nio.file.Files.createDirectories(dist);
        java.nio.file.Files.writeString(list, text);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return removed;
  }

  private static Path scratchDirectory() {
    try {
      return java.nio.file.Files.createTempDirectory("zonewise-app");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException | RuntimeException e) {
      // a scratch directory in the temporary directory: nothing to clean up after
    }
  }

  /**
   * A new app with the context flags of {@code cdk.json}, for running in-process (tests, benchmarks).
   *
   * @param outdir  where the cloud assembly goes
   * @param context extra context, e.g. {@code landscape}
   * @return the app
   */
  public static App app(Path outdir, Map<String, Object> context) {
    java.util.Map<String, Object> all = new java.util.LinkedHashMap<>(CONTEXT_FLAGS);
    all.putAll(CLI_CONTEXT);
    all.putAll(context);
    return new App(AppProps.builder().outdir(outdir.toString()).context(all).build());
  }

  /** The feature flags {@code cdk.json} sets; kept in step with it by a test. */
  public static final Map<String, Object> CONTEXT_FLAGS = io.github.zonewise.facts.JsonObjects.of(
      "@aws-cdk/core:validateAgainstDefaultRules", true,
      "@aws-cdk/core:defaultCrossStackReferences", "strong");

  /** What the CDK CLI adds to the context of every run (no construct stack traces in the assembly). */
  public static final Map<String, Object> CLI_CONTEXT = Map.of("aws:cdk:disable-stack-trace", true);

  private static String firstLine(String s) {
    if (s == null) {
      return "failed";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
