package io.github.zonewise.cost;

import io.github.zonewise.synth.LoadBalancing;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the cost report knows of a landscape besides the synthesized output: its name and region,
 * and what it declares, so that the reader can tell the cluster VPC and the peers apart and fill in
 * what the output does not hold (a service without a manifest). Plain values, built by the design
 * step from a checked landscape, or {@link #of(String, String)} for a CDK app that is not a landscape.
 *
 * @param name           the landscape's (or app's) name, for the report's title
 * @param region         the home region
 * @param zones          the landscape's AZ count, used when the output has no VPC
 * @param vpcCidr        the cluster VPC's CIDR, which picks the cluster VPC among several
 * @param peers          the peer VPCs
 * @param replicaRegions the other regions that run the workload (the registry replicates there)
 * @param cluster        whether the landscape has an EKS cluster
 * @param services       the services the landscape declares, in order
 */
public record DeclaredLandscape(String name, String region, int zones, Optional<String> vpcCidr,
    List<Peer> peers, List<String> replicaRegions, boolean cluster, List<DeclaredService> services) {

  /**
   * Checks the fields and copies the lists.
   *
   * @param name           the landscape's (or app's) name; not null
   * @param region         the home region; not null
   * @param zones          the landscape's AZ count
   * @param vpcCidr        the cluster VPC's CIDR, or empty; not null
   * @param peers          the peer VPCs
   * @param replicaRegions the other regions that run the workload
   * @param cluster        true when the landscape has an EKS cluster
   * @param services       the declared services, in order
   */
  public DeclaredLandscape {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(vpcCidr, "vpcCidr");
    peers = List.copyOf(peers);
    replicaRegions = List.copyOf(replicaRegions);
    services = List.copyOf(services);
  }

  /**
   * Nothing declared: everything is read from the synthesized output.
   *
   * @param name   the app's name, for the report's title
   * @param region the home region
   * @return the description
   */
  public static DeclaredLandscape of(String name, String region) {
    return new DeclaredLandscape(name, region, 1, Optional.empty(), List.of(), List.of(), false, List.of());
  }

  /**
   * A peer VPC.
   *
   * @param name  its name
   * @param cidr  its CIDR
   * @param vpcId an existing VPC's id, or null for one the landscape creates
   */
  public record Peer(String name, String cidr, String vpcId) {
  }

  /**
   * A service as the landscape declares it.
   *
   * @param name           its name
   * @param namespace      its namespace
   * @param replicas       its replicas
   * @param zones          the AZs its pods run in
   * @param routing        its routing mode
   * @param exposure       the load balancer kind in front of it, when exposed
   * @param internetFacing whether that load balancer is internet-facing
   */
  public record DeclaredService(String name, String namespace, int replicas, int zones, Routing routing,
      Optional<LoadBalancing.Kind> exposure, boolean internetFacing) {
  }
}
