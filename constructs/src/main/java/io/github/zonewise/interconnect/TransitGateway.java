package io.github.zonewise.interconnect;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.services.ec2.CfnRoute;
import software.amazon.awscdk.services.ec2.CfnTransitGateway;
import software.amazon.awscdk.services.ec2.CfnTransitGatewayRouteTable;
import software.amazon.awscdk.services.ec2.CfnTransitGatewayRouteTableAssociation;
import software.amazon.awscdk.services.ec2.CfnTransitGatewayRouteTablePropagation;
import software.amazon.awscdk.services.ec2.CfnTransitGatewayAttachment;
import software.constructs.Construct;

/**
 * A Transit Gateway that routes between every pair of its VPCs.
 *
 * <ul>
 *   <li>The gateway states its defaults instead of inheriting them: default route table association
 *       and propagation are <b>disabled</b>, auto-accept of shared attachments is disabled, DNS support
 *       is enabled. Routing is the explicit {@code RouteTable}.</li>
 *   <li>One attachment per VPC ({@code AWS::EC2::TransitGatewayAttachment}, whose {@code SubnetIds}
 *       update in place: adding an AZ adds its subnet to the attachment; the older
 *       {@code TransitGatewayVpcAttachment} would be replaced, and EC2 refuses the second attachment of
 *       the same VPC that CloudFormation creates before deleting the first), with a subnet in every AZ
 *       ({@link ConnectedVpc#attachmentSubnets()}, the /28 transit subnets of a
 *       {@link io.github.zonewise.network.ZonalVpc}), so traffic enters and leaves the gateway in the
 *       AZ it comes from. Appliance mode is <b>off</b>: there is no stateful appliance to pin flows to.</li>
 *   <li>Every attachment is associated with the route table and propagates its VPC CIDR to it.</li>
 *   <li>Every route table of every VPC gets a route to each other VPC's CIDR through the gateway.</li>
 * </ul>
 *
 * <p>Cost: $0.05 per attachment-hour ($36.50 per VPC a month) and $0.02 per GB sent into the
 * gateway; cross-AZ bytes over a Transit Gateway are not charged on top (since April 2022).
 *
 * <p>Construct ids: {@code Resource}, {@code RouteTable}, and per VPC {@code <name>/Attachment},
 * {@code <name>/Association}, {@code <name>/Propagation} and {@code <name>/RoutesTo-<other>/<key>}.
 * Adding a VPC adds ids and keeps every existing one.
 */
public class TransitGateway extends Construct {

  private final TransitGatewayProps props;
  private final CfnTransitGateway resource;
  private final CfnTransitGatewayRouteTable routeTable;
  private final Map<String, CfnTransitGatewayAttachment> attachments = new LinkedHashMap<>();
  private final Map<String, List<CfnRoute>> routes = new LinkedHashMap<>();

  /**
   * Creates the gateway, its route table, the attachments and the VPC routes.
   *
   * @param scope the parent
   * @param id    the construct id
   * @param props the properties
   * @throws IllegalArgumentException for fewer than two VPCs, a repeated name, overlapping CIDRs or a
   *                                  VPC without attachment subnets
   */
  public TransitGateway(Construct scope, String id, TransitGatewayProps props) {
    super(scope, id);
    this.props = props;
    check(props.vpcs());
    String name = props.name();
    this.resource = CfnTransitGateway.Builder.create(this, "Resource")
        .description("Zonewise " + name + ": routes between every pair of its attached VPCs")
        .defaultRouteTableAssociation("disable")
        .defaultRouteTablePropagation("disable")
        .autoAcceptSharedAttachments("disable")
        .dnsSupport("enable")
        .tags(List.of(tag("Name", name)))
        .build();
    this.routeTable = CfnTransitGatewayRouteTable.Builder.create(this, "RouteTable")
        .transitGatewayId(resource.getRef())
        .tags(List.of(tag("Name", name)))
        .build();

    Map<String, Construct> scopes = new LinkedHashMap<>();
    for (ConnectedVpc vpc : props.vpcs()) {
      Construct own = new Construct(this, vpc.name());
      scopes.put(vpc.name(), own);
      CfnTransitGatewayAttachment attachment = CfnTransitGatewayAttachment.Builder.create(own, "Attachment")
          .transitGatewayId(resource.getRef())
          .vpcId(vpc.vpcId())
          .subnetIds(vpc.attachmentSubnets())
          // Options is untyped JSON in the schema: an OptionsProperty would keep its camel-case keys
          .options(io.github.zonewise.facts.JsonObjects.of("ApplianceModeSupport", "disable", "DnsSupport", "enable"))
          .tags(List.of(tag("Name", name + "-" + vpc.name())))
          .build();
      CfnTransitGatewayRouteTableAssociation.Builder.create(own, "Association")
          .transitGatewayAttachmentId(attachment.getRef())
          .transitGatewayRouteTableId(routeTable.getRef())
          .build();
      CfnTransitGatewayRouteTablePropagation.Builder.create(own, "Propagation")
          .transitGatewayAttachmentId(attachment.getRef())
          .transitGatewayRouteTableId(routeTable.getRef())
          .build();
      attachments.put(vpc.name(), attachment);
    }

    for (ConnectedVpc vpc : props.vpcs()) {
      CfnTransitGatewayAttachment attachment = attachments.get(vpc.name());
      List<CfnRoute> own = new java.util.ArrayList<>();
      for (ConnectedVpc other : props.vpcs()) {
        if (other == vpc || vpc.routeTables().isEmpty()) {
          continue;
        }
        Construct to = new Construct(scopes.get(vpc.name()), "RoutesTo-" + other.name());
        vpc.routeTables().forEach((key, table) -> {
          CfnRoute route = CfnRoute.Builder.create(to, key)
              .routeTableId(table)
              .destinationCidrBlock(other.cidr().toString())
              .transitGatewayId(resource.getRef())
              .build();
          // a VPC route can name the gateway only once the VPC is attached to it
          route.addResourceDependency(attachment);
          own.add(route);
        });
      }
      routes.put(vpc.name(), Collections.unmodifiableList(own));
    }
  }

  private static void check(List<ConnectedVpc> vpcs) {
    if (vpcs.size() < 2) {
      throw new IllegalArgumentException("vpcs: a Transit Gateway connects at least two VPCs, not " + vpcs.size());
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < vpcs.size(); i++) {
      ConnectedVpc vpc = vpcs.get(i);
      if (!names.add(vpc.name())) {
        throw new IllegalArgumentException("vpcs: '" + vpc.name() + "' is listed twice; give each VPC its own name");
      }
      if (vpc.attachmentSubnets().isEmpty()) {
        throw new IllegalArgumentException("vpcs: " + vpc.name() + " has no attachment subnets; build a ZonalVpc with"
            + " ZonalVpcProps.transitSubnets(true), or list one subnet per AZ of an existing VPC");
      }
      for (int j = 0; j < i; j++) {
        ConnectedVpc other = vpcs.get(j);
        if (vpc.cidr().overlaps(other.cidr())) {
          throw new IllegalArgumentException("vpcs: " + vpc.name() + " (" + vpc.cidr() + ") overlaps " + other.name()
              + " (" + other.cidr() + "); routes need distinct CIDRs");
        }
      }
    }
  }

  private static CfnTag tag(String key, String value) {
    return CfnTag.builder().key(key).value(value).build();
  }

  /** {@return the L1 Transit Gateway} */
  public CfnTransitGateway resource() {
    return resource;
  }

  /** {@return the Transit Gateway id (a token)} */
  public String transitGatewayId() {
    return resource.getRef();
  }

  /** {@return the route table every attachment is associated with and propagates to} */
  public CfnTransitGatewayRouteTable routeTable() {
    return routeTable;
  }

  /** {@return the attachments by VPC name} */
  public Map<String, CfnTransitGatewayAttachment> attachments() {
    return Collections.unmodifiableMap(attachments);
  }

  /** {@return each VPC's routes to the other VPCs, by VPC name} */
  public Map<String, List<CfnRoute>> routes() {
    return Collections.unmodifiableMap(routes);
  }

  /** {@return the props} */
  public TransitGatewayProps props() {
    return props;
  }
}
