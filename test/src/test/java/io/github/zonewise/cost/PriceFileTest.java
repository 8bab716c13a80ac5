package io.github.zonewise.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zonewise.app.LandscapeApp;
import io.github.zonewise.spec.PriceFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A landscape with its own prices, synthesized with a price file: {@code -c prices=FILE}. */
class PriceFileTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static JsonNode json;
  static Path priceFile;
  static String output;

  @TempDir
  static Path dir;

  @BeforeAll
  static void synthesize() throws Exception {
    priceFile = dir.resolve("team-prices.yaml");
    Files.writeString(priceFile, "# negotiated\nnatGatewayHour: 0.06\ncrossAzPerGbEachWay: 0.008\n");
    Path landscape = dir.resolve("landscape.yaml");
    Files.writeString(landscape, """
        name: lab
        region: eu-central-1
        availabilityZones: [eu-central-1a, eu-central-1b, eu-central-1c]
        network: {nat: single}
        services:
          - {name: api, namespace: lab, image: "nginx:1.27", port: 8080, replicas: 3, routing: cluster}
          - {name: worker, namespace: lab, image: "busybox:1.36", port: 9000, replicas: 3}
        traffic:
          - {from: worker, to: api, gb: 3000}
          - {from: worker, to: s3, gb: 2000}
          - {from: worker, to: logs, gb: 300}
          - {from: api, to: ecr, gb: 200}
          - {from: worker, to: internet, gb: 700}
        prices: {natGatewayHour: 0.05, natGatewayPerGb: 0.048}
        """);
    Path outdir = dir.resolve("cdk.out");
    var app = LandscapeApp.app(outdir, Map.of(LandscapeApp.LANDSCAPE_CONTEXT, landscape.toString(),
        LandscapeApp.MANIFESTS_CONTEXT, dir.resolve("dist").toString(), PriceFile.CONTEXT, priceFile.toString()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LandscapeApp.synth(app, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    output = bytes.toString(StandardCharsets.UTF_8);
    json = JSON.readTree(outdir.resolve(CostReport.JSON_FILE).toFile());
  }

  static JsonNode price(String key) {
    for (JsonNode p : json.path("prices")) {
      if (p.path("key").asText().equals(key)) {
        return p;
      }
    }
    throw new AssertionError("no price " + key);
  }

  static JsonNode item(String design, String prefix, int flow) {
    for (JsonNode d : json.path("designs")) {
      if (d.path("name").asText().equals(design)) {
        for (JsonNode i : d.path("lineItems")) {
          if (i.path("item").asText().startsWith(prefix) && i.path("flow").asInt(-1) == flow) {
            return i;
          }
        }
      }
    }
    throw new AssertionError("no line item " + prefix + " in " + design);
  }

  @Test
  void thePriceFileWinsOverTheLandscapesPrices() {
    assertThat(price("natGatewayHour").path("usd").asDouble()).isEqualTo(0.06);
    assertThat(price("natGatewayHour").path("source").asText())
        .startsWith("override from price file " + priceFile);
  }

  @Test
  void theLandscapesPricesOverrideTheListPrices() {
    assertThat(price("natGatewayPerGb").path("usd").asDouble()).isEqualTo(0.048);
    assertThat(price("natGatewayPerGb").path("source").asText()).startsWith("override from the landscape's prices");
  }

  @Test
  void overriddenPricesAreTheInputsOfTheLineItems() {
    // one NAT gateway: 1 × $0.06 × 730 = $43.80
    assertThat(item("generated", "NAT gateway hours", -1).path("usd").asDouble()).isCloseTo(43.80, within(1e-6));
    // worker → internet, 700 GB × $0.048 = $33.60
    assertThat(item("generated", "NAT gateway processing", 4).path("usd").asDouble()).isCloseTo(33.60, within(1e-6));
    // worker → api, api with cluster routing over 3 AZs: 3000 × 2/3 × 2 × $0.008 = $32.00
    assertThat(item("generated", "pod to pod", 0).path("usd").asDouble()).isCloseTo(32.00, within(1e-6));
  }

  @Test
  void theFloorIsAtMostTheGeneratedDesignAndTheGeneratedAtMostTheNaive() {
    JsonNode totals = json.path("totals");
    assertThat(totals.path("floor").asDouble()).isLessThanOrEqualTo(totals.path("generated").asDouble());
    assertThat(totals.path("generated").asDouble()).isLessThanOrEqualTo(totals.path("naive").asDouble());
  }

  @Test
  void theConsoleSaysPricesWereOverridden() {
    assertThat(output).contains("zonewise: network cost a month (USD, eu-central-1 list prices with 3 overrides, 5 flows"
        + " of traffic)");
  }
}
