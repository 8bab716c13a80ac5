package io.github.zonewise.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zonewise.app.ZonewiseCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code zonewise check}: its exit codes, the messages of what it cannot read, and several files at once. */
class CheckCommandTest {

  static final String GOOD = LandscapeSchemaTest.HEAD;
  static final String BAD = "name: shop\nregion: eu-west-1\navailabilityZones: [eu-west-1a, us-east-1b]\n";
  static final String BAD_MESSAGE = "availabilityZones[1]: 'us-east-1b' is not an AZ of region eu-west-1; use one of"
      + " [eu-west-1a, eu-west-1b, eu-west-1c] (line 3, column 33)";

  record Run(int status, String out, String err) {
  }

  static Run check(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] command = new String[args.length + 1];
    command[0] = "check";
    System.arraycopy(args, 0, command, 1, args.length);
    int status = ZonewiseCli.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theDefaultLandscapeIsGoodAndItsBillIsPredicted() {
    Run run = check("--date", "2026-06-01");
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("zonewise: landscape 'shop' read from embedded default landscape and validated"
        + " (eu-west-1, 3 AZs, 3 services)\n").contains("\nzonewise: decided network.nat: perAz")
        .containsPattern("\nzonewise: predicted network cost a month \\(USD, eu-west-1 list prices, \\d+ flows of"
            + " traffic\\): generated \\$[\\d,.]+, naive \\$[\\d,.]+ \\(×[\\d.]+ of generated\\), floor \\$[\\d,.]+\n$");
  }

  @Test
  void aBadLandscapeExitsOneWithItsMessages(@TempDir Path dir) throws IOException {
    Run run = check(Files.writeString(dir.resolve("bad.yaml"), BAD).toString());
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("zonewise: error: " + BAD_MESSAGE + "\n");
  }

  @Test
  void aFileThatCannotBeReadExitsTwo(@TempDir Path dir) {
    Path missing = dir.resolve("missing.yaml");
    assertThat(check(missing.toString())).isEqualTo(new Run(2, "", "zonewise: error: landscape: " + missing
        + " does not exist; give the path of a landscape YAML file\n"));
    assertThat(check(dir.toString())).isEqualTo(new Run(2, "", "zonewise: error: landscape: " + dir
        + " is a directory, not a landscape file; give the path of a landscape YAML file\n"));
  }

  @Test
  void aPriceFileThatCannotBeReadExitsTwo(@TempDir Path dir) {
    Path prices = dir.resolve("prices.yaml");
    assertThat(check("--prices", prices.toString())).isEqualTo(new Run(2, "", "zonewise: error: price file " + prices
        + " cannot be read; give an existing YAML file of price key → USD\n"));
  }

  @Test
  void badUsageExitsTwo() {
    Run run = check("--date", "yesterday");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("Invalid value for option '--date'");
  }

  @Test
  void severalFilesGiveTheWorstVerdictAndNameTheFileOfEachError(@TempDir Path dir) throws IOException {
    Path good = Files.writeString(dir.resolve("good.yaml"), GOOD);
    Path bad = Files.writeString(dir.resolve("bad.yaml"), BAD);
    Run one = check(good.toString(), bad.toString());
    assertThat(one.status()).isEqualTo(1);
    assertThat(one.out()).contains("zonewise: landscape 'shop' read from " + good + " and validated");
    assertThat(one.err()).isEqualTo("zonewise: error: " + bad + ": " + BAD_MESSAGE + "\n");
    Path missing = dir.resolve("missing.yaml");
    Run two = check(bad.toString(), missing.toString(), good.toString());
    assertThat(two.status()).isEqualTo(2);
    assertThat(two.err()).isEqualTo("zonewise: error: " + bad + ": " + BAD_MESSAGE + "\n"
        + "zonewise: error: " + missing + ": landscape: " + missing + " does not exist; give the path of a landscape"
        + " YAML file\n");
  }
}
