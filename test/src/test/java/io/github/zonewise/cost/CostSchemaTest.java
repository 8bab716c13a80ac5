package io.github.zonewise.cost;

import io.github.zonewise.facts.PriceBook;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema's {@code prices} keys are the price book's keys. */
class CostSchemaTest {

  @Test
  void theSchemasPriceKeysAreThePriceBooksKeys() throws Exception {
    JsonNode schema = new ObjectMapper().readTree(Path.of("..", "landscape.schema.json").toFile());
    List<String> keys = new ArrayList<>();
    schema.at("/properties/prices/propertyNames/enum").forEach(k -> keys.add(k.asText()));
    assertThat(keys).isEqualTo(PriceBook.defaults().keys());
  }
}
