package io.github.zonewise.design;

import io.github.zonewise.interconnect.Interconnect;
import io.github.zonewise.facts.PriceBook;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which {@link Interconnect} a landscape uses and what each choice costs per month before any byte
 * moves: a Transit Gateway bills every attachment-hour (one attachment per VPC), peering bills
 * nothing per hour. Plain Java, priced from a {@link PriceBook}.
 *
 * @param requested         the mode the landscape asks for; empty when it leaves the choice open ({@code auto})
 * @param chosen            the concrete mode: {@link Interconnect#peering()} or {@link Interconnect#transitGateway()}
 * @param peers             peer VPCs besides the cluster VPC
 * @param peeringHourUsd    price of a peering connection per hour ({@link PriceBook#PEERING_HOUR})
 * @param attachmentHourUsd price of a Transit Gateway attachment per hour
 *                          ({@link PriceBook#TRANSIT_GATEWAY_ATTACHMENT_HOUR})
 * @param hoursPerMonth     hours in the priced month ({@link PriceBook#HOURS_PER_MONTH})
 */
public record InterconnectDecision(Optional<Interconnect> requested, Interconnect chosen, int peers, double peeringHourUsd,
    double attachmentHourUsd, double hoursPerMonth) {

  /**
   * Checks the chosen mode is concrete and there is at least one peer.
   *
   * @param requested         the mode the landscape asks for, or empty for {@code auto}; not null
   * @param chosen            the concrete mode built; not null
   * @param peers             peer VPCs besides the cluster VPC, at least 1
   * @param peeringHourUsd    USD per peering connection-hour
   * @param attachmentHourUsd USD per Transit Gateway attachment-hour
   * @param hoursPerMonth     hours in the priced month
   * @throws IllegalArgumentException when there is no peer
   */
  public InterconnectDecision {
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(chosen, "chosen");
    if (peers < 1) {
      throw new IllegalArgumentException("peers: an interconnect needs at least one peer VPC, not " + peers);
    }
  }

  /**
   * Decides the mode for a number of peers and prices both choices: the mode asked for, or, left
   * open, peering for one peer and a Transit Gateway for two or more.
   *
   * @param requested the mode asked for; empty for {@code auto}
   * @param peers     peer VPCs besides the cluster VPC, at least one
   * @param prices    the price book
   * @return the decision
   */
  public static InterconnectDecision decide(Optional<Interconnect> requested, int peers, PriceBook prices) {
    // the peer-count rule of a construct used on its own; a landscape's design step decides from its traffic
    if (peers < 1) {
      throw new IllegalArgumentException("an interconnect needs at least one peer VPC, not " + peers);
    }
    Interconnect chosen = requested.orElse(peers == 1 ? Interconnect.peering() : Interconnect.transitGateway());
    return new InterconnectDecision(requested, chosen, peers, prices.usd(PriceBook.PEERING_HOUR),
        prices.usd(PriceBook.TRANSIT_GATEWAY_ATTACHMENT_HOUR), prices.usd(PriceBook.HOURS_PER_MONTH));
  }

  /**
   * A decision made elsewhere (the design step's, from the traffic), priced.
   *
   * @param requested the mode asked for; empty for {@code auto}
   * @param chosen    the mode built
   * @param peers     peer VPCs besides the cluster VPC, at least one
   * @param prices    the price book
   * @return the decision
   */
  public static InterconnectDecision of(Optional<Interconnect> requested, Interconnect chosen, int peers,
      PriceBook prices) {
    return new InterconnectDecision(requested, chosen, peers, prices.usd(PriceBook.PEERING_HOUR),
        prices.usd(PriceBook.TRANSIT_GATEWAY_ATTACHMENT_HOUR), prices.usd(PriceBook.HOURS_PER_MONTH));
  }

  /** {@return whether the landscape left the mode open and this decision chose it} */
  public boolean decided() {
    return requested.isEmpty();
  }

  /** {@return every VPC of the interconnect: the cluster VPC and its peers} */
  public int vpcs() {
    return peers + 1;
  }

  /** {@return monthly fixed cost of peering: one connection per peer × {@code peeringHour} × hours} */
  public double peeringMonthlyUsd() {
    return peers * peeringHourUsd * hoursPerMonth;
  }

  /**
   * {@return monthly fixed cost of a Transit Gateway: one attachment per VPC × {@code
   * transitGatewayAttachmentHour} × hours}
   */
  public double transitGatewayMonthlyUsd() {
    return vpcs() * attachmentHourUsd * hoursPerMonth;
  }

  /**
   * One line saying which mode the landscape uses, why, and the monthly fixed cost of each choice,
   * e.g. {@code interconnect: auto chose transitGateway for 3 VPCs (the cluster VPC and 2 peers): …}.
   *
   * @return the line, without a trailing newline
   */
  public String line() {
    String vpcsText = vpcs() + " VPCs (the cluster VPC and " + peers + (peers == 1 ? " peer)" : " peers)");
    String how = decided() ? "auto chose " + chosen : chosen + " (set by interconnect.mode)";
    String tgw = usd(transitGatewayMonthlyUsd()) + "/month (" + vpcs() + " attachments × " + rate(attachmentHourUsd)
        + "/h × " + number(hoursPerMonth) + " h)";
    String pcx = usd(peeringMonthlyUsd()) + "/month (" + peers + (peers == 1 ? " connection" : " connections") + " × "
        + rate(peeringHourUsd) + "/h × " + number(hoursPerMonth) + " h)";
    String cost = chosen.isTransitGateway()
        ? "fixed cost transitGateway " + tgw + " vs peering " + pcx
        : "fixed cost peering " + pcx + " vs transitGateway " + tgw;
    return "interconnect: " + how + " for " + vpcsText + "; " + cost;
  }

  private static String usd(double amount) {
    return String.format(Locale.ROOT, "$%,.2f", amount);
  }

  private static String rate(double amount) {
    return "$" + number(amount);
  }

  private static String number(double amount) {
    return BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString();
  }
}
