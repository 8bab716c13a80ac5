package io.github.zonewise.interconnect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.services.ec2.CfnRoute;
import software.amazon.awscdk.services.ec2.CfnVPCPeeringConnection;
import software.constructs.Construct;

/**
 * A VPC peering connection between two VPCs of one account and region, with a route for exactly
 * the other side's CIDR in every route table of each side ({@link ConnectedVpc#routeTables()}).
 *
 * <p>Cost: no hourly fee. Traffic between the two VPCs is free while it stays in one AZ (by AZ ID)
 * and costs $0.01/GB in each direction when it crosses AZs, the same as inside one VPC. Peering is
 * not transitive: a VPC peered with two others does not route between them.
 *
 * <p>Construct ids: {@code Resource} (the connection), {@code RequesterRoutes/<key>} and
 * {@code AccepterRoutes/<key>} (one route per route table, keyed by zone letter or route-table id).
 *
 * <pre>{@code
 * new VpcPeering(stack, "ToPayments", VpcPeeringProps.builder()
 *     .requester(ConnectedVpc.of("shop", clusterVpc))
 *     .accepter(ConnectedVpc.of("payments", paymentsVpc))
 *     .build());
 * }</pre>
 */
public class VpcPeering extends Construct {

  private final VpcPeeringProps props;
  private final CfnVPCPeeringConnection resource;
  private final Map<String, CfnRoute> requesterRoutes = new LinkedHashMap<>();
  private final Map<String, CfnRoute> accepterRoutes = new LinkedHashMap<>();

  /**
   * Creates the connection and its routes.
   *
   * @param scope the parent
   * @param id    the construct id
   * @param props the properties
   * @throws IllegalArgumentException when the two sides have one name or overlapping CIDRs
   */
  public VpcPeering(Construct scope, String id, VpcPeeringProps props) {
    super(scope, id);
    this.props = props;
    ConnectedVpc requester = props.requester();
    ConnectedVpc accepter = props.accepter();
    if (requester.name().equals(accepter.name())) {
      throw new IllegalArgumentException("requester and accepter are both named '" + requester.name()
          + "'; give the two VPCs different names");
    }
    if (requester.cidr().overlaps(accepter.cidr())) {
      throw new IllegalArgumentException("requester " + requester.name() + " (" + requester.cidr() + ") and accepter "
          + accepter.name() + " (" + accepter.cidr() + ") overlap; peered VPCs need distinct CIDRs");
    }
    this.resource = CfnVPCPeeringConnection.Builder.create(this, "Resource")
        .vpcId(requester.vpcId())
        .peerVpcId(accepter.vpcId())
        .tags(List.of(CfnTag.builder().key("Name").value(requester.name() + "-" + accepter.name()).build()))
        .build();
    routes("RequesterRoutes", requester, accepter, requesterRoutes);
    routes("AccepterRoutes", accepter, requester, accepterRoutes);
  }

  private void routes(String id, ConnectedVpc from, ConnectedVpc to, Map<String, CfnRoute> into) {
    if (from.routeTables().isEmpty()) {
      return;
    }
    Construct scope = new Construct(this, id);
    from.routeTables().forEach((key, table) -> into.put(key, CfnRoute.Builder.create(scope, key)
        .routeTableId(table)
        .destinationCidrBlock(to.cidr().toString())
        .vpcPeeringConnectionId(resource.getRef())
        .build()));
  }

  /** {@return the L1 peering connection} */
  public CfnVPCPeeringConnection resource() {
    return resource;
  }

  /** {@return the peering connection id (a token)} */
  public String connectionId() {
    return resource.getRef();
  }

  /** {@return the props} */
  public VpcPeeringProps props() {
    return props;
  }

  /** {@return the requester's routes to the accepter's CIDR, by route-table key} */
  public Map<String, CfnRoute> requesterRoutes() {
    return Collections.unmodifiableMap(requesterRoutes);
  }

  /**
   * {@return the accepter's routes to the requester's CIDR, by route-table key; empty when it lists no route
   * tables}
   */
  public Map<String, CfnRoute> accepterRoutes() {
    return Collections.unmodifiableMap(accepterRoutes);
  }
}
