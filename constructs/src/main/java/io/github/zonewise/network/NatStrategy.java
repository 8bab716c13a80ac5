package io.github.zonewise.network;

import io.github.zonewise.facts.NamedChoice;
import java.util.List;

/**
 * How private subnets reach the internet. A choice, not a flag: {@link #perAz()} is the default
 * and the one the EKS network-cost guide recommends.
 */
public abstract class NatStrategy extends NamedChoice {

  private NatStrategy(String name) {
    super(name);
  }

  /**
   * What a NAT strategy builds on: the VPC's zones, NAT gateways in them, and the default route of
   * each zone's private subnets. {@link ZonalVpc} provides it; a strategy decides what to create
   * and where each zone's egress goes (as aws-cdk's {@code NatProvider.configureNat} does).
   *
   * @param <G> the VPC's NAT gateway resource
   */
  public interface NatBuilder<G> {

    /** {@return the AZs with private subnets, in order} */
    List<String> zones();

    /**
     * A NAT gateway with its own Elastic IP in a zone's public subnet.
     *
     * @param zone the AZ
     * @return the gateway
     */
    G zonalGateway(String zone);

    /** {@return one AWS regional NAT gateway ({@code AvailabilityMode: regional}) that serves every AZ} */
    G regionalGateway();

    /**
     * Sends a zone's private subnets' {@code 0.0.0.0/0} to a gateway.
     *
     * @param zone    the AZ of the private subnets
     * @param gateway the gateway
     */
    void routeEgress(String zone, G gateway);
  }

  /**
   * Builds this strategy's NAT gateways and private default routes.
   *
   * @param vpc what the VPC provides
   * @param <G> the VPC's NAT gateway resource
   */
  public abstract <G> void configure(NatBuilder<G> vpc);

  /**
   * How many NAT gateways this strategy bills for, given the AZ count.
   *
   * @param zones the number of AZs with private subnets
   * @return gateways billed per hour (a regional gateway is billed in every AZ it is active in)
   */
  public abstract int billedGateways(int zones);

  /** {@return whether an AZ failure takes only that AZ's egress (each AZ has its own gateway)} */
  public abstract boolean zoneRedundant();

  /**
   * One NAT gateway in each AZ, and every private subnet's default route goes to the gateway in
   * its own AZ: no egress byte crosses an AZ to reach a NAT, and an AZ failure takes only that
   * AZ's egress. Costs $0.045 per gateway-hour per AZ ($32.85/month each, plus its public IPv4
   * at $3.65/month) and $0.045 per GB processed.
   *
   * @return the default strategy
   */
  public static NatStrategy perAz() {
    return new NatStrategy("perAz") {
      @Override
      public <G> void configure(NatBuilder<G> vpc) {
        vpc.zones().forEach(zone -> vpc.routeEgress(zone, vpc.zonalGateway(zone)));
      }

      @Override
      public int billedGateways(int zones) {
        return zones;
      }

      @Override
      public boolean zoneRedundant() {
        return true;
      }
    };
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
    return new NatStrategy("single") {
      @Override
      public <G> void configure(NatBuilder<G> vpc) {
        G gateway = vpc.zonalGateway(vpc.zones().get(0));
        vpc.zones().forEach(zone -> vpc.routeEgress(zone, gateway));
      }

      @Override
      public int billedGateways(int zones) {
        return 1;
      }

      @Override
      public boolean zoneRedundant() {
        return false;
      }
    };
  }

  /**
   * One AWS regional NAT gateway ({@code AvailabilityMode: regional}) that AWS runs in every AZ
   * with private subnets: zonal egress like {@link #perAz()} with one resource and no public subnet
   * to manage. Billed per AZ it is active in, like per-AZ gateways.
   *
   * @return the regional-NAT strategy
   */
  public static NatStrategy regional() {
    return new NatStrategy("regional") {
      @Override
      public <G> void configure(NatBuilder<G> vpc) {
        G gateway = vpc.regionalGateway();
        vpc.zones().forEach(zone -> vpc.routeEgress(zone, gateway));
      }

      @Override
      public int billedGateways(int zones) {
        return zones;
      }

      @Override
      public boolean zoneRedundant() {
        return true;
      }
    };
  }

  /**
   * No NAT gateway: private subnets have no default route (isolated). AWS services stay reachable
   * through the VPC endpoints; anything else on the internet does not. No NAT charge at all.
   *
   * @return the isolated strategy
   */
  public static NatStrategy none() {
    return new NatStrategy("none") {
      @Override
      public <G> void configure(NatBuilder<G> vpc) {
        // isolated private subnets: no gateway, no default route
      }

      @Override
      public int billedGateways(int zones) {
        return 0;
      }

      @Override
      public boolean zoneRedundant() {
        return true;
      }
    };
  }




}
