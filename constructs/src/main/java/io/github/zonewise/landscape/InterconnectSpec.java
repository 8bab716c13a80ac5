package io.github.zonewise.landscape;

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
   * @param name  a DNS-1123 label naming the VPC (also usable as a traffic endpoint)
   * @param cidr  its CIDR; must not overlap the cluster VPC or another peer
   * @param vpcId an existing VPC's id ({@code vpc-…}); when absent Zonewise creates the VPC
   */
  public record PeerVpcSpec(String name, String cidr, String vpcId) {
  }
}
