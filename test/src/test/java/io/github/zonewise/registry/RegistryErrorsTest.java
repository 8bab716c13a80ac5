package io.github.zonewise.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zonewise.facts.AwsRegions;
import io.github.zonewise.spec.LandscapeException;
import io.github.zonewise.spec.LandscapeReader;
import io.github.zonewise.spec.LandscapeValidator;
import io.github.zonewise.spec.ValidatedLandscape;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every message of the {@code registry} rules, exactly; the checks run before anything is built. */
class RegistryErrorsTest {

  static final String BASE = """
      name: shop
      region: eu-west-1
      availabilityZones: [eu-west-1a, eu-west-1b]
      services: []
      """;

  static ValidatedLandscape validate(String yaml) {
    return LandscapeValidator.validate(LandscapeReader.parse(BASE + yaml, "test"), "test");
  }

  static void fails(String yaml, String message) {
    assertThatThrownBy(() -> validate(yaml)).isInstanceOf(LandscapeException.class).hasMessage(message);
  }

  @Test
  void registryWithoutRepositories() {
    fails("""
        registry:
          replicateTo: [us-west-2]
        """, "registry.repositories: is missing; list the repositories to create, e.g. [orders, graphql], or remove the"
        + " registry section (line 6, column 3)");
  }

  @Test
  void repositoryNameEcrRejectsSuggestsOneItAccepts() {
    fails("""
        registry:
          repositories: [orders, "Orders API"]
        """, "registry.repositories[1]: 'Orders API' is not a repository name ECR accepts; use 2 to 256 lower-case"
        + " letters and digits, joined by single '.', '_' or '-' (and '/' between namespaces), starting and ending"
        + " with a letter or digit, e.g. 'orders-api' (line 6, column 26)");
  }

  @Test
  void repositoryListedTwice() {
    fails("""
        registry:
          repositories: [orders, graphql, orders]
        """, "registry.repositories[2]: 'orders' is also registry.repositories[0]; list each repository once (line 6, column 35)");
  }

  @Test
  void unknownRegionSuggestsTheNearest() {
    fails("""
        registry:
          repositories: [orders]
          replicateTo: [us-west-9]
        """, "registry.replicateTo[0]: 'us-west-9' is not an AWS region; did you mean 'us-west-1'? use one of "
        + String.join(", ", AwsRegions.names()) + " (line 7, column 17)");
  }

  @Test
  void replicatingToTheHomeRegion() {
    fails("""
        registry:
          repositories: [orders]
          replicateTo: [us-west-2, eu-west-1]
        """, "registry.replicateTo[1]: 'eu-west-1' is the home region (region), where the repositories are created;"
        + " list only the other regions that run the workload (line 7, column 28)");
  }

  @Test
  void regionListedTwice() {
    fails("""
        registry:
          repositories: [orders]
          replicateTo: [us-west-2, us-east-1, us-west-2]
        """, "registry.replicateTo[2]: 'us-west-2' is also registry.replicateTo[0]; list each region once (line 7, column 39)");
  }

  @Test
  void moreDestinationsThanAnEcrReplicationRuleTakes() {
    List<String> regions = AwsRegions.names().stream().filter(r -> !r.equals("eu-west-1")).limit(26).toList();
    fails("registry:\n  repositories: [orders]\n  replicateTo: [" + String.join(", ", regions) + "]\n",
        "registry.replicateTo: [" + String.join(", ", regions) + "] lists 26 regions, more destinations than an ECR"
            + " replication rule takes (25); replicate only to the regions that run the workload (line 7, column 16)");
  }

  @Test
  void moreRepositoryFiltersThanEcrReplicationTakes() {
    String names = IntStream.range(0, 1001).mapToObj(i -> "app-" + i).collect(Collectors.joining(", "));
    fails("registry:\n  repositories: [" + names + "]\n  replicateTo: [us-west-2]\n",
        "registry.repositories: 1001 repositories need more repository filters than ECR's replication configuration"
            + " takes (10 rules × 100 filters = 1000); list at most 1000 repositories, or split the registry into"
            + " several landscapes (line 6, column 17)");
  }

  @Test
  void defaultsAreFilledIn() {
    ValidatedLandscape checked = validate("""
        registry:
          repositories: [orders]
        """);
    assertThat(checked.spec().registry().orElseThrow().replicateTo()).isEmpty();
  }
}
