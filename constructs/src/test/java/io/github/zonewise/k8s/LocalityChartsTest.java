package io.github.zonewise.k8s;

import io.github.zonewise.landscape.LocalityCharts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zonewise.spec.LandscapeReader;
import io.github.zonewise.design.LandscapeDesign;
import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.spec.ValidatedLandscape;
import io.github.zonewise.spec.LandscapeValidator;
import java.util.List;
import org.cdk8s.Chart;
import org.cdk8s.Names;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalityChartsTest {

  static ValidatedLandscape spec;
  static List<Chart> charts;

  @BeforeAll
  static void build() {
    spec = LandscapeValidator.validate(LandscapeReader.readDefault(), "default");
    charts = LocalityCharts.build(Charts.app(), design(spec), "shop");
  }

  @Test
  void nodePoolsComeFirstThenOneChartPerNamespace() {
    assertThat(charts).extracting(Names::toDnsLabel).containsExactly("nodepools", "workloads-ecommerce");
  }

  @Test
  void namespaceIsCreatedAndInjectedWhenTheMeshIsIstio() {
    JsonNode namespace = Charts.only(charts.get(1), "Namespace");
    assertThat(namespace.at("/metadata/name").asText()).isEqualTo("ecommerce");
    assertThat(namespace.at("/metadata/labels/istio-injection").asText()).isEqualTo("enabled");
    assertThat(Charts.objects(charts.get(1)).get(0).path("kind").asText()).isEqualTo("Namespace");
  }

  @Test
  void everyObjectIsMarkedAsManagedByZonewise() {
    charts.forEach(chart -> assertThat(Charts.objects(chart)).allSatisfy(o ->
        assertThat(o.at("/metadata/labels/app.kubernetes.io~1managed-by").asText()).isEqualTo("zonewise")));
  }

  @Test
  void registryImagesResolveToTheInRegionRegistry() {
    JsonNode orders = Charts.objects(charts.get(1)).stream()
        .filter(o -> o.path("kind").asText().equals("Deployment") && o.at("/metadata/name").asText().equals("orders"))
        .findFirst().orElseThrow();
    assertThat(orders.at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("${AWS_ACCOUNT_ID}.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2");
  }

  @Test
  void chartsHoldPlainValuesOnly() {
    charts.forEach(chart -> assertThat(Charts.yaml(chart)).doesNotContain("${Token[").doesNotContain("Fn::"));
  }

  @Test
  void twoBuildsAreByteIdentical() {
    List<Chart> again = LocalityCharts.build(Charts.app(), design(spec), "shop");
    for (int i = 0; i < charts.size(); i++) {
      assertThat(Charts.yaml(again.get(i))).isEqualTo(Charts.yaml(charts.get(i)));
    }
  }

  @Test
  void defaultNamespaceIsNotCreated() {
    ValidatedLandscape plain = LandscapeValidator.validate(LandscapeReader.parse("""
        name: plain
        region: eu-west-1
        availabilityZones: [eu-west-1a, eu-west-1b]
        services:
          - {name: web, image: nginx:1.27, port: 80}
        nodePools: []
        """, "test"), "test");
    List<Chart> built = LocalityCharts.build(Charts.app(), design(plain), "plain");
    assertThat(built).extracting(Names::toDnsLabel).containsExactly("workloads-default");
    assertThat(Charts.objects(built.get(0))).extracting(o -> o.path("kind").asText())
        .containsExactly("Deployment", "Service");
  }

  static LandscapeDesign design(ValidatedLandscape landscape) {
    return LandscapeDesign.of(landscape, PriceBook.defaults());
  }
}
