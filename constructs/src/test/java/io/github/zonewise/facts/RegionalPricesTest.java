package io.github.zonewise.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The regional price tables: every key in every region, each figure with its source and date. */
class RegionalPricesTest {

  static final PriceBook US_EAST_1 = PriceBook.defaults();

  static List<String> regionsAndOneWithoutATable() {
    List<String> regions = new ArrayList<>(RegionalPrices.regions());
    regions.add("ap-south-1");
    return regions;
  }

  @Test
  void theFourRegionsOfTheIssueHaveATable() {
    assertThat(RegionalPrices.regions()).containsExactly("us-east-1", "us-west-2", "eu-west-1", "eu-central-1");
    for (String region : RegionalPrices.regions()) {
      PriceBook book = PriceBook.forRegion(region);
      assertThat(book.region()).isEqualTo(region);
      assertThat(book.regionPriced()).as(region).isTrue();
    }
  }

  @Test
  void eachRegionsBookHasEveryKeyInBookOrderWithItsUnit() {
    for (String region : regionsAndOneWithoutATable()) {
      PriceBook book = PriceBook.forRegion(region);
      assertThat(book.keys()).as(region).isEqualTo(US_EAST_1.keys());
      for (String key : book.keys()) {
        assertThat(book.item(key).unit()).as(region + " " + key).isEqualTo(US_EAST_1.item(key).unit());
      }
    }
  }

  @Test
  void theRegionalFiguresFound() {
    PriceBook ireland = PriceBook.forRegion("eu-west-1");
    assertThat(ireland.usd(PriceBook.NAT_GATEWAY_HOUR)).isEqualTo(0.048);
    assertThat(ireland.usd(PriceBook.NAT_GATEWAY_PER_GB)).isEqualTo(0.048);
    assertThat(ireland.usd(PriceBook.INTERFACE_ENDPOINT_HOUR_PER_AZ)).isEqualTo(0.011);
    assertThat(ireland.usd(PriceBook.ALB_HOUR)).isEqualTo(0.0252);
    assertThat(ireland.item(PriceBook.NAT_GATEWAY_HOUR).source()).contains("EU-NatGateway-Hours");
    assertThat(ireland.item(PriceBook.NAT_GATEWAY_HOUR).asOf()).isEqualTo("2026-09-25");

    PriceBook frankfurt = PriceBook.forRegion("eu-central-1");
    assertThat(frankfurt.usd(PriceBook.NAT_GATEWAY_HOUR)).isEqualTo(0.052);
    assertThat(frankfurt.usd(PriceBook.INTERFACE_ENDPOINT_HOUR_PER_AZ)).isEqualTo(0.012);
    assertThat(frankfurt.usd(PriceBook.ALB_HOUR)).isEqualTo(0.027);
    assertThat(frankfurt.item(PriceBook.INTERFACE_ENDPOINT_HOUR_PER_AZ).source()).contains("EUC1-VpcEndpoint-Hours");

    PriceBook oregon = PriceBook.forRegion("us-west-2");
    assertThat(oregon.usd(PriceBook.NAT_GATEWAY_HOUR)).isEqualTo(0.045);
    assertThat(oregon.item(PriceBook.NAT_GATEWAY_HOUR).source())
        .startsWith("same as us-east-1: ").contains("USW2-NatGateway-Hours");
    assertThat(oregon.usd(PriceBook.INTERFACE_ENDPOINT_HOUR_PER_AZ)).isEqualTo(0.01);
  }

  @Test
  void aFigureNotFoundIsTheUsEast1OneMarkedAsAnAssumption() {
    Price natPerGb = PriceBook.forRegion("eu-central-1").item(PriceBook.NAT_GATEWAY_PER_GB);
    assertThat(natPerGb.usd()).isEqualTo(US_EAST_1.usd(PriceBook.NAT_GATEWAY_PER_GB));
    assertThat(natPerGb.source())
        .startsWith("not found for eu-central-1; us-east-1 rate assumed")
        .contains(US_EAST_1.item(PriceBook.NAT_GATEWAY_PER_GB).source());
    assertThat(PriceBook.forRegion("eu-west-1").item(PriceBook.NLB_HOUR).source())
        .startsWith("not found for eu-west-1; us-east-1 rate assumed");
  }

  @Test
  void everyRegionalKeyIsFoundConfirmedOrMarkedAssumed() {
    for (String region : RegionalPrices.regions()) {
      if (region.equals("us-east-1")) {
        continue;
      }
      PriceBook book = PriceBook.forRegion(region);
      for (String key : RegionalPrices.REGIONAL_KEYS) {
        Price p = book.item(key);
        boolean differs = p.usd() != US_EAST_1.usd(key);
        if (differs) {
          assertThat(p.source()).as(region + " " + key).doesNotStartWith("same as").doesNotStartWith("not found");
        } else {
          assertThat(p.source()).as(region + " " + key)
              .satisfiesAnyOf(s -> assertThat(s).startsWith("same as us-east-1: "),
                  s -> assertThat(s).startsWith("not found for " + region + "; us-east-1 rate assumed"));
        }
      }
    }
  }

  @Test
  void theKeysThatAreTheSameEverywhereKeepTheirUsEast1Entry() {
    for (String region : regionsAndOneWithoutATable()) {
      PriceBook book = PriceBook.forRegion(region);
      for (String key : US_EAST_1.keys()) {
        if (!RegionalPrices.REGIONAL_KEYS.contains(key) || !book.regionPriced()) {
          assertThat(book.item(key)).as(region + " " + key).isEqualTo(US_EAST_1.item(key));
        }
      }
    }
    assertThat(RegionalPrices.REGIONAL_KEYS).doesNotContain(PriceBook.CROSS_AZ_PER_GB_EACH_WAY,
        PriceBook.PUBLIC_IPV4_HOUR, PriceBook.EKS_CLUSTER_HOUR_STANDARD, PriceBook.EKS_CLUSTER_HOUR_EXTENDED,
        PriceBook.HOURS_PER_MONTH, PriceBook.GATEWAY_ENDPOINT_HOUR, PriceBook.ECR_STORAGE_GB_MONTH);
  }

  @Test
  void everyRegionalPriceNamesASourceAndADate() {
    for (String region : regionsAndOneWithoutATable()) {
      for (Price p : PriceBook.forRegion(region).prices()) {
        assertThat(p.source()).as(region + " " + p.key()).isNotBlank();
        assertThat(p.asOf()).as(region + " " + p.key()).matches("\\d{4}.*");
      }
    }
  }

  @Test
  void aRegionWithoutATableIsPricedAtUsEast1Rates() {
    PriceBook mumbai = PriceBook.forRegion("ap-south-1");
    assertThat(mumbai.region()).isEqualTo("ap-south-1");
    assertThat(mumbai.regionPriced()).isFalse();
    assertThat(mumbai.prices()).containsExactlyElementsOf(US_EAST_1.prices());
  }

  @Test
  void theDefaultsAreTheUsEast1BookUnchanged() {
    assertThat(PriceBook.forRegion("us-east-1")).isSameAs(US_EAST_1);
    assertThat(US_EAST_1.region()).isEqualTo("us-east-1");
    assertThat(US_EAST_1.regionPriced()).isTrue();
    assertThat(US_EAST_1.usd(PriceBook.NAT_GATEWAY_HOUR)).isEqualTo(0.045);
    assertThat(US_EAST_1.item(PriceBook.NAT_GATEWAY_HOUR).source()).isEqualTo("Amazon VPC pricing, NAT gateway");
    assertThat(US_EAST_1.usd(PriceBook.ALB_HOUR)).isEqualTo(0.0225);
  }

  @Test
  void overridesApplyOnTopOfARegionalBook() {
    PriceBook ireland = PriceBook.forRegion("eu-west-1")
        .withOverrides(Map.of(PriceBook.NAT_GATEWAY_HOUR, 0.04), "prices");
    assertThat(ireland.usd(PriceBook.NAT_GATEWAY_HOUR)).isEqualTo(0.04);
    assertThat(ireland.item(PriceBook.NAT_GATEWAY_HOUR).source())
        .startsWith("override from prices").contains("list price 0.048").contains("EU-NatGateway-Hours");
    assertThat(ireland.usd(PriceBook.NAT_GATEWAY_PER_GB)).isEqualTo(0.048);
    assertThat(ireland.region()).isEqualTo("eu-west-1");
    assertThat(ireland.regionPriced()).isTrue();

    PriceBook mumbai = PriceBook.forRegion("ap-south-1").withOverrides(Map.of(PriceBook.ALB_HOUR, 0.0239), "f.yaml");
    assertThat(mumbai.usd(PriceBook.ALB_HOUR)).isEqualTo(0.0239);
    assertThat(mumbai.regionPriced()).isFalse();
    assertThat(mumbai.region()).isEqualTo("ap-south-1");
  }

  @Test
  void aRegionIsRequired() {
    assertThatThrownBy(() -> PriceBook.forRegion(null)).isInstanceOf(NullPointerException.class);
  }
}
