package io.github.zonewise.design;

import io.github.zonewise.interconnect.Interconnect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.zonewise.facts.PriceBook;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InterconnectDecisionTest {

  @Test
  void aTransitGatewayCostsOneAttachmentPerVpcEveryHourOfTheMonth() {
    InterconnectDecision d = InterconnectDecision.decide(Optional.empty(), 2, PriceBook.defaults());
    assertThat(d.vpcs()).isEqualTo(3);
    assertThat(d.transitGatewayMonthlyUsd()).isCloseTo(3 * 0.05 * 730, within(1e-9));
    assertThat(d.peeringMonthlyUsd()).isZero();
  }

  @Test
  void pricesComeFromTheBookIncludingOverrides() {
    PriceBook book = PriceBook.defaults().withOverrides(Map.of(PriceBook.TRANSIT_GATEWAY_ATTACHMENT_HOUR, 0.07,
        PriceBook.PEERING_HOUR, 0.01), "test");
    InterconnectDecision d = InterconnectDecision.decide(Optional.empty(), 1, book);
    assertThat(d.transitGatewayMonthlyUsd()).isCloseTo(2 * 0.07 * 730, within(1e-9));
    assertThat(d.peeringMonthlyUsd()).isCloseTo(0.01 * 730, within(1e-9));
    assertThat(d.line()).isEqualTo("interconnect: auto chose peering for 2 VPCs (the cluster VPC and 1 peer); fixed"
        + " cost peering $7.30/month (1 connection × $0.01/h × 730 h) vs transitGateway $102.20/month (2 attachments ×"
        + " $0.07/h × 730 h)");
  }

  @Test
  void theConstructRuleWithThreeVpcsChoosesATransitGatewayAndPricesBoth() {
    // the peer-count rule of a construct used on its own; a landscape's design step decides from its traffic
    assertThat(InterconnectDecision.decide(Optional.empty(), 2, PriceBook.defaults()).line()).isEqualTo(
        "interconnect: auto chose transitGateway for 3 VPCs (the cluster VPC and 2 peers); fixed cost transitGateway"
            + " $109.50/month (3 attachments × $0.05/h × 730 h) vs peering $0.00/month (2 connections × $0/h × 730 h)");
  }

  @Test
  void anExplicitModeSaysItWasSet() {
    assertThat(InterconnectDecision.decide(Optional.of(Interconnect.transitGateway()), 1, PriceBook.defaults()).line()).isEqualTo(
        "interconnect: transitGateway (set by interconnect.mode) for 2 VPCs (the cluster VPC and 1 peer); fixed cost"
            + " transitGateway $73.00/month (2 attachments × $0.05/h × 730 h) vs peering $0.00/month (1 connection ×"
            + " $0/h × 730 h)");
  }

  @Test
  void theLineIsOneLine() {
    assertThat(InterconnectDecision.decide(Optional.empty(), 4, PriceBook.defaults()).line()).doesNotContain("\n");
  }

  @Test
  void autoPeersOnePeerTwoVpcsInAll() {
    assertThat(InterconnectDecision.decide(Optional.empty(), 1, PriceBook.defaults()).chosen())
        .isEqualTo(Interconnect.peering());
  }

  @Test
  void autoUsesATransitGatewayForTwoOrMorePeers() {
    assertThat(InterconnectDecision.decide(Optional.empty(), 2, PriceBook.defaults()).chosen())
        .isEqualTo(Interconnect.transitGateway());
    assertThat(InterconnectDecision.decide(Optional.empty(), 5, PriceBook.defaults()).chosen())
        .isEqualTo(Interconnect.transitGateway());
  }

  @Test
  void anExplicitModeStaysWhateverThePeerCount() {
    assertThat(InterconnectDecision.decide(Optional.of(Interconnect.peering()), 3, PriceBook.defaults()).chosen())
        .isEqualTo(Interconnect.peering());
    assertThat(InterconnectDecision.decide(Optional.of(Interconnect.transitGateway()), 1, PriceBook.defaults())
        .chosen()).isEqualTo(Interconnect.transitGateway());
  }

  @Test
  void noPeerIsNoInterconnect() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> InterconnectDecision.decide(Optional.empty(), 0,
        PriceBook.defaults())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an interconnect needs at least one peer VPC, not 0");
  }
}
