package io.github.zonewise.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.cdk8s.Chart;
import org.junit.jupiter.api.Test;

class ZonalNodePoolsTest {

  private static final List<String> ZONES = List.of("eu-west-1a", "eu-west-1b", "eu-west-1c");

  private static ZonalNodePoolsProps.Builder general() {
    return ZonalNodePoolsProps.builder().name("general").zones(ZONES).clusterName("shop");
  }

  private static Chart chart(ZonalNodePoolsProps props) {
    Chart chart = Charts.chart();
    new ZonalNodePools(chart, "general", props);
    return chart;
  }

  private static List<JsonNode> nodePools(Chart chart) {
    return Charts.objects(chart).stream().filter(o -> o.path("kind").asText().equals("NodePool")).toList();
  }

  @Test
  void oneNodePoolPerZonePinnedWithAZoneRequirement() {
    List<JsonNode> pools = nodePools(chart(general().build()));
    assertThat(pools).extracting(p -> p.at("/metadata/name").asText())
        .containsExactly("general-eu-west-1a", "general-eu-west-1b", "general-eu-west-1c");
    for (int i = 0; i < 3; i++) {
      JsonNode zone = pools.get(i).at("/spec/template/spec/requirements/0");
      assertThat(zone.at("/key").asText()).isEqualTo("topology.kubernetes.io/zone");
      assertThat(zone.at("/operator").asText()).isEqualTo("In");
      assertThat(zone.at("/values")).hasSize(1);
      assertThat(zone.at("/values/0").asText()).isEqualTo(ZONES.get(i));
    }
  }

  @Test
  void nodePoolsAreKarpenterV1AndReferTheirNodeClass() {
    JsonNode pool = nodePools(chart(general().build())).get(0);
    assertThat(pool.at("/apiVersion").asText()).isEqualTo("karpenter.sh/v1");
    JsonNode ref = pool.at("/spec/template/spec/nodeClassRef");
    assertThat(ref.at("/group").asText()).isEqualTo("karpenter.k8s.aws");
    assertThat(ref.at("/kind").asText()).isEqualTo("EC2NodeClass");
    assertThat(ref.at("/name").asText()).isEqualTo("general");
  }

  @Test
  void nodePoolsConsolidateAndStopAtTheirLimit() {
    JsonNode pool = nodePools(chart(general().cpuLimit(200).build())).get(0);
    assertThat(pool.at("/spec/disruption/consolidationPolicy").asText()).isEqualTo("WhenEmptyOrUnderutilized");
    assertThat(pool.at("/spec/disruption/consolidateAfter").asText()).isEqualTo("1m");
    assertThat(pool.at("/spec/disruption/budgets/0/nodes").asText()).isEqualTo("10%");
    assertThat(pool.at("/spec/limits/cpu").asInt()).isEqualTo(200);
    assertThat(pool.at("/spec/template/spec/expireAfter").asText()).isEqualTo("720h");
  }

  @Test
  void requirementsCarryCapacityCategoriesAndArchitectures() {
    JsonNode requirements = nodePools(chart(general().capacityTypes(List.of("spot", "on-demand"))
        .instanceCategories(List.of("m")).architectures(List.of("arm64")).build())).get(0)
        .at("/spec/template/spec/requirements");
    assertThat(requirements.get(1).at("/key").asText()).isEqualTo("karpenter.sh/capacity-type");
    assertThat(requirements.get(1).at("/values").toString()).isEqualTo("[\"spot\",\"on-demand\"]");
    assertThat(requirements.get(2).at("/values").toString()).isEqualTo("[\"m\"]");
    assertThat(requirements.get(4).at("/key").asText()).isEqualTo("kubernetes.io/arch");
    assertThat(requirements.get(4).at("/values").toString()).isEqualTo("[\"arm64\"]");
  }

  @Test
  void nodeClassFindsSubnetsAndSecurityGroupsByDiscoveryTag() {
    JsonNode nodeClass = Charts.only(chart(general().build()), "EC2NodeClass");
    assertThat(nodeClass.at("/apiVersion").asText()).isEqualTo("karpenter.k8s.aws/v1");
    assertThat(nodeClass.at("/spec/role").asText()).isEqualTo("KarpenterNodeRole-shop");
    assertThat(nodeClass.at("/spec/subnetSelectorTerms/0/tags/karpenter.sh~1discovery").asText()).isEqualTo("shop");
    assertThat(nodeClass.at("/spec/securityGroupSelectorTerms/0/tags/karpenter.sh~1discovery").asText())
        .isEqualTo("shop");
    assertThat(nodeClass.at("/spec").has("instanceProfile")).isFalse();
  }

  @Test
  void nodeClassRequiresImdsV2AndNoPublicIp() {
    JsonNode spec = Charts.only(chart(general().build()), "EC2NodeClass").at("/spec");
    assertThat(spec.at("/metadataOptions/httpTokens").asText()).isEqualTo("required");
    assertThat(spec.at("/metadataOptions/httpPutResponseHopLimit").asInt()).isEqualTo(1);
    assertThat(spec.at("/associatePublicIPAddress").isBoolean()).isTrue();
    assertThat(spec.at("/associatePublicIPAddress").asBoolean()).isFalse();
  }

  @Test
  void nodeClassBootsAPinnedAlias() {
    JsonNode spec = Charts.only(chart(general().build()), "EC2NodeClass").at("/spec");
    assertThat(spec.at("/amiSelectorTerms/0/alias").asText()).isEqualTo(NodeAmi.DEFAULT_ALIAS)
        .matches("al2023@v\\d{8}");
    assertThat(spec.has("amiFamily")).isFalse();
  }

  @Test
  void customAmiByIdNamesItsFamily() {
    JsonNode spec = Charts.only(chart(general().ami(NodeAmi.id("ami-0123456789abcdef0")).build()), "EC2NodeClass")
        .at("/spec");
    assertThat(spec.at("/amiSelectorTerms/0/id").asText()).isEqualTo("ami-0123456789abcdef0");
    assertThat(spec.at("/amiFamily").asText()).isEqualTo("AL2023");
  }

  @Test
  void customAmiBySsmParameter() {
    JsonNode spec = Charts.only(chart(general().ami(NodeAmi.ssmParameter("/images/node/ami-id", "Bottlerocket"))
        .build()), "EC2NodeClass").at("/spec");
    assertThat(spec.at("/amiSelectorTerms/0/ssmParameter").asText()).isEqualTo("/images/node/ami-id");
    assertThat(spec.at("/amiFamily").asText()).isEqualTo("Bottlerocket");
  }

  @Test
  void latestAliasIsRejected() {
    assertThatThrownBy(() -> NodeAmi.alias("al2023@latest"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NodeAmi.alias: 'al2023@latest' drifts to every new AMI release (and replaces every node); pin a"
            + " release, e.g. al2023@v20260818");
  }

  @Test
  void malformedAmiIdIsRejected() {
    assertThatThrownBy(() -> NodeAmi.id("ami-123"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NodeAmi.id: 'ami-123' is not an AMI id; write ami- followed by 8 or 17 hex digits");
  }

  @Test
  void nameTooLongForItsZonesIsRejected() {
    String name = "n".repeat(53);
    assertThatThrownBy(() -> general().name(name).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ZonalNodePoolsProps.name: '" + name + "' is too long: the NodePool of zone eu-west-1a is named "
            + name + "-eu-west-1a, more than 63 characters; use at most 52 characters");
  }

  @Test
  void unknownCapacityTypeIsRejected() {
    assertThatThrownBy(() -> general().capacityTypes(List.of("spots")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ZonalNodePoolsProps.capacityTypes: 'spots' is not one of [on-demand, spot, reserved]");
  }
}
