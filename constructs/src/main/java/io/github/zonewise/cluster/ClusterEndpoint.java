package io.github.zonewise.cluster;

import java.util.List;

/**
 * Who reaches the cluster's Kubernetes API endpoint. A choice, not a flag: {@link #privateOnly()}
 * is the default.
 */
public final class ClusterEndpoint {

  private final String name;
  private final List<String> publicCidrs;

  private ClusterEndpoint(String name, List<String> publicCidrs) {
    this.name = name;
    this.publicCidrs = List.copyOf(publicCidrs);
  }

  /**
   * The endpoint is reachable only from inside the VPC (and what is routed to it: peered VPCs,
   * Transit Gateway, VPN). Nodes talk to the API server without leaving the VPC, so no API byte is
   * processed by a NAT gateway ($0.045/GB). CloudFormation deploys through the kubectl provider
   * function, which runs in the private subnets.
   *
   * @return the default endpoint access
   */
  public static ClusterEndpoint privateOnly() {
    return new ClusterEndpoint("private", List.of());
  }

  /**
   * The private endpoint, plus a public endpoint reachable only from the given CIDRs (e.g. an
   * office or a CI runner). Nodes still use the private endpoint.
   *
   * @param publicCidrs the IPv4 CIDRs allowed to reach the public endpoint; at least one
   * @return the endpoint access
   * @throws IllegalArgumentException when no CIDR is given
   */
  public static ClusterEndpoint privateAndRestrictedPublic(List<String> publicCidrs) {
    if (publicCidrs == null || publicCidrs.isEmpty()) {
      throw new IllegalArgumentException("privateAndRestrictedPublic needs at least one public CIDR; use"
          + " privateOnly() for no public endpoint");
    }
    return new ClusterEndpoint("privateAndRestrictedPublic", publicCidrs);
  }

  /** {@return the landscape-file name of this endpoint access} */
  public String name() {
    return name;
  }

  /** {@return whether the public endpoint is on (restricted to {@link #publicCidrs()})} */
  public boolean hasPublicEndpoint() {
    return !publicCidrs.isEmpty();
  }

  /** {@return the CIDRs allowed to reach the public endpoint; empty when there is none} */
  public List<String> publicCidrs() {
    return publicCidrs;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClusterEndpoint e && e.name.equals(name) && e.publicCidrs.equals(publicCidrs);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + publicCidrs.hashCode();
  }

  @Override
  public String toString() {
    return hasPublicEndpoint() ? name + publicCidrs : name;
  }
}
