package io.github.zonewise.cost;

import io.github.zonewise.facts.PriceBook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zonewise.cost.Design.LinkKind;
import io.github.zonewise.cost.Design.Nat;
import io.github.zonewise.spec.LandscapeReader;
import io.github.zonewise.design.LandscapeDesign;
import io.github.zonewise.spec.ValidatedLandscape;
import io.github.zonewise.spec.LandscapeValidator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/** The report over landscapes: invariants, files, price overrides, the default traffic profile. */
class CostReportTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static final String SHOP = """
      name: shop
      region: eu-west-1
      availabilityZones: [eu-west-1a, eu-west-1b, eu-west-1c]
      interconnect:
        vpcs:
          - {name: payments, cidr: 10.1.0.0/16}
          - {name: analytics, cidr: 10.2.0.0/16}
      registry:
        repositories: [orders, graphql]
        replicateTo: [us-west-2]
      services:
        - {name: orders, namespace: shop, image: orders, port: 3003, replicas: 6, routing: topologyAware}
        - {name: graphql, namespace: shop, image: graphql, port: 4000, replicas: 6, routing: preferSameZone,
           colocateWith: orders, expose: alb, scheme: internet-facing}
        - {name: web, namespace: shop, image: "nginx:1.27", port: 8080, replicas: 3, expose: nlb,
           scheme: internet-facing}
      traffic:
        - {from: internet, to: graphql, gb: 2000}
        - {from: internet, to: web, gb: 300}
        - {from: graphql, to: orders, gb: 8000}
        - {from: web, to: orders, gb: 1500}
        - {from: orders, to: s3, gb: 5000}
        - {from: orders, to: dynamodb, gb: 1200}
        - {from: orders, to: payments, gb: 400}
        - {from: analytics, to: orders, gb: 900}
        - {from: graphql, to: ecr, gb: 150}
        - {from: orders, to: logs, gb: 250}
        - {from: orders, to: internet, gb: 600}
        - {from: ecr, to: us-west-2, gb: 30}
      """;

  static ValidatedLandscape spec(String yaml) {
    return LandscapeValidator.validate(LandscapeReader.parse(yaml, "test"), "test");
  }

  /** The report of a design for a landscape, with the traffic and names its design step gives. */
  static CostReport report(Design design, ValidatedLandscape landscape, PriceBook prices) {
    LandscapeDesign decided = LandscapeDesign.of(landscape, prices);
    return CostReport.of(design, decided.declared(), decided.traffic(), prices);
  }

  /** The shop's generated design in a few variants, each as a generator could produce it. */
  static Fixtures.DesignBuilder shop() {
    return Fixtures.design().gateway("s3", 1).gateway("dynamodb", 1).endpoint("ecr.api", 3, true)
        .endpoint("ecr.dkr", 3, true).endpoint("sts", 3, true).endpoint("logs", 3, true).endpoint("eks-auth", 3, true)
        .service("orders", 6, Routing.TOPOLOGY_AWARE).service("graphql", 6, Routing.PREFER_SAME_ZONE)
        .service("web", 3, Routing.TOPOLOGY_AWARE).alb("graphql", true).nlb("web", true, false, false)
        .remote("us-west-2", true).cluster("1.35");
  }

  static Stream<Arguments> landscapes() {
    ValidatedLandscape shop = spec(SHOP);
    return Stream.of(
        Arguments.of("per-AZ NAT, Transit Gateway", shop().peer("payments", LinkKind.TRANSIT_GATEWAY)
            .peer("analytics", LinkKind.TRANSIT_GATEWAY).attachments(3).build(), shop),
        Arguments.of("per-AZ NAT, peering", shop().peer("payments", LinkKind.PEERING)
            .peer("analytics", LinkKind.PEERING).peerings(2).build(), shop),
        Arguments.of("single NAT", shop().nat(new Nat("single", 1, 1, 2 / 3.0, true))
            .peer("payments", LinkKind.PEERING).peer("analytics", LinkKind.PEERING).peerings(2).build(), shop),
        Arguments.of("regional NAT", shop().nat(new Nat("regional", 3, 3, 0, true))
            .peer("payments", LinkKind.PEERING).peer("analytics", LinkKind.PEERING).peerings(2).build(), shop),
        Arguments.of("no interconnect yet, no replication, extended support", Fixtures.design().gateway("s3", 1)
            .gateway("dynamodb", 1).endpoint("logs", 3, true).service("orders", 6, Routing.TOPOLOGY_AWARE)
            .service("graphql", 6, Routing.PREFER_SAME_ZONE).service("web", 3, Routing.TOPOLOGY_AWARE)
            .alb("graphql", true).nlb("web", true, false, false).peer("payments", LinkKind.NAT)
            .peer("analytics", LinkKind.NAT).remote("us-west-2", false).cluster("1.32").build(), shop),
        Arguments.of("two AZs", Fixtures.design().zones(2).nat(new Nat("perAz", 2, 2, 0, true)).gateway("s3", 1)
            .gateway("dynamodb", 1).endpoint("logs", 2, true).service("orders", 6, Routing.TOPOLOGY_AWARE)
            .service("graphql", 6, Routing.PREFER_SAME_ZONE).service("web", 3, Routing.NODE_LOCAL)
            .alb("graphql", true).nlb("web", true, false, false).peer("payments", LinkKind.PEERING)
            .peer("analytics", LinkKind.PEERING).peerings(2).remote("us-west-2", true).build(), shop));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("landscapes")
  void floorIsAtMostGeneratedAndGeneratedAtMostNaive(String name, Design generated, ValidatedLandscape spec) {
    CostReport report = report(generated, spec, PriceBook.defaults());
    assertThat(report.floor().total()).isLessThanOrEqualTo(report.generated().total() + 1e-9);
    assertThat(report.generated().total()).isLessThanOrEqualTo(report.naive().total() + 1e-9);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("landscapes")
  void lineItemsOfTheJsonReportSumToItsTotals(String name, Design generated, ValidatedLandscape spec) throws Exception {
    CostReport report = report(generated, spec, PriceBook.defaults());
    JsonNode json = JSON.readTree(report.toJson());
    for (JsonNode d : json.path("designs")) {
      double sum = 0;
      for (JsonNode item : d.path("lineItems")) {
        sum += item.path("usd").asDouble();
      }
      assertThat(sum).as(d.path("name").asText()).isCloseTo(d.path("total").asDouble(), within(1e-4));
      assertThat(json.path("totals").path(d.path("name").asText()).asDouble())
          .isCloseTo(d.path("total").asDouble(), within(1e-9));
    }
  }

  @Test
  void everyLineItemCarriesTheInputsOfItsFormula() {
    CostReport report = report(landscapeDesign(), spec(SHOP), PriceBook.defaults());
    for (DesignCost d : report.designs()) {
      for (LineItem item : d.lineItems()) {
        for (String name : item.inputs().keySet()) {
          assertThat(item.formula()).as(item.item()).contains(name.startsWith("tier") || name.equals("flows")
              ? "tier" : name);
        }
      }
    }
  }

  static Design landscapeDesign() {
    return shop().peer("payments", LinkKind.PEERING).peer("analytics", LinkKind.PEERING).peerings(2).build();
  }

  @Test
  void writesTheJsonTheMarkdownAndTheChart(@TempDir Path dir) throws Exception {
    CostReport report = report(landscapeDesign(), spec(SHOP), PriceBook.defaults());
    List<Path> files = report.write(dir);
    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsExactly("zonewise-cost.json", "zonewise-cost.md", "zonewise-cost.svg");
    JsonNode json = JSON.readTree(files.get(0).toFile());
    assertThat(json.path("designs")).extracting(d -> d.path("name").asText())
        .containsExactly("generated", "naive", "floor");
    String md = Files.readString(files.get(1));
    assertThat(md).contains("| generated — what this synth produced | " + Advice.usd(report.generated().total()),
        "| naive — the same landscape, built the naive way | " + Advice.usd(report.naive().total()),
        "## Line items: generated", "## Advice", "## The generated design, as read from the synth");
    Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(Files.readAllBytes(files.get(2))));
    assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
    long segments = report.designs().stream()
        .mapToLong(d -> d.byCategory().values().stream().filter(v -> v > 0).count()).sum();
    long titledRects = 0;
    var rects = svg.getElementsByTagName("rect");
    for (int i = 0; i < rects.getLength(); i++) {
      if (rects.item(i).getChildNodes().getLength() > 0) {
        titledRects++;
      }
    }
    assertThat(titledRects).isEqualTo(segments);
  }

  @Test
  void theReportIsTheSameByteForByteTwice() {
    CostReport a = report(landscapeDesign(), spec(SHOP), PriceBook.defaults());
    CostReport b = report(landscapeDesign(), spec(SHOP), PriceBook.defaults());
    assertThat(a.toJson()).isEqualTo(b.toJson());
    assertThat(a.toMarkdown()).isEqualTo(b.toMarkdown());
    assertThat(a.toSvg()).isEqualTo(b.toSvg());
  }

  @Test
  void theConsoleSummaryIsTwoToFourZonewiseLines() {
    CostReport report = report(landscapeDesign(), spec(SHOP), PriceBook.defaults());
    List<String> lines = report.summary(Path.of("cdk.out"));
    assertThat(lines).hasSizeBetween(2, 4).allSatisfy(l -> assertThat(l).startsWith("zonewise: "));
    assertThat(lines.get(0)).contains("generated " + Advice.usd(report.generated().total()),
        "naive " + Advice.usd(report.naive().total()), "floor " + Advice.usd(report.floor().total()));
  }

  @Test
  void landscapePricesAndAPriceFileOverrideTheListPricesFileLast() {
    ValidatedLandscape spec = spec(SHOP + "prices: {natGatewayPerGb: 0.05, natGatewayHour: 0.05}\n");
    PriceBook book = spec.priceBook(Map.of("natGatewayPerGb", 0.06), "team-prices.yaml");
    assertThat(book.usd(PriceBook.NAT_GATEWAY_PER_GB)).isEqualTo(0.06);
    assertThat(book.item(PriceBook.NAT_GATEWAY_PER_GB).source()).startsWith("override from price file team-prices.yaml");
    assertThat(book.usd(PriceBook.NAT_GATEWAY_HOUR)).isEqualTo(0.05);
    assertThat(book.item(PriceBook.NAT_GATEWAY_HOUR).source()).startsWith("override from the landscape's prices");
    assertThat(book.usd(PriceBook.NAT_GATEWAY_PER_GB)).isNotEqualTo(PriceBook.defaults().usd(PriceBook.NAT_GATEWAY_PER_GB));
  }

  @Test
  void overriddenPricesFlowIntoTheLineItems() {
    ValidatedLandscape spec = spec(SHOP);
    PriceBook book = spec.priceBook(Map.of("natGatewayPerGb", 0.06, "natGatewayHour", 0.05), "p.yaml");
    CostReport report = report(landscapeDesign(), spec, book);
    LineItem processing = report.generated().lineItems().stream()
        .filter(i -> i.item().equals("NAT gateway processing") && i.flow() == 10).findFirst().orElseThrow();
    // orders → internet, 600 GB × $0.06 = $36.00
    assertThat(processing.usd()).isCloseTo(36.00, within(1e-9));
    LineItem hours = report.generated().lineItems().stream()
        .filter(i -> i.item().startsWith("NAT gateway hours")).findFirst().orElseThrow();
    // 3 × $0.05 × 730 = $109.50
    assertThat(hours.usd()).isCloseTo(109.50, within(1e-9));
    assertThat(report.summary(Path.of("cdk.out")).get(0)).contains("with 2 overrides");
  }

  @Test
  void withoutTrafficTheDefaultProfileIsPricedAndTheReportSaysSo() throws Exception {
    ValidatedLandscape spec = spec(SHOP.substring(0, SHOP.indexOf("traffic:")));
    CostReport report = report(landscapeDesign(), spec, PriceBook.defaults());
    assertThat(report.traffic().defaulted()).isTrue();
    // per service: s3, logs, ecr, internet; graphql and web exposed (internet in); graphql → orders; a flow per peer
    assertThat(report.traffic().flows()).hasSize(3 * 4 + 2 + 1 + 2);
    assertThat(report.notes()).anyMatch(n -> n.startsWith("the landscape has no traffic: the default profile is priced"));
    assertThat(JSON.readTree(report.toJson()).path("traffic").path("source").asText()).isEqualTo("default profile");
    assertThat(report.toMarkdown()).contains("Traffic: **the default profile** (the landscape has no `traffic`)");
    assertThat(report.floor().total()).isLessThanOrEqualTo(report.generated().total());
  }

  @Test
  void aFlowOutsideTheLandscapesNetworkIsNotedAndNotPriced() {
    ValidatedLandscape spec = spec(SHOP + "  - {from: payments, to: internet, gb: 100}\n");
    CostReport report = report(landscapeDesign(), spec, PriceBook.defaults());
    assertThat(report.notes()).contains("traffic[12] (payments → internet) does not cross the landscape's network:"
        + " not priced");
    for (DesignCost d : report.designs()) {
      assertThat(d.lineItems()).noneMatch(i -> i.flow() == 12);
    }
  }

  @Test
  void bytesBetweenPeersCostTheTransitGatewayInTheGeneratedDesignAndInTheFloor() {
    ValidatedLandscape spec = spec(SHOP + "  - {from: payments, to: analytics, gb: 700}\n");
    Design tgw = shop().peer("payments", LinkKind.TRANSIT_GATEWAY).peer("analytics", LinkKind.TRANSIT_GATEWAY)
        .attachments(3).build();
    CostReport report = report(tgw, spec, PriceBook.defaults());
    double generated = report.generated().lineItems().stream().filter(i -> i.flow() == 12)
        .mapToDouble(LineItem::usd).sum();
    double floor = report.floor().lineItems().stream().filter(i -> i.flow() == 12).mapToDouble(LineItem::usd).sum();
    // 700 GB × $0.02 = $14.00 through the Transit Gateway, in the floor too: flows between two peers need its
    // routing (the floor keeps the interconnect those flows force; a mesh of peerings is advice, not the floor)
    assertThat(generated).isCloseTo(14.00, within(1e-9));
    assertThat(floor).isCloseTo(14.00, within(1e-9));
    assertThat(report.advice()).anyMatch(a -> a.text().contains("a peering mesh (3 connections"));
  }

  @Test
  void aFlowWithoutAPathInTheGeneratedDesignIsLeftOutOfEveryDesignAndNoted() {
    Design isolated = shop().nat(Nat.none()).peer("payments", LinkKind.PEERING).peer("analytics", LinkKind.PEERING)
        .peerings(2).build();
    CostReport report = report(isolated, spec(SHOP), PriceBook.defaults());
    assertThat(report.notes()).anyMatch(n -> n.startsWith("traffic[10] (orders → internet, 600 GB) has no path"));
    for (DesignCost d : report.designs()) {
      assertThat(d.lineItems()).noneMatch(i -> i.flow() == 10);
    }
  }
}
