package io.github.zonewise.cluster;

import io.github.zonewise.spec.Vocabulary;
import io.github.zonewise.spec.LandscapeReader;
import io.github.zonewise.spec.LandscapeValidator;
import io.github.zonewise.facts.KubernetesVersions;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zonewise.spec.LandscapeSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code cluster} part of landscape.schema.json says what the cluster rules accept. */
class ClusterSchemaTest {

  static JsonNode cluster;

  @BeforeAll
  static void load() throws IOException {
    cluster = new ObjectMapper().readTree(Path.of("..", "landscape.schema.json").toFile()).at("/properties/cluster/properties");
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void endpointNamesAreTheAppsEndpointNames() {
    assertThat(strings(cluster.at("/endpoint/enum"))).isEqualTo(Vocabulary.ENDPOINTS);
  }

  @Test
  void meshNamesAreTheAppsMeshNames() {
    assertThat(strings(cluster.at("/mesh/enum"))).isEqualTo(Vocabulary.MESH.names());
  }

  @Test
  void defaultsAreTheAppsDefaults() {
    assertThat(cluster.at("/version/default").asText()).isEqualTo(KubernetesVersions.DEFAULT)
        .isEqualTo(LandscapeValidator.validate(LandscapeReader.parse("name: shop\nregion: eu-west-1\n"
            + "availabilityZones: [eu-west-1a, eu-west-1b]\ncluster: {}\n", "test"), "test").spec().kubernetesVersion());
    assertThat(cluster.at("/systemNodes/properties/instanceType/default").asText())
        .isEqualTo(SystemNodes.DEFAULT_INSTANCE_TYPE);
    assertThat(cluster.at("/systemNodes/properties/instanceType/pattern").asText())
        .isEqualTo("^" + SystemNodes.INSTANCE_TYPE.pattern() + "$");
  }
}
