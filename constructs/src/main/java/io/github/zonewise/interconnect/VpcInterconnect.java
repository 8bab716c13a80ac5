package io.github.zonewise.interconnect;

import io.github.zonewise.network.CidrPlan;
import io.github.zonewise.network.NatStrategy;
import io.github.zonewise.network.ZonalVpc;
import io.github.zonewise.network.ZonalVpcProps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.constructs.Construct;

/**
 * The cluster VPC and its peer VPCs, connected by the {@link Interconnect} mode of its props:
 * <ul>
 *   <li>peers without a {@code vpcId} are created as {@link ZonalVpc}s ({@code Vpcs/<peer>}) in the
 *       cluster VPC's AZs: private subnets only, with no internet gateway, no public subnet and no NAT
 *       gateway (a peer reached over the interconnect pays no NAT hours), the free S3 and DynamoDB gateway endpoints, no interface endpoints, flow
 *       logs, and transit subnets when the mode is a Transit Gateway;</li>
 *   <li>peering: one {@link VpcPeering} per peer ({@code Peerings/<peer>}), the cluster VPC requesting;</li>
 *   <li>Transit Gateway: one {@link TransitGateway} ({@code TransitGateway}) attaching every VPC.</li>
 * </ul>
 * Routes go into every private route table of the cluster VPC and of created peers, and into the
 * listed {@link PeerVpc#routeTableIds()} of existing peers. Existing peers must be in the same
 * account and region. Construct ids derive from peer names only, so adding a peer keeps every
 * existing logical id.
 */
public class VpcInterconnect extends Construct {

  private final VpcInterconnectProps props;
  private final Map<String, ZonalVpc> createdVpcs = new LinkedHashMap<>();
  private final Map<String, ConnectedVpc> connected = new LinkedHashMap<>();
  private final Map<String, VpcPeering> peerings = new LinkedHashMap<>();
  private final TransitGateway transitGateway;

  /**
   * Creates the peer VPCs that do not exist yet and connects every VPC.
   *
   * @param scope the parent, in the cluster VPC's stack
   * @param id    the construct id
   * @param props the properties
   * @throws IllegalArgumentException for repeated names, overlapping CIDRs, a created peer whose CIDR
   *                                  does not fit the subnet plan, a Transit Gateway without transit
   *                                  subnets in the cluster VPC or without subnets of an existing peer
   */
  public VpcInterconnect(Construct scope, String id, VpcInterconnectProps props) {
    super(scope, id);
    this.props = props;
    ZonalVpc vpc = props.vpc();
    List<PeerVpc> peers = props.peers();
    if (peers.isEmpty()) {
      throw new IllegalArgumentException("peers: an interconnect needs at least one peer VPC");
    }
    boolean tgw = props.mode().isTransitGateway();
    check(props, tgw);

    ConnectedVpc cluster = ConnectedVpc.of(props.name(), vpc);
    connected.put(cluster.name(), cluster);
    Construct vpcs = null;
    for (PeerVpc peer : peers) {
      if (peer.isExisting()) {
        connected.put(peer.name(), ConnectedVpc.existing(peer));
        continue;
      }
      if (vpcs == null) {
        vpcs = new Construct(this, "Vpcs");
      }
      ZonalVpcProps.Builder peerProps = ZonalVpcProps.builder();
      props.flowLogDestination().ifPresent(peerProps::flowLogDestination);
      ZonalVpc created = new ZonalVpc(vpcs, peer.name(), peerProps
          .name(props.name() + "-" + peer.name())
          .availabilityZones(vpc.zones())
          .allowSingleAz(vpc.zones().size() == 1)
          .cidr(peer.cidr())
          .nat(NatStrategy.none())
          .publicSubnets(false)
          .interfaceEndpoints(List.of())
          .flowLogRetentionDays(props.flowLogRetentionDays())
          .transitSubnets(tgw)
          .build());
      createdVpcs.put(peer.name(), created);
      connected.put(peer.name(), ConnectedVpc.of(peer.name(), created));
    }

    if (tgw) {
      this.transitGateway = new TransitGateway(this, "TransitGateway", TransitGatewayProps.builder()
          .name(props.name())
          .vpcs(new ArrayList<>(connected.values()))
          .build());
    } else {
      this.transitGateway = null;
      Construct scopeOfPeerings = new Construct(this, "Peerings");
      for (PeerVpc peer : peers) {
        peerings.put(peer.name(), new VpcPeering(scopeOfPeerings, peer.name(), VpcPeeringProps.builder()
            .requester(cluster)
            .accepter(connected.get(peer.name()))
            .build()));
      }
    }
  }

  private static void check(VpcInterconnectProps props, boolean tgw) {
    Set<String> names = new HashSet<>(List.of(props.name()));
    List<PeerVpc> peers = props.peers();
    for (int i = 0; i < peers.size(); i++) {
      PeerVpc peer = peers.get(i);
      if (!names.add(peer.name())) {
        throw new IllegalArgumentException("peers[" + i + "].name: '" + peer.name() + "' is already the name of "
            + (peer.name().equals(props.name()) ? "the cluster VPC" : "another peer") + "; give each VPC its own name");
      }
      if (peer.block().overlaps(props.vpc().cidr())) {
        throw new IllegalArgumentException("peers[" + i + "].cidr: " + peer.cidr() + " of " + peer.name()
            + " overlaps the cluster VPC's " + props.vpc().cidr() + "; give the peer a block outside it");
      }
      for (int j = 0; j < i; j++) {
        if (peer.block().overlaps(peers.get(j).block())) {
          throw new IllegalArgumentException("peers[" + i + "].cidr: " + peer.cidr() + " of " + peer.name()
              + " overlaps " + peers.get(j).cidr() + " of " + peers.get(j).name() + "; give each VPC its own block");
        }
      }
      int prefix = peer.block().prefix();
      if (!peer.isExisting() && (prefix < CidrPlan.LARGEST_PREFIX || prefix > CidrPlan.SMALLEST_PREFIX)) {
        throw new IllegalArgumentException("peers[" + i + "].cidr: " + peer.cidr() + " of " + peer.name()
            + " does not fit the subnet plan of a created VPC; use a /16 to /20, or give the vpcId of an existing VPC");
      }
      if (tgw && peer.isExisting() && peer.subnetIds().isEmpty()) {
        throw new IllegalArgumentException("peers[" + i + "].subnetIds: existing VPC " + peer.name()
            + " has none; a Transit Gateway attachment needs one subnet per AZ");
      }
    }
    if (tgw && props.vpc().transitSubnets().isEmpty()) {
      throw new IllegalArgumentException("vpc: the cluster VPC has no transit subnets for the Transit Gateway"
          + " attachment; build it with ZonalVpcProps.transitSubnets(true)");
    }
  }

  /** {@return the mode the VPCs are connected by} */
  public Interconnect mode() {
    return props.mode();
  }

  /** {@return the peer VPCs this created, by peer name} */
  public Map<String, ZonalVpc> createdVpcs() {
    return Collections.unmodifiableMap(createdVpcs);
  }

  /** {@return every VPC of the interconnect as connected, the cluster VPC first, by name} */
  public Map<String, ConnectedVpc> vpcs() {
    return Collections.unmodifiableMap(connected);
  }

  /** {@return the peering connections by peer name; empty with a Transit Gateway} */
  public Map<String, VpcPeering> peerings() {
    return Collections.unmodifiableMap(peerings);
  }

  /** {@return the Transit Gateway; empty with peering} */
  public Optional<TransitGateway> transitGateway() {
    return Optional.ofNullable(transitGateway);
  }

  /** {@return the props} */
  public VpcInterconnectProps props() {
    return props;
  }
}
