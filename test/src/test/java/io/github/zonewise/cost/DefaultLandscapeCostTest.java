package io.github.zonewise.cost;

import io.github.zonewise.design.LandscapeDesign;
import io.github.zonewise.facts.PriceBook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zonewise.spec.LandscapeSpec;
import io.github.zonewise.test.Snapshots;
import io.github.zonewise.test.Synth;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cost report of the embedded default landscape, as the app synthesizes it. */
class DefaultLandscapeCostTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static Synth.Synthesized synth;
  static LandscapeSpec spec;
  static CostReport report;
  static JsonNode json;
  static LandscapeDesign design;

  @BeforeAll
  static void synthesize() throws Exception {
    synth = Synth.defaultLandscape();
    spec = synth.landscape().landscape().spec();
    design = synth.landscape().design();
    report = CostReport.of(synth.outdir(), synth.manifests(), design.declared(), design.traffic(), design.prices(),
        design.choices());
    json = JSON.readTree(synth.outdir().resolve(CostReport.JSON_FILE).toFile());
  }

  /** Every resource of a type in every template of the assembly. */
  static List<JsonNode> resources(String type) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    try (var files = Files.list(synth.outdir())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".template.json")).sorted().toList()) {
        JSON.readTree(f.toFile()).path("Resources").forEach(r -> {
          if (r.path("Type").asText().equals(type)) {
            found.add(r);
          }
        });
      }
    }
    return found;
  }

  @Test
  void everySynthWritesTheJsonTheMarkdownAndTheChart() {
    assertThat(synth.outdir().resolve(CostReport.JSON_FILE)).isRegularFile();
    assertThat(synth.outdir().resolve(CostReport.MARKDOWN_FILE)).isRegularFile();
    assertThat(synth.outdir().resolve(CostReport.SVG_FILE)).isRegularFile();
  }

  @Test
  void theJavaObjectHasTheTotalsOfTheFiles() {
    for (DesignCost d : report.designs()) {
      assertThat(json.path("totals").path(d.name()).asDouble()).isCloseTo(d.total(), within(1e-6));
    }
  }

  @Test
  void theGeneratedNatGatewaysAreTheSynthesizedOnes() throws Exception {
    assertThat(report.generated().design().nat().gateways()).isEqualTo(resources("AWS::EC2::NatGateway").size());
  }

  @Test
  void theGeneratedInterfaceEndpointsAreTheSynthesizedOnesInEveryAz() throws Exception {
    TreeSet<String> synthesized = new TreeSet<>();
    for (JsonNode e : resources("AWS::EC2::VPCEndpoint")) {
      if (e.path("Properties").path("VpcEndpointType").asText().equals("Interface")) {
        String name = e.path("Properties").path("ServiceName").asText();
        synthesized.add(GeneratedDesign.shortService(name));
      }
    }
    assertThat(new TreeSet<>(report.generated().design().interfaceEndpoints().keySet())).isEqualTo(synthesized);
    assertThat(report.generated().design().interfaceEndpoints().values())
        .allSatisfy(e -> assertThat(e.zones()).isEqualTo(spec.availabilityZones().size()));
  }

  @Test
  void theGeneratedClustersAreTheSynthesizedOnes() throws Exception {
    assertThat(report.generated().design().clusters()).hasSize(resources("AWS::EKS::Cluster").size());
  }

  @Test
  void theFloorIsAtMostTheGeneratedDesignAndTheGeneratedAtMostTheNaive() {
    assertThat(report.floor().total()).isLessThanOrEqualTo(report.generated().total());
    assertThat(report.generated().total()).isLessThanOrEqualTo(report.naive().total());
  }

  @Test
  void theNaiveDesignOfTheDefaultLandscapeCostsMoreThanTheGenerated() {
    assertThat(report.naiveOverGenerated()).isGreaterThan(1.2);
  }

  @Test
  void lineItemsSumToTheTotalsInTheJson() {
    for (JsonNode d : json.path("designs")) {
      double sum = 0;
      for (JsonNode item : d.path("lineItems")) {
        sum += item.path("usd").asDouble();
      }
      assertThat(sum).as(d.path("name").asText()).isCloseTo(d.path("total").asDouble(), within(1e-4));
    }
  }

  @Test
  void theDefaultLandscapesTrafficIsItsOwnNotTheDefaultProfile() {
    assertThat(json.path("traffic").path("source").asText()).isEqualTo("landscape");
    assertThat(json.path("traffic").path("flows")).hasSize(spec.traffic().orElseThrow().size());
  }

  @Test
  void theChartIsAnSvgWithABarPerDesign() throws Exception {
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(Files.readAllBytes(synth.outdir().resolve(CostReport.SVG_FILE))));
    String text = doc.getDocumentElement().getTextContent();
    assertThat(text).contains("generated", "naive", "floor", Advice.usd(report.generated().total()));
  }

  @Test
  void theConsoleSummaryIsTwoToFourZonewiseLines() {
    List<String> lines = synth.output().lines().filter(l -> l.startsWith("zonewise: ")
        && (l.contains("network cost a month") || l.contains("cost advice") || l.contains("cost note")
            || l.contains("cost report written"))).toList();
    assertThat(lines).hasSizeBetween(2, 4);
    assertThat(lines).isEqualTo(report.summary(synth.outdir()));
  }

  @Test
  void theMarkdownReportMatchesTheSnapshot() throws Exception {
    Snapshots.assertTextMatches("default-cost.md", Files.readString(synth.outdir().resolve(CostReport.MARKDOWN_FILE)));
  }

  @Test
  void aPriceOverrideChangesOnlyTheItemsThatUseIt() {
    double hour = design.prices().usd(PriceBook.NAT_GATEWAY_HOUR);
    CostReport overridden = CostReport.of(synth.outdir(), synth.manifests(), design.declared(), design.traffic(),
        design.prices().withOverrides(Map.of(PriceBook.NAT_GATEWAY_HOUR, 2 * hour), "test"), design.choices());
    double before = report.generated().byCategory().get(Category.NAT);
    double after = overridden.generated().byCategory().get(Category.NAT);
    // doubling the gateway-hour adds gateways × the hour's price × 730 (eu-west-1: $0.048)
    assertThat(hour).isEqualTo(0.048);
    assertThat(after - before).isCloseTo(report.generated().design().nat().gateways() * hour * 730, within(1e-6));
    assertThat(overridden.generated().byCategory().get(Category.CROSS_AZ))
        .isEqualTo(report.generated().byCategory().get(Category.CROSS_AZ));
  }
}
