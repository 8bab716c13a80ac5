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
import java.util.List;
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
        .isEqualTo("traffic[0].gb: -5.0 is negative; write the monthly gigabytes, 0 or more (line 10, column 32)");
  }

  @Test
  void nonNumericGigabytes() {
    assertThat(failure(BASE + "traffic:\n  - {from: orders, to: s3, gb: lots}\n"))
        .isEqualTo("traffic[0].gb: 'lots' is a string, not a number; write the monthly gigabytes, a number 0 or more"
            + " (line 10, column 32)");
  }

  @Test
  void missingGigabytes() {
    assertThat(failure(BASE + "traffic:\n  - {from: orders, to: s3}\n"))
        .isEqualTo("traffic[0].gb: is missing; write the monthly gigabytes, e.g. gb: 2000 (line 10, column 5)");
  }

  @Test
  void aFlowNamingAnUnknownService() {
    assertThat(failure(BASE + "traffic:\n  - {from: internet, to: ordrs, gb: 10}\n"))
        .isEqualTo("traffic[0].to: 'ordrs' is not a service, peer VPC, AWS service or region of the landscape;"
            + " did you mean 'orders'? use one of " + known() + " (line 10, column 26)");
  }

  @Test
  void aFlowNamingAnUnknownEndpoint() {
    assertThat(failure(BASE + "traffic:\n  - {from: orders, to: dynamo, gb: 10}\n"))
        .isEqualTo("traffic[0].to: 'dynamo' is not a service, peer VPC, AWS service or region of the landscape;"
            + " did you mean 'dynamodb'? use one of " + known() + " (line 10, column 24)");
  }

  @Test
  void replicationVolumeToARegionTheRegistryDoesNotReplicateTo() {
    assertThat(failure(BASE + "traffic:\n  - {from: ecr, to: us-east-2, gb: 10}\n"))
        .isEqualTo("traffic[0].to: 'us-east-2' is not a region of registry.replicateTo; a flow ecr → region gives"
            + " the monthly replication volume to one of [us-west-2] (line 10, column 21)");
  }

  @Test
  void aFlowToTheLandscapesOwnRegion() {
    assertThat(failure(BASE + "traffic:\n  - {from: orders, to: eu-west-1, gb: 10}\n"))
        .isEqualTo("traffic[0].to: 'eu-west-1' is the landscape's own region; name the service, AWS service or"
            + " peer VPC the bytes go to (line 10, column 24)");
  }

  @Test
  void anUnknownPriceKeySuggestsTheNearest() {
    assertThat(failure(BASE + "prices: {natGatewayHours: 0.05}\n"))
        .isEqualTo("prices.natGatewayHours: unknown price key; did you mean 'natGatewayHour'? known keys: "
            + String.join(", ", PriceBook.defaults().keys()) + " (line 9, column 27)");
  }

  @Test
  void aNegativePrice() {
    assertThat(failure(BASE + "prices: {natGatewayHour: -1}\n"))
        .isEqualTo("prices.natGatewayHour: -1.0 is not a price; write the price in USD, 0 or more, e.g. 0.045 (line 9, column 26)");
  }

  @Test
  void aNonNumericPrice() {
    assertThat(failure(BASE + "prices: {natGatewayHour: cheap}\n"))
        .isEqualTo("prices.natGatewayHour: 'cheap' is a string, not a number; write the price in USD, a number 0 or"
            + " more (line 9, column 26)");
  }

  @Test
  void zeroHoursAMonth() {
    assertThat(failure(BASE + "prices: {hoursPerMonth: 0}\n"))
        .isEqualTo("prices.hoursPerMonth: 0.0 is not the hours of a month, which every hourly price is multiplied by;"
            + " write more than 0 and at most 744 (31 days), e.g. 730 (line 9, column 25)");
  }

  @Test
  void moreHoursAMonthThanTheLongestMonthHas() {
    assertThat(failure(BASE + "prices: {hoursPerMonth: 745}\n"))
        .isEqualTo("prices.hoursPerMonth: 745.0 is not the hours of a month, which every hourly price is multiplied by;"
            + " write more than 0 and at most 744 (31 days), e.g. 730 (line 9, column 25)");
  }

  @Test
  void aCapacityUnitOfZeroGigabytes() {
    assertThat(failure(BASE + "prices: {nlbGbPerLcuHour: 0}\n"))
        .isEqualTo("prices.nlbGbPerLcuHour: 0.0 is not the GB a capacity unit carries an hour, which the report divides"
            + " a load balancer's GB by; write more than 0, e.g. 1 (line 9, column 27)");
  }

  @Test
  void aFreePriceIsAccepted() {
    assertThat(Synth.landscape(BASE + "prices: {natGatewayHour: 0}\n")).isNotNull();
  }

  static final String TWO_ORDERS = BASE + "  - {name: orders, namespace: eu, image: orders, port: 3003, replicas: 2}\n";

  @Test
  void aServiceNameOfTwoNamespacesInTrafficIsAmbiguous() {
    assertThat(failure(TWO_ORDERS + "traffic:\n  - {from: internet, to: orders, gb: 10}\n"))
        .isEqualTo("traffic[0].to: 'orders' names services in several namespaces [shop/orders, eu/orders]; write"
            + " namespace/name, e.g. 'shop/orders' (line 11, column 26)");
  }

  @Test
  void aNamespaceAndNameInTrafficNamesOneService() {
    var flow = io.github.zonewise.spec.LandscapeValidator.validate(io.github.zonewise.spec.LandscapeReader.parse(
        TWO_ORDERS + "traffic:\n  - {from: eu/orders, to: s3, gb: 10}\n", "test"), "test").spec().traffic()
        .orElseThrow().get(0);
    assertThat(List.of(flow.from().kind(), flow.from().name(), flow.from().qualifiedName()))
        .containsExactly(TrafficEnd.Kind.SERVICE, "orders", "eu/orders");
  }

  @Test
  void aNamespaceAndNameOfNoServiceInTraffic() {
    assertThat(failure(TWO_ORDERS + "traffic:\n  - {from: us/orders, to: s3, gb: 10}\n"))
        .isEqualTo("traffic[0].from: 'us/orders' names no service of the landscape; did you mean 'eu/orders'? use one of"
            + " [shop/orders, eu/orders] (line 11, column 12)");
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
        + " did you mean 'natGatewayPerGb'? known keys: " + String.join(", ", PriceBook.defaults().keys())
        + " (line 1, column 18)");
  }

  @Test
  void aPriceFileWithANonNumericPrice(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("prices.yaml");
    Files.writeString(file, "natGatewayHour: 0.045\nalbHour: about two cents\n");
    assertThat(appFailure(dir, file)).isEqualTo("price file " + file + ": albHour: 'about two cents' is a string, not"
        + " a number; write the price in USD, a number 0 or more (line 2, column 10)");
  }

  @Test
  void aPriceFileWithZeroHoursAMonth(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("prices.yaml");
    Files.writeString(file, "natGatewayHour: 0.045\nhoursPerMonth: 0\n");
    assertThat(appFailure(dir, file)).isEqualTo("price file " + file + ": hoursPerMonth: 0.0 is not the hours of a"
        + " month, which every hourly price is multiplied by; write more than 0 and at most 744 (31 days), e.g. 730"
        + " (line 2, column 16)");
  }

  @Test
  void aPriceFileWithAnAliasReadsTheAnchoredPrice(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("prices.yaml");
    Files.writeString(file, "natGatewayHour: &rate 0.05\nnatGatewayPerGb: *rate\n");
    assertThat(PriceFile.read(file)).containsEntry("natGatewayPerGb", 0.05);
  }

  @Test
  void aPriceFileThatIsNotUtf8(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("prices.yaml");
    Files.write(file, new byte[] {'a', 'l', 'b', 'H', 'o', 'u', 'r', ':', ' ', (byte) 0xA3, '1', '\n'});
    assertThat(appFailure(dir, file)).isEqualTo("price file " + file + ": is not UTF-8 text: the byte 0xA3 is not UTF-8"
        + " (a file saved in another encoding, such as Latin-1 or Windows-1252, or not a text file); save it as UTF-8"
        + " (line 1, column 10)");
  }

  @Test
  void aPriceFileThatIsNotAMap(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("prices.yaml");
    Files.writeString(file, "- natGatewayHour\n");
    assertThat(appFailure(dir, file)).isEqualTo("price file " + file + ": [natGatewayHour] is a list, not a mapping;"
        + " write a mapping of price key → USD, e.g. natGatewayHour: 0.045 (line 1, column 1)");
  }
}
