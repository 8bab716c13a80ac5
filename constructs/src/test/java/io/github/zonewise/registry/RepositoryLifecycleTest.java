package io.github.zonewise.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RepositoryLifecycleTest {

  @Test
  void untaggedImagesExpireFirstAndTheAnyRuleComesLast() throws Exception {
    JsonNode rules = new ObjectMapper().readTree(new RepositoryLifecycle(3, 20).policyText()).path("rules");
    assertThat(rules).hasSize(2);
    assertThat(rules.get(0).path("rulePriority").asInt()).isEqualTo(1);
    assertThat(rules.get(0).path("selection").path("tagStatus").asText()).isEqualTo("untagged");
    assertThat(rules.get(0).path("selection").path("countUnit").asText()).isEqualTo("days");
    assertThat(rules.get(0).path("selection").path("countNumber").asInt()).isEqualTo(3);
    assertThat(rules.get(1).path("rulePriority").asInt()).isEqualTo(2);
    assertThat(rules.get(1).path("selection").path("tagStatus").asText()).isEqualTo("any");
    assertThat(rules.get(1).path("selection").path("countNumber").asInt()).isEqualTo(20);
    rules.forEach(r -> assertThat(r.path("action").path("type").asText()).isEqualTo("expire"));
  }

  @Test
  void defaultsKeepAHundredImagesAndUntaggedOnesForTwoWeeks() {
    assertThat(RepositoryLifecycle.defaults()).isEqualTo(new RepositoryLifecycle(14, 100));
  }

  @Test
  void countsBelowOneAreRejected() {
    assertThatThrownBy(() -> new RepositoryLifecycle(0, 10)).hasMessage("untaggedDays must be at least 1, not 0");
    assertThatThrownBy(() -> new RepositoryLifecycle(1, 0)).hasMessage("keepImages must be at least 1, not 0");
  }
}
