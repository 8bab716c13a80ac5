package io.github.zonewise.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zonewise.test.Snapshots;
import io.github.zonewise.test.Synth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;

/** The default landscape's registry: repositories in eu-west-1, replicated to us-west-2. */
class RegistryLandscapeTest {

  static Synth.Synthesized synth;
  static JsonNode registry;
  static JsonNode replica;

  @BeforeAll
  static void synthesize() {
    synth = Synth.defaultLandscape();
    registry = synth.templateJson("registry");
    replica = synth.templateJson("registry-us-west-2");
  }

  static Map<String, JsonNode> resources(JsonNode template, String type) {
    Map<String, JsonNode> found = new TreeMap<>();
    template.path("Resources").fields().forEachRemaining(e -> {
      if (e.getValue().path("Type").asText().equals(type)) {
        found.put(e.getKey(), e.getValue());
      }
    });
    return found;
  }

  static List<String> names(JsonNode template) {
    return resources(template, "AWS::ECR::Repository").values().stream()
        .map(r -> r.path("Properties").path("RepositoryName").asText()).sorted().toList();
  }

  @Test
  void registryStackHoldsOneRepositoryPerListedName() {
    assertThat(synth.stack("registry").getRegion()).isEqualTo("eu-west-1");
    assertThat(names(registry)).containsExactly("express-test", "graphql", "orders");
  }

  @Test
  void everyRepositoryScansOnPushKeepsTagsImmutableIsEncryptedAndExpiresOldImages() throws Exception {
    for (JsonNode repository : resources(registry, "AWS::ECR::Repository").values()) {
      JsonNode p = repository.path("Properties");
      assertThat(p.path("ImageScanningConfiguration").path("ScanOnPush").asBoolean()).isTrue();
      assertThat(p.path("ImageTagMutability").asText()).isEqualTo("IMMUTABLE");
      assertThat(p.path("EncryptionConfiguration").path("EncryptionType").asText()).isEqualTo("AES256");
      JsonNode rules = new ObjectMapper().readTree(p.path("LifecyclePolicy").path("LifecyclePolicyText").asText())
          .path("rules");
      assertThat(rules).hasSize(2);
      assertThat(rules.get(0).path("selection").path("tagStatus").asText()).isEqualTo("untagged");
      assertThat(rules.get(0).path("selection").path("countType").asText()).isEqualTo("sinceImagePushed");
      assertThat(rules.get(0).path("selection").path("countNumber").asInt()).isEqualTo(14);
      assertThat(rules.get(1).path("selection").path("tagStatus").asText()).isEqualTo("any");
      assertThat(rules.get(1).path("selection").path("countType").asText()).isEqualTo("imageCountMoreThan");
      assertThat(rules.get(1).path("selection").path("countNumber").asInt()).isEqualTo(100);
    }
  }

  @Test
  void repositoriesAreRetainedWhenTheirStackIsDeleted() {
    resources(registry, "AWS::ECR::Repository").values().forEach(r -> {
      assertThat(r.path("DeletionPolicy").asText()).isEqualTo("Retain");
      assertThat(r.path("UpdateReplacePolicy").asText()).isEqualTo("Retain");
    });
  }

  @Test
  void replicationHasOneRuleWithAPrefixFilterPerRepositoryAndADestinationPerRegion() {
    Map<String, JsonNode> configurations = resources(registry, "AWS::ECR::ReplicationConfiguration");
    assertThat(configurations).hasSize(1);
    JsonNode rules = configurations.values().iterator().next().path("Properties").path("ReplicationConfiguration")
        .path("Rules");
    assertThat(rules).hasSize(1);
    List<String> filters = new ArrayList<>();
    rules.get(0).path("RepositoryFilters").forEach(f -> {
      assertThat(f.path("FilterType").asText()).isEqualTo("PREFIX_MATCH");
      filters.add(f.path("Filter").asText());
    });
    assertThat(filters).containsExactly("orders", "graphql", "express-test");
    JsonNode destinations = rules.get(0).path("Destinations");
    assertThat(destinations).hasSize(1);
    assertThat(destinations.get(0).path("Region").asText()).isEqualTo("us-west-2");
    assertThat(destinations.get(0).path("RegistryId").path("Ref").asText()).isEqualTo("AWS::AccountId");
  }

  @Test
  void replicationStartsOnceEverySourceRepositoryExists() {
    JsonNode configuration = resources(registry, "AWS::ECR::ReplicationConfiguration").values().iterator().next();
    List<String> dependsOn = new ArrayList<>();
    configuration.path("DependsOn").forEach(d -> dependsOn.add(d.asText()));
    assertThat(dependsOn).containsExactlyInAnyOrderElementsOf(resources(registry, "AWS::ECR::Repository").keySet());
  }

  @Test
  void eachReplicaRegionGetsTheSameRepositoriesInAStackDeployedBeforeReplicationStarts() {
    Stack replicaStack = synth.stack("registry-us-west-2");
    assertThat(replicaStack.getRegion()).isEqualTo("us-west-2");
    assertThat(resources(replica, "AWS::ECR::Repository")).isEqualTo(resources(registry, "AWS::ECR::Repository"));
    assertThat(resources(replica, "AWS::ECR::ReplicationConfiguration")).isEmpty();
    assertThat(synth.stack("registry").getDependencies()).extracting(Stack::getStackName)
        .contains("shop-registry-us-west-2");
  }

  @Test
  void registryStacksHaveNoUnsuppressedNagError() {
    assertThat(synth.nagFindings("registry", true)).isEmpty();
    assertThat(synth.nagFindings("registry-us-west-2", true)).isEmpty();
  }

  @Test
  void defaultRegistryMatchesSnapshot() {
    Snapshots.assertMatches("default-registry", registry);
    Snapshots.assertMatches("default-registry-us-west-2", replica);
  }
}
