package io.github.zonewise.lint;

import io.github.zonewise.facts.PriceBook;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rule set of the cost lint, shared by {@link ZonewiseCostChecks} and {@link Linter}. Prices
 * are us-east-1 list prices, read from Zonewise's price book ({@link PriceBook#defaults()}). Each fix
 * names what to change in CloudFormation or aws-cdk-lib, and the landscape field when the resource
 * comes from a Zonewise landscape.
 */
public final class CostRules {

  /** The pack name: rule ids are {@code ZW-<suffix>}, cdk-nag reports {@code ZW-<stack>-NagReport.csv}. */
  public static final String PACK = "ZW";

  private static final PriceBook PRICES = PriceBook.defaults();
  private static final double HOURS = PRICES.usd(PriceBook.HOURS_PER_MONTH);

  private static final String CROSS_AZ = usd(PriceBook.CROSS_AZ_PER_GB_EACH_WAY) + "/GB in each direction (about "
      + money(2 * PRICES.usd(PriceBook.CROSS_AZ_PER_GB_EACH_WAY)) + " per GB moved)";
  private static final String NAT_GB = usd(PriceBook.NAT_GATEWAY_PER_GB) + "/GB";

  /** A price of the book, e.g. {@code $0.045}. */
  private static String usd(String key) {
    return money(PRICES.usd(key));
  }

  /** A monthly amount: the hourly price of a key × the hours of the month, e.g. {@code $32.85}. */
  private static String monthly(String key, double count) {
    return money(count * PRICES.usd(key) * HOURS);
  }

  private static String money(double v) {
    String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
    if (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    int dot = s.indexOf('.');
    if (dot >= 0 && s.length() - dot - 1 < 2) {
      s = s + "0".repeat(2 - (s.length() - dot - 1));
    }
    return "$" + s;
  }

  /** The egress a month at which a second NAT gateway (its hours and public IPv4) costs what the cross-AZ bytes do. */
  private static String natBreakEven() {
    double gateway = (PRICES.usd(PriceBook.NAT_GATEWAY_HOUR) + PRICES.usd(PriceBook.PUBLIC_IPV4_HOUR)) * HOURS;
    double gb = gateway / (2 * PRICES.usd(PriceBook.CROSS_AZ_PER_GB_EACH_WAY));
    return String.format(Locale.ROOT, "%.1f TB", gb / 1000);
  }

  static final CostRule NAT1 = new CostRule("ZW-NAT1", Level.ERROR,
      "A private subnet's default route goes to a NAT gateway in another AZ.",
      "Every byte of its egress crosses AZs to reach the NAT: " + CROSS_AZ + " on top of the NAT's " + NAT_GB
          + ", and the subnet loses egress when the NAT's AZ fails. A NAT gateway in each AZ costs "
          + usd(PriceBook.NAT_GATEWAY_HOUR) + "/hour (" + monthly(PriceBook.NAT_GATEWAY_HOUR, 1) + "/month, plus "
          + monthly(PriceBook.PUBLIC_IPV4_HOUR, 1) + " for its public IPv4) and pays for itself from about "
          + natBreakEven() + " of egress a month per AZ.",
      "Put a NAT gateway in every AZ and route each private subnet's 0.0.0.0/0 to the NAT in its own AZ "
          + "(ec2.Vpc: natGateways equal to the number of AZs; a Zonewise landscape: network.nat: perAz, or leave"
          + " network.nat out).",
      Set.of("AWS::EC2::Subnet"), (r, d) -> NetworkChecks.natInOwnZone(r), null);

  static final CostRule VPCE1 = new CostRule("ZW-VPCE1", Level.ERROR,
      "Private subnets with NAT egress have no S3 gateway endpoint.",
      "Their S3 traffic, including every container image layer pulled from ECR (served from S3), goes through "
          + "the NAT gateway at " + NAT_GB + ". An S3 gateway endpoint is free: no hourly and no per-GB charge.",
      "Add an S3 gateway endpoint on every private route table (ec2.Vpc: gatewayEndpoints with "
          + "GatewayVpcEndpointAwsService.S3; CloudFormation: AWS::EC2::VPCEndpoint, VpcEndpointType Gateway, "
          + "RouteTableIds; a Zonewise landscape: s3 in network.gatewayEndpoints, the default).",
      Set.of("AWS::EC2::VPC"), (r, d) -> NetworkChecks.gatewayEndpoint(r, "s3"), null);

  static final CostRule VPCE2 = new CostRule("ZW-VPCE2", Level.WARNING,
      "Private subnets with NAT egress have no DynamoDB gateway endpoint.",
      "Any DynamoDB traffic from them goes through the NAT gateway at " + NAT_GB + ". A DynamoDB gateway endpoint "
          + "is free: no hourly and no per-GB charge.",
      "Add a DynamoDB gateway endpoint on every private route table (ec2.Vpc: gatewayEndpoints with "
          + "GatewayVpcEndpointAwsService.DYNAMODB; a Zonewise landscape: dynamodb in network.gatewayEndpoints, the"
          + " default), or suppress with the reason that nothing uses DynamoDB.",
      Set.of("AWS::EC2::VPC"), (r, d) -> NetworkChecks.gatewayEndpoint(r, "dynamodb"), null);

  static final CostRule VPCE3 = new CostRule("ZW-VPCE3", Level.WARNING,
      "An interface VPC endpoint has no subnet in an AZ that has private subnets.",
      "Clients in that AZ reach the endpoint's network interface in another AZ (cross-AZ data over PrivateLink "
          + "is not charged since April 2022, but every call leaves the zone) and lose the AWS service when that "
          + "AZ fails. Adding the AZ costs " + usd(PriceBook.INTERFACE_ENDPOINT_HOUR_PER_AZ) + " per endpoint-hour ("
          + monthly(PriceBook.INTERFACE_ENDPOINT_HOUR_PER_AZ, 1) + "/month).",
      "List a private subnet of every AZ in the endpoint's SubnetIds (ec2.InterfaceVpcEndpoint: subnets "
          + "{ subnetType: PRIVATE_WITH_EGRESS } with one subnet per AZ).",
      Set.of("AWS::EC2::VPCEndpoint"), (r, d) -> NetworkChecks.interfaceEndpointInEveryZone(r), null);

  static final CostRule TGW1 = new CostRule("ZW-TGW1", Level.WARNING,
      "A Transit Gateway joins only two VPCs.",
      "Two VPC attachments cost 2 x " + usd(PriceBook.TRANSIT_GATEWAY_ATTACHMENT_HOUR) + "/hour ("
          + monthly(PriceBook.TRANSIT_GATEWAY_ATTACHMENT_HOUR, 2) + "/month) plus " + usd(PriceBook.TRANSIT_GATEWAY_PER_GB)
          + "/GB sent into the Transit Gateway. "
          + "VPC peering has no hourly fee and same-AZ traffic over it is free (cross-AZ " + CROSS_AZ + "); "
          + "a Transit Gateway pays off when three or more VPCs need transitive routing.",
      "Replace it with a VPC peering connection (AWS::EC2::VPCPeeringConnection and a route on each side; "
          + "a Zonewise landscape: interconnect.mode: peering, or auto, which peers unless flows run between peers).",
      Set.of("AWS::EC2::TransitGateway"), (r, d) -> NetworkChecks.transitGatewayJoinsMoreThanTwo(r), null);

  static final CostRule EKS1 = new CostRule("ZW-EKS1", Level.ERROR,
      "An EKS cluster has private endpoint access off.",
      "Nodes and pods in private subnets reach the Kubernetes API through its public endpoint, out through the "
          + "NAT gateway at " + NAT_GB + "; with private access the traffic stays in the VPC.",
      "Turn private endpoint access on (eks_v2/eks: endpointAccess EndpointAccess.PRIVATE or "
          + "PUBLIC_AND_PRIVATE; CloudFormation: ResourcesVpcConfig.EndpointPrivateAccess true; a Zonewise"
          + " landscape has it on at every cluster.endpoint).",
      Set.of("AWS::EKS::Cluster", ClusterChecks.CDK_EKS_CLUSTER), (r, d) -> ClusterChecks.privateEndpoint(r), null);

  static final CostRule EKS2 = new CostRule("ZW-EKS2", Level.ERROR,
      "An EKS cluster runs a Kubernetes version in extended support.",
      "Extended support bills " + usd(PriceBook.EKS_CLUSTER_HOUR_EXTENDED) + " per cluster-hour instead of "
          + usd(PriceBook.EKS_CLUSTER_HOUR_STANDARD) + ": " + monthly(PriceBook.EKS_CLUSTER_HOUR_EXTENDED, 1)
          + " instead of " + monthly(PriceBook.EKS_CLUSTER_HOUR_STANDARD, 1) + " a month, "
          + money((PRICES.usd(PriceBook.EKS_CLUSTER_HOUR_EXTENDED) - PRICES.usd(PriceBook.EKS_CLUSTER_HOUR_STANDARD))
              * HOURS) + " more per cluster.",
      "Upgrade to a version in standard support, or set UpgradePolicy.SupportType STANDARD so that EKS "
          + "upgrades the cluster instead of billing extended support (a Zonewise landscape: cluster.version).",
      Set.of("AWS::EKS::Cluster", ClusterChecks.CDK_EKS_CLUSTER), ClusterChecks::standardSupport, null);

  static final CostRule SVC1 = new CostRule("ZW-SVC1", Level.ERROR,
      "A Kubernetes Service has no zonal routing.",
      "kube-proxy spreads its connections over the endpoints of every zone: with three AZs about two thirds "
          + "of the bytes cross an AZ, at " + CROSS_AZ + ".",
      "Annotate service.kubernetes.io/topology-mode: Auto, or set spec.trafficDistribution: PreferSameZone "
          + "(Kubernetes 1.34+; PreferClose before), and spread the pods behind it over the zones (a Zonewise"
          + " landscape: services[].routing: topologyAware, the default, or preferSameZone).",
      Set.of(), null, ServiceChecks::zonalRouting);

  static final CostRule SVC2 = new CostRule("ZW-SVC2", Level.ERROR,
      "A Kubernetes Service combines topology-aware routing with internalTrafficPolicy: Local.",
      "The two cannot be combined: with Local, kube-proxy ignores the topology hints and drops traffic on "
          + "nodes without a local endpoint, so the zone-local routing with fallback that keeps bytes off the "
          + CROSS_AZ + " cross-AZ path is not what runs.",
      "Choose one: keep service.kubernetes.io/topology-mode: Auto and remove internalTrafficPolicy: Local, "
          + "or keep Local and remove the annotation.",
      Set.of(), null, ServiceChecks::topologyWithoutLocal);

  static final CostRule LB1 = new CostRule("ZW-LB1", Level.ERROR,
      "A LoadBalancer Service or ALB Ingress sends traffic to instance targets.",
      "Instance target mode adds a hop: load balancer -> NodePort on any node -> kube-proxy -> a pod often in "
          + "another AZ, charged " + CROSS_AZ + "; IP mode sends straight to the pod. A LoadBalancer Service "
          + "without AWS Load Balancer Controller annotations gets an in-tree Classic Load Balancer in instance mode.",
      "Service: annotate service.beta.kubernetes.io/aws-load-balancer-type: external and "
          + "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip. Ingress: annotate "
          + "alb.ingress.kubernetes.io/target-type: ip.",
      Set.of(), null, ServiceChecks::ipTargets);

  static final CostRule LB2 = new CostRule("ZW-LB2", Level.WARNING,
      "A Network Load Balancer has cross-zone load balancing on.",
      "Each NLB node then sends to targets in every AZ and EC2 cross-AZ charges apply, " + CROSS_AZ
          + "; it is off by default for NLBs.",
      "Set load_balancing.cross_zone.enabled=false (Service annotation "
          + "service.beta.kubernetes.io/aws-load-balancer-attributes; CloudFormation LoadBalancerAttributes or "
          + "TargetGroupAttributes) and add dns_record.client_routing_policy=availability_zone_affinity.",
      Set.of("AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancingV2::TargetGroup"),
      (r, d) -> NetworkChecks.nlbCrossZoneOff(r), ServiceChecks::nlbCrossZoneOff);

  static final CostRule KRP1 = new CostRule("ZW-KRP1", Level.ERROR,
      "A Karpenter object uses an API version that no longer exists.",
      "karpenter.sh/v1alpha5 (Provisioner) and v1beta1 (NodePool), karpenter.k8s.aws/v1alpha1 (AWSNodeTemplate) "
          + "and v1beta1 (EC2NodeClass) are gone since Karpenter 1.0: the object is rejected, the zone-pinned "
          + "nodes it describes are never provisioned, and pods land wherever capacity is, talking across AZs at "
          + CROSS_AZ + ".",
      "Migrate to karpenter.sh/v1 NodePool and karpenter.k8s.aws/v1 EC2NodeClass, pinning zones with a "
          + "topology.kubernetes.io/zone requirement.",
      Set.of(), null, WorkloadChecks::karpenterV1);

  static final CostRule DEP1 = new CostRule("ZW-DEP1", Level.WARNING,
      "A Deployment's, StatefulSet's or ReplicaSet's replicas cannot spread over zones.",
      "Without a topology spread constraint on topology.kubernetes.io/zone (or when pinned to one zone) the "
          + "replicas can all land in one AZ: zonal routing then has no local endpoint in the other zones, their "
          + "traffic crosses AZs at " + CROSS_AZ + ", and one AZ's failure takes every replica.",
      "Add spec.template.spec.topologySpreadConstraints with topologyKey topology.kubernetes.io/zone, maxSkew 1 "
          + "and the pods' labelSelector, and do not pin the pods to one zone (a Zonewise landscape: nodePools[].zones"
          + " covering at least two AZs).",
      Set.of(), null, WorkloadChecks::spreadOverZones);

  static final CostRule IST1 = new CostRule("ZW-IST1", Level.ERROR,
      "An Istio DestinationRule's locality distribute weights do not total 100.",
      "Istio rejects the rule (\"total locality weight N != 100\", each weight 1-100), so the locality "
          + "weights that keep traffic in its zone are not applied and requests spread over all zones at "
          + CROSS_AZ + " across AZs.",
      "Make the weights of each distribute[].to total exactly 100, each at least 1.",
      Set.of(), null, MeshChecks::distributeTotals100);

  static final CostRule IST2 = new CostRule("ZW-IST2", Level.ERROR,
      "An Istio DestinationRule with locality failover has no outlier detection.",
      "Istio applies locality failover only when the rule has outlierDetection; without it the locality "
          + "preference is ignored and requests spread over all zones at " + CROSS_AZ + " across AZs.",
      "Add trafficPolicy.outlierDetection (e.g. consecutive5xxErrors 5, interval 10s, baseEjectionTime 30s).",
      Set.of(), null, MeshChecks::failoverHasOutlierDetection);

  private static final List<CostRule> ALL = List.of(NAT1, VPCE1, VPCE2, VPCE3, TGW1, EKS1, EKS2,
      SVC1, SVC2, LB1, LB2, KRP1, DEP1, IST1, IST2);

  private CostRules() {
  }

  /** {@return every rule, in the order they are reported} */
  public static List<CostRule> all() {
    return ALL;
  }

  /**
   * A rule by id.
   *
   * @param id e.g. {@code ZW-NAT1}
   * @return the rule, or empty
   */
  public static Optional<CostRule> byId(String id) {
    return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
