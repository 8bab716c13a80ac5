package io.github.zonewise.network;

import io.github.zonewise.facts.NamedChoice;
import java.util.List;
import java.util.Optional;

/**
 * How private subnets reach the internet. A choice, not a flag: {@link #perAz()} is the default
 * and the one the EKS network-cost guide recommends.
 */
public final class NatStrategy extends NamedChoice {

  /** The strategy names the landscape file accepts. */
  public static final List<String> NAMES = List.of("perAz", "single", "regional", "none");


  private NatStrategy(String name) {
    super(name);
  }

  /**
   * One NAT gateway in each AZ, and every private subnet's default route goes to the gateway in
   * its own AZ: no egress byte crosses an AZ to reach a NAT, and an AZ failure takes only that
   * AZ's egress. Costs $0.045 per gateway-hour per AZ ($32.85/month each, plus its public IPv4
   * at $3.65/month) and $0.045 per GB processed.
   *
   * @return the default strategy
   */
  public static NatStrategy perAz() {
    return new NatStrategy("perAz");
  }

  /**
   * One NAT gateway, in the first listed AZ, for every private subnet. Saves (N − 1) × $36.50 a
   * month for N AZs, but <b>trades high availability and cross-AZ charges for it</b>: every other
   * AZ's egress crosses an AZ to the gateway ($0.01/GB each way), and egress of the whole VPC is
   * lost when that AZ fails. For development landscapes.
   *
   * @return the single-NAT strategy
   */
  public static NatStrategy single() {
    return new NatStrategy("single");
  }

  /**
   * One AWS regional NAT gateway ({@code AvailabilityMode: regional}) that AWS runs in every AZ
   * with private subnets: zonal egress like {@link #perAz()} with one resource and no public subnet
   * to manage. Billed per AZ it is active in, like per-AZ gateways.
   *
   * @return the regional-NAT strategy
   */
  public static NatStrategy regional() {
    return new NatStrategy("regional");
  }

  /**
   * No NAT gateway: private subnets have no default route (isolated). AWS services stay reachable
   * through the VPC endpoints; anything else on the internet does not. No NAT charge at all.
   *
   * @return the isolated strategy
   */
  public static NatStrategy none() {
    return new NatStrategy("none");
  }

  /**
   * The strategy of a landscape-file name.
   *
   * @param name one of {@link #NAMES}
   * @return the strategy, or empty for an unknown name
   */
  public static Optional<NatStrategy> of(String name) {
    return NAMES.contains(name) ? Optional.of(new NatStrategy(name)) : Optional.empty();
  }


  /**
   * How many NAT gateways this strategy bills for, given the AZ count.
   *
   * @param zones the number of AZs with private subnets
   * @return gateways billed per hour
   */
  public int billedGateways(int zones) {
    return switch (name) {
      case "perAz", "regional" -> zones;
      case "single" -> 1;
      default -> 0;
    };
  }



}
