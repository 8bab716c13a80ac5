package io.github.zonewise.landscape;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.zonewise.spec.Vocabulary;
import io.github.zonewise.spec.LandscapeFile;
import io.github.zonewise.facts.AwsRegions;
import io.github.zonewise.spec.LandscapeReader;
import io.github.zonewise.spec.LandscapeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.zonewise.network.NatStrategy;
import io.github.zonewise.facts.VpcEndpoints;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** landscape.schema.json is in step with the Java binding and accepts what the app accepts. */
class LandscapeSchemaTest {

  static final Path SCHEMA = Path.of("..", "landscape.schema.json");
  static JsonNode schema;
  static Schema validator;

  @BeforeAll
  static void load() throws IOException {
    String text = Files.readString(SCHEMA);
    schema = new ObjectMapper().readTree(text);
    validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
  }

  @Test
  void everyObjectOfTheSchemaHasExactlyTheKeysOfItsJavaRecord() {
    List<String> problems = new ArrayList<>();
    compare(LandscapeFile.class, schema, "landscape", problems);
    assertThat(problems).isEmpty();
  }

  @Test
  void theEmbeddedDefaultLandscapeValidatesAgainstTheSchema() {
    assertThat(validator.validate(LandscapeReader.defaultText(), InputFormat.YAML)).isEmpty();
  }

  @Test
  void theSchemaRejectsAnUnknownKeyAsTheAppDoes() {
    assertThat(validator.validate("name: shop\nregion: eu-west-1\navailabilityZones: [eu-west-1a]\nnetwrok: {}\n",
        InputFormat.YAML)).isNotEmpty();
  }

  @Test
  void theSchemasNatStrategiesAreTheAppsNatStrategies() {
    assertThat(strings(schema.at("/properties/network/properties/nat/enum"))).isEqualTo(Vocabulary.NAT.names());
  }

  @Test
  void theSchemasEndpointNamesAreTheAppsEndpointNames() {
    assertThat(strings(schema.at("/properties/network/properties/gatewayEndpoints/items/enum"))).isEqualTo(VpcEndpoints.GATEWAY);
    assertThat(strings(schema.at("/properties/network/properties/interfaceEndpoints/items/enum"))).isEqualTo(VpcEndpoints.INTERFACE);
  }

  @Test
  void theSchemasRegionsAreTheAppsRegions() {
    assertThat(strings(schema.at("/properties/region/enum"))).isEqualTo(AwsRegions.names());
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Walks a record type and its schema object side by side. */
  static void compare(Class<?> type, JsonNode object, String where, List<String> problems) {
    List<String> javaKeys = Arrays.stream(type.getRecordComponents())
        .filter(c -> !c.getAccessor().isAnnotationPresent(JsonIgnore.class)).map(RecordComponent::getName).sorted()
        .toList();
    List<String> schemaKeys = new ArrayList<>();
    for (Iterator<String> it = object.path("properties").fieldNames(); it.hasNext(); ) {
      schemaKeys.add(it.next());
    }
    schemaKeys.sort(null);
    if (!javaKeys.equals(schemaKeys)) {
      problems.add(where + ": Java " + javaKeys + " vs schema " + schemaKeys);
    }
    if (!object.path("additionalProperties").isBoolean() || object.path("additionalProperties").asBoolean()) {
      problems.add(where + ": additionalProperties must be false");
    }
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
        continue;
      }
      JsonNode property = object.path("properties").path(c.getName());
      descend(c.getGenericType(), property, where + "." + c.getName(), problems);
    }
  }

  static void descend(Type type, JsonNode property, String where, List<String> problems) {
    if (type instanceof Class<?> cls && cls.isRecord()) {
      compare(cls, property, where, problems);
    } else if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      descend(p.getActualTypeArguments()[0], property.path("items"), where + "[]", problems);
    } else if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
      descend(p.getActualTypeArguments()[1], property.path("additionalProperties"), where + "{}", problems);
    }
  }
}
