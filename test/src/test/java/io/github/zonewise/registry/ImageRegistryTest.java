package io.github.zonewise.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/** {@link ImageRegistry} used on its own: many repositories, namespaces, several regions, its own checks. */
class ImageRegistryTest {

  static final List<String> MANY = IntStream.range(0, 101).mapToObj(i -> String.format("team/app-%03d", i)).toList();
  static Template assertions;
  static JsonNode template;

  @BeforeAll
  static void synthesize() {
    App app = new App();
    Stack stack = new Stack(app, "Images", StackProps.builder()
        .env(Environment.builder().account("123456789012").region("eu-west-1").build()).build());
    new ImageRegistry(stack, "Registry", ImageRegistryProps.builder()
        .repositories(MANY)
        .replicateTo(List.of("us-west-2", "ap-southeast-2"))
        .lifecycle(new RepositoryLifecycle(7, 30))
        .build());
    assertions = Template.fromStack(stack);
    template = new ObjectMapper().valueToTree(assertions.toJSON());
  }

  @Test
  void namespacedRepositoriesAreCreatedUnderTheirFullNames() {
    Map<String, Map<String, Object>> repositories = assertions.findResources("AWS::ECR::Repository");
    assertThat(repositories).hasSize(101);
    assertions.hasResourceProperties("AWS::ECR::Repository", Map.of("RepositoryName", "team/app-042"));
  }

  @Test
  void moreRepositoriesThanOneRuleFiltersSplitIntoRulesOfAHundredFiltersWithEveryDestination() {
    JsonNode rules = template.path("Resources").findValue("ReplicationConfiguration").path("Rules");
    assertThat(rules).hasSize(2);
    assertThat(rules.get(0).path("RepositoryFilters")).hasSize(100);
    assertThat(rules.get(1).path("RepositoryFilters")).hasSize(1);
    assertThat(rules.get(1).path("RepositoryFilters").get(0).path("Filter").asText()).isEqualTo("team/app-100");
    for (JsonNode rule : rules) {
      assertThat(rule.path("Destinations")).hasSize(2);
      assertThat(rule.path("Destinations").get(0).path("Region").asText()).isEqualTo("us-west-2");
      assertThat(rule.path("Destinations").get(1).path("Region").asText()).isEqualTo("ap-southeast-2");
      assertThat(rule.path("Destinations").get(0).path("RegistryId").asText()).isEqualTo("123456789012");
    }
  }

  @Test
  void aCustomLifecycleIsWrittenToEveryRepository() {
    assertions.hasResourceProperties("AWS::ECR::Repository", Map.of(
        "RepositoryName", "team/app-000",
        "LifecyclePolicy", Map.of("LifecyclePolicyText", new RepositoryLifecycle(7, 30).policyText())));
  }

  @Test
  void replicatingToTheStacksOwnRegionIsRejected() {
    Stack other = new Stack(new App(), "Other", StackProps.builder()
        .env(Environment.builder().region("eu-west-1").build()).build());
    assertThatThrownBy(() -> new ImageRegistry(other, "Registry", ImageRegistryProps.builder()
        .repositories(List.of("orders")).replicateTo(List.of("eu-west-1")).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("replicateTo[0]: 'eu-west-1' is the registry's own region; list only other regions");
  }

  @Test
  void aNameEcrRejectsIsRejected() {
    Stack other = new Stack(new App(), "Other", StackProps.builder()
        .env(Environment.builder().region("eu-west-1").build()).build());
    assertThatThrownBy(() -> new ImageRegistry(other, "Registry", ImageRegistryProps.builder()
        .repositories(List.of("Orders")).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("repositories[0]: 'Orders' is not a repository name ECR accepts; use 2 to 256 lower-case letters,"
            + " digits and . _ - (and / between namespaces)");
  }
}
