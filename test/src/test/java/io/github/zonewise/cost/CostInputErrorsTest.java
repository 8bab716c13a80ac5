package io.github.zonewise.cost;

import io.github.zonewise.spec.TrafficEnd;
import io.github.zonewise.facts.PriceBook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zonewise.app.LandscapeApp;
import io.github.zonewise.spec.LandscapeException;
import io.github.zonewise.spec.PriceFile;
import io.github.zonewise.test.Synth;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad traffic and prices: one message each, naming the field, before anything is written. */
class CostInputErrorsTest {

  static final String BASE = """
      name: shop
      region: eu-west-1
      availabilityZones: [eu-west-1a, eu-west-1b]
      interconnect:
        vpcs: [{name: payments, cidr: 10.1.0.0/16}]
      registry: {repositories: [orders], replicateTo: [us-west-2]}
      services:
        - {name: orders, namespace: shop, image: orders, port: 3003, replicas: 2}
      """;

  static String known() {
    return "orders, internet, payments, " + String.join(", ", TrafficEnd.awsServices()) + ", or a region";
  }

  static String failure(String yaml) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> Synth.landscape(yaml));
    assertThat(t).isInstanceOf(LandscapeException.class);
    return t.getMessage();
  }

  @Test
  void negativeGigabytes() {
    assertThat(failure(BASE + "traffic:\n  - {from: orders, to: s3, gb: -5}\n"))
        .isEqualTo("traffic[0].gb: -5.0 is negative; write the monthly gigabytes, 0 or more");
  }

  @Test
  void nonNumericGigabytes() {
    assertThat(failure(BASE + "traffic:\n  - {from: orders, to: s3, gb: lots}\n"))
        .isEqualTo("traffic[0].gb: 'lots' is not a number (line 10, column 32); write a number such as 2000");
  }

  @Test
  void missingGigabytes() {
    assertThat(failure(BASE + "traffic:\n  - {from: orders, to: s3}\n"))
        .isEqualTo("traffic[0].gb: is missing; write the monthly gigabytes, e.g. gb: 2000");
  }

  @Test
  void aFlowNamingAnUnknownService() {
    assertThat(failure(BASE + "traffic:\n  - {from: internet, to: ordrs, gb: 10}\n"))
        .isEqualTo("traffic[0].to: 'ordrs' is not a service, peer VPC, AWS service or region of the landscape;"
            + " did you mean 'orders'? use one of " + known());
  }

  @Test
  void aFlowNamingAnUnknownEndpoint() {
    assertThat(failure(BASE + "traffic:\n  - {from: orders, to: dynamo, gb: 10}\n"))
        .isEqualTo("traffic[0].to: 'dynamo' is not a service, peer VPC, AWS service or region of the landscape;"
            + " did you mean 'dynamodb'? use one of " + known());
  }

  @Test
  void replicationVolumeToARegionTheRegistryDoesNotReplicateTo() {
    assertThat(failure(BASE + "traffic:\n  - {from: ecr, to: us-east-2, gb: 10}\n"))
        .isEqualTo("traffic[0].to: 'us-east-2' is not a region of registry.replicateTo; a flow ecr → region gives"
            + " the monthly replication volume to one of [us-west-2]");
  }

  @Test
  void aFlowToTheLandscapesOwnRegion() {
    assertThat(failure(BASE + "traffic:\n  - {from: orders, to: eu-west-1, gb: 10}\n"))
        .isEqualTo("traffic[0].to: 'eu-west-1' is the landscape's own region; name the service, AWS service or"
            + " peer VPC the bytes go to");
  }

  @Test
  void anUnknownPriceKeySuggestsTheNearest() {
    assertThat(failure(BASE + "prices: {natGatewayHours: 0.05}\n"))
        .isEqualTo("prices.natGatewayHours: unknown price key; did you mean 'natGatewayHour'? known keys: "
            + String.join(", ", PriceBook.defaults().keys()));
  }

  @Test
  void aNegativePrice() {
    assertThat(failure(BASE + "prices: {natGatewayHour: -1}\n"))
        .isEqualTo("prices.natGatewayHour: -1.0 is not a price; write the price in USD, 0 or more, e.g. 0.045");
  }

  @Test
  void aNonNumericPrice() {
    assertThat(failure(BASE + "prices: {natGatewayHour: cheap}\n"))
        .isEqualTo("prices.natGatewayHour: 'cheap' is not a number (line 9, column 26); write a number such as 2000");
  }

  // ---------------------------------------------------------------- -c prices=FILE

  static String appFailure(Path dir, Path priceFile) throws Exception {
    Path landscape = dir.resolve("landscape.yaml");
    Files.writeString(landscape, BASE);
    Path outdir = dir.resolve("cdk.out");
    var app = LandscapeApp.app(outdir, Map.of(LandscapeApp.LANDSCAPE_CONTEXT, landscape.toString(),
        LandscapeApp.MANIFESTS_CONTEXT, dir.resolve("dist").toString(), PriceFile.CONTEXT, priceFile.toString()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(
        () -> LandscapeApp.synth(app, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
    assertThat(t).isInstanceOf(LandscapeException.class);
    assertThat(outdir.resolve("manifest.json")).doesNotExist();
    return t.getMessage();
  }

  @Test
  void aPriceFileThatDoesNotExist(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("missing.yaml");
    assertThat(appFailure(dir, file)).isEqualTo("price file " + file + ": does not exist; pass an existing YAML file"
        + " of price key → USD with -c prices=FILE");
  }

  @Test
  void aPriceFileWithAnUnknownKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("prices.yaml");
    Files.writeString(file, "natGatewayPerGB: 0.05\n");
    assertThat(appFailure(dir, file)).isEqualTo("price file " + file + ": natGatewayPerGB: unknown price key;"
        + " did you mean 'natGatewayPerGb'? known keys: " + String.join(", ", PriceBook.defaults().keys()));
  }

  @Test
  void aPriceFileWithANonNumericPrice(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("prices.yaml");
    Files.writeString(file, "natGatewayHour: 0.045\nalbHour: about two cents\n");
    assertThat(appFailure(dir, file)).isEqualTo("price file " + file + ": albHour: 'about two cents' is not a number"
        + " (line 2, column 10); write the price in USD, e.g. 0.045");
  }

  @Test
  void aPriceFileThatIsNotAMap(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("prices.yaml");
    Files.writeString(file, "- natGatewayHour\n");
    assertThat(appFailure(dir, file)).isEqualTo("price file " + file + ": is not a map of price key → USD (line 1,"
        + " column 1); write lines such as natGatewayHour: 0.052");
  }
}
