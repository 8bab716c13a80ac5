package io.github.zonewise.cost;

import io.github.zonewise.cost.DeclaredLandscape.DeclaredService;
import io.github.zonewise.cost.DeclaredLandscape.Peer;
import java.util.Optional;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.zonewise.cost.Design.LinkKind;
import io.github.zonewise.cost.Design.LoadBalancer;
import io.github.zonewise.synth.Assembly;
import io.github.zonewise.synth.LoadBalancing;
import io.github.zonewise.synth.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.ec2.CfnEIP;
import software.amazon.awscdk.services.ec2.CfnInternetGateway;
import software.amazon.awscdk.services.ec2.CfnNatGateway;
import software.amazon.awscdk.services.ec2.CfnRoute;
import software.amazon.awscdk.services.ec2.CfnRouteTable;
import software.amazon.awscdk.services.ec2.CfnSubnet;
import software.amazon.awscdk.services.ec2.CfnSubnetRouteTableAssociation;
import software.amazon.awscdk.services.ec2.CfnTransitGateway;
import software.amazon.awscdk.services.ec2.CfnTransitGatewayAttachment;
import software.amazon.awscdk.services.ec2.CfnVPC;
import software.amazon.awscdk.services.ec2.CfnVPCEndpoint;
import software.amazon.awscdk.services.ec2.CfnVPCGatewayAttachment;
import software.amazon.awscdk.services.ec2.CfnVPCPeeringConnection;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpoint;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecr.CfnReplicationConfiguration;
import software.amazon.awscdk.services.eks.CfnCluster;
import software.constructs.Construct;

/**
 * The generated design read back from small real cloud assemblies synthesized with aws-cdk-lib's
 * L1 resources (the shapes any construct produces) and from Kubernetes manifests: one app, one
 * stage per scenario, synthesized once.
 */
class GeneratedDesignTest {

  static final List<String> ZONES = List.of("eu-west-1a", "eu-west-1b", "eu-west-1c");
  @TempDir
  static Path dir;
  static Path outdir;
  static Path manifests;
  static Design zonal;
  static Design single;
  static Design regional;
  static Design l2;

  /** What the test landscape declares: two peers (one existing), a replica region, seven services. */
  static final DeclaredLandscape DECLARED = new DeclaredLandscape("t", "eu-west-1", 3, Optional.empty(),
      List.of(new Peer("payments", "10.1.0.0/16", null), new Peer("analytics", "10.2.0.0/16", "vpc-0abc0abc0abc0abc0")),
      List.of("us-west-2"), false, List.of(
          service("orders", 6, Routing.CLUSTER, null),
          service("graphql", 6, Routing.TOPOLOGY_AWARE, LoadBalancing.Kind.ALB),
          service("web", 2, Routing.TOPOLOGY_AWARE, LoadBalancing.Kind.NLB),
          service("batch", 3, Routing.TOPOLOGY_AWARE, null),
          service("legacy", 3, Routing.TOPOLOGY_AWARE, LoadBalancing.Kind.NLB),
          service("ledger", 9, Routing.TOPOLOGY_AWARE, null),
          service("ghost", 3, Routing.PREFER_SAME_ZONE, LoadBalancing.Kind.ALB)));

  static DeclaredService service(String name, int replicas, Routing routing, LoadBalancing.Kind exposure) {
    return new DeclaredService(name, "shop", replicas, 3, routing, Optional.ofNullable(exposure), true);
  }
  static final String MANIFESTS = """
      apiVersion: v1
      kind: Service
      metadata:
        name: orders
        namespace: shop
        annotations: {service.kubernetes.io/topology-mode: Auto}
      spec: {selector: {app: orders}, ports: [{port: 3003}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: orders, namespace: shop}
      spec:
        replicas: 4
        selector: {matchLabels: {app: orders}}
        template:
          metadata: {labels: {app: orders, tier: api}}
          spec: {containers: [{name: orders, image: orders}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: graphql, namespace: shop}
      spec: {selector: {app: graphql}, trafficDistribution: PreferSameZone, ports: [{port: 4000}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: graphql, namespace: shop}
      spec:
        replicas: 6
        selector: {matchLabels: {app: graphql}}
        template:
          metadata: {labels: {app: graphql}}
          spec: {containers: [{name: graphql, image: graphql}]}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: graphql
        namespace: shop
        annotations:
          alb.ingress.kubernetes.io/target-type: ip
          alb.ingress.kubernetes.io/scheme: internet-facing
          alb.ingress.kubernetes.io/group.name: shop
      spec:
        ingressClassName: alb
        rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: graphql, port: {number: 4000}}}}]}}]
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: graphql, namespace: shop}
      spec:
        host: graphql.shop.svc.cluster.local
        trafficPolicy:
          loadBalancer:
            localityLbSetting:
              enabled: true
              distribute:
                - {from: eu-west-1/eu-west-1a/*, to: {"eu-west-1/eu-west-1a/*": 80, "eu-west-1/eu-west-1b/*": 10, "eu-west-1/eu-west-1c/*": 10}}
                - {from: eu-west-1/eu-west-1b/*, to: {"eu-west-1/eu-west-1a/*": 10, "eu-west-1/eu-west-1b/*": 80, "eu-west-1/eu-west-1c/*": 10}}
                - {from: eu-west-1/eu-west-1c/*, to: {"eu-west-1/eu-west-1a/*": 10, "eu-west-1/eu-west-1b/*": 10, "eu-west-1/eu-west-1c/*": 80}}
          outlierDetection: {consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec: {selector: {app: web}, ports: [{port: 8080}]}
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: web-public
        namespace: shop
        annotations:
          service.beta.kubernetes.io/aws-load-balancer-type: external
          service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip
          service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing
          service.beta.kubernetes.io/aws-load-balancer-attributes: load_balancing.cross_zone.enabled=true
      spec: {type: LoadBalancer, selector: {app: web}, ports: [{port: 8080}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        replicas: 2
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers: [{name: web, image: web}]
            affinity:
              nodeAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                    - matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [eu-west-1a, eu-west-1b]}]
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: batch
        namespace: shop
        annotations: {service.kubernetes.io/topology-mode: Auto}
      spec: {selector: {app: batch}, internalTrafficPolicy: Local, ports: [{port: 9000}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: batch, namespace: shop}
      spec:
        replicas: 3
        selector: {matchLabels: {app: batch}}
        template:
          metadata: {labels: {app: batch}}
          spec: {containers: [{name: batch, image: batch}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: legacy, namespace: shop}
      spec: {type: LoadBalancer, externalTrafficPolicy: Local, selector: {app: legacy}, ports: [{port: 80}]}
      """;

  static final String APPLIED = "[{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"ledger\","
      + "\"namespace\":\"shop\",\"labels\":{\"region\":\"REGION\"}},\"spec\":{\"selector\":{\"app\":\"ledger\"},"
      + "\"trafficDistribution\":\"PreferSameNode\",\"ports\":[{\"port\":7000}]}},{\"apiVersion\":\"apps/v1\","
      + "\"kind\":\"Deployment\",\"metadata\":{\"name\":\"ledger\",\"namespace\":\"shop\"},\"spec\":{\"replicas\":3,"
      + "\"selector\":{\"matchLabels\":{\"app\":\"ledger\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"ledger\"}},"
      + "\"spec\":{\"containers\":[{\"name\":\"ledger\",\"image\":\"ledger\"}]}}}}]";

  @BeforeAll
  static void synthesize() throws IOException {
    outdir = dir.resolve("cdk.out");
    manifests = dir.resolve("dist");
    Files.createDirectories(manifests);
    Files.writeString(manifests.resolve("t-workloads.k8s.yaml"), MANIFESTS);
    App app = new App(AppProps.builder().outdir(outdir.toString()).build());
    // the test stacks pin their subnets to AZs, as the zonal designs they stand for do
    Validations.of(app).acknowledge(Acknowledgment.builder().id("CloudFormation-Validate::W3010")
        .reason("zone-pinned test stacks: AZ names are explicit").build());
    Environment euWest1 = Environment.builder().region("eu-west-1").build();

    Stage zonalStage = new Stage(app, "Zonal", StageProps.builder().env(euWest1).build());
    Stack net = new Stack(zonalStage, "Net", StackProps.builder().stackName("t-network").build());
    // a VPC before the cluster VPC: the reader must find the cluster's VPC by the cluster's subnets
    Network payments = Network.build(net, "Payments", "10.1", List.of("eu-west-1a"), "perAz");
    Network cluster = Network.build(net, "Cluster", "10.0", ZONES, "perAz");
    CfnVPCEndpoint.Builder.create(net, "S3").vpcId(cluster.vpc.getRef()).vpcEndpointType("Gateway")
        .serviceName("com.amazonaws.eu-west-1.s3").routeTableIds(cluster.privateTableIds()).build();
    CfnVPCEndpoint.Builder.create(net, "DynamoDb").vpcId(cluster.vpc.getRef())
        .serviceName("com.amazonaws." + Aws.REGION + ".dynamodb")
        .routeTableIds(cluster.privateTableIds().subList(0, 2)).build();
    CfnVPCEndpoint.Builder.create(net, "Logs").vpcId(cluster.vpc.getRef()).vpcEndpointType("Interface")
        .serviceName("com.amazonaws.eu-west-1.logs").subnetIds(cluster.privateSubnetIds()).privateDnsEnabled(true)
        .build();
    CfnVPCEndpoint.Builder.create(net, "Sts").vpcId(cluster.vpc.getRef()).vpcEndpointType("Interface")
        .serviceName("com.amazonaws.eu-west-1.sts").subnetIds(cluster.privateSubnetIds().subList(0, 2)).build();
    CfnVPCPeeringConnection pcx = CfnVPCPeeringConnection.Builder.create(net, "PeerPayments")
        .vpcId(cluster.vpc.getRef()).peerVpcId(payments.vpc.getRef()).build();
    CfnTransitGateway tgw = CfnTransitGateway.Builder.create(net, "Tgw").build();
    CfnTransitGatewayAttachment.Builder.create(net, "TgwCluster").transitGatewayId(tgw.getRef())
        .vpcId(cluster.vpc.getRef()).subnetIds(cluster.privateSubnetIds()).build();
    for (int i = 0; i < cluster.privateTables.size(); i++) {
      CfnRoute.Builder.create(net, "ToPayments" + i).routeTableId(cluster.privateTables.get(i).getRef())
          .destinationCidrBlock("10.1.0.0/16").vpcPeeringConnectionId(pcx.getRef()).build();
      CfnRoute.Builder.create(net, "ToAnalytics" + i).routeTableId(cluster.privateTables.get(i).getRef())
          .destinationCidrBlock("10.2.0.0/16").transitGatewayId(tgw.getRef()).build();
    }
    CfnVPCPeeringConnection.Builder.create(net, "PeerUsEast1").vpcId(cluster.vpc.getRef())
        .peerVpcId("vpc-0123456789abcdef0").peerRegion("us-east-1").build();
    CfnReplicationConfiguration.Builder.create(net, "Replication").replicationConfiguration(
        CfnReplicationConfiguration.ReplicationConfigurationProperty.builder().rules(List.of(
            CfnReplicationConfiguration.ReplicationRuleProperty.builder().destinations(List.of(
                CfnReplicationConfiguration.ReplicationDestinationProperty.builder().region("us-west-2")
                    .registryId("123456789012").build())).build())).build()).build();
    Stack clusterStack = new Stack(zonalStage, "Cluster", StackProps.builder().stackName("t-cluster").build());
    CfnCluster.Builder.create(clusterStack, "Eks").name("t").version("1.32")
        .roleArn("arn:aws:iam::123456789012:role/eks")
        .resourcesVpcConfig(CfnCluster.ResourcesVpcConfigProperty.builder()
            .subnetIds(cluster.privateSubnetIds()).build()).build();
    CfnResource.Builder.create(clusterStack, "LedgerManifest").type("Custom::AWSCDK-EKS-KubernetesResource")
        .properties(Map.of("ServiceToken", "arn:aws:lambda:eu-west-1:123456789012:function:kubectl",
            "Manifest", APPLIED.replace("REGION", Aws.REGION)))
        .build();

    Stage singleStage = new Stage(app, "Single", StageProps.builder().env(euWest1).build());
    Network.build(new Stack(singleStage, "Net"), "Cluster", "10.0", ZONES, "single");
    Stage regionalStage = new Stage(app, "Regional", StageProps.builder().env(euWest1).build());
    Network.build(new Stack(regionalStage, "Net"), "Cluster", "10.0", ZONES, "regional");

    Stage l2Stage = new Stage(app, "L2", StageProps.builder().build());
    Stack l2Stack = new Stack(l2Stage, "Net");
    Vpc vpc = Vpc.Builder.create(l2Stack, "Vpc").maxAzs(2).natGateways(1).build();
    InterfaceVpcEndpoint.Builder.create(l2Stack, "EcrDocker").vpc(vpc)
        .service(InterfaceVpcEndpointAwsService.ECR_DOCKER).build();

    app.synth();
    DeclaredLandscape spec = DECLARED;
    zonal = read("Zonal", spec);
    single = read("Single", spec);
    regional = read("Regional", spec);
    l2 = read("L2", new DeclaredLandscape("l2", "eu-west-1", 2, Optional.of("10.0.0.0/16"), List.of(), List.of(),
        false, List.of()));
  }

  static Design read(String stage, DeclaredLandscape spec) {
    Assembly templates = Assembly.read(outdir.resolve("assembly-" + stage));
    List<Path> files = stage.equals("Zonal") ? List.of(manifests) : List.of();
    return GeneratedDesign.read(templates, Manifests.read(files, templates), spec);
  }

  /** A VPC of L1 resources: public and private subnet per AZ, NAT by mode, routes. */
  static final class Network {
    CfnVPC vpc;
    final List<CfnSubnet> privateSubnets = new ArrayList<>();
    final List<CfnRouteTable> privateTables = new ArrayList<>();

    static Network build(Construct scope, String id, String prefix, List<String> zones, String nat) {
      Network n = new Network();
      Construct c = new Construct(scope, id);
      n.vpc = CfnVPC.Builder.create(c, "Vpc").cidrBlock(prefix + ".0.0/16").build();
      CfnInternetGateway igw = CfnInternetGateway.Builder.create(c, "Igw").build();
      CfnVPCGatewayAttachment.Builder.create(c, "IgwAttachment").vpcId(n.vpc.getRef())
          .internetGatewayId(igw.getRef()).build();
      List<CfnSubnet> publicSubnets = new ArrayList<>();
      for (int i = 0; i < zones.size(); i++) {
        CfnSubnet pub = CfnSubnet.Builder.create(c, "Public" + i).vpcId(n.vpc.getRef()).availabilityZone(zones.get(i))
            .cidrBlock(prefix + "." + i + ".0/24").build();
        CfnRouteTable pubTable = CfnRouteTable.Builder.create(c, "PublicTable" + i).vpcId(n.vpc.getRef()).build();
        CfnSubnetRouteTableAssociation.Builder.create(c, "PublicAssoc" + i).subnetId(pub.getRef())
            .routeTableId(pubTable.getRef()).build();
        CfnRoute.Builder.create(c, "PublicDefault" + i).routeTableId(pubTable.getRef())
            .destinationCidrBlock("0.0.0.0/0").gatewayId(igw.getRef()).build();
        publicSubnets.add(pub);
        CfnSubnet priv = CfnSubnet.Builder.create(c, "Private" + i).vpcId(n.vpc.getRef())
            .availabilityZone(zones.get(i)).cidrBlock(prefix + "." + (100 + i) + ".0/24").build();
        CfnRouteTable table = CfnRouteTable.Builder.create(c, "PrivateTable" + i).vpcId(n.vpc.getRef()).build();
        CfnSubnetRouteTableAssociation.Builder.create(c, "PrivateAssoc" + i).subnetId(priv.getRef())
            .routeTableId(table.getRef()).build();
        n.privateSubnets.add(priv);
        n.privateTables.add(table);
      }
      List<CfnNatGateway> nats = new ArrayList<>();
      if (nat.equals("regional")) {
        nats.add(CfnNatGateway.Builder.create(c, "RegionalNat").availabilityMode("regional")
            .vpcId(n.vpc.getRef()).build());
      } else {
        int count = nat.equals("single") ? 1 : zones.size();
        for (int i = 0; i < count; i++) {
          CfnEIP eip = CfnEIP.Builder.create(c, "NatIp" + i).domain("vpc").build();
          nats.add(CfnNatGateway.Builder.create(c, "Nat" + i).subnetId(publicSubnets.get(i).getRef())
              .allocationId(eip.getAttrAllocationId()).build());
        }
      }
      for (int i = 0; i < zones.size(); i++) {
        CfnRoute.Builder.create(c, "PrivateDefault" + i).routeTableId(n.privateTables.get(i).getRef())
            .destinationCidrBlock("0.0.0.0/0").natGatewayId(nats.get(Math.min(i, nats.size() - 1)).getRef()).build();
      }
      return n;
    }

    List<String> privateSubnetIds() {
      return privateSubnets.stream().map(CfnSubnet::getRef).toList();
    }

    List<String> privateTableIds() {
      return privateTables.stream().map(CfnRouteTable::getRef).toList();
    }
  }

  // ---------------------------------------------------------------- network

  @Test
  void zonesAreTheAzsOfTheClusterVpcsPrivateSubnets() {
    assertThat(zonal.zones()).isEqualTo(3);
  }

  @Test
  void theClusterVpcIsTheVpcOfTheEksClustersSubnetsAcrossStacks() {
    assertThat(zonal.facts().get(0)).startsWith("cluster VPC t-network/ClusterVpc");
  }

  @Test
  void aNatGatewayPerAzWithOwnAzRoutesIsPerAz() {
    assertThat(zonal.nat()).isEqualTo(new Design.Nat("perAz", 3, 3, 0, true));
  }

  @Test
  void oneNatGatewayForThreeAzsSendsTwoThirdsAcross() {
    assertThat(single.nat().mode()).isEqualTo("single");
    assertThat(single.nat().gateways()).isEqualTo(1);
    assertThat(single.nat().crossAzShare()).isCloseTo(2 / 3.0, within(1e-12));
  }

  @Test
  void aRegionalNatGatewayIsBilledInEveryAzItServes() {
    assertThat(regional.nat()).isEqualTo(new Design.Nat("regional", 3, 3, 0, true));
  }

  @Test
  void gatewayEndpointsCoverTheShareOfPrivateRouteTablesTheyAreOn() {
    assertThat(zonal.gatewayEndpoints()).containsEntry("s3", 1.0);
    assertThat(zonal.gatewayEndpoints().get("dynamodb")).isCloseTo(2 / 3.0, within(1e-12));
  }

  @Test
  void interfaceEndpointsCountTheAzsOfTheirSubnetsAndTheirPrivateDns() {
    assertThat(zonal.interfaceEndpoints()).containsEntry("logs", new Design.InterfaceEndpoint("logs", 3, true))
        .containsEntry("sts", new Design.InterfaceEndpoint("sts", 2, false));
  }

  @Test
  void anAwsCdkLibVpcIsReadToo() {
    assertThat(l2.zones()).isEqualTo(2);
    assertThat(l2.nat().gateways()).isEqualTo(1);
    assertThat(l2.nat().crossAzShare()).isEqualTo(0.5);
    assertThat(l2.interfaceEndpoints()).containsEntry("ecr.dkr", new Design.InterfaceEndpoint("ecr.dkr", 2, true));
  }

  // ---------------------------------------------------------------- interconnect, registry, cluster

  @Test
  void aPeerRoutedOverAPeeringConnectionIsPeered() {
    assertThat(zonal.peers().get("payments")).isEqualTo(new Design.Link(LinkKind.PEERING, 2 / 3.0));
  }

  @Test
  void aPeerRoutedThroughATransitGatewayUsesIt() {
    assertThat(zonal.peers().get("analytics").kind()).isEqualTo(LinkKind.TRANSIT_GATEWAY);
  }

  @Test
  void attachmentsAndPeeringConnectionsAreCounted() {
    assertThat(zonal.transitGatewayAttachments()).isEqualTo(1);
    assertThat(zonal.peeringConnections()).isEqualTo(2);
  }

  @Test
  void anInterRegionPeeringConnectionLinksItsRegion() {
    assertThat(zonal.regions()).containsEntry("us-east-1", new Design.Link(LinkKind.PEERING, 0));
  }

  @Test
  void registryReplicationDestinationsAreRead() {
    assertThat(zonal.replicatedRegions()).containsExactly("us-west-2");
  }

  @Test
  void theClusterVersionDecidesExtendedSupport() {
    assertThat(zonal.clusters()).containsExactly(new Design.Cluster("t", "1.32", true));
  }

  @Test
  void otherVpcsKeepTheirFixedCharges() {
    assertThat(zonal.otherVpcs()).containsExactly(new Design.OtherVpc("payments", 1, 1, 0));
  }

  // ---------------------------------------------------------------- Kubernetes

  @Test
  void routingAndReplicasComeFromTheManifestsNotTheLandscape() {
    Design.Service orders = zonal.services().get("orders");
    assertThat(orders.routing()).isEqualTo(Routing.TOPOLOGY_AWARE);
    assertThat(orders.replicas()).isEqualTo(4);
    // 4 replicas over 3 zones: no hints, cluster-wide
    assertThat(orders.crossAzShare()).isCloseTo(2 / 3.0, within(1e-12));
  }

  @Test
  void internalTrafficPolicyLocalWinsOverTopologyMode() {
    assertThat(zonal.services().get("batch").routing()).isEqualTo(Routing.NODE_LOCAL);
  }

  @Test
  void anIstioDestinationRuleSetsTheShareFromItsWeights() {
    assertThat(zonal.services().get("graphql").locality()).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void zonePinnedReplicasLeaveZonesWithoutEndpoints() {
    Design.Service web = zonal.services().get("web");
    assertThat(web.endpointZones()).isEqualTo(2);
    assertThat(web.routing()).isEqualTo(Routing.CLUSTER);
  }

  @Test
  void manifestsTheClusterStackAppliesAreRead() {
    Design.Service ledger = zonal.services().get("ledger");
    assertThat(ledger.routing()).isEqualTo(Routing.PREFER_SAME_NODE);
    assertThat(ledger.replicas()).isEqualTo(3);
    assertThat(ledger.source()).isEqualTo("Service shop/ledger in t-cluster LedgerManifest");
  }

  @Test
  void aServiceMissingFromTheManifestsIsTakenFromTheLandscapeAndSaidSo() {
    assertThat(zonal.services().get("ghost").routing()).isEqualTo(Routing.PREFER_SAME_ZONE);
    assertThat(zonal.facts()).contains("service ghost: preferSameZone, 3 replicas, taken from the landscape: no"
        + " Service ghost in the manifests");
  }

  @Test
  void anAlbIngressIsReadWithItsTargetTypeSchemeAndGroup() {
    LoadBalancer alb = zonal.loadBalancerOf("graphql").orElseThrow();
    assertThat(alb).extracting(LoadBalancer::name, LoadBalancer::kind, LoadBalancer::ipTargets,
        LoadBalancer::internetFacing, LoadBalancer::zones).containsExactly("group shop", LoadBalancing.Kind.ALB, true,
        true, 3);
  }

  @Test
  void anNlbServiceIsReadWithItsControllerAnnotationsWhateverItsName() {
    LoadBalancer nlb = zonal.loadBalancerOf("web").orElseThrow();
    assertThat(nlb).extracting(LoadBalancer::kind, LoadBalancer::ipTargets, LoadBalancer::internetFacing,
        LoadBalancer::crossZone).containsExactly(LoadBalancing.Kind.NLB, true, true, true);
    assertThat(nlb.name()).isEqualTo("shop/web-public");
  }

  @Test
  void aLoadBalancerServiceWithoutControllerAnnotationsHasInstanceTargets() {
    LoadBalancer legacy = zonal.loadBalancerOf("legacy").orElseThrow();
    assertThat(legacy).extracting(LoadBalancer::ipTargets, LoadBalancer::internetFacing, LoadBalancer::localTraffic)
        .containsExactly(false, true, true);
  }

  @Test
  void anExposedServiceWithoutALoadBalancerInTheManifestsIsTakenFromTheLandscape() {
    assertThat(zonal.loadBalancerOf("ghost").orElseThrow().source()).isEqualTo("landscape services[6].expose");
  }
}
