package io.github.zonewise.interconnect;

import io.github.zonewise.design.InterconnectDecision;
import io.github.zonewise.facts.NamedChoice;
import java.util.List;
import java.util.Optional;

/**
 * How the cluster VPC reaches its peer VPCs. A choice, not a flag:
 * <ul>
 *   <li>{@link #peering()}: one VPC peering connection per peer. No hourly fee; same-AZ traffic is
 *       free, cross-AZ traffic costs $0.01/GB each way. Not transitive: two peers cannot reach each
 *       other through the cluster VPC.</li>
 *   <li>{@link #transitGateway()}: one Transit Gateway that every VPC attaches to. $0.05 per
 *       attachment-hour ($36.50/month per VPC) plus $0.02/GB sent into it; routes between every pair
 *       of VPCs.</li>
 *   <li>{@link #auto()} (the default): peering for one peer (two VPCs in all), a Transit Gateway for
 *       two or more peers (three or more VPCs).</li>
 * </ul>
 * Plain Java: deciding needs no AWS call, see {@link InterconnectDecision}.
 */
public final class Interconnect extends NamedChoice {

  /** The mode names the landscape file accepts ({@code interconnect.mode}). */
  public static final List<String> NAMES = List.of("auto", "peering", "transitGateway");


  private Interconnect(String name) {
    super(name);
  }

  /**
   * Peering for one peer, a Transit Gateway for two or more: the cheapest design that routes
   * between every pair of VPCs.
   *
   * @return the default mode
   */
  public static Interconnect auto() {
    return new Interconnect("auto");
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

  /**
   * The mode of a landscape-file name.
   *
   * @param name one of {@link #NAMES}
   * @return the mode, or empty for an unknown name
   */
  public static Optional<Interconnect> of(String name) {
    return NAMES.contains(name) ? Optional.of(new Interconnect(name)) : Optional.empty();
  }


  /** Whether this is {@link #auto()}, which {@link #resolve(int)} turns into a concrete mode. */
  public boolean isAuto() {
    return name.equals("auto");
  }

  /** Whether this is {@link #transitGateway()}. */
  public boolean isTransitGateway() {
    return name.equals("transitGateway");
  }

  /**
   * The concrete mode for a number of peers: {@link #auto()} becomes {@link #peering()} for one
   * peer and {@link #transitGateway()} for two or more; the other modes stay as they are.
   *
   * @param peers peer VPCs besides the cluster VPC, at least one
   * @return {@link #peering()} or {@link #transitGateway()}
   */
  public Interconnect resolve(int peers) {
    if (peers < 1) {
      throw new IllegalArgumentException("an interconnect needs at least one peer VPC, not " + peers);
    }
    if (!isAuto()) {
      return this;
    }
    return peers == 1 ? peering() : transitGateway();
  }



}
