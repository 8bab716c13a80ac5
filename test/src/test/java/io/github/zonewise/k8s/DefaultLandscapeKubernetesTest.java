package io.github.zonewise.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zonewise.test.ManifestSchemas;
import io.github.zonewise.test.Snapshots;
import io.github.zonewise.test.Synth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Kubernetes manifests of the embedded default landscape, end to end through the app. */
class DefaultLandscapeKubernetesTest {

  static Synth.Synthesized synth;
  static Manifests manifests;

  @BeforeAll
  static void synthesize() {
    synth = Synth.defaultLandscape();
    manifests = Manifests.read(synth.manifests());
  }

  @Test
  void oneFilePerChartInApplyOrder() throws Exception {
    assertThat(synth.manifests()).extracting(p -> p.getFileName().toString())
        .containsExactly("nodepools.k8s.yaml", "workloads-ecommerce.k8s.yaml");
    assertThat(synth.landscape().charts()).hasSameSizeAs(synth.manifests());
    try (Stream<Path> files = Files.list(synth.dist())) {
      // and the list of what Zonewise wrote (what a later synth removes when it no longer writes it)
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly(".zonewise-manifests", "nodepools.k8s.yaml", "workloads-ecommerce.k8s.yaml");
    }
  }

  @Test
  void everyManifestValidatesAgainstTheSchemasOfTheLandscapesVersion() {
    String version = synth.landscape().landscape().spec().kubernetesVersion();
    ManifestSchemas schemas = ManifestSchemas.forVersion(version);
    assertThat(manifests.objects()).hasSize(14);
    assertThat(synth.manifests().stream().flatMap(f -> schemas.validateFile(f).stream()).toList()).isEmpty();
  }

  @Test
  void ordersPrefersTheNodeOfItsCoLocatedCaller() {
    assertThat(manifests.get("Service", "orders").at("/spec/trafficDistribution").asText())
        .isEqualTo("PreferSameNode");
  }

  @Test
  void graphqlPrefersItsZone() {
    assertThat(manifests.get("Service", "graphql").at("/spec/trafficDistribution").asText())
        .isEqualTo("PreferSameZone");
  }

  @Test
  void expressTestUsesTopologyAwareRouting() {
    JsonNode service = manifests.get("Service", "express-test");
    assertThat(service.at("/metadata/annotations/service.kubernetes.io~1topology-mode").asText()).isEqualTo("Auto");
    assertThat(service.at("/spec").has("internalTrafficPolicy")).isFalse();
  }

  @Test
  void noServiceCombinesTopologyAwareRoutingWithLocalPolicy() {
    assertThat(manifests.all("Service")).noneSatisfy(s -> {
      assertThat(s.at("/metadata/annotations/service.kubernetes.io~1topology-mode").isMissingNode()).isFalse();
      assertThat(s.at("/spec/internalTrafficPolicy").asText()).isEqualTo("Local");
    });
  }

  @Test
  void everyDeploymentSpreadsOverZonesWithMaxSkewOne() {
    assertThat(manifests.all("Deployment")).hasSize(3).allSatisfy(d -> {
      JsonNode zone = d.at("/spec/template/spec/topologySpreadConstraints/0");
      assertThat(zone.at("/topologyKey").asText()).isEqualTo("topology.kubernetes.io/zone");
      assertThat(zone.at("/maxSkew").asInt()).isEqualTo(1);
      assertThat(zone.at("/minDomains").asInt()).isEqualTo(3);
      assertThat(d.at("/spec/template/spec/topologySpreadConstraints/1/topologyKey").asText())
          .isEqualTo("kubernetes.io/hostname");
    });
  }

  @Test
  void graphqlIsCoLocatedWithOrders() {
    JsonNode term = manifests.get("Deployment", "graphql")
        .at("/spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/0");
    assertThat(term.at("/topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
    assertThat(term.at("/labelSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("orders");
  }

  @Test
  void imagesComeFromTheInRegionRegistry() {
    assertThat(manifests.all("Deployment")).allSatisfy(d -> assertThat(
        d.at("/spec/template/spec/containers/0/image").asText()).contains(".dkr.ecr.eu-west-1.amazonaws.com/"));
  }

  @Test
  void graphqlIsExposedByAnInternetFacingAlbWithIpTargets() {
    JsonNode ingress = manifests.get("Ingress", "graphql");
    assertThat(ingress.at("/spec/ingressClassName").asText()).isEqualTo("alb");
    assertThat(ingress.at("/metadata/annotations/alb.ingress.kubernetes.io~1target-type").asText()).isEqualTo("ip");
    assertThat(ingress.at("/metadata/annotations/alb.ingress.kubernetes.io~1scheme").asText())
        .isEqualTo("internet-facing");
  }

  @Test
  void expressTestIsExposedByAZonalNlbWithIpTargets() {
    JsonNode nlb = manifests.get("Service", "express-test-nlb");
    JsonNode annotations = nlb.at("/metadata/annotations");
    assertThat(nlb.at("/spec/type").asText()).isEqualTo("LoadBalancer");
    assertThat(annotations.path("service.beta.kubernetes.io/aws-load-balancer-type").asText()).isEqualTo("external");
    assertThat(annotations.path("service.beta.kubernetes.io/aws-load-balancer-nlb-target-type").asText())
        .isEqualTo("ip");
    assertThat(annotations.path("service.beta.kubernetes.io/aws-load-balancer-attributes").asText())
        .contains("load_balancing.cross_zone.enabled=false")
        .contains("dns_record.client_routing_policy=availability_zone_affinity");
  }

  @Test
  void oneNodePoolPinnedToEachAz() {
    List<JsonNode> pools = manifests.all("NodePool");
    assertThat(pools).extracting(p -> p.at("/spec/template/spec/requirements/0/values/0").asText())
        .containsExactly("eu-west-1a", "eu-west-1b", "eu-west-1c");
    assertThat(pools).allSatisfy(p -> assertThat(p.at("/spec/template/spec/requirements/0/key").asText())
        .isEqualTo("topology.kubernetes.io/zone"));
    assertThat(pools).allSatisfy(p -> assertThat(p.at("/spec/limits/cpu").asInt()).isEqualTo(200));
  }

  @Test
  void nodeClassJoinsTheClusterStackByName() {
    JsonNode spec = manifests.get("EC2NodeClass", "general").at("/spec");
    assertThat(spec.at("/role").asText()).isEqualTo("KarpenterNodeRole-shop");
    assertThat(spec.at("/subnetSelectorTerms/0/tags/karpenter.sh~1discovery").asText()).isEqualTo("shop");
    assertThat(spec.at("/metadataOptions/httpTokens").asText()).isEqualTo("required");
    assertThat(spec.at("/associatePublicIPAddress").asBoolean(true)).isFalse();
    assertThat(spec.at("/amiSelectorTerms/0/alias").asText()).isEqualTo("al2023@v20260818");
  }

  @Test
  void graphqlDistributesMostTrafficToItsOwnZone() {
    JsonNode setting = manifests.get("DestinationRule", "graphql")
        .at("/spec/trafficPolicy/loadBalancer/localityLbSetting");
    assertThat(setting.at("/distribute")).hasSize(3).allSatisfy(rule -> {
      int total = 0;
      for (JsonNode w : rule.path("to")) {
        total += w.asInt();
      }
      assertThat(total).isEqualTo(100);
      assertThat(rule.path("to").path(rule.path("from").asText()).asInt()).isEqualTo(80);
    });
    assertThat(manifests.get("DestinationRule", "graphql").at("/spec/trafficPolicy/outlierDetection").isObject())
        .isTrue();
  }

  @Test
  void theDefaultLandscapesOnlyWorkloadWarningIsItsAlbWithoutACertificate() {
    // the example has no domain to hold a certificate for: its internet-facing ALB is HTTP only, and says so
    assertThat(synth.landscape().landscape().warnings().stream()
        .filter(w -> w.startsWith("services") || w.startsWith("nodePools")))
        .singleElement().asString().startsWith("services[1].certificateArn: not set, so the internet-facing ALB of graphql");
  }

  @Test
  void chartsMatchTheirSnapshots() {
    for (Path file : synth.manifests()) {
      Snapshots.assertTextMatches("k8s/default/" + file.getFileName(), Manifests.text(file));
    }
  }
}
