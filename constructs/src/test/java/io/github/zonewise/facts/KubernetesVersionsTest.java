package io.github.zonewise.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zonewise.facts.KubernetesVersions.EksVersion;
import io.github.zonewise.facts.KubernetesVersions.Support;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KubernetesVersionsTest {

  static final LocalDate DAY = LocalDate.parse("2026-11-27");

  @AfterEach
  void clearPinnedDate() {
    System.clearProperty(KubernetesVersions.DATE_PROPERTY);
  }

  @Test
  void defaultVersionIsInStandardSupportToday() {
    assertThat(KubernetesVersions.find(KubernetesVersions.DEFAULT).orElseThrow().supportOn(DAY))
        .isEqualTo(Support.STANDARD);
  }

  @Test
  void versionsOfferedOnTheDayAreThoseInStandardOrExtendedSupport() {
    assertThat(KubernetesVersions.offeredOn(DAY)).containsExactly("1.32", "1.33", "1.34", "1.35", "1.36");
  }

  @Test
  void versionsInStandardSupportOnTheDay() {
    assertThat(KubernetesVersions.standardOn(DAY)).containsExactly("1.34", "1.35", "1.36");
  }

  @Test
  void standardSupportEndsOnItsDateAndExtendedBillingStartsThatDay() {
    EksVersion v134 = KubernetesVersions.find("1.34").orElseThrow();
    assertThat(v134.supportOn(LocalDate.parse("2026-12-01"))).isEqualTo(Support.STANDARD);
    assertThat(v134.supportOn(LocalDate.parse("2026-12-02"))).isEqualTo(Support.EXTENDED);
    assertThat(KubernetesVersions.billedAsExtended("1.34", LocalDate.parse("2026-12-02"))).isTrue();
  }

  @Test
  void extendedSupportCostsSixTimesStandard() {
    PriceBook prices = PriceBook.defaults();
    assertThat(prices.usd(PriceBook.EKS_CLUSTER_HOUR_EXTENDED) / prices.usd(PriceBook.EKS_CLUSTER_HOUR_STANDARD))
        .isCloseTo(6.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(prices.usd(PriceBook.EKS_CLUSTER_HOUR_EXTENDED)).isEqualTo(0.60);
    assertThat(prices.usd(PriceBook.EKS_CLUSTER_HOUR_STANDARD)).isEqualTo(0.10);
    assertThat(KubernetesVersions.billedAsExtended("1.33", DAY)).isTrue();
    assertThat(KubernetesVersions.billedAsExtended("1.35", DAY)).isFalse();
  }

  @Test
  void versionPastExtendedSupportHasEnded() {
    assertThat(KubernetesVersions.find("1.31").orElseThrow().supportOn(DAY)).isEqualTo(Support.ENDED);
  }

  @Test
  void versionBeforeItsEksReleaseIsNotYetReleased() {
    assertThat(KubernetesVersions.find("1.36").orElseThrow().supportOn(LocalDate.parse("2026-06-01")))
        .isEqualTo(Support.NOT_YET_RELEASED);
  }

  @Test
  void everyVersionHasFourteenMonthsOfStandardAndTwelveOfExtendedSupport() {
    for (EksVersion v : KubernetesVersions.CALENDAR) {
      assertThat(v.eksRelease().plusMonths(14).withDayOfMonth(1))
          .as("end of standard support of %s", v.version())
          .isEqualTo(v.endOfStandardSupport().withDayOfMonth(1));
      assertThat(v.endOfStandardSupport().plusMonths(12)).as("end of extended support of %s", v.version())
          .isEqualTo(v.endOfExtendedSupport());
    }
  }

  @Test
  void unknownVersionIsNotOnTheCalendar() {
    assertThat(KubernetesVersions.find("1.99")).isEmpty();
  }

  @Test
  void pinnedDatePropertySetsToday() {
    System.setProperty(KubernetesVersions.DATE_PROPERTY, "2027-04-01");
    assertThat(KubernetesVersions.today()).isEqualTo(LocalDate.parse("2027-04-01"));
  }

  @Test
  void pinnedDateThatIsNotADateIsRejected() {
    System.setProperty(KubernetesVersions.DATE_PROPERTY, "tomorrow");
    assertThatThrownBy(KubernetesVersions::today).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("system property zonewise.date='tomorrow' is not a date; write it as YYYY-MM-DD");
  }

  @Test
  void datesOutOfOrderAreRejected() {
    assertThatThrownBy(() -> new EksVersion("1.40", LocalDate.parse("2028-01-01"), LocalDate.parse("2027-01-01"),
        LocalDate.parse("2029-01-01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version 1.40: release, end of standard and end of extended support must be in that order");
  }
}
