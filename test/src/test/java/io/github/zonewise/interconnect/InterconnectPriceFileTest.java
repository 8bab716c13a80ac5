package io.github.zonewise.interconnect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zonewise.app.LandscapeApp;
import io.github.zonewise.spec.PriceFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interconnect's one-line cost comparison uses the same prices as the cost report, price file included. */
class InterconnectPriceFileTest {

  @Test
  void theInterconnectLineIsPricedWithThePriceFile(@TempDir Path dir) throws Exception {
    Path prices = dir.resolve("prices.yaml");
    Files.writeString(prices, "transitGatewayAttachmentHour: 0.04\n");
    Path landscape = dir.resolve("landscape.yaml");
    Files.writeString(landscape, """
        name: hub
        region: eu-west-1
        availabilityZones: [eu-west-1a, eu-west-1b]
        interconnect:
          vpcs:
            - {name: payments, cidr: 10.1.0.0/16}
            - {name: analytics, cidr: 10.2.0.0/16}
        services: []
        """);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LandscapeApp.synth(LandscapeApp.app(dir.resolve("cdk.out"), Map.of(
        LandscapeApp.LANDSCAPE_CONTEXT, landscape.toString(),
        LandscapeApp.MANIFESTS_CONTEXT, dir.resolve("dist").toString(),
        PriceFile.CONTEXT, prices.toString())), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("for $87.60 a month less than a Transit Gateway");   // 3 attachments × $0.04/h × 730 h
  }
}
