package io.github.zonewise.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The control-plane price tier follows the one EKS calendar of the cluster package. */
class EksSupportTest {

  static final LocalDate DAY = LocalDate.parse("2026-11-27");

  @Test
  void aVersionPastItsStandardSupportIsExtended() {
    // 1.33: standard support ended 2026-07-29
    assertThat(EksSupport.isExtended("1.33", DAY)).isTrue();
  }

  @Test
  void aVersionInStandardSupportIsNot() {
    assertThat(EksSupport.isExtended("1.34", DAY)).isFalse();
    assertThat(EksSupport.isExtended("1.35", DAY)).isFalse();
  }

  @Test
  void aVersionPastExtendedSupportIsPricedAsExtended() {
    // 1.29: extended support ended 2026-03-23
    assertThat(EksSupport.isExtended("1.29", DAY)).isTrue();
  }

  @Test
  void versionsOutsideTheCalendarAreExtendedWhenOlderAndStandardWhenNewer() {
    assertThat(EksSupport.isExtended("1.27", DAY)).isTrue();
    assertThat(EksSupport.isExtended("1.40", DAY)).isFalse();
    assertThat(EksSupport.isExtended(null, DAY)).isFalse();
    assertThat(EksSupport.isExtended("default", DAY)).isFalse();
  }

  @Test
  void theSameVersionChangesTierWhenItsStandardSupportEnds() {
    assertThat(EksSupport.isExtended("1.35", LocalDate.parse("2027-03-26"))).isFalse();
    assertThat(EksSupport.isExtended("1.35", LocalDate.parse("2027-03-27"))).isTrue();
  }
}
