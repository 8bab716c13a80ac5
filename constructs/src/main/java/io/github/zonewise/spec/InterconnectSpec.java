package io.github.zonewise.spec;

import java.util.List;

/**
 * The {@code interconnect} section: other VPCs in the home region that the cluster VPC talks to.
 *
 * @param mode {@code auto} (default: peering for one peer, a Transit Gateway for two or more) |
 *             {@code peering} | {@code transitGateway}
 * @param vpcs the peer VPCs
 */
public record InterconnectSpec(String mode, List<PeerVpcSpec> vpcs) {

  /**
   * One peer VPC.
   *
   * @param name          a DNS-1123 label naming the VPC (also usable as a traffic endpoint)
   * @param cidr          its CIDR; must not overlap the cluster VPC or another peer
   * @param vpcId         an existing VPC's id ({@code vpc-…}); when absent Zonewise creates the VPC
   * @param routeTableIds an existing VPC's route tables ({@code rtb-…}) that get routes to the other
   *                      VPCs; when absent only the Zonewise side gets routes (the VPC's owner adds the
   *                      rest); only with {@code vpcId}
   * @param subnetIds     an existing VPC's subnets ({@code subnet-…}), one per AZ, for a Transit Gateway
   *                      attachment; required with a Transit Gateway, only with {@code vpcId}
   */
  public record PeerVpcSpec(String name, String cidr, String vpcId, List<String> routeTableIds,
      List<String> subnetIds) {
  }
}
