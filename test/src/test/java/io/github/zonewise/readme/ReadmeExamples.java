package io.github.zonewise.readme;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.zonewise.cluster.ClusterEndpoint;
import io.github.zonewise.cluster.ServiceMesh;
import io.github.zonewise.cluster.SystemNodes;
import io.github.zonewise.cluster.ZonalCluster;
import io.github.zonewise.cluster.ZonalClusterProps;
import io.github.zonewise.cost.CostReport;
import io.github.zonewise.design.InterconnectDecision;
import io.github.zonewise.design.LandscapeDesign;
import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.facts.VpcEndpoints;
import io.github.zonewise.interconnect.PeerVpc;
import io.github.zonewise.interconnect.VpcInterconnect;
import io.github.zonewise.interconnect.VpcInterconnectProps;
import io.github.zonewise.k8s.IpModeLoadBalancer;
import io.github.zonewise.k8s.IpModeLoadBalancerProps;
import io.github.zonewise.k8s.LoadBalancerScheme;
import io.github.zonewise.k8s.LoadBalancerType;
import io.github.zonewise.k8s.LocalityDestinationRule;
import io.github.zonewise.k8s.LocalityDestinationRuleProps;
import io.github.zonewise.k8s.LocalityPolicy;
import io.github.zonewise.k8s.LocalityService;
import io.github.zonewise.k8s.LocalityServiceProps;
import io.github.zonewise.k8s.NodeAmi;
import io.github.zonewise.k8s.ZonalDeployment;
import io.github.zonewise.k8s.ZonalDeploymentProps;
import io.github.zonewise.k8s.ZonalNodePools;
import io.github.zonewise.k8s.ZonalNodePoolsProps;
import io.github.zonewise.k8s.ZonalRouting;
import io.github.zonewise.landscape.Landscape;
import io.github.zonewise.landscape.LandscapeProps;
import io.github.zonewise.lint.ZonewiseCostChecks;
import io.github.zonewise.network.FlowLogAnalytics;
import io.github.zonewise.network.FlowLogAnalyticsProps;
import io.github.zonewise.network.FlowLogArchive;
import io.github.zonewise.network.FlowLogDestination;
import io.github.zonewise.network.NatStrategy;
import io.github.zonewise.network.ZonalVpc;
import io.github.zonewise.network.ZonalVpcProps;
import io.github.zonewise.registry.ImageRegistry;
import io.github.zonewise.registry.ImageRegistryProps;
import io.github.zonewise.registry.RepositoryLifecycle;
import io.github.zonewise.spec.LandscapeReader;
import io.github.zonewise.spec.LandscapeValidator;
import io.github.zonewise.spec.ValidatedLandscape;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cdk8s.Chart;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.services.ec2.IVpc;
import software.constructs.Construct;

/**
 * Every Java snippet of README.md, each in the method of its section with the variables it uses
 * declared around it: ReadmeExamplesTest checks that each README block is in this file, line for line,
 * and builds and synthesizes every example. Edit a snippet here and in the README together.
 */
final class ReadmeExamples {

  private ReadmeExamples() {
  }

  /** "The constructs": the whole landscape, then its cost report ("The cost report"). */
  static CostReport landscape(App app, Path file, Path dist) {
    // README: the whole landscape
    ValidatedLandscape checked = LandscapeValidator.validate(LandscapeReader.read(file), file.toString());
    Landscape landscape = new Landscape(app, "shop", LandscapeProps.builder().landscape(checked)
        .manifestsDir(dist)                   // default dist/
        .build());
    app.synth();
    landscape.writeManifests();   // dist/*.k8s.yaml
    // README: the cost report from Java
    CloudAssembly assembly = app.synth();
    List<Path> manifests = landscape.writeManifests();
    LandscapeDesign design = landscape.design();
    CostReport report = CostReport.of(Path.of(assembly.getDirectory()), manifests, design.declared(),
        design.traffic(), design.prices(), design.choices());
    report.generated().total();          // also naive(), floor(): line items, paths, by category
    report.advice();
    report.write(Path.of(assembly.getDirectory()));
    return report;
  }

  /** "ZonalVpc". */
  static ZonalVpc zonalVpc(Stack stack) {
    ZonalVpc network = new ZonalVpc(stack, "Network", ZonalVpcProps.builder()
        .availabilityZones(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"))
        .cidr("10.0.0.0/16")                  // default
        .nat(NatStrategy.perAz())             // default; single(), regional(), none()
        .interfaceEndpoints(VpcEndpoints.DEFAULT_INTERFACE)
        .karpenterDiscovery("my-cluster")     // tags the private subnets for Karpenter
        .build());
    IVpc vpc = network.vpc();                 // for aws-cdk-lib constructs, e.g. an EKS cluster
    network.privateSubnets();                 // AZ → subnet, as are privateRouteTables(), natGateways()
    return network;
  }

  /** "Flow logs built for cost". */
  static void flowLogs(Stack stack, List<String> zones) {
    ZonalVpc network = new ZonalVpc(stack, "Network", ZonalVpcProps.builder().availabilityZones(zones)
        .flowLogDestination(FlowLogDestination.s3())       // $0.25/GB delivered; cloudWatch(): $0.50/GB ingested
        .build());
    ZonalVpc peer = new ZonalVpc(stack, "Peer", ZonalVpcProps.builder().availabilityZones(zones).cidr("10.1.0.0/16")
        .nat(NatStrategy.none()).flowLogDestination(FlowLogDestination.s3()).build());
    new FlowLogAnalytics(stack, "FlowLogAnalytics", FlowLogAnalyticsProps.builder()
        .archive(FlowLogArchive.of(stack, 30)).name("shop").vpcs(List.of(network, peer)).build());
  }

  /** "VpcInterconnect, VpcPeering, TransitGateway". */
  static VpcInterconnect interconnect(Stack stack, ZonalVpc clusterVpc) {
    InterconnectDecision decision = InterconnectDecision.decide(Optional.empty(), 2, PriceBook.defaults());   // auto
    System.out.println(decision.line());                 // which mode, why, and the monthly cost of each
    VpcInterconnect interconnect = new VpcInterconnect(stack, "Interconnect", VpcInterconnectProps.builder()
        .vpc(clusterVpc)                                   // a ZonalVpc; transitSubnets(true) for a Transit Gateway
        .name("shop")
        .peers(List.of(PeerVpc.created("payments", "10.1.0.0/16"),
            PeerVpc.existing("ledger", "172.16.0.0/16", "vpc-0a1b2c3d4e5f67890", List.of("rtb-0a1b2c3d"),
                List.of("subnet-0a1b2c3d", "subnet-0a1b2c3e", "subnet-0a1b2c3f"))))   // one a zone, for a Transit Gateway
        .mode(decision.chosen())                           // or Interconnect.peering(), Interconnect.transitGateway()
        .build());
    return interconnect;
  }

  /** "ImageRegistry". */
  static void registry(Stack stack) {
    new ImageRegistry(stack, "Registry", ImageRegistryProps.builder()
        .repositories(List.of("orders", "graphql"))
        .replicateTo(List.of("us-west-2"))                // none by default
        .lifecycle(RepositoryLifecycle.defaults())        // untagged 14 days, keep 100 images
        .build());
  }

  /** "The Kubernetes constructs". */
  static void kubernetes(Chart chart) {
    ZonalDeployment orders = new ZonalDeployment(chart, "Orders", ZonalDeploymentProps.builder()
        .name("orders").namespace("ecommerce").image("orders:1.4.2").containerPort(3003)
        .replicas(6).zones(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"))   // zone spread, minDomains 3
        .build());
    LocalityService service = new LocalityService(chart, "OrdersService", LocalityServiceProps.builder()
        .name("orders").namespace("ecommerce").selector(orders.selector()).port(3003)
        .routing(ZonalRouting.preferSameNode())   // topologyAware() (default), preferSameZone(), nodeLocal(), cluster()
        .kubernetesVersion("1.35")                // modes the version does not run are rejected
        .build());
    new IpModeLoadBalancer(chart, "OrdersNlb", IpModeLoadBalancerProps.builder()
        .service(service).type(LoadBalancerType.nlb()).scheme(LoadBalancerScheme.internal()).build());
    new IpModeLoadBalancer(chart, "OrdersAlb", IpModeLoadBalancerProps.builder()
        .service(service).type(LoadBalancerType.alb()).scheme(LoadBalancerScheme.internetFacing())
        .certificateArn("arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789")   // HTTPS
        .build());
    new LocalityDestinationRule(chart, "OrdersLocality", LocalityDestinationRuleProps.builder()
        .service(service)
        .policy(LocalityPolicy.distribute("eu-west-1", Map.of("eu-west-1a", Map.of("eu-west-1a", 80, "eu-west-1b", 20))))
        .build());
    new ZonalNodePools(chart, "General", ZonalNodePoolsProps.builder()
        .name("general").zones(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c")).clusterName("shop")
        .ami(NodeAmi.alias("al2023@v20260818"))   // or NodeAmi.id("ami-…"), NodeAmi.ssmParameter("/…", "Bottlerocket")
        .build());
  }

  /** "The cluster constructs". */
  static ZonalCluster cluster(Stack stack, ZonalVpc network, Chart workloadsChart) {
    ZonalCluster cluster = new ZonalCluster(stack, "Cluster", ZonalClusterProps.builder()
        .clusterName("shop")
        .vpc(network.vpc())                                   // e.g. a ZonalVpc; private subnets of every AZ
        .version("1.35")                                      // default KubernetesVersions.DEFAULT
        .endpoint(ClusterEndpoint.privateOnly())              // default; privateAndRestrictedPublic(cidrs)
        .systemNodes(new SystemNodes("m7g.large", 1))         // default
        .mesh(ServiceMesh.ISTIO)                              // default NONE
        .charts(List.of(workloadsChart))                      // cdk8s charts to apply, in order; default none
        .build());
    cluster.cluster();                    // the aws-eks-v2 Cluster
    cluster.karpenter().interruptionQueue();
    return cluster;
  }

  /** "As a cdk-nag pack". */
  static void costLint(App app, Construct manifest) {
    Aspects.of(app).add(new ZonewiseCostChecks());   // next to new AwsSolutionsChecks()
    NagSuppressions.addResourceSuppressions(manifest, List.of(NagPackSuppression.builder().id("ZW-SVC1")
        .reason("legacy is retired next quarter").appliesTo(List.of("Service/shop/legacy")).build()), true);
  }
}
