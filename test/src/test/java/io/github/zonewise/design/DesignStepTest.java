package io.github.zonewise.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.zonewise.cost.Category;
import io.github.zonewise.cost.CostReport;
import io.github.zonewise.cost.DesignCost;
import io.github.zonewise.facts.KubernetesVersions;
import io.github.zonewise.test.Synth;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/**
 * The design step end to end: its predicted bill is the bill read back from the synthesized output,
 * the default landscape's report has no advice against a default, and choices written in the
 * landscape that the cost lint flags are built as written, warned once with their cost, and
 * suppressed with a reason naming the field.
 */
class DesignStepTest {

  /** Choices the cost lint flags, each written in the landscape. */
  static final String WRITTEN = """
      name: picks
      region: eu-west-1
      availabilityZones: [eu-west-1a, eu-west-1b, eu-west-1c]
      network:
        nat: single
        gatewayEndpoints: [dynamodb]
      interconnect:
        mode: transitGateway
        vpcs: [{name: payments, cidr: 10.1.0.0/16}]
      cluster:
        version: "1.33"
      services:
        - {name: orders, image: orders:1.0.0, port: 8080, routing: cluster}
        - {name: web, image: web:1.0.0, port: 80}
      traffic:
        - {from: web, to: orders, gb: 1000}
        - {from: orders, to: s3, gb: 500}
        - {from: orders, to: internet, gb: 200}
        - {from: orders, to: payments, gb: 100}
      """;

  /** Node pools in two of three zones, an internal NLB whose service talks to the internet, no cluster. */
  static final String TWO_ZONES = """
      name: pools
      region: us-east-1
      availabilityZones: [us-east-1a, us-east-1b, us-east-1c]
      services:
        - {name: api, image: api:1.0.0, port: 8080, replicas: 3, expose: nlb}
        - {name: worker, image: worker:1.0.0, port: 9000, replicas: 3}
      nodePools:
        - {name: general, zones: [us-east-1a, us-east-1b]}
      traffic:
        - {from: worker, to: api, gb: 1000}
        - {from: api, to: internet, gb: 300}
        - {from: api, to: logs, gb: 3000}
      """;

  static Synth.Synthesized defaults;
  static Synth.Synthesized written;
  static Synth.Synthesized twoZones;

  @BeforeAll
  static void synthesize() {
    System.setProperty(KubernetesVersions.DATE_PROPERTY, "2026-12-01");
    defaults = Synth.defaultLandscape();
    written = Synth.landscape(WRITTEN);
    twoZones = Synth.landscape(TWO_ZONES);
  }

  @AfterAll
  static void clearDate() {
    System.clearProperty(KubernetesVersions.DATE_PROPERTY);
  }

  static CostReport report(Synth.Synthesized s) {
    LandscapeDesign d = s.landscape().design();
    return CostReport.of(s.outdir(), s.manifests(), d.declared(), d.traffic(), d.prices(), d.choices());
  }

  static void predictedIsReadBack(Synth.Synthesized s) {
    LandscapeDesign d = s.landscape().design();
    DesignCost predicted = CostReport.bill(d.predicted(), d.traffic(), d.prices());
    DesignCost read = report(s).generated();
    assertThat(predicted.total()).as("predicted vs read back").isCloseTo(read.total(), within(1e-6));
    for (Category c : Category.values()) {
      assertThat(predicted.byCategory().get(c)).as(c.label()).isCloseTo(read.byCategory().get(c), within(1e-6));
    }
    assertThat(d.predictedMonthlyUsd()).isCloseTo(read.total(), within(1e-6));
  }

  @Test
  void theDefaultLandscapesPredictedBillIsTheBillReadBackFromTheSynth() {
    predictedIsReadBack(defaults);
  }

  @Test
  void writtenChoicesArePredictedAsTheSynthBuildsThem() {
    predictedIsReadBack(written);
  }

  @Test
  void nodePoolZonesAndAnInternalLoadBalancerArePredictedAsTheSynthBuildsThem() {
    predictedIsReadBack(twoZones);
  }

  @Test
  void theDefaultLandscapeCostsNoMoreThanItsFloorAndHalfTheNaiveDesign() {
    CostReport r = report(defaults);
    assertThat(r.generatedOverFloor()).isLessThanOrEqualTo(1.05);
    assertThat(r.naiveOverGenerated()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void theDefaultLandscapesReportHasNoAdviceAgainstItsOwnDefaults() {
    CostReport r = report(defaults);
    assertThat(r.advice()).allSatisfy(a -> assertThat(a.text()).contains("(written in the landscape)"));
    assertThat(r.advice()).noneMatch(a -> r.choices().decided().contains(a.topic()));
    assertThat(r.advice()).as("the default writes nothing the numbers argue against").isEmpty();
  }

  @Test
  void theSynthPrintsEveryDecisionTheLandscapeLeftOpenOnce() {
    List<String> lines = defaults.output().lines().filter(l -> l.startsWith("zonewise: decided ")).toList();
    assertThat(lines).extracting(l -> l.substring("zonewise: decided ".length(), l.indexOf(':', 18)))
        .containsExactly("network.nat", "interconnect.mode", "network.interfaceEndpoints");
  }

  @Test
  void theReportListsTheDecisions() throws IOException {
    String md = Files.readString(defaults.outdir().resolve(CostReport.MARKDOWN_FILE));
    assertThat(md).contains("## Decisions").contains("| `interconnect.mode` | peering |")
        .contains("| `network.nat` | perAz |");
  }

  @Test
  void theDesignIsTheSameForTheSameLandscapeAndTraffic() {
    LandscapeDesign a = written.landscape().design();
    LandscapeDesign b = LandscapeDesign.of(a.landscape(), a.prices());
    assertThat(b.decisions()).isEqualTo(a.decisions());
    assertThat(b.warnings()).isEqualTo(a.warnings());
    assertThat(b.suppressions()).isEqualTo(a.suppressions());
  }

  // ---------------------------------------------------------------- written choices

  static List<String> zonewiseErrors(Synth.Synthesized s) {
    CloudAssembly assembly = s.assembly();
    return assembly.getStacksRecursively().stream().flatMap(stack -> stack.getMessages().stream())
        .filter(m -> m.getLevel() == SynthesisMessageLevel.ERROR)
        .map(m -> String.valueOf(m.getEntry().getData()).split("\n")[0]).toList();
  }

  @Test
  void writtenChoicesTheLintFlagsSynthesizeWithoutAnError() {
    assertThat(zonewiseErrors(written)).isEmpty();
  }

  @Test
  void eachWrittenChoiceIsWarnedOnceWithItsMonthlyCost() {
    List<String> warnings = written.output().lines().filter(l -> l.startsWith("zonewise: warning: ")).toList();
    for (String field : List.of("network.nat: single, chosen in the landscape: ",
        "network.gatewayEndpoints: [dynamodb] without s3, chosen in the landscape: ",
        "interconnect.mode: transitGateway, chosen in the landscape, joins only two VPCs: ",
        "cluster.version: '1.33' is in EKS extended support",
        "services[0].routing: cluster, chosen in the landscape: ")) {
      assertThat(warnings).as(field).filteredOn(w -> w.startsWith("zonewise: warning: " + field)).hasSize(1);
    }
    assertThat(warnings).filteredOn(w -> w.startsWith("zonewise: warning: network.nat"))
        .singleElement().satisfies(w -> assertThat(w).matches(".*(saves|costs) \\$[0-9,.]+ a month (against|more"
            + " than) perAz at this traffic.*"));
    assertThat(warnings).filteredOn(w -> w.startsWith("zonewise: warning: services[0].routing"))
        .singleElement().satisfies(w -> assertThat(w).contains("a month more than topologyAware at this traffic"));
  }

  static List<String> suppressed(Synth.Synthesized s, String stack) throws IOException {
    return Files.readAllLines(s.outdir().resolve("ZW-picks-" + stack + "-NagReport.csv")).stream()
        .filter(l -> l.contains(",\"Suppressed\",")).toList();
  }

  @Test
  void eachFindingOfAWrittenChoiceIsSuppressedWithTheFieldInItsReason() throws IOException {
    Map<String, String> expected = Map.of(
        "ZW-NAT1", "network.nat: single, chosen in the landscape",
        "ZW-VPCE1", "network.gatewayEndpoints without s3, chosen in the landscape",
        "ZW-TGW1", "interconnect.mode: transitGateway, chosen in the landscape");
    List<String> network = suppressed(written, "network");
    expected.forEach((rule, reason) -> assertThat(network).as(rule)
        .anyMatch(l -> l.startsWith("\"" + rule + "\",") && l.contains(reason)));
    List<String> cluster = suppressed(written, "cluster");
    assertThat(cluster).anyMatch(l -> l.startsWith("\"ZW-EKS2\",") && l.contains("cluster.version: 1.33, chosen in"
        + " the landscape"));
    assertThat(cluster).anyMatch(l -> l.startsWith("\"ZW-SVC1\",") && l.contains("[Service/default/orders]")
        && l.contains("services[].routing: cluster, chosen in the landscape"));
  }

  // ---------------------------------------------------------------- pricing fixes

  @Test
  void aServiceWhosePodsRunInTwoZonesIsPricedOnThoseZones() {
    // 3 replicas over 2 zones: 1.5 per zone fails topology hints' balance (floor 1 < 1.5 / 1.2), so
    // routing is cluster-wide over the 2 zones: half of worker → api crosses an AZ (not 0, not 2/3)
    CostReport r = report(twoZones);
    double crossAz = r.generated().lineItems().stream().filter(i -> i.flow() == 0).mapToDouble(i -> i.usd()).sum();
    assertThat(crossAz).isCloseTo(1000 * 0.5 * 2 * 0.01, within(1e-9));
    assertThat(twoZones.landscape().design().podZones()).containsExactly("us-east-1a", "us-east-1b");
  }

  @Test
  void anInternalLoadBalancerIsNoPathToTheInternet() {
    // api's NLB is internal: its 300 GB to the internet go through the NAT gateway ($0.045/GB), not the NLB
    CostReport r = report(twoZones);
    assertThat(r.generated().paths().get(1)).startsWith("pod → NAT gateway → internet");
    assertThat(r.generated().lineItems()).anyMatch(i -> i.flow() == 1 && i.item().equals("NAT gateway processing")
        && Math.abs(i.usd() - 300 * 0.045) < 1e-9);
  }

  @Test
  void anInterfaceEndpointIsDecidedWhereItPaysForItself() {
    // logs at 3,000 GB: 3 AZs × $0.01 × 730 h = $21.90 + 3,000 × $0.01 = $51.90 through an endpoint, against
    // 3,000 × $0.045 = $135 of NAT processing: the endpoint saves $83.10
    LandscapeDesign d = twoZones.landscape().design();
    assertThat(d.interfaceEndpoints()).containsExactly("logs");
    assertThat(d.decided()).filteredOn(x -> x.field().equals("network.interfaceEndpoints")).singleElement()
        .satisfies(x -> assertThat(x.reason()).contains("logs (saves $83.10)"));
  }
}
