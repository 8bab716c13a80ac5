package io.github.zonewise.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zonewise.landscape.Landscape;
import io.github.zonewise.test.Snapshots;
import io.github.zonewise.test.Synth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/** The cluster stack of the embedded default landscape ({@code shop}: eu-west-1, three AZs, Istio). */
class DefaultClusterTest {

  static Synth.Synthesized synth;
  static Template cluster;
  static JsonNode json;
  static Landscape landscape;
  static ZonalCluster zonal;
  static Stack stack;

  @BeforeAll
  static void synthesize() {
    synth = Synth.defaultLandscape();
    cluster = synth.template("cluster");
    json = synth.templateJson("cluster");
    landscape = synth.landscape();
    zonal = landscape.cluster().orElseThrow();
    stack = landscape.clusterStack().orElseThrow();
  }

  static String logicalId(IConstruct construct) {
    IConstruct c = construct;
    while (!(c instanceof CfnElement)) {
      c = c.getNode().getDefaultChild();
    }
    return Stack.of(c).getLogicalId((CfnElement) c);
  }

  static List<JsonNode> resources(String type) {
    List<JsonNode> found = new ArrayList<>();
    json.get("Resources").forEach(r -> {
      if (r.get("Type").asText().equals(type)) {
        found.add(r);
      }
    });
    return found;
  }

  @Test
  void clusterStackIsNamedAfterTheLandscape() {
    assertThat(stack.getStackName()).isEqualTo("shop-cluster");
  }

  @Test
  void controlPlaneIsInThePrivateSubnetOfEveryAz() {
    List<String> expected = landscape.network().privateSubnets().values().stream()
        .map(s -> landscape.networkStack().getLogicalId(s)).toList();
    JsonNode subnetIds = resources("AWS::EKS::Cluster").get(0).at("/Properties/ResourcesVpcConfig/SubnetIds");
    List<String> imported = new ArrayList<>();
    subnetIds.forEach(s -> imported.add(s.get("Fn::ImportValue").asText()));
    assertThat(imported).hasSize(3);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(imported.get(i)).startsWith("shop-network:ExportsOutputRef" + expected.get(i));
    }
  }

  @Test
  void clusterRunsTheDefaultVersion() {
    cluster.hasResourceProperties("AWS::EKS::Cluster", Map.of("Name", "shop", "Version", "1.35"));
  }

  @Test
  void apiEndpointIsPrivateOnly() {
    cluster.hasResourceProperties("AWS::EKS::Cluster", Map.of("ResourcesVpcConfig", Map.of(
        "EndpointPrivateAccess", true, "EndpointPublicAccess", false)));
  }

  @Test
  void autoModeIsOffAndControlPlaneLogsApiAuditAuthenticator() {
    cluster.hasResourceProperties("AWS::EKS::Cluster", Map.of(
        "ComputeConfig", Map.of("Enabled", false),
        "Logging", Map.of("ClusterLogging", Map.of("EnabledTypes", List.of(
            Map.of("Type", "api"), Map.of("Type", "audit"), Map.of("Type", "authenticator"))))));
  }

  @Test
  void oneSystemNodeGroupPerAzInThatAzsPrivateSubnet() {
    cluster.resourceCountIs("AWS::EKS::Nodegroup", 3);
    landscape.network().privateSubnets().forEach((zone, subnet) -> {
      String subnetRef = "shop-network:ExportsOutputRef" + landscape.networkStack().getLogicalId(subnet);
      String group = logicalId(zonal.systemNodeGroups().get(zone));
      JsonNode props = json.at("/Resources/" + group + "/Properties");
      assertThat(props.at("/Subnets/0/Fn::ImportValue").asText()).as(zone).startsWith(subnetRef);
      assertThat(props.get("Subnets")).as(zone).hasSize(1);
    });
  }

  @Test
  void systemNodesAreOneGravitonM7gLargePerAz() {
    cluster.allResourcesProperties("AWS::EKS::Nodegroup", Map.of(
        "InstanceTypes", List.of("m7g.large"),
        "AmiType", "AL2023_ARM_64_STANDARD",
        "ScalingConfig", Map.of("MinSize", 1, "DesiredSize", 1, "MaxSize", 1)));
  }

  @Test
  void loadBalancerControllerChartIsPinned() {
    cluster.hasResourceProperties("Custom::AWSCDK-EKS-HelmChart", Map.of(
        "Chart", "aws-load-balancer-controller",
        "Repository", "https://aws.github.io/eks-charts",
        "Version", "3.2.2",
        "Namespace", "kube-system"));
  }

  @Test
  void karpenterChartIsPinnedTo114() {
    cluster.hasResourceProperties("Custom::AWSCDK-EKS-HelmChart", Map.of(
        "Chart", "karpenter",
        "Repository", "oci://public.ecr.aws/karpenter/karpenter",
        "Version", "1.14.1",
        "Namespace", "kube-system"));
  }

  @Test
  void karpenterChartGetsClusterNameAndInterruptionQueue() {
    String queue = logicalId(zonal.karpenter().interruptionQueue());
    cluster.hasResourceProperties("Custom::AWSCDK-EKS-HelmChart", Map.of(
        "Chart", "karpenter",
        "Values", Map.of("Fn::Join", List.of("", List.of(
            "{\"settings\":{\"clusterName\":\"shop\",\"interruptionQueue\":\"",
            Map.of("Fn::GetAtt", List.of(queue, "QueueName")),
            "\"},\"serviceAccount\":{\"create\":true,\"name\":\"karpenter\"}}")))));
  }

  @Test
  void istioBaseAndIstiodArePinnedWhenTheMeshIsIstio() {
    cluster.hasResourceProperties("Custom::AWSCDK-EKS-HelmChart", Map.of(
        "Chart", "base", "Version", "1.30.4", "Namespace", "istio-system",
        "Repository", "https://istio-release.storage.googleapis.com/charts"));
    cluster.hasResourceProperties("Custom::AWSCDK-EKS-HelmChart", Map.of(
        "Chart", "istiod", "Version", "1.30.4", "Namespace", "istio-system"));
    assertThat(json.at("/Resources/" + logicalId(zonal.istio().orElseThrow().istiod()) + "/DependsOn").toString())
        .contains(logicalId(zonal.istio().orElseThrow().base()));
  }

  @Test
  void controllersGetTheirRolesThroughPodIdentity() {
    cluster.resourceCountIs("AWS::EKS::PodIdentityAssociation", 2);
    cluster.hasResourceProperties("AWS::EKS::PodIdentityAssociation", Map.of(
        "Namespace", "kube-system", "ServiceAccount", "aws-load-balancer-controller",
        "RoleArn", Map.of("Fn::GetAtt", List.of(logicalId(zonal.loadBalancerController().podIdentity().role()), "Arn"))));
    cluster.hasResourceProperties("AWS::EKS::PodIdentityAssociation", Map.of(
        "Namespace", "kube-system", "ServiceAccount", "karpenter",
        "RoleArn", Map.of("Fn::GetAtt", List.of(logicalId(zonal.karpenter().podIdentity().role()), "Arn"))));
    cluster.hasResourceProperties("AWS::EKS::Addon", Map.of("AddonName", "eks-pod-identity-agent"));
  }

  @Test
  void podIdentityRolesTrustOnlyTheEksPodsService() {
    cluster.hasResourceProperties("AWS::IAM::Role", Map.of(
        "AssumeRolePolicyDocument", Map.of("Statement", List.of(Map.of(
            "Action", List.of("sts:AssumeRole", "sts:TagSession"),
            "Effect", "Allow",
            "Principal", Map.of("Service", "pods.eks.amazonaws.com"))))));
  }

  @Test
  void controllerServiceAccountsCarryNoIrsaAnnotation() {
    assertThat(json.toString()).doesNotContain("eks.amazonaws.com/role-arn");
  }

  @Test
  void loadBalancerControllerPolicyIsTheControllersOwnTagConditionedPolicy() {
    String role = logicalId(zonal.loadBalancerController().podIdentity().role());
    cluster.hasResourceProperties("AWS::IAM::Policy", Map.of(
        "Roles", List.of(Map.of("Ref", role)),
        "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Action", List.of("elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"),
            "Condition", Map.of("Null", Map.of(
                "aws:RequestTag/elbv2.k8s.aws/cluster", "true",
                "aws:ResourceTag/elbv2.k8s.aws/cluster", "false")))))))));
  }

  @Test
  void interruptionQueueIsNamedAfterTheClusterAndKeepsEventsFiveMinutes() {
    cluster.hasResourceProperties("AWS::SQS::Queue", Map.of(
        "QueueName", KarpenterNames.interruptionQueueName("shop"),
        "MessageRetentionPeriod", 300,
        "SqsManagedSseEnabled", true));
  }

  @Test
  void fiveEventBridgeRulesFeedTheInterruptionQueue() {
    String queue = logicalId(zonal.karpenter().interruptionQueue());
    cluster.resourceCountIs("AWS::Events::Rule", 5);
    for (String[] pattern : KarpenterController.RULES.values()) {
      cluster.hasResourceProperties("AWS::Events::Rule", Map.of(
          "EventPattern", Map.of("source", List.of(pattern[0]), "detail-type", List.of(pattern[1])),
          "Targets", List.of(Match.objectLike(Map.of("Arn", Map.of("Fn::GetAtt", List.of(queue, "Arn")))))));
    }
  }

  @Test
  void interruptionQueueAcceptsEventsFromItsRulesOverTlsOnly() {
    cluster.hasResourceProperties("AWS::SQS::QueuePolicy", Map.of("PolicyDocument", Map.of("Statement",
        Match.arrayWith(List.of(
            Match.objectLike(Map.of("Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))),
            Match.objectLike(Map.of("Action", List.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"),
                "Principal", Map.of("Service", "events.amazonaws.com"))))))));
  }

  @Test
  void karpenterNodeRoleHasTheSharedNameAndAnEc2LinuxAccessEntry() {
    String role = logicalId(zonal.karpenter().nodeRole());
    cluster.hasResourceProperties("AWS::IAM::Role", Map.of("RoleName", KarpenterNames.nodeRoleName("shop")));
    cluster.hasResourceProperties("AWS::EKS::AccessEntry", Map.of(
        "Type", "EC2_LINUX", "PrincipalArn", Map.of("Fn::GetAtt", List.of(role, "Arn"))));
  }

  @Test
  void karpenterMayPassOnlyItsNodeRole() {
    String role = logicalId(zonal.karpenter().nodeRole());
    cluster.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
        Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Sid", "AllowPassingInstanceRole",
            "Action", "iam:PassRole",
            "Resource", Map.of("Fn::GetAtt", List.of(role, "Arn")))))))));
  }

  @Test
  void clusterSecurityGroupGetsTheKarpenterDiscoveryTag() {
    String clusterId = logicalId(zonal.cluster());
    JsonNode tag = resources("Custom::SecurityGroupTag").get(0).at("/Properties/Create/Fn::Join/1");
    assertThat(tag.toString())
        .contains("\\\"action\\\":\\\"createTags\\\"")
        .contains("{\"Fn::GetAtt\":[\"" + clusterId + "\",\"ClusterSecurityGroupId\"]}")
        .contains("\\\"Tags\\\":[{\\\"Key\\\":\\\"karpenter.sh/discovery\\\",\\\"Value\\\":\\\"shop\\\"}]");
  }

  @Test
  void everyChartOfTheLandscapeIsAppliedAfterTheControllers() {
    assertThat(zonal.manifests()).hasSameSizeAs(landscape.charts());
    List<String> controllers = List.of(logicalId(zonal.loadBalancerController().chart()),
        logicalId(zonal.karpenter().chart()), logicalId(zonal.istio().orElseThrow().istiod()));
    for (var manifest : zonal.manifests()) {
      assertThat(json.at("/Resources/" + logicalId(manifest) + "/DependsOn").toString()).contains(controllers);
    }
  }

  @Test
  void clusterStackHasNoUnsuppressedNagError() {
    assertThat(synth.nagFindings("cluster", true)).isEmpty();
  }

  @Test
  void clusterStackHasNoUnsuppressedNagWarning() {
    assertThat(synth.nagFindings("cluster", false)).isEmpty();
  }

  @Test
  void everyNagSuppressionOnTheClusterStackHasAReason() {
    List<String> suppressed = new ArrayList<>();
    json.get("Resources").forEach(r -> r.at("/Metadata/cdk_nag/rules_to_suppress").forEach(s -> {
      suppressed.add(s.get("id").asText());
      assertThat(s.get("reason").asText()).as(s.get("id").asText()).hasSizeGreaterThan(40);
    }));
    assertThat(suppressed).contains("AwsSolutions-EKS2", "AwsSolutions-IAM4", "AwsSolutions-IAM5",
        "AwsSolutions-SQS3", "AwsSolutions-L1");
  }

  @Test
  void defaultClusterMatchesSnapshot() {
    Snapshots.assertMatches("default-cluster", json);
  }
}
