package io.github.zonewise.landscape;

import io.github.zonewise.spec.ClusterSpec;
import io.github.zonewise.spec.ManifestDelivery;
import io.github.zonewise.spec.RegistrySpec;
import io.github.zonewise.spec.LandscapeException;
import io.github.zonewise.spec.LandscapeReader;
import io.github.zonewise.spec.LandscapeSpec;
import io.github.zonewise.spec.LandscapeValidator;
import io.github.zonewise.spec.ValidatedLandscape;
import io.github.zonewise.design.InterconnectDecision;
import io.github.zonewise.design.LandscapeDesign;
import io.github.zonewise.facts.InvalidValue;
import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.interconnect.VpcInterconnect;
import io.github.zonewise.interconnect.VpcInterconnectProps;
import io.github.zonewise.cluster.KarpenterNames;
import io.github.zonewise.cluster.ServiceMesh;
import io.github.zonewise.cluster.ZonalCluster;
import io.github.zonewise.cluster.ZonalClusterProps;
import io.github.zonewise.registry.ImageRegistry;
import io.github.zonewise.registry.ImageRegistryProps;
import io.github.zonewise.network.FlowLogAnalytics;
import io.github.zonewise.network.FlowLogAnalyticsProps;
import io.github.zonewise.network.FlowLogArchive;
import io.github.zonewise.network.ZonalVpc;
import io.github.zonewise.network.ZonalVpcProps;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
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
import software.amazon.awscdk.Stage;
import software.amazon.jsii.JsiiException;
import software.constructs.Construct;

/**
 * The whole landscape of one {@link LandscapeSpec}: a stack per concern, each named
 * {@code <name>-<concern>} and a direct child of the app (or stage) the landscape is built in, with its
 * name as construct id, so the name is what the CDK CLI selects it by ({@code cdk deploy shop-network}):
 * <ul>
 *   <li>{@code <name>-network}: the {@link ZonalVpc}, the interconnect to peer VPCs and
 *       their flow logs ({@code network.flowLogs}): with the default destination {@code s3}, one
 *       {@link FlowLogArchive} bucket for every VPC of the landscape and its {@link FlowLogAnalytics}
 *       (Glue table, Athena workgroup, named queries); with {@code cloudwatch}, a log group per VPC;</li>
 *   <li>{@code <name>-registry}, when the landscape has a {@code registry}: ECR
 *       repositories and their cross-region replication; and per {@code registry.replicateTo} region
 *       {@code <name>-registry-<region>} (in that region): the same
 *       repositories, which receive the replicas;</li>
 *   <li>{@code <name>-cluster}, when the landscape has a {@code cluster}: EKS and its
 *       controllers, applying the Kubernetes manifests unless they are left to GitOps.</li>
 * </ul>
 * The Kubernetes manifests (cdk8s charts) are written by {@link #writeManifests()}.
 *
 * Every choice the landscape leaves open is decided first, in plain Java, by the design step
 * ({@link #design()}); the constructs build exactly those decisions.
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
  private final LandscapeDesign design;
  private final PriceBook priceBook;
  private VpcInterconnect interconnect;
  private FlowLogAnalytics flowLogAnalytics;
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
    this.priceBook = props.priceBook() != null ? props.priceBook()
        : guard("prices", () -> landscape.priceBook(java.util.Map.of(), null));
    this.design = LandscapeDesign.of(landscape, priceBook);
    try {
      // CloudFormation's limits a stack, from the design: before aws-cdk-lib fails deep in a synth
      io.github.zonewise.design.StackLimits.check(design);
    } catch (LandscapeException e) {
      throw landscape.located(e);
    }

    this.networkStack = stack("network", "the cluster VPC: subnets per AZ, NAT, VPC endpoints, flow logs");
    this.network = guard("network", () -> new ZonalVpc(networkStack, "Vpc", ZonalVpcProps.builder()
        .name(spec.name())
        .availabilityZones(spec.availabilityZones())
        .allowSingleAz(spec.singleAz())
        .cidr(spec.network().cidr().toString())
        .nat(design.nat())
        .gatewayEndpoints(spec.network().gatewayEndpoints())
        .interfaceEndpoints(design.interfaceEndpoints())
        .flowLogDestination(spec.network().flowLogDestination())
        .flowLogRetentionDays(spec.network().flowLogRetentionDays())
        // the node pools' discovery tag, for Zonewise's cluster or (without a cluster section) the user's
        .karpenterDiscovery(spec.cluster().isPresent() || !spec.nodePools().isEmpty() ? clusterName() : null)
        .transitSubnets(design.transitSubnets())
        .build()));

    buildInterconnect();
    buildFlowLogAnalytics();
    buildRegistry();
    buildKubernetes();
    buildCluster();
    suppressWrittenChoices();
  }

  /** The {@code interconnect} section: peer VPCs, peering or Transit Gateway, in the network stack. */
  private void buildInterconnect() {
    LandscapeSpec spec = landscape.spec();
    if (spec.interconnect().isEmpty()) {
      return;
    }
    this.interconnect = guard("interconnect", () -> new VpcInterconnect(networkStack, "Interconnect",
        VpcInterconnectProps.builder()
            .vpc(network)
            .name(spec.name())
            .peers(spec.interconnect().get().vpcs())
            .mode(design.interconnectMode().orElseThrow())
            .flowLogDestination(spec.network().flowLogDestination())
            .flowLogRetentionDays(spec.network().flowLogRetentionDays())
            .build()));
  }

  /**
   * {@code network.flowLogs.destination: s3}: Athena over the landscape's flow-log archive (the network
   * stack's one bucket, which the cluster VPC and every peer VPC the landscape creates deliver to), with
   * the interface endpoints of those VPCs named in the endpoint query. Nothing for {@code cloudwatch}.
   */
  private void buildFlowLogAnalytics() {
    LandscapeSpec spec = landscape.spec();
    if (!spec.network().flowLogDestination().isS3()) {
      return;
    }
    List<ZonalVpc> vpcs = new ArrayList<>(List.of(network));
    if (interconnect != null) {
      vpcs.addAll(interconnect.createdVpcs().values());
    }
    this.flowLogAnalytics = guard("network.flowLogs", () -> new FlowLogAnalytics(networkStack, "FlowLogAnalytics",
        FlowLogAnalyticsProps.builder()
            .archive(FlowLogArchive.of(networkStack, spec.network().flowLogRetentionDays()))
            .name(spec.name())
            .vpcs(vpcs)
            .build()));
  }

  /**
   * The {@code registry} section: the registry stack {@code <name>-registry} with the repositories and
   * their replication, and per {@code replicateTo} region a stack {@code <name>-registry-<region>} with
   * the same repositories (so replicas keep scan on push, immutable tags and the lifecycle policy),
   * deployed before the registry stack starts replicating.
   */
  private void buildRegistry() {
    LandscapeSpec spec = landscape.spec();
    if (spec.registry().isEmpty()) {
      return;
    }
    RegistrySpec registrySpec = spec.registry().get();
    List<String> repositories = registrySpec.repositories();
    this.registryStack = stack("registry", "ECR repositories and their cross-region replication");
    this.registry = guard("registry", () -> new ImageRegistry(registryStack, "Registry", ImageRegistryProps.builder()
        .repositories(repositories)
        .replicateTo(registrySpec.replicateTo())
        .build()));
    for (String region : registrySpec.replicateTo()) {
      Stack replica = new Stack(Stage.of(this), spec.name() + "-registry-" + region, StackProps.builder()
          .stackName(spec.name() + "-registry-" + region)
          .description("Zonewise landscape " + spec.name() + ": ECR repositories that receive the replicas in " + region)
          .env(Environment.builder().account(spec.account().orElse(null)).region(region).build())
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
    charts.addAll(guard("services", () -> LocalityCharts.build(manifests, design, clusterName())));
  }

  /** The {@code cluster} section: the cluster stack, applying {@link #charts()} unless manifests are GitOps. */
  private void buildCluster() {
    if (landscape.spec().cluster().isEmpty()) {
      return;
    }
    ClusterSpec c = landscape.spec().cluster().get();
    this.clusterStack = stack("cluster", "the EKS cluster and its controllers (AWS Load Balancer"
        + " Controller, Karpenter" + (c.mesh() == ServiceMesh.ISTIO ? ", Istio" : "") + ")");
    this.cluster = guard("cluster", () -> new ZonalCluster(clusterStack, "Cluster", ZonalClusterProps.builder()
        .clusterName(clusterName())
        .version(landscape.spec().kubernetesVersion())
        .vpc(network.vpc())
        .endpoint(c.endpoint())
        .systemNodes(c.systemNodes())
        .mesh(c.mesh())
        .charts(c.manifests() == ManifestDelivery.GITOPS ? List.of() : charts)
        .build()));
  }

  /**
   * The cost-lint findings that choices written in the landscape produce, suppressed with a reason that
   * names the field: a written choice is honoured (the synth warns once with its cost), never failed by
   * the project's own lint.
   */
  private void suppressWrittenChoices() {
    for (LandscapeDesign.Suppression s : design.suppressions()) {
      NagPackSuppression.Builder builder = NagPackSuppression.builder().id(s.rule()).reason(s.reason());
      if (!s.appliesTo().isEmpty()) {
        builder.appliesTo(new ArrayList<Object>(s.appliesTo()));   // an empty list would match no finding
      }
      NagPackSuppression suppression = builder.build();
      switch (s.target()) {
        case NETWORK -> NagSuppressions.addResourceSuppressions(network, List.of(suppression), true);
        case INTERCONNECT -> {
          if (interconnect != null) {
            NagSuppressions.addResourceSuppressions(interconnect, List.of(suppression), true);
          }
        }
        case CLUSTER -> {
          if (cluster != null) {
            NagSuppressions.addResourceSuppressions(cluster, List.of(suppression), true);
          }
        }
        case MANIFESTS -> {
          if (clusterStack != null) {
            NagSuppressions.addStackSuppressions(clusterStack, List.of(suppression), true);
          }
        }
        default -> throw new IllegalStateException(s.target().name());
      }
    }
  }

  /** {@return the cluster stack ({@code <name>-cluster}); empty without a {@code cluster} section} */
  public Optional<Stack> clusterStack() {
    return Optional.ofNullable(clusterStack);
  }

  /** {@return the EKS cluster and its controllers; empty without a {@code cluster} section} */
  public Optional<ZonalCluster> cluster() {
    return Optional.ofNullable(cluster);
  }

  /** {@return the Kubernetes charts of the landscape, in the order they are applied} */
  public List<org.cdk8s.Chart> charts() {
    return Collections.unmodifiableList(charts);
  }

  /**
   * Creates one of the landscape's stacks in the landscape's region.
   *
   * @param concern     the stack-name suffix, e.g. {@code network}
   * @param description what the stack holds
   * @return the stack
   */
  protected Stack stack(String concern, String description) {
    LandscapeSpec spec = landscape.spec();
    // a direct child of the app (or stage): its path is its name, which the CDK CLI selects it by
    // (cdk synth shop-network); logical ids are relative to the stack and do not depend on it
    Stack stack = new Stack(Stage.of(this), spec.name() + "-" + concern, StackProps.builder()
        .stackName(spec.name() + "-" + concern)
        .description("Zonewise landscape " + spec.name() + ": " + description)
        .env(Environment.builder().account(spec.account().orElse(null)).region(spec.region()).build())
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
    } catch (InvalidValue e) {
      // a construct's props refused a value: the props' property under the landscape field that set it
      throw new LandscapeException(field + "." + e.property(), e.value(), e.problem());
    } catch (JsiiException | IllegalArgumentException e) {
      throw new LandscapeException(field, e);
    }
  }

  /**
   * {@return what the synth says about node pools without a {@code cluster} section} Whose cluster they
   * are for, and that the private subnets carry their discovery tag; empty with a cluster or without node
   * pools.
   */
  public Optional<String> nodePoolsNote() {
    return design().nodePoolsNote();
  }

  /** {@return the EKS cluster's name: the landscape's name} */
  public String clusterName() {
    return landscape.spec().name();
  }

  /** {@return the checked landscape this was built from} */
  public ValidatedLandscape landscape() {
    return landscape;
  }

  /** {@return the props this was built with} */
  public LandscapeProps props() {
    return props;
  }

  /** {@return the network stack} */
  public Stack networkStack() {
    return networkStack;
  }

  /** {@return the cluster VPC} */
  public ZonalVpc network() {
    return network;
  }

  /**
   * {@return how the cluster VPC reaches its peers and what it costs; empty without an {@code interconnect}
   * section}
   */
  public Optional<InterconnectDecision> interconnectDecision() {
    return design.interconnect();
  }

  /** {@return every choice the landscape left open, as decided before the constructs were built} */
  public LandscapeDesign design() {
    return design;
  }

  /** {@return the prices the design was decided with} */
  public PriceBook priceBook() {
    return priceBook;
  }

  /**
   * {@return the peer VPCs and their peering or Transit Gateway; empty without an {@code interconnect}
   * section}
   */
  public Optional<VpcInterconnect> interconnect() {
    return Optional.ofNullable(interconnect);
  }

  /** {@return Athena over the flow-log archive; empty when {@code network.flowLogs.destination} is {@code cloudwatch}} */
  public Optional<FlowLogAnalytics> flowLogAnalytics() {
    return Optional.ofNullable(flowLogAnalytics);
  }

  /** {@return the registry stack {@code <name>-registry}; empty without a {@code registry} section} */
  public Optional<Stack> registryStack() {
    return Optional.ofNullable(registryStack);
  }

  /**
   * {@return the repositories and their replication in the home region; empty without a {@code registry}
   * section}
   */
  public Optional<ImageRegistry> registry() {
    return Optional.ofNullable(registry);
  }

  /** {@return the replica regions' repositories, by region} */
  public Map<String, ImageRegistry> replicaRegistries() {
    return java.util.Collections.unmodifiableMap(replicaRegistries);
  }

  /** {@return every stack of the landscape, in creation order} */
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
