package io.github.zonewise.interconnect;

import io.github.zonewise.facts.NamedChoice;

/**
 * How the cluster VPC reaches its peer VPCs. A choice, not a flag:
 * <ul>
 *   <li>{@link #peering()}: one VPC peering connection per peer. No hourly fee; same-AZ traffic is
 *       free, cross-AZ traffic costs $0.01/GB each way. Not transitive: two peers cannot reach each
 *       other through the cluster VPC.</li>
 *   <li>{@link #transitGateway()}: one Transit Gateway that every VPC attaches to. $0.05 per
 *       attachment-hour ($36.50/month per VPC) plus $0.02/GB sent into it; routes between every pair
 *       of VPCs.</li>
 * </ul>
 * A landscape that leaves the mode open ({@code interconnect.mode: auto}) gets the one the design
 * step decides from its traffic and prices.
 */
public final class Interconnect extends NamedChoice {

  private Interconnect(String name) {
    super(name);
  }

  /**
   * A VPC peering connection between the cluster VPC and each peer, with routes for exactly the
   * peer CIDRs in every private route table on both sides. Free per hour; cross-AZ bytes cost
   * $0.01/GB each way, same-AZ bytes nothing. Peers do not reach each other (peering is not
   * transitive).
   *
   * @return the peering mode
   */
  public static Interconnect peering() {
    return new Interconnect("peering");
  }

  /**
   * A Transit Gateway with one attachment per VPC (a subnet in every AZ) and one explicit route
   * table that every attachment is associated with and propagates to. $0.05 per attachment-hour
   * and $0.02/GB sent into the gateway; cross-AZ bytes over it are not charged on top.
   *
   * @return the Transit Gateway mode
   */
  public static Interconnect transitGateway() {
    return new Interconnect("transitGateway");
  }

  /** {@return whether this is {@link #transitGateway()}} */
  public boolean isTransitGateway() {
    return name.equals("transitGateway");
  }
}
