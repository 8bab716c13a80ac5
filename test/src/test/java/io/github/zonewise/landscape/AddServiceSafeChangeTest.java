package io.github.zonewise.landscape;

import io.github.zonewise.spec.LandscapeReader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.zonewise.test.Synth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Adding a service to a landscape is a safe change: every resource of every stack keeps its
 * logical id, type and create-only properties (CloudFormation would replace it otherwise), and every Kubernetes object already generated stays exactly as it was.
 */
class AddServiceSafeChangeTest {

  static Synth.Synthesized before;
  static Synth.Synthesized after;

  @BeforeAll
  static void synthesize() {
    before = Synth.defaultLandscape();
    String withService = LandscapeReader.defaultText().replace("\nnodePools:", """

          - name: catalog
            namespace: ecommerce
            image: catalog:3.1.0
            port: 7000
            replicas: 3
            routing: preferSameZone
        nodePools:""".replace("\n        ", "\n  ").replaceFirst("^\n  ", "\n  "));
    after = Synth.landscape(withService);
  }

  @Test
  void theLandscapeWithTheNewServiceHasOneServiceMore() {
    assertThat(after.landscape().landscape().spec().services())
        .hasSize(before.landscape().landscape().spec().services().size() + 1);
  }

  @Test
  void everyResourceOfEveryStackKeepsItsLogicalIdTypeAndCreateOnlyProperties() {
    for (var stack : before.landscape().stacks()) {
      String concern = stack.getStackName().substring(stack.getStackName().indexOf('-') + 1);
      JsonNode old = before.templateJson(concern);
      JsonNode now = after.templateJson(concern);
      assertThat(io.github.zonewise.test.CreateOnly.unsafe(old, now)).as("what adding a service replaces in %s",
          stack.getStackName()).isEmpty();
    }
  }

  @Test
  void everyKubernetesObjectAlreadyGeneratedIsUnchanged() throws IOException {
    List<JsonNode> old = objects(before.dist());
    List<JsonNode> now = objects(after.dist());
    assertThat(now).containsAll(old);
    assertThat(now.size()).isGreaterThan(old.size());
  }

  static List<JsonNode> objects(Path dist) throws IOException {
    ObjectMapper yaml = new YAMLMapper();
    List<JsonNode> out = new ArrayList<>();
    try (var files = Files.list(dist)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".k8s.yaml")).sorted().toList()) {
        try (var parser = new YAMLFactory().createParser(f.toFile())) {
          yaml.readValues(parser, JsonNode.class).forEachRemaining(n -> {
            if (n != null && !n.isNull()) {
              out.add(n);
            }
          });
        }
      }
    }
    return out;
  }
}
