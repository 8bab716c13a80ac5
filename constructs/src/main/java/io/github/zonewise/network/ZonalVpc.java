package io.github.zonewise.network;

import io.github.zonewise.facts.Names;
import io.github.zonewise.facts.VpcEndpoints;
import io.github.zonewise.facts.Cidr;
import io.github.zonewise.facts.AwsRegions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.ec2.CfnEIP;
import software.amazon.awscdk.services.ec2.CfnFlowLog;
import software.amazon.awscdk.services.ec2.CfnInternetGateway;
import software.amazon.awscdk.services.ec2.CfnNatGateway;
import software.amazon.awscdk.services.ec2.CfnRoute;
import software.amazon.awscdk.services.ec2.CfnRouteTable;
import software.amazon.awscdk.services.ec2.CfnSecurityGroup;
import software.amazon.awscdk.services.ec2.CfnSubnet;
import software.amazon.awscdk.services.ec2.CfnSubnetRouteTableAssociation;
import software.amazon.awscdk.services.ec2.CfnVPC;
import software.amazon.awscdk.services.ec2.CfnVPCEndpoint;
import software.amazon.awscdk.services.ec2.CfnVPCGatewayAttachment;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcAttributes;
import software.constructs.Construct;

/**
 * A VPC laid out for zonal traffic: a public (unless {@link ZonalVpcProps#publicSubnets()} is false:
 * then no internet gateway either) and a private subnet in every AZ on an explicit
 * {@link CidrPlan}, the NAT strategy of {@link NatStrategy} (default: one gateway per AZ, each
 * private subnet routing to the gateway in its own AZ), S3 and DynamoDB gateway endpoints on every
 * private route table, interface endpoints in every AZ behind one security group that admits TCP
 * 443 from the VPC only, and flow logs to CloudWatch Logs.
 *
 * <p>Subnets carry the tags the AWS Load Balancer Controller ({@code kubernetes.io/role/elb} on
 * public, {@code kubernetes.io/role/internal-elb} on private) and Karpenter
 * ({@code karpenter.sh/discovery}, see {@link ZonalVpcProps#karpenterDiscovery()}) discover subnets
 * by. Construct ids depend on the zone letter only ({@code PrivateA}, {@code NatB}, …), so adding a
 * zone keeps every existing logical id.
 *
 * <pre>{@code
 * ZonalVpc network = new ZonalVpc(stack, "Network", ZonalVpcProps.builder()
 *     .availabilityZones(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"))
 *     .build());
 * IVpc vpc = network.vpc();   // for aws-cdk-lib constructs such as an EKS cluster
 * }</pre>
 */
public class ZonalVpc extends Construct {

  private final ZonalVpcProps props;
  private final Cidr cidr;
  private final CidrPlan plan;
  private final CfnVPC resource;
  private final Map<String, CfnSubnet> publicSubnets = new LinkedHashMap<>();
  private final Map<String, CfnSubnet> privateSubnets = new LinkedHashMap<>();
  private final Map<String, CfnSubnet> transitSubnets = new LinkedHashMap<>();
  private final Map<String, CfnRouteTable> publicRouteTables = new LinkedHashMap<>();
  private final Map<String, CfnRouteTable> privateRouteTables = new LinkedHashMap<>();
  private final Map<String, CfnNatGateway> natGateways = new LinkedHashMap<>();
  private final Map<String, CfnVPCEndpoint> gatewayEndpoints = new LinkedHashMap<>();
  private final Map<String, CfnVPCEndpoint> interfaceEndpoints = new LinkedHashMap<>();
  private final CfnSecurityGroup endpointSecurityGroup;
  private final IVpc vpc;

  /**
   * Creates the VPC.
   *
   * @param scope the parent, inside a stack whose region is the zones' region
   * @param id    the construct id
   * @param props the properties
   * @throws IllegalArgumentException for zones, CIDR, endpoints or retention the VPC cannot take
   */
  public ZonalVpc(Construct scope, String id, ZonalVpcProps props) {
    super(scope, id);
    this.props = props;
    check(props);
    this.cidr = Cidr.parse(props.cidr()).orElseThrow();
    this.plan = new CidrPlan(cidr);
    String name = props.name() != null ? props.name() : getNode().getPath().replace('/', '-');
    String region = Stack.of(this).getRegion();
    Validations.of(this).acknowledge(Acknowledgment.builder().id("CloudFormation-Validate::W3010")
        .reason("zone-pinned design: every subnet names its AZ so the CIDR plan and the per-AZ NAT routes stay"
            + " stable; the AZs are checked against the region before synthesis").build());

    this.resource = CfnVPC.Builder.create(this, "Resource")
        .cidrBlock(cidr.toString())
        .enableDnsHostnames(true)
        .enableDnsSupport(true)
        .tags(List.of(tag("Name", name)))
        .build();

    CfnInternetGateway igw = props.publicSubnets() ? CfnInternetGateway.Builder.create(this, "InternetGateway")
        .tags(List.of(tag("Name", name))).build() : null;
    CfnVPCGatewayAttachment attachment = igw == null ? null : CfnVPCGatewayAttachment.Builder.create(this,
        "InternetGatewayAttachment").vpcId(resource.getRef()).internetGatewayId(igw.getRef()).build();

    for (String zone : igw == null ? List.<String>of() : props.availabilityZones()) {
      String letter = AwsRegions.zoneLetter(zone);
      Construct pub = new Construct(this, "Public" + letter);
      CfnSubnet subnet = CfnSubnet.Builder.create(pub, "Subnet")
          .vpcId(resource.getRef())
          .availabilityZone(zone)
          .cidrBlock(plan.publicSubnet(zone).toString())
          .mapPublicIpOnLaunch(false)
          .tags(List.of(tag("Name", name + "-public-" + zone), tag("kubernetes.io/role/elb", "1"),
              tag("zonewise.io/tier", "public")))
          .build();
      CfnRouteTable table = routeTable(pub, name + "-public-" + zone);
      associate(pub, subnet, table);
      CfnRoute.Builder.create(pub, "DefaultRoute").routeTableId(table.getRef())
          .destinationCidrBlock("0.0.0.0/0").gatewayId(igw.getRef()).build()
          .addResourceDependency(attachment);
      publicSubnets.put(zone, subnet);
      publicRouteTables.put(zone, table);
    }

    for (String zone : props.availabilityZones()) {
      String letter = AwsRegions.zoneLetter(zone);
      Construct priv = new Construct(this, "Private" + letter);
      List<CfnTag> tags = new ArrayList<>(List.of(tag("Name", name + "-private-" + zone),
          tag("kubernetes.io/role/internal-elb", "1"), tag("zonewise.io/tier", "private")));
      if (props.karpenterDiscovery() != null) {
        tags.add(tag("karpenter.sh/discovery", props.karpenterDiscovery()));
      }
      CfnSubnet subnet = CfnSubnet.Builder.create(priv, "Subnet")
          .vpcId(resource.getRef())
          .availabilityZone(zone)
          .cidrBlock(plan.privateSubnet(zone).toString())
          .mapPublicIpOnLaunch(false)
          .tags(tags)
          .build();
      CfnRouteTable table = routeTable(priv, name + "-private-" + zone);
      associate(priv, subnet, table);
      privateSubnets.put(zone, subnet);
      privateRouteTables.put(zone, table);
    }

    if (props.transitSubnets()) {
      for (String zone : props.availabilityZones()) {
        Construct transit = new Construct(this, "Transit" + AwsRegions.zoneLetter(zone));
        CfnSubnet subnet = CfnSubnet.Builder.create(transit, "Subnet")
            .vpcId(resource.getRef())
            .availabilityZone(zone)
            .cidrBlock(plan.transitSubnet(zone).toString())
            .mapPublicIpOnLaunch(false)
            .tags(List.of(tag("Name", name + "-transit-" + zone), tag("zonewise.io/tier", "transit")))
            .build();
        // transit subnets share their zone's private route table: replies leave through the same routes
        associate(transit, subnet, privateRouteTables.get(zone));
        transitSubnets.put(zone, subnet);
      }
    }

    addNat(props.nat(), name, attachment);

    for (String service : props.gatewayEndpoints()) {
      CfnVPCEndpoint endpoint = CfnVPCEndpoint.Builder.create(this, endpointId("Gateway", service))
          .vpcId(resource.getRef())
          .vpcEndpointType("Gateway")
          .serviceName("com.amazonaws." + region + "." + service)
          .routeTableIds(privateRouteTables.values().stream().map(CfnRouteTable::getRef).toList())
          .build();
      gatewayEndpoints.put(service, endpoint);
    }

    if (props.interfaceEndpoints().isEmpty()) {
      this.endpointSecurityGroup = null;
    } else {
      this.endpointSecurityGroup = CfnSecurityGroup.Builder.create(this, "EndpointSecurityGroup")
          .vpcId(resource.getRef())
          .groupDescription("Interface VPC endpoints of " + name + ": HTTPS from inside the VPC only")
          .securityGroupIngress(List.of(CfnSecurityGroup.IngressProperty.builder()
              .ipProtocol("tcp").fromPort(443).toPort(443).cidrIp(cidr.toString())
              .description("HTTPS from the VPC").build()))
          .securityGroupEgress(List.of(CfnSecurityGroup.EgressProperty.builder()
              .ipProtocol("icmp").fromPort(252).toPort(86).cidrIp("255.255.255.255/32")
              .description("Disallow all outbound traffic").build()))
          .tags(List.of(tag("Name", name + "-endpoints")))
          .build();
      List<String> subnetIds = privateSubnets.values().stream().map(CfnSubnet::getRef).toList();
      for (String service : props.interfaceEndpoints()) {
        CfnVPCEndpoint endpoint = CfnVPCEndpoint.Builder.create(this, endpointId("Interface", service))
            .vpcId(resource.getRef())
            .vpcEndpointType("Interface")
            .serviceName("com.amazonaws." + region + "." + service)
            .subnetIds(subnetIds)
            .securityGroupIds(List.of(endpointSecurityGroup.getAttrGroupId()))
            .privateDnsEnabled(true)
            .build();
        interfaceEndpoints.put(service, endpoint);
      }
    }

    addFlowLogs(name);

    List<String> zones = props.availabilityZones();
    this.vpc = Vpc.fromVpcAttributes(this, "Vpc", VpcAttributes.builder()
        .vpcId(resource.getRef())
        .vpcCidrBlock(cidr.toString())
        .availabilityZones(zones)
        .publicSubnetIds(zones.stream().filter(publicSubnets::containsKey).map(z -> publicSubnets.get(z).getRef()).toList())
        .publicSubnetRouteTableIds(zones.stream().filter(publicRouteTables::containsKey)
            .map(z -> publicRouteTables.get(z).getRef()).toList())
        .privateSubnetIds(zones.stream().map(z -> privateSubnets.get(z).getRef()).toList())
        .privateSubnetRouteTableIds(zones.stream().map(z -> privateRouteTables.get(z).getRef()).toList())
        .build());
  }

  private void addNat(NatStrategy nat, String name, CfnVPCGatewayAttachment attachment) {
    nat.configure(new NatStrategy.NatBuilder<CfnNatGateway>() {
      @Override
      public List<String> zones() {
        return props.availabilityZones();
      }

      @Override
      public CfnNatGateway zonalGateway(String zone) {
        CfnNatGateway gateway = zonalNat(zone, name, attachment);
        natGateways.put(zone, gateway);
        return gateway;
      }

      @Override
      public CfnNatGateway regionalGateway() {
        CfnNatGateway gateway = CfnNatGateway.Builder.create(ZonalVpc.this, "RegionalNat")
            .availabilityMode("regional")
            .connectivityType("public")
            .vpcId(resource.getRef())
            .tags(List.of(tag("Name", name + "-regional-nat")))
            .build();
        gateway.addResourceDependency(attachment);
        props.availabilityZones().forEach(zone -> natGateways.put(zone, gateway));
        return gateway;
      }

      @Override
      public void routeEgress(String zone, CfnNatGateway gateway) {
        defaultRouteToNat(zone, gateway);
      }
    });
  }

  private CfnNatGateway zonalNat(String zone, String name, CfnVPCGatewayAttachment attachment) {
    Construct pub = getNode().findChild("Public" + AwsRegions.zoneLetter(zone)) instanceof Construct c ? c : this;
    CfnEIP eip = CfnEIP.Builder.create(pub, "NatIp").domain("vpc")
        .tags(List.of(tag("Name", name + "-nat-" + zone))).build();
    eip.addResourceDependency(attachment);
    CfnNatGateway gateway = CfnNatGateway.Builder.create(pub, "NatGateway")
        .subnetId(publicSubnets.get(zone).getRef())
        .allocationId(eip.getAttrAllocationId())
        .tags(List.of(tag("Name", name + "-nat-" + zone)))
        .build();
    gateway.addResourceDependency(attachment);
    return gateway;
  }

  private void defaultRouteToNat(String zone, CfnNatGateway gateway) {
    Construct priv = (Construct) getNode().findChild("Private" + AwsRegions.zoneLetter(zone));
    CfnRoute.Builder.create(priv, "DefaultRoute")
        .routeTableId(privateRouteTables.get(zone).getRef())
        .destinationCidrBlock("0.0.0.0/0")
        .natGatewayId(gateway.getRef())
        .build();
  }

  private void addFlowLogs(String name) {
    if (props.flowLogDestination().isPresent()) {
      // FlowLogDestination: S3 (Parquet, the stack's archive) or CloudWatch Logs, format FlowLogFormat.ZONEWISE
      FlowLogDelivery.addTo(props.flowLogDestination().get(), this, name, props.flowLogRetentionDays());
      return;
    }
    // not chosen: the flow log of earlier versions (CloudWatch Logs, AWS's default format), until the
    // landscape maps network.flowLogs.destination onto ZonalVpcProps.flowLogDestination
    FlowLogDelivery.CloudWatchTarget target = FlowLogDelivery.cloudWatchTarget(this, props.flowLogRetentionDays());
    CfnFlowLog.Builder.create(this, "FlowLog")
        .resourceId(resource.getRef())
        .resourceType("VPC")
        .trafficType("ALL")
        .logDestinationType("cloud-watch-logs")
        .logGroupName(target.logGroup().getRef())
        .deliverLogsPermissionArn(target.role().getAttrArn())
        .tags(List.of(tag("Name", name + "-flow-logs")))
        .build();
  }

  private CfnRouteTable routeTable(Construct scope, String name) {
    return CfnRouteTable.Builder.create(scope, "RouteTable").vpcId(resource.getRef())
        .tags(List.of(tag("Name", name))).build();
  }

  private static void associate(Construct scope, CfnSubnet subnet, CfnRouteTable table) {
    CfnSubnetRouteTableAssociation.Builder.create(scope, "RouteTableAssociation")
        .subnetId(subnet.getRef()).routeTableId(table.getRef()).build();
  }

  private static String endpointId(String kind, String service) {
    StringBuilder sb = new StringBuilder(kind);
    boolean upper = true;
    for (char c : service.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    return sb.append("Endpoint").toString();
  }

  private static CfnTag tag(String key, String value) {
    return CfnTag.builder().key(key).value(value).build();
  }

  private static void check(ZonalVpcProps p) {
    AwsRegions.checkZones("availabilityZones", p.availabilityZones(), null, p.allowSingleAz(), "allowSingleAz(true)");
    CidrPlan.checkVpcCidr("cidr", p.cidr(), "10.0.0.0/16");
    Names.knownOnce("gatewayEndpoints", p.gatewayEndpoints(), VpcEndpoints.GATEWAY, "gateway endpoint");
    Names.knownOnce("interfaceEndpoints", p.interfaceEndpoints(), VpcEndpoints.INTERFACE, "interface endpoint");
    if (p.flowLogDestination().map(FlowLogDestination::isS3).orElse(false)) {
      FlowLogArchiveProps.checkRetention("flowLogRetentionDays", p.flowLogRetentionDays());
    } else {
      ZonalVpcProps.checkRetention("flowLogRetentionDays", p.flowLogRetentionDays());
    }
    if (!p.publicSubnets() && p.nat().billedGateways(p.availabilityZones().size()) > 0) {
      throw new IllegalArgumentException("nat: " + p.nat() + " needs public subnets for its gateways, and this VPC"
          + " is built with publicSubnets(false); use NatStrategy.none(), or publicSubnets(true)");
    }
  }


  /** {@return the VPC as an aws-cdk-lib {@link IVpc}, for constructs such as an EKS cluster} */
  public IVpc vpc() {
    return vpc;
  }

  /** {@return the L1 VPC} */
  public CfnVPC resource() {
    return resource;
  }

  /** {@return the VPC id (a token)} */
  public String vpcId() {
    return resource.getRef();
  }

  /** {@return the VPC CIDR} */
  public Cidr cidr() {
    return cidr;
  }

  /** {@return the subnet plan} */
  public CidrPlan plan() {
    return plan;
  }

  /** {@return the AZs, in the order given} */
  public List<String> zones() {
    return props.availabilityZones();
  }

  /** {@return the NAT strategy} */
  public NatStrategy nat() {
    return props.nat();
  }

  /** {@return private subnets by AZ} */
  public Map<String, CfnSubnet> privateSubnets() {
    return Collections.unmodifiableMap(privateSubnets);
  }

  /** {@return public subnets by AZ} */
  public Map<String, CfnSubnet> publicSubnets() {
    return Collections.unmodifiableMap(publicSubnets);
  }

  /** {@return transit subnets by AZ; empty unless {@link ZonalVpcProps#transitSubnets()}} */
  public Map<String, CfnSubnet> transitSubnets() {
    return Collections.unmodifiableMap(transitSubnets);
  }

  /** {@return private route tables by AZ} */
  public Map<String, CfnRouteTable> privateRouteTables() {
    return Collections.unmodifiableMap(privateRouteTables);
  }

  /** {@return public route tables by AZ} */
  public Map<String, CfnRouteTable> publicRouteTables() {
    return Collections.unmodifiableMap(publicRouteTables);
  }

  /**
   * {@return the NAT gateway each AZ's private subnet routes to (one shared gateway for single or regional)}
   */
  public Map<String, CfnNatGateway> natGateways() {
    return Collections.unmodifiableMap(natGateways);
  }

  /** {@return gateway endpoints by service name} */
  public Map<String, CfnVPCEndpoint> gatewayEndpoints() {
    return Collections.unmodifiableMap(gatewayEndpoints);
  }

  /** {@return interface endpoints by service name} */
  public Map<String, CfnVPCEndpoint> interfaceEndpoints() {
    return Collections.unmodifiableMap(interfaceEndpoints);
  }

  /** {@return the interface endpoints' security group, or null when there are none} */
  public CfnSecurityGroup endpointSecurityGroup() {
    return endpointSecurityGroup;
  }
}
