package io.github.zonewise.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zonewise.test.Synth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;

/**
 * A landscape without a {@code cluster} section still writes its Karpenter NodePools (for a cluster the
 * user runs, named as the landscape), so the network stack tags the private subnets with the discovery
 * tag the NodePools select them by, and the synth says so (a landscape without a {@code nodePools}
 * section has the default pool); with {@code nodePools: []} no subnet is tagged.
 */
class NoClusterLandscapeTest {

  static final String LANDSCAPE = """
      name: solo
      region: eu-west-1
      availabilityZones: [eu-west-1a, eu-west-1b]
      registry:
        repositories: [orders]
        replicateTo: [us-west-2, eu-central-1]
      services:
        - {name: orders, namespace: shop, image: orders:1.0.0, port: 8080, replicas: 2}
      nodePools:
        - name: general
          zones: each
          ami:
            alias: al2023@v20260818
      """;

  static Synth.Synthesized withPools;
  static Synth.Synthesized withoutPools;

  @BeforeAll
  static void synthesize() {
    withPools = Synth.landscape(LANDSCAPE);
    withoutPools = Synth.landscape(LANDSCAPE.substring(0, LANDSCAPE.indexOf("nodePools:")) + "nodePools: []\n");
  }

  static List<String> discoveryTags(JsonNode network, String tier) {
    List<String> found = new ArrayList<>();
    network.path("Resources").forEach(r -> {
      if (!r.path("Type").asText().equals("AWS::EC2::Subnet")) {
        return;
      }
      String rowTier = null;
      String discovery = null;
      for (JsonNode tag : r.path("Properties").path("Tags")) {
        if (tag.path("Key").asText().equals("zonewise.io/tier")) {
          rowTier = tag.path("Value").asText();
        } else if (tag.path("Key").asText().equals("karpenter.sh/discovery")) {
          discovery = tag.path("Value").asText();
        }
      }
      if (tier.equals(rowTier)) {
        found.add(String.valueOf(discovery));
      }
    });
    return found;
  }

  @Test
  void theNodePoolsDiscoveryTagIsOnEveryPrivateSubnetAndTheSynthSaysWhoseClusterItIs() {
    assertThat(withPools.manifests()).extracting(p -> p.getFileName().toString()).contains("nodepools.k8s.yaml");
    assertThat(withPools.landscape().clusterStack()).isEmpty();
    JsonNode network = withPools.templateJson("network");
    assertThat(discoveryTags(network, "private")).containsExactly("solo", "solo");
    assertThat(discoveryTags(network, "public")).containsExactly("null", "null");
    assertThat(withPools.output().lines()).contains("zonewise: no cluster section: the Karpenter NodePools"
        + " (nodepools.k8s.yaml) are for an EKS cluster named 'solo' that you run with Karpenter; the network stack"
        + " tags its private subnets karpenter.sh/discovery: solo for them, and that cluster needs the node role"
        + " KarpenterNodeRole-solo and a security group with the same tag (or add a cluster section, which builds"
        + " all of it)");
    assertThat(withPools.dist().resolve("nodepools.k8s.yaml")).content()
        .contains("karpenter.sh/discovery: solo");
  }

  @Test
  void withoutNodePoolsNoSubnetIsTaggedAndNothingIsSaid() {
    assertThat(withoutPools.manifests()).extracting(p -> p.getFileName().toString())
        .doesNotContain("nodepools.k8s.yaml");
    assertThat(discoveryTags(withoutPools.templateJson("network"), "private")).containsExactly("null", "null");
    assertThat(withoutPools.output()).doesNotContain("no cluster section");
  }

  @Test
  void everyStackOfALandscapeWithoutAClusterHasTheCostLintsNagReport() {
    List<String> stacks = withPools.landscape().stacks().stream().map(Stack::getStackName).toList();
    assertThat(stacks).containsExactly("solo-network", "solo-registry", "solo-registry-us-west-2",
        "solo-registry-eu-central-1");
    for (String stack : stacks) {
      assertThat(withPools.outdir().resolve("ZW-" + stack + "-NagReport.csv")).as(stack).isRegularFile();
    }
  }
}
