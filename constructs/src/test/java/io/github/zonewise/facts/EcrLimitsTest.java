package io.github.zonewise.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EcrLimitsTest {

  @Test
  void namesEcrAccepts() {
    assertThat(EcrLimits.isRepositoryName("orders")).isTrue();
    assertThat(EcrLimits.isRepositoryName("express-test")).isTrue();
    assertThat(EcrLimits.isRepositoryName("shop/orders_v2.1")).isTrue();
    assertThat(EcrLimits.isRepositoryName("ab")).isTrue();
    assertThat(EcrLimits.isRepositoryName("a".repeat(256))).isTrue();
  }

  @Test
  void namesEcrRejects() {
    assertThat(EcrLimits.isRepositoryName(null)).isFalse();
    assertThat(EcrLimits.isRepositoryName("a")).isFalse();
    assertThat(EcrLimits.isRepositoryName("a".repeat(257))).isFalse();
    assertThat(EcrLimits.isRepositoryName("Orders")).isFalse();
    assertThat(EcrLimits.isRepositoryName("-orders")).isFalse();
    assertThat(EcrLimits.isRepositoryName("orders-")).isFalse();
    assertThat(EcrLimits.isRepositoryName("orders--api")).isFalse();
    assertThat(EcrLimits.isRepositoryName("shop//orders")).isFalse();
    assertThat(EcrLimits.isRepositoryName("/orders")).isFalse();
    assertThat(EcrLimits.isRepositoryName("orders:1.0")).isFalse();
  }

  @Test
  void suggestionsAreNamesEcrAccepts() {
    assertThat(EcrLimits.suggestRepositoryName("Orders API")).isEqualTo("orders-api");
    assertThat(EcrLimits.suggestRepositoryName("-Shop//Orders--v2-")).isEqualTo("shop/orders-v2");
    assertThat(EcrLimits.suggestRepositoryName("!")).isNull();
  }

  @Test
  void replicationLimitsAreEcrsOwn() {
    assertThat(EcrLimits.MAX_RULES).isEqualTo(10);
    assertThat(EcrLimits.MAX_FILTERS_PER_RULE).isEqualTo(100);
    assertThat(EcrLimits.MAX_DESTINATIONS_PER_RULE).isEqualTo(25);
    assertThat(EcrLimits.MAX_REPLICATED_REPOSITORIES).isEqualTo(1000);
  }
}
