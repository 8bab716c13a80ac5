package io.github.zonewise.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zonewise.app.LandscapeApp;
import io.github.zonewise.app.ZonewiseCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code zonewise check} and the synth give the same verdict on the same landscape: the same exit status,
 * the same error lines (one per problem, in the same order), and on a good landscape the same warnings
 * and decisions. The inputs are the bad-input cases of {@link LandscapeSchemaTest} (what a value alone
 * makes wrong), the cases only the whole landscape decides (an AZ of another region, overlapping CIDRs,
 * a colocation circle, the design step's refusals), several independent problems at once, and good
 * landscapes.
 */
class CheckVerdictTest {

  static final String HEAD = LandscapeSchemaTest.HEAD;

  /** Landscapes the whole file, the design step or several problems at once make bad, and good ones: name, errors, text. */
  static Stream<Arguments> wholeLandscapes() {
    return Stream.of(
        Arguments.of("an AZ of another region", 1,
            "name: shop\nregion: eu-west-1\navailabilityZones: [eu-west-1a, us-east-1b]\n"),
        Arguments.of("three independent problems at once", 3, "name: shop\nregion: eu-west-1\n"
            + "availabilityZones: [eu-west-1a, eu-west-1b]\nnetwork: {nat: perAZ}\ncluster: {mesh: linkerd}\n"
            + "services:\n  - {name: web, image: nginx:1.27, port: 0}\n"),
        Arguments.of("a peer VPC overlapping the cluster VPC", 1, HEAD
            + "network: {cidr: 10.0.0.0/16}\ninterconnect:\n  vpcs: [{name: payments, cidr: 10.0.128.0/17}]\n"),
        Arguments.of("two services colocated with each other", 1, HEAD + "services:\n"
            + "  - {name: a, image: a:1.0.0, port: 80, colocateWith: b}\n"
            + "  - {name: b, image: b:1.0.0, port: 80, colocateWith: a}\n"),
        Arguments.of("a flow to an unknown service", 1, HEAD + "services:\n  - {name: web, image: nginx:1.27, port: 80}\n"
            + "traffic:\n  - {from: web, to: ordres, gb: 10}\n"),
        Arguments.of("internet traffic to a service behind an internal load balancer", 1, HEAD + "services:\n"
            + "  - {name: orders, image: orders:1.4.2, port: 8080, expose: nlb, scheme: internal}\n"
            + "traffic:\n  - {from: internet, to: orders, gb: 10}\n"),
        Arguments.of("egress with no NAT and no load balancer", 1, HEAD + "network: {nat: none}\nservices:\n"
            + "  - {name: orders, image: orders:1.4.2, port: 8080}\ntraffic:\n  - {from: orders, to: internet, gb: 10}\n"),
        Arguments.of("peering asked for between talking peers", 1, HEAD + "interconnect:\n  mode: peering\n  vpcs:\n"
            + "    - {name: payments, cidr: 10.1.0.0/16}\n    - {name: analytics, cidr: 10.2.0.0/16}\n"
            + "traffic:\n  - {from: payments, to: analytics, gb: 100}\n"),
        Arguments.of("a Transit Gateway with one subnet of an existing peer for three AZs", 1, HEAD
            + "interconnect:\n  mode: transitGateway\n"
            + "  vpcs: [{name: ledger, cidr: 172.16.0.0/16, vpcId: vpc-0a1b2c3d, subnetIds: [subnet-0a1b2c3d]}]\n"),
        Arguments.of("a good landscape with a warning", 0, HEAD + "services:\n"
            + "  - {name: orders, image: orders:1.4.2, port: 8080, replicas: 2, routing: preferSameZone}\n"),
        Arguments.of("node pools without a cluster section", 0, HEAD + "services:\n"
            + "  - {name: web, image: nginx:1.27, port: 80}\nnodePools:\n  - {name: general, zones: each}\n"),
        Arguments.of("a good landscape with peers and decisions", 0, HEAD + "interconnect:\n  vpcs:\n"
            + "    - {name: payments, cidr: 10.1.0.0/16}\nservices:\n  - {name: web, image: nginx:1.27, port: 80}\n"
            + "traffic:\n  - {from: web, to: payments, gb: 200}\n  - {from: web, to: internet, gb: 50}\n"));
  }

  /** The schema-level cases that are bad: the app refuses each of them. */
  static Stream<Arguments> valueCases() {
    return LandscapeSchemaTest.inputs().map(Arguments::get).filter(a -> !(Boolean) a[2])
        .map(a -> Arguments.of(a[0], a[1]));
  }

  record Run(int status, List<String> lines) {
    /** The lines of one kind: errors, warnings, or decisions. */
    List<String> starting(String prefix) {
      return lines.stream().filter(l -> l.startsWith(prefix)).toList();
    }
  }

  static Run check(Path file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ZonewiseCli.run(new String[] {"check", file.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, (out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).lines()
        .toList());
  }

  static Run synth(Path file) {
    Path dir = file.getParent();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = LandscapeApp.run(LandscapeApp.app(dir.resolve("cdk.out"), Map.of(
        LandscapeApp.LANDSCAPE_CONTEXT, file.toString(), LandscapeApp.MANIFESTS_CONTEXT, dir.resolve("dist").toString())),
        new PrintStream(out, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8).lines().toList());
  }

  static Path write(String yaml) throws IOException {
    Path file = io.github.zonewise.test.Scratch.directory("zonewise-verdict").resolve("landscape.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueCases")
  void aBadValueIsRefusedByBothWithTheSameMessages(String name, String yaml) throws IOException {
    Path file = write(yaml);
    Run check = check(file);
    Run synth = synth(file);
    assertThat(check.status()).as(String.join("\n", check.lines())).isEqualTo(1);
    assertThat(synth.status()).isEqualTo(1);
    assertThat(check.starting("zonewise: error: ")).isNotEmpty().isEqualTo(synth.starting("zonewise: error: "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wholeLandscapes")
  void aWholeLandscapeGetsTheSameVerdictFromBoth(String name, int errors, String yaml) throws IOException {
    Path file = write(yaml);
    Run check = check(file);
    Run synth = synth(file);
    assertThat(check.status()).as(String.join("\n", check.lines()) + "\n--- synth:\n" + String.join("\n",
        synth.lines())).isEqualTo(synth.status());
    assertThat(check.starting("zonewise: error: ")).hasSize(errors).isEqualTo(synth.starting("zonewise: error: "));
    assertThat(check.status()).isEqualTo(errors == 0 ? 0 : 1);
    assertThat(check.starting("zonewise: warning: ")).isEqualTo(synth.starting("zonewise: warning: "));
    assertThat(check.starting("zonewise: decided ")).isEqualTo(synth.starting("zonewise: decided "));
    assertThat(check.starting("zonewise: no cluster section")).isEqualTo(synth.starting("zonewise: no cluster section"));
    if (check.status() == 0) {
      // the bill check predicts is the bill the synth reads back from what it built
      assertThat(check.starting("zonewise: predicted network cost")).hasSize(1).isEqualTo(
          synth.starting("zonewise: network cost").stream()
              .map(l -> l.replace("zonewise: network cost", "zonewise: predicted network cost")).toList());
    }
  }
}
