package io.github.zonewise.k8s;

import io.github.zonewise.spec.Vocabulary;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The services and nodePools parts of landscape.schema.json offer exactly the choices the constructs have. */
class WorkloadSchemaTest {

  static JsonNode schema;
  static Schema validator;

  @BeforeAll
  static void load() throws Exception {
    String text = Files.readString(Path.of("..", "landscape.schema.json"));
    schema = new ObjectMapper().readTree(text);
    validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
  }

  private static List<String> strings(String pointer) {
    List<String> out = new ArrayList<>();
    schema.at(pointer).forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void routingModesAreTheConstructsModes() {
    assertThat(strings("/properties/services/items/properties/routing/enum")).isEqualTo(Vocabulary.ROUTING.names());
  }

  @Test
  void exposuresAndSchemesAreTheConstructs() {
    assertThat(strings("/properties/services/items/properties/expose/enum"))
        .containsExactly("none", Vocabulary.LOAD_BALANCER.names().get(0), Vocabulary.LOAD_BALANCER.names().get(1));
    assertThat(strings("/properties/services/items/properties/scheme/enum")).isEqualTo(Vocabulary.SCHEME.names());
  }

  @Test
  void nodePoolChoicesAreTheConstructs() {
    assertThat(strings("/properties/nodePools/items/properties/capacityTypes/items/enum"))
        .isEqualTo(ZonalNodePoolsProps.CAPACITY_TYPES);
    assertThat(strings("/properties/nodePools/items/properties/architectures/items/enum"))
        .isEqualTo(ZonalNodePoolsProps.ARCHITECTURES);
    assertThat(strings("/properties/nodePools/items/properties/ami/properties/family/enum"))
        .isEqualTo(NodeAmi.CUSTOM_FAMILIES);
    assertThat(NodeAmi.DEFAULT_ALIAS).matches(schema.at("/properties/nodePools/items/properties/ami/properties/alias"
        + "/pattern").asText());
  }

  @Test
  void theEveryOptionLandscapeValidatesAgainstTheSchema() {
    assertThat(validator.validate(EveryOptionKubernetesTest.LANDSCAPE, InputFormat.YAML)).isEmpty();
  }

  @Test
  void theSchemaRejectsAnUnpinnedAlias() {
    assertThat(validator.validate("name: shop\nregion: eu-west-1\navailabilityZones: [eu-west-1a, eu-west-1b]\n"
        + "nodePools:\n  - {name: general, ami: {alias: al2023@latest}}\n", InputFormat.YAML)).isNotEmpty();
  }
}
