package io.github.zonewise.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.cdk8s.Chart;
import org.junit.jupiter.api.Test;

class ZonalDeploymentTest {

  private static ZonalDeploymentProps.Builder graphql() {
    return ZonalDeploymentProps.builder().name("graphql").namespace("ecommerce").image("graphql:2.7.0")
        .containerPort(4000);
  }

  private static JsonNode deployment(ZonalDeploymentProps props) {
    Chart chart = Charts.chart();
    new ZonalDeployment(chart, "Deployment", props);
    return Charts.only(chart, "Deployment");
  }

  @Test
  void podsSpreadOverZonesWithMaxSkewOne() {
    JsonNode zone = deployment(graphql().build()).at("/spec/template/spec/topologySpreadConstraints/0");
    assertThat(zone.at("/topologyKey").asText()).isEqualTo("topology.kubernetes.io/zone");
    assertThat(zone.at("/maxSkew").asInt()).isEqualTo(1);
    assertThat(zone.at("/whenUnsatisfiable").asText()).isEqualTo("DoNotSchedule");
    assertThat(zone.at("/labelSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("graphql");
    assertThat(zone.at("/matchLabelKeys/0").asText()).isEqualTo("pod-template-hash");
    assertThat(zone.has("minDomains")).isFalse();
  }

  @Test
  void podsSpreadOverNodesBestEffort() {
    JsonNode host = deployment(graphql().build()).at("/spec/template/spec/topologySpreadConstraints/1");
    assertThat(host.at("/topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
    assertThat(host.at("/maxSkew").asInt()).isEqualTo(1);
    assertThat(host.at("/whenUnsatisfiable").asText()).isEqualTo("ScheduleAnyway");
  }

  @Test
  void knownZonesRequireThatManyZones() {
    JsonNode zone = deployment(graphql().replicas(6).zones(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"))
        .build()).at("/spec/template/spec/topologySpreadConstraints/0");
    assertThat(zone.at("/minDomains").asInt()).isEqualTo(3);
  }

  @Test
  void fewerReplicasThanZonesRequireOneZoneEach() {
    JsonNode zone = deployment(graphql().replicas(2).zones(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"))
        .build()).at("/spec/template/spec/topologySpreadConstraints/0");
    assertThat(zone.at("/minDomains").asInt()).isEqualTo(2);
  }

  @Test
  void colocationIsRequiredPodAffinityOnHostname() {
    JsonNode term = deployment(graphql().colocateWith("orders").build())
        .at("/spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/0");
    assertThat(term.at("/topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
    assertThat(term.at("/labelSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("orders");
    assertThat(term.has("namespaces")).isFalse();
  }

  @Test
  void colocationAcrossNamespacesNamesTheNamespace() {
    JsonNode term = deployment(graphql().colocateWith("billing", "ledger").build())
        .at("/spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/0");
    assertThat(term.at("/namespaces/0").asText()).isEqualTo("billing");
  }

  @Test
  void withoutColocationThereIsNoAffinity() {
    assertThat(deployment(graphql().build()).at("/spec/template/spec").has("affinity")).isFalse();
  }

  @Test
  void containerRunsTheImageWithRequests() {
    JsonNode deployment = deployment(graphql().replicas(6).build());
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(6);
    JsonNode container = deployment.at("/spec/template/spec/containers/0");
    assertThat(container.at("/image").asText()).isEqualTo("graphql:2.7.0");
    assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(4000);
    assertThat(container.at("/resources/requests/cpu").asText()).isEqualTo("250m");
    assertThat(deployment.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("graphql");
    assertThat(deployment.at("/spec/template/metadata/labels/app.kubernetes.io~1name").asText()).isEqualTo("graphql");
  }

  @Test
  void zeroReplicasIsRejected() {
    assertThatThrownBy(() -> graphql().replicas(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ZonalDeploymentProps.replicas: 0 is below 1; run at least one replica (one per AZ for zonal"
            + " routing)");
  }

  @Test
  void colocationWithItselfIsRejected() {
    assertThatThrownBy(() -> graphql().colocateWith("graphql").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ZonalDeploymentProps.colocateWith: 'graphql' is the deployment itself; name the workload its pods"
            + " should share nodes with");
  }

  @Test
  void nameThatIsNotALabelIsRejected() {
    assertThatThrownBy(() -> graphql().name("GraphQL").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ZonalDeploymentProps.name: 'GraphQL' is not a DNS-1123 label; use at most 63 lower-case letters,"
            + " digits and '-', starting and ending with a letter or digit");
  }
}
