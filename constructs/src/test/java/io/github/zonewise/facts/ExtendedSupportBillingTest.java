package io.github.zonewise.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The control-plane price tier follows the one EKS calendar . */
class ExtendedSupportBillingTest {

  static final LocalDate DAY = LocalDate.parse("2026-11-27");

  @Test
  void aVersionPastItsStandardSupportIsExtended() {
    // 1.33: standard support ended 2026-07-29
    assertThat(KubernetesVersions.billedAsExtended("1.33", DAY)).isTrue();
  }

  @Test
  void aVersionInStandardSupportIsNot() {
    assertThat(KubernetesVersions.billedAsExtended("1.34", DAY)).isFalse();
    assertThat(KubernetesVersions.billedAsExtended("1.35", DAY)).isFalse();
  }

  @Test
  void aVersionPastExtendedSupportIsPricedAsExtended() {
    // 1.29: extended support ended 2026-03-23
    assertThat(KubernetesVersions.billedAsExtended("1.29", DAY)).isTrue();
  }

  @Test
  void versionsOutsideTheCalendarAreExtendedWhenOlderAndStandardWhenNewer() {
    assertThat(KubernetesVersions.billedAsExtended("1.27", DAY)).isTrue();
    assertThat(KubernetesVersions.billedAsExtended("1.40", DAY)).isFalse();
    assertThat(KubernetesVersions.billedAsExtended(null, DAY)).isFalse();
    assertThat(KubernetesVersions.billedAsExtended("default", DAY)).isFalse();
  }

  @Test
  void theSameVersionChangesTierWhenItsStandardSupportEnds() {
    assertThat(KubernetesVersions.billedAsExtended("1.35", LocalDate.parse("2027-03-26"))).isFalse();
    assertThat(KubernetesVersions.billedAsExtended("1.35", LocalDate.parse("2027-03-27"))).isTrue();
  }
}
