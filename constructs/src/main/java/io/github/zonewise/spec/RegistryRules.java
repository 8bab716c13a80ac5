package io.github.zonewise.spec;

import io.github.zonewise.facts.Names;
import io.github.zonewise.facts.AwsRegions;
import io.github.zonewise.facts.EcrLimits;
import io.github.zonewise.spec.LandscapeValidator.Sections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of the {@code registry} section: repository names ECR accepts, listed once, and
 * replication regions that exist, are not the home region, are listed once and fit ECR's limits.
 */
final class RegistryRules {

  private RegistryRules() {
  }

  /**
   * Checks the section and fills in defaults ({@code replicateTo: []}).
   *
   * @param s the checked top level
   * @return the section; empty when the landscape has none or it has a problem
   */
  static Optional<RegistrySpec> check(Sections s) {
    LandscapeFile.Registry raw = s.raw().registry();
    if (raw == null) {
      return Optional.empty();
    }
    return s.problems().check(() -> check(raw, s.region()));
  }

  private static RegistrySpec check(LandscapeFile.Registry raw, String home) {
    List<String> repositories = raw.repositories();
    if (repositories == null || repositories.isEmpty()) {
      throw new LandscapeException("registry.repositories", "is missing; list the repositories to create, e.g."
          + " [orders, graphql], or remove the registry section");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < repositories.size(); i++) {
      String name = repositories.get(i);
      String field = "registry.repositories[" + i + "]";
      if (!EcrLimits.isRepositoryName(name)) {
        String suggestion = EcrLimits.suggestRepositoryName(name);
        throw new LandscapeException(field, name, "is not a repository name ECR accepts; use "
            + EcrLimits.REPOSITORY_NAME_MIN + " to " + EcrLimits.REPOSITORY_NAME_MAX + " lower-case letters and digits,"
            + " joined by single '.', '_' or '-' (and '/' between namespaces), starting and ending with a letter or"
            + " digit" + (suggestion != null ? ", e.g. '" + suggestion + "'" : ""));
      }
      Integer before = seen.putIfAbsent(name, i);
      if (before != null) {
        throw new LandscapeException(field, name, "is also registry.repositories[" + before + "]; list each"
            + " repository once");
      }
    }

    List<String> replicateTo = raw.replicateTo() == null ? List.of() : raw.replicateTo();
    Map<String, Integer> regions = new HashMap<>();
    for (int i = 0; i < replicateTo.size(); i++) {
      String region = replicateTo.get(i);
      String field = "registry.replicateTo[" + i + "]";
      if (!AwsRegions.isRegion(region)) {
        String nearest = region == null ? null : Names.nearest(region, AwsRegions.names());
        throw new LandscapeException(field, region, "is not an AWS region; "
            + (nearest != null ? "did you mean '" + nearest + "'? " : "") + "use one of "
            + String.join(", ", AwsRegions.names()));
      }
      if (region.equals(home)) {
        throw new LandscapeException(field, region, "is the home region (region), where the repositories are"
            + " created; list only the other regions that run the workload");
      }
      Integer before = regions.putIfAbsent(region, i);
      if (before != null) {
        throw new LandscapeException(field, region, "is also registry.replicateTo[" + before + "]; list each region"
            + " once");
      }
    }
    if (replicateTo.size() > EcrLimits.MAX_DESTINATIONS_PER_RULE) {
      throw new LandscapeException("registry.replicateTo", replicateTo, "lists " + replicateTo.size()
          + " regions, more destinations than an ECR replication rule takes (" + EcrLimits.MAX_DESTINATIONS_PER_RULE
          + "); replicate only to the regions that run the workload");
    }
    if (!replicateTo.isEmpty() && repositories.size() > EcrLimits.MAX_REPLICATED_REPOSITORIES) {
      throw new LandscapeException("registry.repositories", repositories.size(),
          "repositories need more repository filters than ECR's replication configuration takes (" + EcrLimits.MAX_RULES
          + " rules × " + EcrLimits.MAX_FILTERS_PER_RULE + " filters = " + EcrLimits.MAX_REPLICATED_REPOSITORIES
          + "); list at most " + EcrLimits.MAX_REPLICATED_REPOSITORIES + " repositories, or split the registry"
          + " into several landscapes");
    }
    return new RegistrySpec(repositories, replicateTo);
  }
}
