package io.github.zonewise.k8s;

import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.design.LandscapeDesign;
import io.github.zonewise.landscape.LocalityCharts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zonewise.spec.LandscapeReader;
import io.github.zonewise.spec.LandscapeSpec;
import io.github.zonewise.spec.ValidatedLandscape;
import io.github.zonewise.spec.LandscapeValidator;
import io.github.zonewise.test.ManifestSchemas;
import io.github.zonewise.test.Snapshots;
import io.github.zonewise.test.Synth;
import java.nio.file.Path;
import java.util.List;
import org.cdk8s.Chart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A landscape that uses every option of {@code services} and {@code nodePools}, on Kubernetes
 * 1.34, end to end through the app; and the routing written for 1.33.
 */
class EveryOptionKubernetesTest {

  static final String LANDSCAPE = """
      name: lab
      region: eu-west-1
      account: "123456789012"
      availabilityZones: [eu-west-1a, eu-west-1b, eu-west-1c]
      registry:
        repositories: [api, cache]
      cluster:
        version: "1.34"
        mesh: istio
      services:
        - name: api
          namespace: shop
          image: api:3.1.0
          port: 8080
          replicas: 6
          routing: preferSameZone
          expose: alb
          locality:
            distribute:
              eu-west-1a: {eu-west-1a: 90, eu-west-1b: 10}
              eu-west-1b: {eu-west-1b: 90, eu-west-1c: 10}
        - name: cache
          namespace: shop
          image: cache:7.2
          port: 6379
          replicas: 6
          routing: nodeLocal
        - name: worker
          namespace: shop
          image: public.ecr.aws/docker/library/busybox:1.36
          port: 9000
          replicas: 6
          routing: preferSameNode
          colocateWith: cache
        - name: gateway
          namespace: edge
          image: gateway:1.0.0
          port: 443
          expose: nlb
          scheme: internet-facing
          colocateWith: shop/api
          locality:
            failover:
              - {from: eu-west-1, to: eu-central-1}
        - name: batch
          image: batch:0.9
          port: 7000
          routing: cluster
      nodePools:
        - name: general
          zones: each
        - name: spot-arm
          zones: [eu-west-1a, eu-west-1b]
          instanceCategories: [c, m]
          capacityTypes: [spot, on-demand]
          architectures: [arm64]
          cpuLimit: 64
          ami: {ssmParameter: /zonewise/images/spot-arm/ami-id, family: Bottlerocket}
        - name: cached
          zones: [eu-west-1c]
          ami: {id: ami-0123456789abcdef0}
      """;

  static Synth.Synthesized synth;
  static Manifests manifests;

  @BeforeAll
  static void synthesize() {
    synth = Synth.landscape(LANDSCAPE);
    manifests = Manifests.read(synth.manifests());
  }

  @Test
  void oneChartForTheNodePoolsAndOnePerNamespace() {
    assertThat(synth.manifests()).extracting(p -> p.getFileName().toString()).containsExactly("nodepools.k8s.yaml",
        "workloads-shop.k8s.yaml", "workloads-edge.k8s.yaml", "workloads-default.k8s.yaml");
  }

  @Test
  void everyManifestValidatesAgainstTheKubernetes134Schemas() {
    ManifestSchemas schemas = ManifestSchemas.forVersion("1.34");
    assertThat(manifests.objects()).hasSize(25);
    assertThat(synth.manifests().stream().flatMap(f -> schemas.validateFile(f).stream()).toList()).isEmpty();
  }

  @Test
  void nodeLocalIsInternalTrafficPolicyLocalOnly() {
    JsonNode cache = manifests.get("Service", "cache");
    assertThat(cache.at("/spec/internalTrafficPolicy").asText()).isEqualTo("Local");
    assertThat(cache.at("/metadata").has("annotations")).isFalse();
    assertThat(cache.at("/spec").has("trafficDistribution")).isFalse();
  }

  @Test
  void clusterRoutingIsTheExplicitOptOut() {
    JsonNode batch = manifests.get("Service", "batch");
    assertThat(batch.at("/metadata").has("annotations")).isFalse();
    assertThat(batch.at("/spec").has("trafficDistribution")).isFalse();
    assertThat(batch.at("/spec").has("internalTrafficPolicy")).isFalse();
  }

  @Test
  void defaultRoutingIsTopologyAware() {
    assertThat(manifests.get("Service", "gateway").at("/metadata/annotations/service.kubernetes.io~1topology-mode")
        .asText()).isEqualTo("Auto");
  }

  @Test
  void preferSameNodeAndPreferSameZoneOn134() {
    assertThat(manifests.get("Service", "worker").at("/spec/trafficDistribution").asText())
        .isEqualTo("PreferSameNode");
    assertThat(manifests.get("Service", "api").at("/spec/trafficDistribution").asText()).isEqualTo("PreferSameZone");
  }

  @Test
  void theNodeLocalPeerIsCoLocated() {
    JsonNode term = manifests.get("Deployment", "worker")
        .at("/spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/0");
    assertThat(term.at("/labelSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("cache");
    assertThat(term.has("namespaces")).isFalse();
    assertThat(synth.landscape().landscape().warnings()).noneMatch(w -> w.startsWith("services"));
  }

  @Test
  void coLocationAcrossNamespacesNamesThePeersNamespace() {
    JsonNode term = manifests.get("Deployment", "gateway")
        .at("/spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/0");
    assertThat(term.at("/labelSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("api");
    assertThat(term.at("/namespaces/0").asText()).isEqualTo("shop");
  }

  @Test
  void defaultReplicasGiveEachAzAnEndpoint() {
    assertThat(manifests.get("Deployment", "batch").at("/spec/replicas").asInt()).isEqualTo(3);
  }

  @Test
  void registryImagesResolveWithTheAccountAndOthersStayAsWritten() {
    assertThat(manifests.get("Deployment", "api").at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:3.1.0");
    assertThat(manifests.get("Deployment", "worker").at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("public.ecr.aws/docker/library/busybox:1.36");
  }

  @Test
  void albIsInternalByDefaultAndNlbInternetFacingWhenAsked() {
    assertThat(manifests.get("Ingress", "api").at("/metadata/annotations/alb.ingress.kubernetes.io~1scheme").asText())
        .isEqualTo("internal");
    assertThat(manifests.get("Service", "gateway-nlb").at("/metadata/annotations")
        .path("service.beta.kubernetes.io/aws-load-balancer-scheme").asText()).isEqualTo("internet-facing");
  }

  @Test
  void failoverLocalityWithOutlierDetection() {
    JsonNode rule = manifests.get("DestinationRule", "gateway");
    assertThat(rule.at("/metadata/namespace").asText()).isEqualTo("edge");
    assertThat(rule.at("/spec/trafficPolicy/loadBalancer/localityLbSetting/failover/0/to").asText())
        .isEqualTo("eu-central-1");
    assertThat(rule.at("/spec/trafficPolicy/outlierDetection/consecutive5xxErrors").asInt()).isEqualTo(5);
  }

  @Test
  void distributeWeightsOfOnlyTheListedZones() {
    JsonNode distribute = manifests.get("DestinationRule", "api")
        .at("/spec/trafficPolicy/loadBalancer/localityLbSetting/distribute");
    assertThat(distribute).hasSize(2);
    assertThat(distribute.get(1).at("/from").asText()).isEqualTo("eu-west-1/eu-west-1b/*");
    assertThat(distribute.get(1).at("/to").path("eu-west-1/eu-west-1c/*").asInt()).isEqualTo(10);
  }

  @Test
  void namespacesAreInjectedButDefaultIsNotCreated() {
    assertThat(manifests.all("Namespace")).extracting(n -> n.at("/metadata/name").asText())
        .containsExactly("shop", "edge");
    assertThat(manifests.all("Namespace")).allSatisfy(n ->
        assertThat(n.at("/metadata/labels/istio-injection").asText()).isEqualTo("enabled"));
  }

  @Test
  void nodePoolsPinnedToTheirListedZones() {
    assertThat(manifests.all("NodePool")).extracting(p -> p.at("/metadata/name").asText()).containsExactly(
        "general-eu-west-1a", "general-eu-west-1b", "general-eu-west-1c", "spot-arm-eu-west-1a", "spot-arm-eu-west-1b",
        "cached-eu-west-1c");
    JsonNode spot = manifests.get("NodePool", "spot-arm-eu-west-1b").at("/spec/template/spec");
    assertThat(spot.at("/requirements/0/values").toString()).isEqualTo("[\"eu-west-1b\"]");
    assertThat(spot.at("/requirements/1/values").toString()).isEqualTo("[\"spot\",\"on-demand\"]");
    assertThat(spot.at("/requirements/4/values").toString()).isEqualTo("[\"arm64\"]");
    assertThat(spot.at("/nodeClassRef/name").asText()).isEqualTo("spot-arm");
    assertThat(manifests.get("NodePool", "spot-arm-eu-west-1a").at("/spec/limits/cpu").asInt()).isEqualTo(64);
  }

  @Test
  void customAmisBootWithTheirFamily() {
    JsonNode ssm = manifests.get("EC2NodeClass", "spot-arm").at("/spec");
    assertThat(ssm.at("/amiSelectorTerms/0/ssmParameter").asText()).isEqualTo("/zonewise/images/spot-arm/ami-id");
    assertThat(ssm.at("/amiFamily").asText()).isEqualTo("Bottlerocket");
    JsonNode id = manifests.get("EC2NodeClass", "cached").at("/spec");
    assertThat(id.at("/amiSelectorTerms/0/id").asText()).isEqualTo("ami-0123456789abcdef0");
    assertThat(id.at("/amiFamily").asText()).isEqualTo("AL2023");
  }

  @Test
  void nodeClassesSatisfyTheCrdRulesTheSchemaCannotCheck() {
    // CEL rules of the EC2NodeClass CRD: exactly one of role / instanceProfile; amiFamily when no alias.
    assertThat(manifests.all("EC2NodeClass")).hasSize(3).allSatisfy(c -> {
      JsonNode spec = c.path("spec");
      assertThat(spec.has("role")).isNotEqualTo(spec.has("instanceProfile"));
      boolean alias = spec.path("amiSelectorTerms").findValue("alias") != null;
      assertThat(alias || spec.has("amiFamily")).isTrue();
    });
  }

  @Test
  void spreadRequiresTheZonesOfTheNodePools() {
    assertThat(manifests.get("Deployment", "api").at("/spec/template/spec/topologySpreadConstraints/0/minDomains")
        .asInt()).isEqualTo(3);
  }

  @Test
  void chartsMatchTheirSnapshots() {
    for (Path file : synth.manifests()) {
      Snapshots.assertTextMatches("k8s/every-option/" + file.getFileName(), Manifests.text(file));
    }
  }

  @Test
  void preferSameZoneOn133IsPreferCloseAndValidatesAgainstThe133Schemas() throws Exception {
    ValidatedLandscape spec = LandscapeValidator.validate(LandscapeReader.parse("""
        name: old
        region: eu-west-1
        availabilityZones: [eu-west-1a, eu-west-1b]
        cluster: {version: "1.33"}
        services:
          - {name: api, image: api:3.1.0, port: 8080, routing: preferSameZone, expose: nlb}
          - {name: web, image: web:1.0.0, port: 80, routing: nodeLocal}
          - {name: proxy, image: proxy:1.0.0, port: 81, colocateWith: web}
        """, "test"), "test");
    List<Chart> charts = LocalityCharts.build(new org.cdk8s.App(), LandscapeDesign.of(spec, PriceBook.defaults()),
        "old");
    ObjectMapper json = new ObjectMapper();
    ManifestSchemas schemas = ManifestSchemas.forVersion("1.33");
    int objects = 0;
    for (Chart chart : charts) {
      for (Object object : chart.toJson()) {
        String text = json.writeValueAsString(object);
        assertThat(schemas.validateText(text)).as(text).isEmpty();
        objects++;
      }
    }
    assertThat(objects).isEqualTo(10);
    JsonNode api = charts.get(1).toJson().stream().map(o -> (JsonNode) json.valueToTree(o))
        .filter(o -> o.at("/metadata/name").asText().equals("api") && o.path("kind").asText().equals("Service"))
        .findFirst().orElseThrow();
    assertThat(api.at("/spec/trafficDistribution").asText()).isEqualTo("PreferClose");
  }
}
