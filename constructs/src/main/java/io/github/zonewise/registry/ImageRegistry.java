package io.github.zonewise.registry;

import io.github.zonewise.facts.EcrLimits;
import io.github.zonewise.facts.AwsRegions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.ecr.CfnReplicationConfiguration;
import software.amazon.awscdk.services.ecr.CfnRepository;
import software.constructs.Construct;

/**
 * Private ECR repositories in the stack's region and, when {@link ImageRegistryProps#replicateTo()}
 * lists regions, the registry's replication configuration copying them there.
 *
 * <p>Every repository: scan on push (basic scanning, free), immutable tags (a tag always names the
 * same image, which a replica can rely on), encryption at rest with AES-256 (ECR-managed keys, no
 * KMS key charge), the {@link RepositoryLifecycle} policy, and {@code DeletionPolicy: Retain} (deleting
 * the stack never deletes images).
 *
 * <p>Replication ({@code AWS::ECR::ReplicationConfiguration}, construct id {@code Replication}): one
 * rule per {@link EcrLimits#MAX_FILTERS_PER_RULE} repositories, each rule with a {@code PREFIX_MATCH}
 * filter per repository and a destination per region in this account. A registry (account and
 * region) has one replication configuration: this one replaces any other. A prefix filter also
 * matches other repositories whose names start with a listed name.
 *
 * <p>ECR creates a missing destination repository with its defaults (mutable tags, no lifecycle
 * policy); to keep replicas the same, create an {@code ImageRegistry} with the same repositories and
 * no {@code replicateTo} in a stack of each destination region and deploy it first (the
 * {@code Landscape} does so: stacks {@code <name>-registry-<region>}).
 *
 * <p>Construct ids: {@code Repositories/<name>} ({@code /} in a name becomes {@code :}), {@code Replication}.
 */
public class ImageRegistry extends Construct {

  private final ImageRegistryProps props;
  private final Map<String, CfnRepository> repositories = new LinkedHashMap<>();
  private final CfnReplicationConfiguration replication;

  /**
   * Creates the repositories and the replication configuration.
   *
   * @param scope the parent
   * @param id    the construct id
   * @param props the properties
   * @throws IllegalArgumentException for a name ECR rejects, a repeated name or region, an unknown
   *                                  region, the stack's own region, or more than ECR's limits
   */
  public ImageRegistry(Construct scope, String id, ImageRegistryProps props) {
    super(scope, id);
    this.props = props;
    Stack stack = Stack.of(this);
    check(props, Token.isUnresolved(stack.getRegion()) ? null : stack.getRegion());

    Construct scopeOfRepositories = new Construct(this, "Repositories");
    for (String name : props.repositories()) {
      CfnRepository repository = CfnRepository.Builder.create(scopeOfRepositories, name.replace('/', ':'))
          .repositoryName(name)
          .imageScanningConfiguration(CfnRepository.ImageScanningConfigurationProperty.builder().scanOnPush(true).build())
          .imageTagMutability("IMMUTABLE")
          .encryptionConfiguration(CfnRepository.EncryptionConfigurationProperty.builder().encryptionType("AES256").build())
          .lifecyclePolicy(CfnRepository.LifecyclePolicyProperty.builder()
              .lifecyclePolicyText(props.lifecycle().policyText()).build())
          .build();
      repository.applyRemovalPolicy(RemovalPolicy.RETAIN);
      repositories.put(name, repository);
    }

    if (props.replicateTo().isEmpty()) {
      this.replication = null;
    } else {
      List<CfnReplicationConfiguration.ReplicationDestinationProperty> destinations = props.replicateTo().stream()
          .map(region -> CfnReplicationConfiguration.ReplicationDestinationProperty.builder()
              .region(region).registryId(stack.getAccount()).build())
          .toList();
      List<Object> rules = new ArrayList<>();
      List<String> names = props.repositories();
      for (int from = 0; from < names.size(); from += EcrLimits.MAX_FILTERS_PER_RULE) {
        List<Object> filters = names.subList(from, Math.min(names.size(), from + EcrLimits.MAX_FILTERS_PER_RULE))
            .stream()
            .map(name -> (Object) CfnReplicationConfiguration.RepositoryFilterProperty.builder()
                .filter(name).filterType("PREFIX_MATCH").build())
            .toList();
        rules.add(CfnReplicationConfiguration.ReplicationRuleProperty.builder()
            .destinations(new ArrayList<>(destinations))
            .repositoryFilters(filters)
            .build());
      }
      this.replication = CfnReplicationConfiguration.Builder.create(this, "Replication")
          .replicationConfiguration(CfnReplicationConfiguration.ReplicationConfigurationProperty.builder()
              .rules(rules).build())
          .build();
      // replication starts once every source repository exists
      repositories.values().forEach(replication::addResourceDependency);
    }
  }

  private static void check(ImageRegistryProps props, String region) {
    List<String> names = props.repositories();
    if (names.isEmpty()) {
      throw new IllegalArgumentException("repositories: none listed; list at least one repository name");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (!EcrLimits.isRepositoryName(name)) {
        throw new IllegalArgumentException("repositories[" + i + "]: '" + name + "' is not a repository name ECR"
            + " accepts; use 2 to 256 lower-case letters, digits and . _ - (and / between namespaces)");
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException("repositories[" + i + "]: '" + name + "' is listed twice; list it once");
      }
    }
    if (!props.replicateTo().isEmpty() && names.size() > EcrLimits.MAX_REPLICATED_REPOSITORIES) {
      throw new IllegalArgumentException("repositories: " + names.size() + " need more repository filters than ECR"
          + " allows (" + EcrLimits.MAX_RULES + " rules × " + EcrLimits.MAX_FILTERS_PER_RULE + " filters)");
    }
    List<String> regions = props.replicateTo();
    if (regions.size() > EcrLimits.MAX_DESTINATIONS_PER_RULE) {
      throw new IllegalArgumentException("replicateTo: " + regions.size() + " regions are more destinations than an"
          + " ECR replication rule takes (" + EcrLimits.MAX_DESTINATIONS_PER_RULE + ")");
    }
    Set<String> seenRegions = new HashSet<>();
    for (int i = 0; i < regions.size(); i++) {
      String r = regions.get(i);
      if (!AwsRegions.isRegion(r)) {
        throw new IllegalArgumentException("replicateTo[" + i + "]: '" + r + "' is not an AWS region; use one of "
            + AwsRegions.names());
      }
      if (r.equals(region)) {
        throw new IllegalArgumentException("replicateTo[" + i + "]: '" + r + "' is the registry's own region;"
            + " list only other regions");
      }
      if (!seenRegions.add(r)) {
        throw new IllegalArgumentException("replicateTo[" + i + "]: '" + r + "' is listed twice; list it once");
      }
    }
  }

  /** {@return the repositories by name} */
  public Map<String, CfnRepository> repositories() {
    return Collections.unmodifiableMap(repositories);
  }

  /** {@return the replication configuration; empty when {@link ImageRegistryProps#replicateTo()} is empty} */
  public Optional<CfnReplicationConfiguration> replication() {
    return Optional.ofNullable(replication);
  }

  /** {@return the props} */
  public ImageRegistryProps props() {
    return props;
  }
}
