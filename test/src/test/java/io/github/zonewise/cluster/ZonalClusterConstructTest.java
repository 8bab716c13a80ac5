package io.github.zonewise.cluster;

import io.github.zonewise.facts.KubernetesVersions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.zonewise.app.LandscapeApp;
import io.github.zonewise.network.ZonalVpc;
import io.github.zonewise.network.ZonalVpcProps;
import io.github.zonewise.registry.RegistryImages;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cdk8s.ApiObject;
import org.cdk8s.ApiObjectMetadata;
import org.cdk8s.ApiObjectProps;
import org.cdk8s.Chart;
import org.cdk8s.JsonPatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/**
 * {@link ZonalCluster} used directly from Java, the way a CDK developer would: two AZs, a public
 * endpoint restricted to one CIDR, x86 system nodes, no mesh, and two real cdk8s charts, one of
 * them with an image URI that carries the account placeholder.
 */
class ZonalClusterConstructTest {

  static final Environment ENV = Environment.builder().region("eu-west-1").build();
  static final String IMAGE = RegistryImages.ACCOUNT_PLACEHOLDER + ".dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2";

  static Stack stack;
  static ZonalCluster cluster;
  static Template template;
  static JsonNode json;

  @TempDir
  static Path dir;

  @BeforeAll
  static void synthesize() throws Exception {
    App app = LandscapeApp.app(dir.resolve("cdk.out"), Map.of());
    Stack network = new Stack(app, "Network", StackProps.builder().env(ENV).build());
    ZonalVpc vpc = new ZonalVpc(network, "Vpc", ZonalVpcProps.builder()
        .name("lab")
        .availabilityZones(List.of("eu-west-1a", "eu-west-1b"))
        .karpenterDiscovery("lab")
        .build());
    stack = new Stack(app, "Eks", StackProps.builder().env(ENV).build());

    org.cdk8s.App k8s = new org.cdk8s.App();
    Chart workloads = new Chart(k8s, "lab-workloads");
    ApiObject deployment = new ApiObject(workloads, "orders", ApiObjectProps.builder()
        .apiVersion("apps/v1").kind("Deployment")
        .metadata(ApiObjectMetadata.builder().name("orders").namespace("shop").build())
        .build());
    deployment.addJsonPatch(JsonPatch.add("/spec", Map.of(
        "selector", Map.of("matchLabels", Map.of("app", "orders")),
        "template", Map.of(
            "metadata", Map.of("labels", Map.of("app", "orders")),
            "spec", Map.of("containers", List.of(Map.of("name", "orders", "image", IMAGE)))))));
    Chart config = new Chart(k8s, "lab-config");
    new ApiObject(config, "settings", ApiObjectProps.builder()
        .apiVersion("v1").kind("ConfigMap")
        .metadata(ApiObjectMetadata.builder().name("settings").namespace("shop").build())
        .build())
        .addJsonPatch(JsonPatch.add("/data", Map.of("zone-routing", "topologyAware")));

    cluster = new ZonalCluster(stack, "Cluster", ZonalClusterProps.builder()
        .clusterName("lab")
        .vpc(vpc.vpc())
        .endpoint(ClusterEndpoint.privateAndRestrictedPublic(List.of("203.0.113.0/24")))
        .systemNodes(new SystemNodes("c7i.large", 2))
        .charts(List.of(workloads, config))
        .build());
    Aspects.of(app).add(new AwsSolutionsChecks());
    template = Template.fromStack(stack);
    json = new ObjectMapper().valueToTree(template.toJSON());
  }

  static String logicalId(IConstruct construct) {
    IConstruct c = construct;
    while (!(c instanceof CfnElement)) {
      c = c.getNode().getDefaultChild();
    }
    return Stack.of(c).getLogicalId((CfnElement) c);
  }

  static JsonNode manifest(int i) {
    return json.at("/Resources/" + logicalId(cluster.manifests().get(i)));
  }

  @Test
  void imageWithTheAccountPlaceholderGetsTheDeployingAccount() {
    String manifest = manifest(0).at("/Properties/Manifest").toString();
    assertThat(manifest)
        .contains("{\"Ref\":\"AWS::AccountId\"}")
        .contains(".dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2")
        .doesNotContain(RegistryImages.ACCOUNT_PLACEHOLDER);
  }

  @Test
  void noPlaceholderIsLeftInTheTemplate() {
    assertThat(json.toString()).doesNotContain(RegistryImages.ACCOUNT_PLACEHOLDER);
  }

  @Test
  void chartWithoutPlaceholderIsAppliedAsCdk8sRendersIt() throws Exception {
    JsonNode objects = new ObjectMapper().readTree(manifest(1).at("/Properties/Manifest").asText());
    assertThat(objects).hasSize(1);
    assertThat(objects.get(0).get("kind").asText()).isEqualTo("ConfigMap");
    assertThat(objects.get(0).at("/data/zone-routing").asText()).isEqualTo("topologyAware");
  }

  @Test
  void manifestsAreNamedAfterTheirCharts() {
    assertThat(cluster.manifests()).extracting(m -> m.getNode().getId())
        .containsExactly("ManifestLabWorkloads", "ManifestLabConfig");
  }

  @Test
  void manifestsApplyInChartOrderAfterTheControllers() {
    String lbc = logicalId(cluster.loadBalancerController().chart());
    String karpenter = logicalId(cluster.karpenter().chart());
    assertThat(manifest(0).get("DependsOn").toString()).contains(lbc, karpenter);
    assertThat(manifest(1).get("DependsOn").toString())
        .contains(lbc, karpenter, logicalId(cluster.manifests().get(0)));
  }

  @Test
  void publicEndpointIsRestrictedToTheGivenCidrAndPrivateStaysOn() {
    template.hasResourceProperties("AWS::EKS::Cluster", Map.of("ResourcesVpcConfig", Map.of(
        "EndpointPrivateAccess", true,
        "EndpointPublicAccess", true,
        "PublicAccessCidrs", List.of("203.0.113.0/24"))));
  }

  @Test
  void x86SystemNodesGetTheX86Ami() {
    template.resourceCountIs("AWS::EKS::Nodegroup", 2);
    template.allResourcesProperties("AWS::EKS::Nodegroup", Map.of(
        "InstanceTypes", List.of("c7i.large"),
        "AmiType", "AL2023_x86_64_STANDARD",
        "ScalingConfig", Map.of("MinSize", 2, "DesiredSize", 2, "MaxSize", 2)));
  }

  @Test
  void noMeshInstallsNoIstio() {
    template.resourceCountIs("Custom::AWSCDK-EKS-HelmChart", 2);
    assertThat(cluster.istio()).isEmpty();
  }

  @Test
  void restrictedPublicEndpointIsSuppressedWithItsReasonAndNoNagErrorRemains() {
    assertThat(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
    assertThat(json.at("/Resources/" + logicalId(cluster.cluster()) + "/Metadata/cdk_nag/rules_to_suppress").toString())
        .contains("AwsSolutions-EKS1").contains("restricted to [203.0.113.0/24]");
  }

  @Test
  void versionNotOnTheCalendarIsRejected() {
    App app = new App();
    Stack s = new Stack(app, "S", StackProps.builder().env(ENV).build());
    ZonalClusterProps props = ZonalClusterProps.builder().clusterName("lab").version("1.99")
        .vpc(cluster.props().vpc()).build();
    assertThatThrownBy(() -> new ZonalCluster(s, "Cluster", props)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version: '1.99' is not a Kubernetes version EKS offers; use one of "
            + KubernetesVersions.offeredOn(KubernetesVersions.today()) + " (standard support on "
            + KubernetesVersions.today() + ": " + KubernetesVersions.standardOn(KubernetesVersions.today()) + ")");
  }

  @Test
  void clusterNameTooLongForKarpentersNodeRoleIsRejected() {
    App app = new App();
    Stack s = new Stack(app, "S", StackProps.builder().env(ENV).build());
    String name = "c".repeat(47);
    ZonalClusterProps props = ZonalClusterProps.builder().clusterName(name).vpc(cluster.props().vpc()).build();
    assertThatThrownBy(() -> new ZonalCluster(s, "Cluster", props)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clusterName: '" + name + "' is too long for the cluster: Karpenter's node role"
            + " KarpenterNodeRole-<name> must fit IAM's 64 characters; use at most 46 characters");
  }
}
