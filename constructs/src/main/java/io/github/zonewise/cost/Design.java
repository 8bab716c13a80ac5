package io.github.zonewise.cost;

import io.github.zonewise.synth.LoadBalancing;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One network design of a landscape, as far as it costs money: what the synth generated (read
 * from the cloud assembly and the manifests), the naive design of the same landscape, or the floor.
 * The {@link CostModel} prices a design against a {@link TrafficProfile}.
 *
 * @param name                      {@code generated}, {@code naive} or {@code floor}
 * @param zones                     the AZs the cluster VPC's private subnets span (N)
 * @param nat                       the NAT gateways of the cluster VPC
 * @param gatewayEndpoints          gateway endpoint service (e.g. {@code s3}) → the share of the private
 *                                  route tables it is on (1 = every AZ)
 * @param interfaceEndpoints        interface endpoint service (e.g. {@code logs}) → the endpoint
 * @param services                  the landscape's services by name, as their manifests route them
 * @param loadBalancers             the load balancers in front of services
 * @param peers                     peer VPC name → how the cluster VPC reaches it
 * @param transitGatewayAttachments Transit Gateway attachments billed (every VPC and peering attachment)
 * @param peeringConnections        VPC peering connections (no hourly charge)
 * @param regions                   region → how the cluster VPC reaches it (absent: through the NAT)
 * @param remoteRegions             the other regions that run the workload ({@code registry.replicateTo})
 * @param replicatedRegions         the regions the registry replicates to
 * @param clusters                  the EKS clusters
 * @param otherVpcs                 other VPCs of the assembly (peers Zonewise creates): fixed charges
 *                                  priced alike in every design
 * @param facts                     how each part was established (resource, manifest or assumption)
 * @param flowLog                   the cluster VPC's flow log, when it has one
 */
public record Design(
    String name,
    int zones,
    Nat nat,
    Map<String, Double> gatewayEndpoints,
    Map<String, InterfaceEndpoint> interfaceEndpoints,
    Map<String, Service> services,
    List<LoadBalancer> loadBalancers,
    Map<String, Link> peers,
    int transitGatewayAttachments,
    int peeringConnections,
    Map<String, Link> regions,
    List<String> remoteRegions,
    Set<String> replicatedRegions,
    List<Cluster> clusters,
    List<OtherVpc> otherVpcs,
    List<String> facts,
    Optional<FlowLog> flowLog) {

  /**
   * Copies every collection (maps keep their order) and checks the zone count.
   *
   * @param name                      {@code generated}, {@code naive} or {@code floor}; not null
   * @param zones                     the AZs of the cluster VPC's private subnets, at least 1
   * @param nat                       the cluster VPC's NAT gateways ({@link Nat#none()} for none); not null
   * @param gatewayEndpoints          gateway endpoint service → the share of private route tables it is on
   * @param interfaceEndpoints        interface endpoint service → the endpoint
   * @param services                  the services by name, in the order to report them
   * @param loadBalancers             the load balancers in front of services
   * @param peers                     peer VPC name → its link
   * @param transitGatewayAttachments Transit Gateway attachments billed
   * @param peeringConnections        VPC peering connections
   * @param regions                   region → its link; a region left out is reached through the NAT
   * @param remoteRegions             the other regions that run the workload
   * @param replicatedRegions         the registry's replica regions (kept sorted)
   * @param clusters                  the EKS clusters
   * @param otherVpcs                 the assembly's other VPCs
   * @param facts                     how each part was established, one line each
   * @param flowLog                   the cluster VPC's flow log, when it has one; not null
   * @throws IllegalArgumentException when {@code zones} is below 1
   */
  public Design {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(nat, "nat");
    if (zones < 1) {
      throw new IllegalArgumentException("zones must be >= 1, not " + zones);
    }
    gatewayEndpoints = copy(gatewayEndpoints);
    interfaceEndpoints = copy(interfaceEndpoints);
    services = copy(services);
    loadBalancers = List.copyOf(loadBalancers);
    peers = copy(peers);
    regions = copy(regions);
    remoteRegions = List.copyOf(remoteRegions);
    replicatedRegions = Collections.unmodifiableSet(new TreeSet<>(replicatedRegions));
    clusters = List.copyOf(clusters);
    otherVpcs = List.copyOf(otherVpcs);
    facts = List.copyOf(facts);
    Objects.requireNonNull(flowLog, "flowLog");
  }

  /**
   * A design without a flow log in the cluster VPC.
   *
   * @param name                      {@code generated}, {@code naive} or {@code floor}
   * @param zones                     the AZs of the cluster VPC
   * @param nat                       the NAT gateways
   * @param gatewayEndpoints          gateway endpoints and their coverage
   * @param interfaceEndpoints        interface endpoints
   * @param services                  services
   * @param loadBalancers             load balancers
   * @param peers                     peer VPCs
   * @param transitGatewayAttachments Transit Gateway attachments
   * @param peeringConnections        VPC peering connections
   * @param regions                   regions
   * @param remoteRegions             the other regions that run the workload
   * @param replicatedRegions         the regions the registry replicates to
   * @param clusters                  the EKS clusters
   * @param otherVpcs                 other VPCs
   * @param facts                     how each part was established
   */
  public Design(String name, int zones, Nat nat, Map<String, Double> gatewayEndpoints,
      Map<String, InterfaceEndpoint> interfaceEndpoints, Map<String, Service> services, List<LoadBalancer> loadBalancers,
      Map<String, Link> peers, int transitGatewayAttachments, int peeringConnections, Map<String, Link> regions,
      List<String> remoteRegions, Set<String> replicatedRegions, List<Cluster> clusters, List<OtherVpc> otherVpcs,
      List<String> facts) {
    this(name, zones, nat, gatewayEndpoints, interfaceEndpoints, services, loadBalancers, peers,
        transitGatewayAttachments, peeringConnections, regions, remoteRegions, replicatedRegions, clusters, otherVpcs,
        facts, Optional.empty());
  }

  private static <K, V> Map<K, V> copy(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /**
   * The load balancer in front of a service.
   *
   * @param service a service name
   * @return its load balancer, if it is exposed
   */
  public Optional<LoadBalancer> loadBalancerOf(String service) {
    return loadBalancers.stream().filter(lb -> lb.services().contains(service)).findFirst();
  }

  /**
   * The NAT gateways of the cluster VPC.
   *
   * @param mode         what they are, e.g. {@code perAz}, {@code single}, {@code regional}, {@code none}
   * @param gateways     gateway-hours billed per hour (a regional gateway counts once per active AZ)
   * @param publicIps    their public IPv4 addresses
   * @param crossAzShare the share of private subnets whose default route goes to a NAT in another AZ
   * @param routed       true when private subnets route to them (else no byte can use them)
   */
  public record Nat(String mode, int gateways, int publicIps, double crossAzShare, boolean routed) {

    /**
     * Checks counts ≥ 0 and the share in [0, 1].
     *
     * @param mode         the strategy's landscape name, e.g. {@code perAz}; not null
     * @param gateways     gateway-hours billed per hour, ≥ 0
     * @param publicIps    public IPv4 addresses, ≥ 0
     * @param crossAzShare the share of private subnets routed to a NAT in another AZ, in [0, 1]
     * @param routed       true when private subnets route to the gateways
     * @throws IllegalArgumentException when a count is negative or the share is outside [0, 1]
     */
    public Nat {
      Objects.requireNonNull(mode, "mode");
      if (gateways < 0 || publicIps < 0 || crossAzShare < 0 || crossAzShare > 1) {
        throw new IllegalArgumentException("NAT counts must be >= 0 and the share in [0, 1]");
      }
    }

    /** {@return no NAT gateway: mode {@code none}, nothing billed, nothing routed} */
    public static Nat none() {
      return new Nat("none", 0, 0, 0, false);
    }

    /** {@return true when bytes can leave through a NAT gateway: there is one and subnets route to it} */
    public boolean usable() {
      return gateways > 0 && routed;
    }
  }

  /**
   * An interface VPC endpoint.
   *
   * @param service    e.g. {@code ecr.dkr}
   * @param zones      the AZs it has a network interface in (billed per AZ)
   * @param privateDns true when private DNS is on: only then do clients reach it by the service's name
   */
  public record InterfaceEndpoint(String service, int zones, boolean privateDns) {
  }

  /**
   * A service of the landscape as its manifests route it.
   *
   * @param name          its name
   * @param namespace     its namespace
   * @param replicas      its replicas
   * @param endpointZones the zones holding one of its endpoints
   * @param routing       its Service's routing mode
   * @param locality      the cross-AZ share its Istio {@code DestinationRule} sets, or null
   * @param crossAzShare  the share of bytes to it that cross an AZ
   * @param source        where this was read (a manifest, or the landscape when no manifest has it)
   */
  public record Service(String name, String namespace, int replicas, int endpointZones, Routing routing,
      Double locality, double crossAzShare, String source) {

    /**
     * A service whose share follows from its routing (or its locality rule).
     *
     * @param name          its name
     * @param namespace     its namespace
     * @param replicas      replicas ≥ 1
     * @param endpointZones zones holding an endpoint ≥ 1
     * @param routing       its routing mode
     * @param locality      the DestinationRule's share, or null
     * @param zones         the AZs callers run in
     * @param source        where it was read
     * @return the service
     */
    public static Service of(String name, String namespace, int replicas, int endpointZones, Routing routing,
        Double locality, int zones, String source) {
      double share = locality != null ? locality : routing.crossAzShare(zones, replicas, endpointZones);
      return new Service(name, namespace, replicas, endpointZones, routing, locality, share, source);
    }

    /**
     * Checks the share.
     *
     * @param name          its name
     * @param namespace     its namespace
     * @param replicas      its replicas
     * @param endpointZones the zones holding one of its endpoints
     * @param routing       its Service's routing mode
     * @param locality      the Istio {@code DestinationRule}'s cross-AZ share, or null without one
     * @param crossAzShare  the share of bytes to it that cross an AZ, in [0, 1]
     * @param source        where it was read
     * @throws IllegalArgumentException when the share is outside [0, 1]
     */
    public Service {
      if (crossAzShare < 0 || crossAzShare > 1) {
        throw new IllegalArgumentException(name + ": cross-AZ share must be in [0, 1], not " + crossAzShare);
      }
    }

    /**
     * {@return how it routes, for the report} The routing's landscape name (e.g.
     * {@code topologyAware}), or {@code Istio locality (20% to other zones)} when a locality rule
     * sets the share.
     */
    public String routingLabel() {
      return locality != null ? "Istio locality (" + Math.round(locality * 100) + "% to other zones)"
          : routing.landscapeName();
    }
  }

  /**
   * A load balancer in front of one or more services.
   *
   * @param name            the Ingress or Service it comes from (an ALB group name for grouped Ingresses)
   * @param kind            ALB or NLB (the reader's kind; a Service of type LoadBalancer is priced as an NLB)
   * @param ipTargets       true for IP targets (straight to pods), false for instance targets (NodePort hop)
   * @param internetFacing  true for an internet-facing scheme (public IPv4 per LB node)
   * @param zones           the AZs it has nodes in
   * @param crossZone       true when cross-zone load balancing is on (NLB: cross-AZ data charged)
   * @param localTraffic    true for {@code externalTrafficPolicy: Local} (no second hop in instance mode)
   * @param services        the services it fronts
   * @param source          where it was read
   */
  public record LoadBalancer(String name, LoadBalancing.Kind kind, boolean ipTargets, boolean internetFacing,
      int zones, boolean crossZone, boolean localTraffic, List<String> services, String source) {

    /**
     * Copies the services.
     *
     * @param name           the Ingress or Service it comes from (an ALB group name for grouped Ingresses)
     * @param kind           ALB or NLB
     * @param ipTargets      true for IP targets, false for instance targets
     * @param internetFacing true for an internet-facing scheme
     * @param zones          the AZs it has nodes in
     * @param crossZone      true when cross-zone load balancing is on
     * @param localTraffic   true for {@code externalTrafficPolicy: Local}
     * @param services       the services it fronts
     * @param source         where it was read
     */
    public LoadBalancer {
      services = List.copyOf(services);
    }
  }

  /** How the cluster VPC reaches a peer VPC or a region. */
  public enum LinkKind {
    /** VPC peering (inter-region peering for a region). */
    PEERING,
    /** Transit Gateway (a peering attachment for a region). */
    TRANSIT_GATEWAY,
    /** No private link: through the NAT gateway to public addresses. */
    NAT
  }

  /**
   * A link to a peer VPC or a region.
   *
   * @param kind         peering, Transit Gateway or NAT
   * @param crossAzShare for peering: the share of bytes that cross an AZ between the two VPCs
   */
  public record Link(LinkKind kind, double crossAzShare) {
  }

  /**
   * An EKS cluster.
   *
   * @param name            its name or logical id
   * @param version         its Kubernetes version ({@code default} when the template leaves it to EKS)
   * @param extendedSupport true when the version is in EKS extended support (six times the hourly price)
   * @param logTypes        the control-plane log types it sends to CloudWatch Logs ({@code api}, {@code audit}, …)
   */
  public record Cluster(String name, String version, boolean extendedSupport, List<String> logTypes) {

    /**
     * Copies the log types.
     *
     * @param name            its name or logical id
     * @param version         its Kubernetes version
     * @param extendedSupport true in extended support
     * @param logTypes        the control-plane log types it sends to CloudWatch Logs
     */
    public Cluster {
      logTypes = List.copyOf(logTypes);
    }

    /**
     * A cluster without control-plane logging.
     *
     * @param name            its name
     * @param version         its Kubernetes version
     * @param extendedSupport true in extended support
     */
    public Cluster(String name, String version, boolean extendedSupport) {
      this(name, version, extendedSupport, List.of());
    }
  }

  /**
   * A VPC flow log (all traffic of the VPC) and where it is delivered.
   *
   * @param destination        {@link #S3}, {@link #CLOUD_WATCH_LOGS} or {@code kinesis-data-firehose}, as
   *                           CloudFormation's {@code LogDestinationType} writes it
   * @param parquet            true when S3 receives Parquet ({@code DestinationOptions.FileFormat})
   * @param aggregationSeconds the aggregation interval ({@code MaxAggregationInterval}: 600, AWS's default, or 60)
   */
  public record FlowLog(String destination, boolean parquet, int aggregationSeconds) {

    /** {@code LogDestinationType} of an S3 bucket. */
    public static final String S3 = "s3";
    /** {@code LogDestinationType} of a CloudWatch Logs group (CloudFormation's default). */
    public static final String CLOUD_WATCH_LOGS = "cloud-watch-logs";
    /** AWS's aggregation interval when {@code MaxAggregationInterval} is not set, in seconds. */
    public static final int DEFAULT_AGGREGATION_SECONDS = 600;

    /**
     * Checks the destination is set and the interval positive.
     *
     * @param destination        the {@code LogDestinationType}; not null
     * @param parquet            true when S3 receives Parquet
     * @param aggregationSeconds the aggregation interval in seconds, above 0
     * @throws IllegalArgumentException for an interval of 0 or less
     */
    public FlowLog {
      Objects.requireNonNull(destination, "destination");
      if (aggregationSeconds <= 0) {
        throw new IllegalArgumentException("aggregationSeconds must be > 0, not " + aggregationSeconds);
      }
    }
  }

  /**
   * Another VPC of the assembly and its fixed charges.
   *
   * @param name                 the peer's name, or the VPC's logical id
   * @param natGateways          NAT gateway-hours billed per hour
   * @param natPublicIps         their public IPv4 addresses
   * @param interfaceEndpointAzs interface endpoints × their AZs
   */
  public record OtherVpc(String name, int natGateways, int natPublicIps, int interfaceEndpointAzs) {
  }
}
