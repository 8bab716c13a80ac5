package io.github.zonewise.cluster;

import io.github.zonewise.facts.AwsRegions;
import io.github.zonewise.facts.KubernetesVersions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import io.github.zonewise.registry.RegistryImages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cdk.lambdalayer.kubectl.v32.KubectlV32Layer;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.InstanceArchitecture;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.eks_v2.Cluster;
import software.amazon.awscdk.services.eks_v2.ClusterLoggingTypes;
import software.amazon.awscdk.services.eks_v2.DefaultCapacityType;
import software.amazon.awscdk.services.eks_v2.EndpointAccess;
import software.amazon.awscdk.services.eks_v2.KubectlProviderOptions;
import software.amazon.awscdk.services.eks_v2.KubernetesManifest;
import software.amazon.awscdk.services.eks_v2.KubernetesVersion;
import software.amazon.awscdk.services.eks_v2.Nodegroup;
import software.amazon.awscdk.services.eks_v2.NodegroupAmiType;
import software.amazon.awscdk.services.eks_v2.NodegroupOptions;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;
import software.constructs.IConstruct;
import software.constructs.IDependable;

/**
 * An EKS cluster (aws-cdk-lib {@code aws-eks-v2}) laid out for zonal traffic, with the controllers
 * the locality layer needs:
 * <ul>
 *   <li>the control plane's ENIs in the private subnet of every AZ, API endpoint private (or private
 *       plus a public endpoint restricted to given CIDRs), control-plane logs api, audit and
 *       authenticator;</li>
 *   <li>one managed node group per AZ ({@code SystemNodesA}, {@code SystemNodesB}, …) of
 *       {@link SystemNodes#perAz()} nodes for the controllers, so every AZ keeps its count;</li>
 *   <li>the {@link LoadBalancerController}, {@link KarpenterController} and, for
 *       {@link ServiceMesh#ISTIO}, {@link IstioMesh}, each with least-privilege IAM through EKS Pod
 *       Identity;</li>
 *   <li>the cdk8s {@link ZonalClusterProps#charts() charts}, applied in order after the controllers
 *       through the kubectl provider ({@code addCdk8sChart}). Image URIs that carry
 *       {@link RegistryImages#ACCOUNT_PLACEHOLDER} (a landscape without {@code account}) get the
 *       deploying account's id at deploy time.</li>
 * </ul>
 * The kubectl provider runs kubectl and Helm from the {@code cdk-lambda-layer-kubectl-v32} layer
 * (kubectl 1.32, Helm 3) in the private subnets; see the README for the version skew.
 *
 * <pre>{@code
 * ZonalCluster cluster = new ZonalCluster(stack, "Cluster", ZonalClusterProps.builder()
 *     .clusterName("shop")
 *     .vpc(network.vpc())
 *     .mesh(ServiceMesh.ISTIO)
 *     .build());
 * }</pre>
 */
public class ZonalCluster extends Construct {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The construct id aws-cdk-lib gives the stack-wide function behind every {@code AwsCustomResource}. */
  private static final String AWS_CUSTOM_RESOURCE_SINGLETON = "AWS679f53fac002430cb0da5b7982bd2287";

  private final ZonalClusterProps props;
  private final Cluster cluster;
  private final Map<String, Nodegroup> systemNodeGroups = new LinkedHashMap<>();
  private final LoadBalancerController loadBalancerController;
  private final KarpenterController karpenter;
  private final IstioMesh istio;
  private final List<KubernetesManifest> manifests = new ArrayList<>();

  /**
   * Creates the cluster, its system nodes and controllers, and applies the charts.
   *
   * @param scope the parent, inside a stack
   * @param id    the construct id
   * @param props the properties
   * @throws IllegalArgumentException for a version EKS does not know, a cluster name too long for
   *                                  Karpenter's node role, or no subnets
   */
  public ZonalCluster(Construct scope, String id, ZonalClusterProps props) {
    super(scope, id);
    this.props = props;
    check(props);
    String name = props.clusterName();
    List<ISubnet> subnets = props.subnets() != null ? props.subnets() : props.vpc().getPrivateSubnets();
    if (subnets.isEmpty()) {
      throw new IllegalArgumentException("cluster " + name + ": the VPC has no private subnets; give subnets()"
          + " or a VPC with a private subnet in every AZ");
    }

    ClusterEndpoint endpoint = props.endpoint();
    this.cluster = Cluster.Builder.create(this, "Resource")
        .clusterName(name)
        .version(KubernetesVersion.of(props.version()))
        .vpc(props.vpc())
        .vpcSubnets(List.of(SubnetSelection.builder().subnets(subnets).build()))
        .endpointAccess(endpoint.hasPublicEndpoint()
            ? EndpointAccess.PUBLIC_AND_PRIVATE.onlyFrom(endpoint.publicCidrs().toArray(String[]::new))
            : EndpointAccess.PRIVATE)
        .defaultCapacityType(DefaultCapacityType.NODEGROUP)
        .defaultCapacity(0)
        .clusterLogging(ControlPlaneLogs.TYPES.stream()
            .map(type -> ClusterLoggingTypes.valueOf(type.toUpperCase(java.util.Locale.ROOT))).toList())
        .kubectlProviderOptions(KubectlProviderOptions.builder()
            .kubectlLayer(new KubectlV32Layer(this, "Kubectl"))
            .build())
        .build();
    // the ZonalVpc tags its subnets itself; the imported IVpc's subnets cannot be tagged by the cluster
    software.amazon.awscdk.Annotations.of(cluster).acknowledgeWarning("@aws-cdk/aws-eks:clusterMustManuallyTagSubnet",
        "the subnets carry kubernetes.io/role/elb and kubernetes.io/role/internal-elb from ZonalVpc");
    suppressClusterFindings(endpoint);

    List<IDependable> capacity = addSystemNodes(subnets, props.systemNodes());
    this.loadBalancerController = new LoadBalancerController(this, "LoadBalancerController", cluster, name, capacity);
    this.karpenter = new KarpenterController(this, "Karpenter", cluster, name, capacity);
    this.istio = props.mesh() == ServiceMesh.ISTIO ? new IstioMesh(this, "Istio", cluster, capacity) : null;
    capacity.forEach(c -> cluster.getEksPodIdentityAgent().getNode().addDependency(c));

    List<IDependable> controllers = new ArrayList<>(List.of(loadBalancerController.chart(), karpenter.chart()));
    if (istio != null) {
      controllers.add(istio.istiod());
    }
    applyCharts(props.charts(), controllers);
    suppressLibraryFindings();
  }

  private static void check(ZonalClusterProps p) {
    KubernetesVersions.checkOffered("version", p.version(), KubernetesVersions.today());
    KarpenterNames.checkClusterName("clusterName", p.clusterName());
  }


  private List<IDependable> addSystemNodes(List<ISubnet> subnets, SystemNodes nodes) {
    InstanceType type = new InstanceType(nodes.instanceType());
    NodegroupAmiType ami = type.getArchitecture() == InstanceArchitecture.ARM_64
        ? NodegroupAmiType.AL2023_ARM_64_STANDARD : NodegroupAmiType.AL2023_X86_64_STANDARD;
    Role role = Role.Builder.create(this, "SystemNodeRole")
        .description("System nodes of cluster " + props.clusterName())
        .assumedBy(new ServicePrincipal("ec2.amazonaws.com"))
        .managedPolicies(List.of(
            ManagedPolicy.fromAwsManagedPolicyName("AmazonEKSWorkerNodePolicy"),
            ManagedPolicy.fromAwsManagedPolicyName("AmazonEKS_CNI_Policy"),
            ManagedPolicy.fromAwsManagedPolicyName("AmazonEC2ContainerRegistryPullOnly")))
        .build();
    NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder().id("AwsSolutions-IAM4")
        .reason("The node policies EKS requires of a managed node group's role (kubelet, VPC CNI, ECR pulls);"
            + " AWS keeps them current with new APIs")
        .build()));
    List<IDependable> groups = new ArrayList<>();
    for (ISubnet subnet : subnets) {
      String zone = subnet.getAvailabilityZone();
      Nodegroup group = cluster.addNodegroupCapacity("SystemNodes" + AwsRegions.zoneLetter(zone), NodegroupOptions.builder()
          .instanceTypes(List.of(type))
          .amiType(ami)
          .nodeRole(role)
          .minSize(nodes.perAz())
          .desiredSize(nodes.perAz())
          .maxSize(nodes.perAz())
          .subnets(SubnetSelection.builder().subnets(List.of(subnet)).build())
          .labels(Map.of("zonewise.io/node-role", "system"))
          .build());
      systemNodeGroups.put(zone, group);
      groups.add(group);
    }
    return groups;
  }

  private void suppressClusterFindings(ClusterEndpoint endpoint) {
    List<NagPackSuppression> suppressions = new ArrayList<>();
    suppressions.add(NagPackSuppression.builder().id("AwsSolutions-EKS2")
        .reason("Control-plane logs api, audit and authenticator are on; controllerManager and scheduler are off:"
            + " they are verbose, billed at $0.50/GB ingested by CloudWatch Logs, and only needed while debugging")
        .build());
    if (endpoint.hasPublicEndpoint()) {
      suppressions.add(NagPackSuppression.builder().id("AwsSolutions-EKS1")
          .reason("The landscape asks for a public endpoint (privateAndRestrictedPublic), restricted to "
              + endpoint.publicCidrs() + "; nodes use the private endpoint")
          .build());
    }
    NagSuppressions.addResourceSuppressions(cluster, suppressions);
  }

  /**
   * Suppresses, each on the construct it is about and with its reason, the cdk-nag findings on
   * what aws-cdk-lib creates for the cluster and cannot be configured otherwise.
   */
  private void suppressLibraryFindings() {
    String basic = "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
    String vpcAccess = "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole";
    suppress((Construct) cluster.getRole(), "AwsSolutions-IAM4",
        "The EKS cluster role of aws-eks-v2: AmazonEKSClusterPolicy is the policy EKS requires of a cluster role,"
            + " kept current by AWS with the EKS API",
        List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEKSClusterPolicy"));
    Construct provider = (Construct) cluster.getNode().findChild("KubectlProvider");
    suppress(child(provider, "Handler"), "AwsSolutions-L1",
        "aws-cdk-lib's kubectl provider sets its Python runtime to match the kubectl and Helm binaries of the"
            + " kubectl layer; it moves with aws-cdk-lib upgrades", null);
    suppress(child(provider, "Handler/ServiceRole"), "AwsSolutions-IAM4",
        "aws-cdk-lib's kubectl provider: Lambda logging and VPC network interfaces for a function in the private"
            + " subnets, and read-only ECR (private and public) to pull Helm charts from OCI registries",
        List.of(basic, vpcAccess, "Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
            RegexAppliesTo.builder().regex("/^Policy::.*AmazonElasticContainerRegistryPublicReadOnly.*$/g").build()));
    suppress(child(provider, "Provider/framework-onEvent/ServiceRole"), "AwsSolutions-IAM4",
        "aws-cdk-lib's custom-resource provider framework: Lambda logging and VPC network interfaces",
        List.of(basic, vpcAccess));
    suppress(child(provider, "Provider/framework-onEvent/ServiceRole/DefaultPolicy"), "AwsSolutions-IAM5",
        "aws-cdk-lib's custom-resource provider framework invokes the kubectl handler function and its versions"
            + " (lambda:InvokeFunction on <function arn>:*)",
        List.of(RegexAppliesTo.builder().regex("/^Resource::<.*KubectlProviderHandler.*\\.Arn>:\\*$/g").build()));
    IConstruct tagger = Stack.of(this).getNode().tryFindChild(AWS_CUSTOM_RESOURCE_SINGLETON);
    if (tagger instanceof Construct c) {
      suppress(child(c, "ServiceRole"), "AwsSolutions-IAM4",
          "aws-cdk-lib's AwsCustomResource function (it puts Karpenter's discovery tag on the EKS cluster security"
              + " group) writes its logs with AWSLambdaBasicExecutionRole", List.of(basic));
    }
  }

  private static Construct child(Construct root, String path) {
    Construct c = root;
    for (String id : path.split("/")) {
      c = (Construct) c.getNode().findChild(id);
    }
    return c;
  }

  private static void suppress(Construct construct, String rule, String reason, List<?> appliesTo) {
    NagPackSuppression.Builder b = NagPackSuppression.builder().id(rule).reason(reason);
    if (appliesTo != null) {
      b.appliesTo(appliesTo);
    }
    NagSuppressions.addResourceSuppressions(construct, List.of(b.build()));
  }

  private void applyCharts(List<org.cdk8s.Chart> charts, List<IDependable> controllers) {
    KubernetesManifest previous = null;
    for (org.cdk8s.Chart chart : charts) {
      String id = "Manifest" + pascal(chart.getNode().getId());
      List<Object> objects = chart.toJson();
      KubernetesManifest manifest;
      if (mentionsAccountPlaceholder(objects)) {
        // the same scope and id as addCdk8sChart, so the logical id does not depend on the placeholder
        manifest = KubernetesManifest.Builder.create(cluster, id)
            .cluster(cluster)
            .manifest(objects.stream().map(o -> {
              @SuppressWarnings("unchecked")
              Map<String, Object> resolved = (Map<String, Object>) withDeployingAccount(o);
              return resolved;
            }).toList())
            .build();
      } else {
        manifest = cluster.addCdk8sChart(id, chart);
      }
      controllers.forEach(c -> manifest.getNode().addDependency(c));
      if (previous != null) {
        manifest.getNode().addDependency(previous);
      }
      manifests.add(manifest);
      previous = manifest;
    }
  }

  private static boolean mentionsAccountPlaceholder(List<Object> objects) {
    try {
      return JSON.writeValueAsString(objects).contains(RegistryImages.ACCOUNT_PLACEHOLDER);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("chart is not JSON", e);
    }
  }

  /**
   * Replaces {@link RegistryImages#ACCOUNT_PLACEHOLDER} in every string with the deploying account's
   * id ({@code AWS::AccountId}, resolved by CloudFormation).
   */
  @SuppressWarnings("unchecked")
  static Object withDeployingAccount(Object node) {
    if (node instanceof String s) {
      return s.replace(RegistryImages.ACCOUNT_PLACEHOLDER, Aws.ACCOUNT_ID);
    }
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put((String) k, withDeployingAccount(v)));
      return copy;
    }
    if (node instanceof List<?> l) {
      List<Object> copy = new ArrayList<>();
      l.forEach(v -> copy.add(withDeployingAccount(v)));
      return copy;
    }
    return node;
  }

  private static String pascal(String id) {
    StringBuilder sb = new StringBuilder();
    boolean upper = true;
    for (char c : id.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    return sb.toString();
  }

  /** {@return the props this was built with} */
  public ZonalClusterProps props() {
    return props;
  }

  /** {@return the aws-eks-v2 cluster} */
  public Cluster cluster() {
    return cluster;
  }

  /** {@return the system node groups, by AZ} */
  public Map<String, Nodegroup> systemNodeGroups() {
    return Collections.unmodifiableMap(systemNodeGroups);
  }

  /** {@return the AWS Load Balancer Controller} */
  public LoadBalancerController loadBalancerController() {
    return loadBalancerController;
  }

  /** {@return Karpenter's AWS side and release} */
  public KarpenterController karpenter() {
    return karpenter;
  }

  /** {@return Istio's releases; empty unless the mesh is {@link ServiceMesh#ISTIO}} */
  public Optional<IstioMesh> istio() {
    return Optional.ofNullable(istio);
  }

  /** {@return the manifests applied, one per chart, in order} */
  public List<KubernetesManifest> manifests() {
    return Collections.unmodifiableList(manifests);
  }

  /** {@return the stack the cluster is in} */
  public Stack stack() {
    return Stack.of(this);
  }
}
