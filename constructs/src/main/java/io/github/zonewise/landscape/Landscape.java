package io.github.zonewise.landscape;

import io.github.zonewise.spec.ClusterSpec;
import io.github.zonewise.spec.LandscapeException;
import io.github.zonewise.spec.LandscapeReader;
import io.github.zonewise.spec.LandscapeSpec;
import io.github.zonewise.spec.LandscapeValidator;
import io.github.zonewise.spec.ValidatedLandscape;
import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.interconnect.Interconnect;
import io.github.zonewise.design.InterconnectDecision;
import io.github.zonewise.interconnect.PeerVpc;
import io.github.zonewise.interconnect.VpcInterconnect;
import io.github.zonewise.interconnect.VpcInterconnectProps;
import io.github.zonewise.cluster.ClusterEndpoint;
import io.github.zonewise.cluster.ServiceMesh;
import io.github.zonewise.cluster.SystemNodes;
import io.github.zonewise.cluster.ZonalCluster;
import io.github.zonewise.cluster.ZonalClusterProps;
import io.github.zonewise.network.NatStrategy;
import io.github.zonewise.registry.ImageRegistry;
import io.github.zonewise.registry.ImageRegistryProps;
import io.github.zonewise.network.ZonalVpc;
import io.github.zonewise.network.ZonalVpcProps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.jsii.JsiiException;
import software.constructs.Construct;

/**
 * The whole landscape of one {@link LandscapeSpec}: a stack per concern, each named
 * {@code <name>-<concern>}:
 * <ul>
 *   <li>{@code Network} ({@code <name>-network}): the {@link ZonalVpc} and the interconnect to peer VPCs;</li>
 *   <li>{@code Registry} ({@code <name>-registry}), when the landscape has a {@code registry}: ECR
 *       repositories and their cross-region replication; and per {@code registry.replicateTo} region
 *       {@code Registry-<region>} ({@code <name>-registry-<region>}, in that region): the same
 *       repositories, which receive the replicas;</li>
 *   <li>{@code Cluster} ({@code <name>-cluster}), when the landscape has a {@code cluster}: EKS and its
 *       controllers, applying the Kubernetes manifests unless they are left to GitOps.</li>
 * </ul>
 * The Kubernetes manifests (cdk8s charts) are written by {@link #writeManifests()}.
 *
 * <pre>{@code
 * ValidatedLandscape checked = LandscapeValidator.validate(LandscapeReader.readDefault(), "default");
 * Landscape landscape = new Landscape(app, "shop", LandscapeProps.builder().landscape(checked).build());
 * }</pre>
 */
public class Landscape extends Construct {

  private final ValidatedLandscape landscape;
  private final LandscapeProps props;
  private final Stack networkStack;
  private final ZonalVpc network;
  private final List<Stack> stacks = new ArrayList<>();
  private final List<org.cdk8s.Chart> charts = new ArrayList<>();
  private final InterconnectDecision interconnectDecision;
  private final PriceBook priceBook;
  private VpcInterconnect interconnect;
  private Stack registryStack;
  private ImageRegistry registry;
  private final Map<String, ImageRegistry> replicaRegistries = new LinkedHashMap<>();
  private Stack clusterStack;
  private ZonalCluster cluster;
  /** The extension of every manifest file. */
  private static final String MANIFEST_EXTENSION = ".k8s.yaml";
  private org.cdk8s.App manifests;

  /**
   * Builds every stack of the landscape.
   *
   * @param scope usually the CDK {@code App}
   * @param id    the construct id, usually the landscape's name
   * @param props the properties
   * @throws LandscapeException when aws-cdk-lib rejects what a field asked for, naming that field
   */
  public Landscape(Construct scope, String id, LandscapeProps props) {
    super(scope, id);
    this.props = props;
    this.landscape = props.landscape();
    LandscapeSpec spec = landscape.spec();
    this.priceBook = props.priceBook() != null ? props.priceBook() : prices(spec);
    this.interconnectDecision = decideInterconnect(spec, priceBook);

    this.networkStack = stack("Network", "network", "the cluster VPC: subnets per AZ, NAT, VPC endpoints, flow logs");
    this.network = guard("network", () -> new ZonalVpc(networkStack, "Vpc", ZonalVpcProps.builder()
        .name(spec.name())
        .availabilityZones(spec.availabilityZones())
        .allowSingleAz(spec.singleAz())
        .cidr(spec.network().cidr())
        .nat(NatStrategy.of(spec.network().nat()).orElseThrow())
        .gatewayEndpoints(spec.network().gatewayEndpoints())
        .interfaceEndpoints(spec.network().interfaceEndpoints())
        .flowLogRetentionDays(spec.network().flowLogRetentionDays())
        .karpenterDiscovery(spec.cluster() != null ? clusterName() : null)
        .transitSubnets(interconnectDecision != null && interconnectDecision.chosen().isTransitGateway())
        .build()));

    buildInterconnect();
    buildRegistry();
    buildKubernetes();
    buildCluster();
  }

  /** The {@code interconnect} section: peer VPCs, peering or Transit Gateway, in the network stack. */
  private void buildInterconnect() {
    LandscapeSpec spec = landscape.spec();
    if (interconnectDecision == null) {
      return;
    }
    List<PeerVpc> peers = spec.interconnect().vpcs().stream()
        .map(v -> new PeerVpc(v.name(), v.cidr(), v.vpcId(), v.routeTableIds(), v.subnetIds()))
        .toList();
    this.interconnect = guard("interconnect", () -> new VpcInterconnect(networkStack, "Interconnect",
        VpcInterconnectProps.builder()
            .vpc(network)
            .name(spec.name())
            .peers(peers)
            .mode(interconnectDecision.requested())
            .prices(priceBook)
            .flowLogRetentionDays(spec.network().flowLogRetentionDays())
            .build()));
  }

  /** The interconnect mode, decided in plain Java before the cluster VPC is built (a Transit Gateway needs transit subnets). */
  private static InterconnectDecision decideInterconnect(LandscapeSpec spec, PriceBook priceBook) {
    if (spec.interconnect() == null || spec.interconnect().vpcs() == null || spec.interconnect().vpcs().isEmpty()) {
      return null;
    }
    Interconnect mode = Interconnect.of(spec.interconnect().mode() != null ? spec.interconnect().mode() : "auto")
        .orElseThrow(() -> new LandscapeException("interconnect.mode", spec.interconnect().mode(),
            "is not an interconnect mode; use one of " + String.join(", ", Interconnect.NAMES)));
    return InterconnectDecision.decide(mode, spec.interconnect().vpcs().size(), priceBook);
  }

  private static PriceBook prices(LandscapeSpec spec) {
    return spec.prices() == null || spec.prices().isEmpty()
        ? PriceBook.defaults()
        : guard("prices", () -> PriceBook.defaults().withOverrides(spec.prices(), "prices"));
  }

  /**
   * The {@code registry} section: the registry stack {@code <name>-registry} with the repositories and
   * their replication, and per {@code replicateTo} region a stack {@code <name>-registry-<region>} with
   * the same repositories (so replicas keep scan on push, immutable tags and the lifecycle policy),
   * deployed before the registry stack starts replicating.
   */
  private void buildRegistry() {
    LandscapeSpec spec = landscape.spec();
    if (spec.registry() == null) {
      return;
    }
    List<String> repositories = spec.registry().repositories();
    this.registryStack = stack("Registry", "registry", "ECR repositories and their cross-region replication");
    this.registry = guard("registry", () -> new ImageRegistry(registryStack, "Registry", ImageRegistryProps.builder()
        .repositories(repositories)
        .replicateTo(spec.registry().replicateTo())
        .build()));
    for (String region : spec.registry().replicateTo()) {
      Stack replica = new Stack(this, "Registry-" + region, StackProps.builder()
          .stackName(spec.name() + "-registry-" + region)
          .description("Zonewise landscape " + spec.name() + ": ECR repositories that receive the replicas in " + region)
          .env(Environment.builder().account(spec.account()).region(region).build())
          .build());
      stacks.add(replica);
      replicaRegistries.put(region, guard("registry.replicateTo", () -> new ImageRegistry(replica, "Registry",
          ImageRegistryProps.builder().repositories(repositories).build())));
      registryStack.addStackDependency(replica, "replica repositories exist before replication creates them with defaults");
    }
  }

  /**
   * The {@code services} and {@code nodePools} sections: the cdk8s charts ({@link #charts()}) of
   * {@link io.github.zonewise.landscape.LocalityCharts}, in a cdk8s app that writes one
   * {@code <chart>.k8s.yaml} per chart to {@link LandscapeProps#manifestsDir()}.
   */
  private void buildKubernetes() {
    this.manifests = new org.cdk8s.App(org.cdk8s.AppProps.builder()
        .outdir(props.manifestsDir().toString())
        .outputFileExtension(MANIFEST_EXTENSION)
        .yamlOutputType(org.cdk8s.YamlOutputType.FILE_PER_CHART)
        .build());
    charts.addAll(guard("services", () -> io.github.zonewise.landscape.LocalityCharts.build(manifests,
        landscape.spec(), clusterName())));
  }

  /** The {@code cluster} section: the cluster stack, applying {@link #charts()} unless manifests are GitOps. */
  private void buildCluster() {
    ClusterSpec c = landscape.spec().cluster();
    if (c == null) {
      return;
    }
    this.clusterStack = stack("Cluster", "cluster", "the EKS cluster and its controllers (AWS Load Balancer"
        + " Controller, Karpenter" + ("istio".equals(c.mesh()) ? ", Istio" : "") + ")");
    this.cluster = guard("cluster", () -> new ZonalCluster(clusterStack, "Cluster", ZonalClusterProps.builder()
        .clusterName(clusterName())
        .version(landscape.spec().kubernetesVersion())
        .vpc(network.vpc())
        .endpoint(ClusterEndpoint.of(c.endpoint(), c.publicCidrs()).orElseThrow())
        .systemNodes(new SystemNodes(c.systemNodes().instanceType(), c.systemNodes().perAz()))
        .mesh(ServiceMesh.of(c.mesh()).orElseThrow())
        .charts("gitops".equals(c.manifests()) ? List.of() : charts)
        .build()));
  }

  /** The cluster stack ({@code <name>-cluster}), when the landscape has a {@code cluster}. */
  public Optional<Stack> clusterStack() {
    return Optional.ofNullable(clusterStack);
  }

  /** The EKS cluster and its controllers, when the landscape has a {@code cluster}. */
  public Optional<ZonalCluster> cluster() {
    return Optional.ofNullable(cluster);
  }

  /** The Kubernetes charts of the landscape, in the order they are applied. */
  public List<org.cdk8s.Chart> charts() {
    return Collections.unmodifiableList(charts);
  }

  /**
   * Creates one of the landscape's stacks in the landscape's region.
   *
   * @param id          the construct id, e.g. {@code Network}
   * @param concern     the stack-name suffix, e.g. {@code network}
   * @param description what the stack holds
   * @return the stack
   */
  protected Stack stack(String id, String concern, String description) {
    LandscapeSpec spec = landscape.spec();
    Stack stack = new Stack(this, id, StackProps.builder()
        .stackName(spec.name() + "-" + concern)
        .description("Zonewise landscape " + spec.name() + ": " + description)
        .env(Environment.builder().account(spec.account()).region(spec.region()).build())
        .build());
    stacks.add(stack);
    return stack;
  }

  /**
   * Runs a step that calls into aws-cdk-lib and re-raises what it throws with the field that
   * caused it.
   *
   * @param field the landscape field the step builds
   * @param step  the step
   * @param <T>   what the step returns
   * @return the step's result
   */
  static <T> T guard(String field, Supplier<T> step) {
    try {
      return step.get();
    } catch (LandscapeException e) {
      throw e;
    } catch (JsiiException | IllegalArgumentException e) {
      throw new LandscapeException(field, e);
    }
  }

  /** The EKS cluster's name: the landscape's name. */
  public String clusterName() {
    return landscape.spec().name();
  }

  /** The checked landscape this was built from. */
  public ValidatedLandscape landscape() {
    return landscape;
  }

  /** The props this was built with. */
  public LandscapeProps props() {
    return props;
  }

  /** The network stack. */
  public Stack networkStack() {
    return networkStack;
  }

  /** The cluster VPC. */
  public ZonalVpc network() {
    return network;
  }

  /** How the cluster VPC reaches its peers and what it costs; empty without an {@code interconnect} section. */
  public Optional<InterconnectDecision> interconnectDecision() {
    return Optional.ofNullable(interconnectDecision);
  }

  /** The peer VPCs and their peering or Transit Gateway; empty without an {@code interconnect} section. */
  public Optional<VpcInterconnect> interconnect() {
    return Optional.ofNullable(interconnect);
  }

  /** The registry stack {@code <name>-registry}; empty without a {@code registry} section. */
  public Optional<Stack> registryStack() {
    return Optional.ofNullable(registryStack);
  }

  /** The repositories and their replication in the home region; empty without a {@code registry} section. */
  public Optional<ImageRegistry> registry() {
    return Optional.ofNullable(registry);
  }

  /** The replica regions' repositories, by region. */
  public Map<String, ImageRegistry> replicaRegistries() {
    return java.util.Collections.unmodifiableMap(replicaRegistries);
  }

  /** Every stack of the landscape, in creation order. */
  public List<Stack> stacks() {
    return Collections.unmodifiableList(stacks);
  }

  /**
   * Writes the Kubernetes manifests to {@link LandscapeProps#manifestsDir()}, one
   * {@code *.k8s.yaml} per chart.
   *
   * @return the files written
   */
  public List<java.nio.file.Path> writeManifests() {
    if (charts.isEmpty()) {
      return List.of();
    }
    manifests.synth();
    return charts.stream()
        .map(chart -> props.manifestsDir().resolve(org.cdk8s.Names.toDnsLabel(chart) + MANIFEST_EXTENSION))
        .toList();
  }
}
