package io.github.zonewise.facts;

import java.util.regex.Pattern;

/**
 * What Amazon ECR accepts, checked in plain Java before anything is built. Sources: the ECR API
 * reference ({@code CreateRepository}, {@code ReplicationConfiguration}, {@code ReplicationRule})
 * and the ECR service quotas page.
 */
public final class EcrLimits {

  /**
   * A private repository name: lower-case letters and digits in parts joined by {@code .}, {@code _}
   * or {@code -}, optionally in namespaces separated by {@code /} (ECR's {@code repositoryName}
   * pattern), 2 to 256 characters.
   */
  public static final Pattern REPOSITORY_NAME =
      Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
  /** The shortest repository name ECR accepts. */
  public static final int REPOSITORY_NAME_MIN = 2;
  /** The longest repository name ECR accepts. */
  public static final int REPOSITORY_NAME_MAX = 256;
  /** Rules in one registry's replication configuration (ECR API: {@code rules}, at most 10). */
  public static final int MAX_RULES = 10;
  /**
   * Destinations in one replication rule. Sources disagree: the ECR API reference and the current
   * CloudFormation reference say 100, the earlier CloudFormation reference and ECR user guide say 25.
   * Zonewise takes the stricter 25, which both accept.
   */
  public static final int MAX_DESTINATIONS_PER_RULE = 25;
  /** Repository filters in one replication rule (ECR service quota, not adjustable: 100). */
  public static final int MAX_FILTERS_PER_RULE = 100;
  /** Repositories one replication configuration can name: {@link #MAX_RULES} × {@link #MAX_FILTERS_PER_RULE}. */
  public static final int MAX_REPLICATED_REPOSITORIES = MAX_RULES * MAX_FILTERS_PER_RULE;

  private EcrLimits() {
  }

  /**
   * Whether ECR accepts a repository name.
   *
   * @param name a repository name
   * @return true if it matches {@link #REPOSITORY_NAME} and has 2 to 256 characters
   */
  public static boolean isRepositoryName(String name) {
    return name != null && name.length() >= REPOSITORY_NAME_MIN && name.length() <= REPOSITORY_NAME_MAX
        && REPOSITORY_NAME.matcher(name).matches();
  }

  /**
   * A repository name ECR accepts that is close to a rejected one: lower-cased, every other
   * character turned into {@code -}, separators collapsed and trimmed.
   *
   * @param name a rejected name
   * @return the suggestion, or null when nothing usable is left
   */
  public static String suggestRepositoryName(String name) {
    if (name == null) {
      return null;
    }
    String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._/-]", "-")
        .replaceAll("([._-])[._-]+", "$1")
        .replaceAll("/+", "/")
        .replaceAll("[._-]*/[._-]*", "/")
        .replaceAll("^[._/-]+|[._/-]+$", "");
    if (s.length() > REPOSITORY_NAME_MAX) {
      s = s.substring(0, REPOSITORY_NAME_MAX).replaceAll("[._/-]+$", "");
    }
    return isRepositoryName(s) ? s : null;
  }
}
