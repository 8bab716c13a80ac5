package io.github.zonewise.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.zonewise.cost.CostReport;
import io.github.zonewise.facts.AwsRegions;
import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.spec.LandscapeReader;
import io.github.zonewise.spec.LandscapeValidator;
import io.github.zonewise.spec.ValidatedLandscape;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A landscape is priced at its region's list prices, or says in the report's first line that it is not. */
class RegionalPricingTest {

  static CostReport report(String region) {
    String zones = String.join(", ", AwsRegions.zones(region).subList(0, 2));
    ValidatedLandscape v = LandscapeValidator.validate(LandscapeReader.parse("name: shop\nregion: " + region
        + "\navailabilityZones: [" + zones + "]\nservices:\n  - {name: orders, image: orders:1.0.0, port: 8080}\n"
        + "traffic:\n  - {from: orders, to: internet, gb: 1000}\n", "test"), "test");
    LandscapeDesign d = LandscapeDesign.of(v, v.priceBook(Map.of(), null));
    return CostReport.of(d.predicted(), d.declared(), d.traffic(), d.prices(), d.choices());
  }

  @ParameterizedTest
  @ValueSource(strings = {"us-east-1", "us-west-2", "eu-west-1", "eu-central-1"})
  void aLandscapeInAPricedRegionIsPricedAtThatRegionsRates(String region) {
    CostReport r = report(region);
    PriceBook book = PriceBook.forRegion(region);
    assertThat(r.prices().region()).isEqualTo(region);
    assertThat(r.prices().regionPriced()).isTrue();
    // two NAT gateways and 1,000 GB through them, at the region's rates
    double nat = 2 * book.usd(PriceBook.NAT_GATEWAY_HOUR) * 730 + 1000 * book.usd(PriceBook.NAT_GATEWAY_PER_GB);
    assertThat(r.generated().byCategory().get(io.github.zonewise.cost.Category.NAT)).isCloseTo(nat, within(1e-9));
    assertThat(r.toMarkdown().lines().findFirst().orElseThrow())
        .isEqualTo("# Network cost of landscape `shop` (" + region + ")");
    assertThat(r.summary(Path.of("cdk.out")).get(0)).startsWith("zonewise: network cost a month (USD, " + region
        + " list prices, ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu-north-1", "ap-southeast-2"})
  void aLandscapeInARegionWithoutATableSaysItIsPricedAtUsEast1Rates(String region) {
    CostReport r = report(region);
    assertThat(r.prices().regionPriced()).isFalse();
    assertThat(r.toMarkdown().lines().findFirst().orElseThrow()).isEqualTo("# Network cost of landscape `shop` ("
        + region + ") — priced at us-east-1 rates: no price table for " + region);
    assertThat(r.summary(Path.of("cdk.out")).get(0)).startsWith("zonewise: network cost a month (USD, us-east-1"
        + " list prices: no price table for " + region + ", ");
    assertThat(r.notes()).contains("priced at us-east-1 rates: Zonewise has no price table for " + region
        + " (a price file with -c prices=FILE sets that region's rates)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eu-west-1"})
  void eachRegionalPriceDiffersWhereTheRegionDoes(String region) {
    assertThat(report(region).generated().total()).isGreaterThan(report("us-east-1").generated().total());
  }
}
