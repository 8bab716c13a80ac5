package io.github.zonewise.cluster;

import io.github.zonewise.facts.JsonObjects;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.services.eks_v2.AccessEntry;
import software.amazon.awscdk.services.eks_v2.AccessEntryType;
import software.amazon.awscdk.services.eks_v2.Cluster;
import software.amazon.awscdk.services.eks_v2.HelmChart;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SqsQueue;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;
import software.constructs.IDependable;

/**
 * Karpenter's AWS side and its Helm release, as in Karpenter's own reference template
 * ({@code cloudformation.yaml} of release 1.14):
 * <ul>
 *   <li>the node role {@link KarpenterNames#nodeRoleName(String)} (the EC2NodeClass's {@code spec.role};
 *       Karpenter creates the instance profiles for it) and its EKS access entry ({@code EC2_LINUX});</li>
 *   <li>the controller role, bound to the {@code kube-system/karpenter} service account through EKS Pod
 *       Identity, with the reference template's scoped policies (node lifecycle, instance profiles,
 *       EKS endpoint discovery, interruption queue, zonal shift, resource discovery);</li>
 *   <li>the SQS interruption queue {@link KarpenterNames#interruptionQueueName(String)} and the
 *       EventBridge rules that feed it (health, spot interruption, rebalance, state change,
 *       capacity-reservation interruption);</li>
 *   <li>the discovery tag {@link KarpenterNames#DISCOVERY_TAG} on the EKS-created cluster security group
 *       (the private subnets carry it from the network stack);</li>
 *   <li>the Helm chart {@value #CHART_VERSION} from {@value #CHART_REPOSITORY}.</li>
 * </ul>
 * Created by {@link ZonalCluster}.
 */
public final class KarpenterController extends Construct {

  /** The Karpenter Helm chart version installed (pinned). */
  public static final String CHART_VERSION = "1.14.1";

  /** The Karpenter Helm chart's OCI repository (public ECR). */
  public static final String CHART_REPOSITORY = "oci://public.ecr.aws/karpenter/karpenter";

  /** The EventBridge rules feeding the interruption queue: construct id and EC2/Health detail type. */
  static final Map<String, String[]> RULES = rules();

  private final Role nodeRole;
  private final Queue interruptionQueue;
  private final PodIdentity podIdentity;
  private final HelmChart chart;

  /**
   * Creates Karpenter's AWS side and installs the chart.
   *
   * @param scope       the parent
   * @param id          the construct id
   * @param cluster     the cluster
   * @param clusterName the cluster's name (a plain string, not a token)
   * @param capacity    what must exist before the chart is installed (the system nodes)
   */
  KarpenterController(Construct scope, String id, Cluster cluster, String clusterName, List<IDependable> capacity) {
    super(scope, id);
    String partition = Aws.PARTITION;
    String region = Aws.REGION;
    String account = Aws.ACCOUNT_ID;

    this.nodeRole = Role.Builder.create(this, "NodeRole")
        .roleName(KarpenterNames.nodeRoleName(clusterName))
        .description("Nodes Karpenter launches for cluster " + clusterName)
        .assumedBy(new ServicePrincipal("ec2.amazonaws.com"))
        .managedPolicies(List.of(
            ManagedPolicy.fromAwsManagedPolicyName("AmazonEKS_CNI_Policy"),
            ManagedPolicy.fromAwsManagedPolicyName("AmazonEKSWorkerNodePolicy"),
            ManagedPolicy.fromAwsManagedPolicyName("AmazonEC2ContainerRegistryPullOnly"),
            ManagedPolicy.fromAwsManagedPolicyName("AmazonSSMManagedInstanceCore")))
        .build();
    NagSuppressions.addResourceSuppressions(nodeRole, List.of(NagPackSuppression.builder().id("AwsSolutions-IAM4")
        .reason("The node role of Karpenter's reference template: the AWS managed node policies (kubelet, VPC CNI,"
            + " ECR pulls, SSM) are what EKS requires of a node and AWS keeps them current with new APIs")
        .build()));
    AccessEntry.Builder.create(this, "NodeAccessEntry")
        .cluster(cluster)
        .principal(nodeRole.getRoleArn())
        .accessEntryType(AccessEntryType.EC2_LINUX)
        .accessPolicies(List.of())
        .build();

    this.interruptionQueue = Queue.Builder.create(this, "InterruptionQueue")
        .queueName(KarpenterNames.interruptionQueueName(clusterName))
        .retentionPeriod(Duration.seconds(300))
        .encryption(QueueEncryption.SQS_MANAGED)
        .enforceSsl(true)
        .build();
    NagSuppressions.addResourceSuppressions(interruptionQueue, List.of(NagPackSuppression.builder()
        .id("AwsSolutions-SQS3")
        .reason("Interruption events are stale after five minutes (retention 300 s as in Karpenter's reference"
            + " template); a dead-letter queue would keep events nobody may act on")
        .build()));
    SqsQueue target = new SqsQueue(interruptionQueue);
    RULES.forEach((ruleId, pattern) -> Rule.Builder.create(this, ruleId)
        .description("Karpenter interruption handling for cluster " + clusterName + ": " + pattern[1])
        .eventPattern(EventPattern.builder().source(List.of(pattern[0])).detailType(List.of(pattern[1])).build())
        .targets(List.of(target))
        .build());

    tagClusterSecurityGroup(cluster, clusterName, partition, region, account);

    this.podIdentity = new PodIdentity(this, "PodIdentity", cluster, KarpenterNames.NAMESPACE, KarpenterNames.SERVICE_ACCOUNT);
    Policy policy = Policy.Builder.create(this, "ControllerPolicy")
        .document(PolicyDocument.fromJson(controllerPolicy(clusterName, partition, region, account,
            nodeRole.getRoleArn(), interruptionQueue.getQueueArn())))
        .roles(List.of(podIdentity.role()))
        .build();
    NagSuppressions.addResourceSuppressions(policy, List.of(NagPackSuppression.builder().id("AwsSolutions-IAM5")
        .reason("Karpenter's reference controller policy (release 1.14): instance, fleet, launch-template and"
            + " instance-profile ARNs are not known before Karpenter creates them, so they are matched by"
            + " wildcard and scoped by the cluster's ownership tags; Describe*, pricing and SSM reads take no"
            + " resource-level permissions and are limited to the region")
        .build()));

    this.chart = HelmChart.Builder.create(this, "Resource")
        .cluster(cluster)
        .chart("karpenter")
        .repository(CHART_REPOSITORY)
        .version(CHART_VERSION)
        .release("karpenter")
        .namespace(KarpenterNames.NAMESPACE)
        .createNamespace(false)
        .wait(true)
        .timeout(Duration.minutes(15))
        .values(JsonObjects.of(
            "settings", JsonObjects.of(
                "clusterName", clusterName,
                "interruptionQueue", interruptionQueue.getQueueName()),
            "serviceAccount", JsonObjects.of("create", true, "name", KarpenterNames.SERVICE_ACCOUNT)))
        .build();
    chart.getNode().addDependency(podIdentity, policy);
    capacity.forEach(c -> chart.getNode().addDependency(c));
  }

  private void tagClusterSecurityGroup(Cluster cluster, String clusterName, String partition, String region,
      String account) {
    String groupId = cluster.getClusterSecurityGroupId();
    Map<String, Object> tag = JsonObjects.of("Key", KarpenterNames.DISCOVERY_TAG,
        "Value", KarpenterNames.discoveryValue(clusterName));
    AwsSdkCall create = AwsSdkCall.builder()
        .service("EC2").action("createTags")
        .parameters(JsonObjects.of("Resources", List.of(groupId), "Tags", List.of(tag)))
        .physicalResourceId(PhysicalResourceId.of(groupId))
        .build();
    AwsSdkCall delete = AwsSdkCall.builder()
        .service("EC2").action("deleteTags")
        .parameters(JsonObjects.of("Resources", List.of(groupId), "Tags", List.of(JsonObjects.of("Key", KarpenterNames.DISCOVERY_TAG))))
        .build();
    AwsCustomResource.Builder.create(this, "SecurityGroupDiscoveryTag")
        .resourceType("Custom::SecurityGroupTag")
        .onCreate(create)
        .onUpdate(create)
        .onDelete(delete)
        .installLatestAwsSdk(false)
        .policy(AwsCustomResourcePolicy.fromStatements(List.of(PolicyStatement.Builder.create()
            .actions(List.of("ec2:CreateTags", "ec2:DeleteTags"))
            .resources(List.of("arn:" + partition + ":ec2:" + region + ":" + account + ":security-group/" + groupId))
            .build())))
        .build();
  }

  private static Map<String, String[]> rules() {
    Map<String, String[]> rules = new LinkedHashMap<>();
    rules.put("ScheduledChangeRule", new String[] {"aws.health", "AWS Health Event"});
    rules.put("SpotInterruptionRule", new String[] {"aws.ec2", "EC2 Spot Instance Interruption Warning"});
    rules.put("RebalanceRule", new String[] {"aws.ec2", "EC2 Instance Rebalance Recommendation"});
    rules.put("InstanceStateChangeRule", new String[] {"aws.ec2", "EC2 Instance State-change Notification"});
    rules.put("CapacityReservationInterruptionRule",
        new String[] {"aws.ec2", "EC2 Capacity Reservation Instance Interruption Warning"});
    return java.util.Collections.unmodifiableMap(rules);
  }

  /**
   * The controller policy of Karpenter's reference template (release 1.14), as one document.
   */
  static Map<String, Object> controllerPolicy(String cluster, String partition, String region, String account,
      String nodeRoleArn, String queueArn) {
    String ec2 = "arn:" + partition + ":ec2:" + region;
    String owned = "aws:RequestTag/kubernetes.io/cluster/" + cluster;
    String ownedResource = "aws:ResourceTag/kubernetes.io/cluster/" + cluster;
    String profiles = "arn:" + partition + ":iam::" + account + ":instance-profile/*";
    String clusterArn = "arn:" + partition + ":eks:" + region + ":" + account + ":cluster/" + cluster;
    List<String> taggedOnLaunch = List.of(ec2 + ":*:fleet/*", ec2 + ":*:instance/*", ec2 + ":*:volume/*",
        ec2 + ":*:network-interface/*", ec2 + ":*:launch-template/*", ec2 + ":*:spot-instances-request/*");
    List<Object> statements = List.of(
        statement("AllowScopedEC2InstanceAccessActions", List.of("ec2:RunInstances", "ec2:CreateFleet"),
            List.of("arn:" + partition + ":ec2:" + region + "::image/*",
                "arn:" + partition + ":ec2:" + region + "::snapshot/*",
                ec2 + ":*:security-group/*", ec2 + ":*:subnet/*", ec2 + ":*:capacity-reservation/*",
                ec2 + ":*:placement-group/*"),
            null),
        statement("AllowScopedEC2LaunchTemplateAccessActions", List.of("ec2:RunInstances", "ec2:CreateFleet"),
            List.of(ec2 + ":*:launch-template/*"),
            JsonObjects.of("StringEquals", JsonObjects.of(ownedResource, "owned"),
                "StringLike", JsonObjects.of("aws:ResourceTag/karpenter.sh/nodepool", "*"))),
        statement("AllowScopedEC2InstanceActionsWithTags",
            List.of("ec2:RunInstances", "ec2:CreateFleet", "ec2:CreateLaunchTemplate"), taggedOnLaunch,
            JsonObjects.of("StringEquals", JsonObjects.of(owned, "owned", "aws:RequestTag/eks:eks-cluster-name", cluster),
                "StringLike", JsonObjects.of("aws:RequestTag/karpenter.sh/nodepool", "*"))),
        statement("AllowScopedResourceCreationTagging", List.of("ec2:CreateTags"), taggedOnLaunch,
            JsonObjects.of("StringEquals", JsonObjects.of(owned, "owned", "aws:RequestTag/eks:eks-cluster-name", cluster,
                    "ec2:CreateAction", List.of("RunInstances", "CreateFleet", "CreateLaunchTemplate")),
                "StringLike", JsonObjects.of("aws:RequestTag/karpenter.sh/nodepool", "*"))),
        statement("AllowScopedResourceTagging", List.of("ec2:CreateTags"), List.of(ec2 + ":*:instance/*"),
            JsonObjects.of("StringEquals", JsonObjects.of(ownedResource, "owned"),
                "StringLike", JsonObjects.of("aws:ResourceTag/karpenter.sh/nodepool", "*"),
                "StringEqualsIfExists", JsonObjects.of("aws:RequestTag/eks:eks-cluster-name", cluster),
                "ForAllValues:StringEquals", JsonObjects.of("aws:TagKeys",
                    List.of("eks:eks-cluster-name", "karpenter.sh/nodeclaim", "Name")))),
        statement("AllowScopedDeletion", List.of("ec2:TerminateInstances", "ec2:DeleteLaunchTemplate"),
            List.of(ec2 + ":*:instance/*", ec2 + ":*:launch-template/*"),
            JsonObjects.of("StringEquals", JsonObjects.of(ownedResource, "owned"),
                "StringLike", JsonObjects.of("aws:ResourceTag/karpenter.sh/nodepool", "*"))),
        statement("AllowPassingInstanceRole", List.of("iam:PassRole"), List.of(nodeRoleArn),
            JsonObjects.of("StringEquals", JsonObjects.of("iam:PassedToService", List.of("ec2.amazonaws.com", "ec2.amazonaws.com.cn")))),
        statement("AllowScopedInstanceProfileCreationActions", List.of("iam:CreateInstanceProfile"), List.of(profiles),
            JsonObjects.of("StringEquals", JsonObjects.of(owned, "owned", "aws:RequestTag/eks:eks-cluster-name", cluster,
                    "aws:RequestTag/topology.kubernetes.io/region", region),
                "StringLike", JsonObjects.of("aws:RequestTag/karpenter.k8s.aws/ec2nodeclass", "*"))),
        statement("AllowScopedInstanceProfileTagActions", List.of("iam:TagInstanceProfile"), List.of(profiles),
            JsonObjects.of("StringEquals", JsonObjects.of(ownedResource, "owned",
                    "aws:ResourceTag/topology.kubernetes.io/region", region,
                    owned, "owned", "aws:RequestTag/eks:eks-cluster-name", cluster,
                    "aws:RequestTag/topology.kubernetes.io/region", region),
                "StringLike", JsonObjects.of("aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass", "*",
                    "aws:RequestTag/karpenter.k8s.aws/ec2nodeclass", "*"))),
        statement("AllowScopedInstanceProfileActions",
            List.of("iam:AddRoleToInstanceProfile", "iam:RemoveRoleFromInstanceProfile", "iam:DeleteInstanceProfile"),
            List.of(profiles),
            JsonObjects.of("StringEquals", JsonObjects.of(ownedResource, "owned",
                    "aws:ResourceTag/topology.kubernetes.io/region", region),
                "StringLike", JsonObjects.of("aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass", "*"))),
        statement("AllowAPIServerEndpointDiscovery", List.of("eks:DescribeCluster"), List.of(clusterArn), null),
        statement("AllowInterruptionQueueActions", List.of("sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage"),
            List.of(queueArn), null),
        statement("AllowZonalShiftStatusReadOnly", List.of("arc-zonal-shift:GetManagedResource"), List.of("*"),
            JsonObjects.of("StringEquals", JsonObjects.of("arc-zonal-shift:ResourceIdentifier", clusterArn))),
        statement("AllowRegionalReadActions", List.of("ec2:DescribeCapacityReservations", "ec2:DescribeImages",
                "ec2:DescribeInstances", "ec2:DescribeInstanceStatus", "ec2:DescribeInstanceTypeOfferings",
                "ec2:DescribeInstanceTypes", "ec2:DescribeLaunchTemplates", "ec2:DescribePlacementGroups",
                "ec2:DescribeSecurityGroups", "ec2:DescribeSpotPriceHistory", "ec2:DescribeSubnets"),
            List.of("*"), JsonObjects.of("StringEquals", JsonObjects.of("aws:RequestedRegion", region))),
        statement("AllowSSMReadActions", List.of("ssm:GetParameter"),
            List.of("arn:" + partition + ":ssm:" + region + "::parameter/aws/service/*"), null),
        statement("AllowPricingReadActions", List.of("pricing:GetProducts"), List.of("*"), null),
        statement("AllowUnscopedInstanceProfileListAction", List.of("iam:ListInstanceProfiles"), List.of("*"), null),
        statement("AllowInstanceProfileReadActions", List.of("iam:GetInstanceProfile"), List.of(profiles), null));
    return JsonObjects.of("Version", "2012-10-17", "Statement", statements);
  }

  private static Map<String, Object> statement(String sid, List<String> actions, List<String> resources,
      Map<String, Object> condition) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("Sid", sid);
    s.put("Effect", "Allow");
    s.put("Action", actions);
    s.put("Resource", resources);
    if (condition != null) {
      s.put("Condition", condition);
    }
    return s;
  }

  /** {@return the node role ({@link KarpenterNames#nodeRoleName(String)})} */
  public Role nodeRole() {
    return nodeRole;
  }

  /** {@return the interruption queue ({@link KarpenterNames#interruptionQueueName(String)})} */
  public Queue interruptionQueue() {
    return interruptionQueue;
  }

  /** {@return the controller's EKS Pod Identity: its role is the controller role} */
  public PodIdentity podIdentity() {
    return podIdentity;
  }

  /** {@return the Helm release} */
  public HelmChart chart() {
    return chart;
  }
}
