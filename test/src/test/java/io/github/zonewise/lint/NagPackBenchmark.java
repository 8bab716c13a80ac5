package io.github.zonewise.lint;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.zonewise.app.LandscapeApp;
import io.github.zonewise.landscape.Landscape;
import io.github.zonewise.landscape.LandscapeProps;
import io.github.zonewise.spec.LandscapeReader;
import io.github.zonewise.spec.LandscapeValidator;
import io.github.zonewise.spec.ValidatedLandscape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;

/**
 * The extra synth time {@link ZonewiseCostChecks} adds to the default landscape, in one process:
 * one warm-up synth of each variant, then {@code runs} synths of each, alternating, and their medians.
 * Each synth builds the landscape as {@link LandscapeApp#synth} does (validated default landscape,
 * the {@link Landscape} construct, cdk-nag's AwsSolutions checks, manifests written), with and
 * without the cost lint's pack. Run by {@code tools/bench-lint}.
 */
public final class NagPackBenchmark {

  private NagPackBenchmark() {
  }

  /**
   * Runs the benchmark and prints the medians.
   *
   * @param args {@code [runs=5]}
   * @throws IOException when a scratch directory cannot be made
   */
  public static void main(String[] args) throws IOException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    ValidatedLandscape checked = LandscapeValidator.validate(LandscapeReader.readDefault(), "default");
    synth(checked, false);
    int constructs = synth(checked, true).constructs();
    List<Long> without = new ArrayList<>();
    List<Long> with = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      without.add(synth(checked, false).millis());
      with.add(synth(checked, true).millis());
    }
    long a = median(without);
    long b = median(with);
    System.out.printf("nagpack: default landscape (%d constructs), median of %d synths each, alternating after one "
        + "warm-up each: without ZonewiseCostChecks %.2f s, with %.2f s: +%.2f s (x%.2f)%n",
        constructs, runs, a / 1000.0, b / 1000.0, (b - a) / 1000.0, (double) b / a);
    System.out.println("nagpack: runs without " + without + " ms, with " + with + " ms");
  }

  private record Run(long millis, int constructs) {
  }

  private static Run synth(ValidatedLandscape checked, boolean lint) throws IOException {
    Path dir = Files.createTempDirectory("zonewise-bench");
    long start = System.nanoTime();
    App app = LandscapeApp.app(dir.resolve("cdk.out"), Map.of(LandscapeApp.MANIFESTS_CONTEXT, dir.resolve("dist").toString()));
    Landscape landscape = new Landscape(app, checked.spec().name(), LandscapeProps.builder()
        .landscape(checked).manifestsDir(dir.resolve("dist")).build());
    Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
    if (lint) {
      Aspects.of(app).add(new ZonewiseCostChecks(NagPackProps.builder().verbose(true).build()));
    }
    app.synth();
    landscape.writeManifests();
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Run(millis, lint ? app.getNode().findAll().size() : 0);
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
