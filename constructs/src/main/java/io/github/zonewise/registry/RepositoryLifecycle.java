package io.github.zonewise.registry;

/**
 * The lifecycle policy of every repository (and replica): untagged images expire a number of days
 * after push, and only the newest images are kept. ECR storage costs $0.10 per GB-month in every
 * region that holds a copy, so the policy bounds what replication multiplies. Plain Java.
 *
 * @param untaggedDays days after which an untagged image expires, ≥ 1
 * @param keepImages   images kept per repository (the oldest beyond it expire), ≥ 1
 */
public record RepositoryLifecycle(int untaggedDays, int keepImages) {

  /** Default days an untagged image is kept. */
  public static final int DEFAULT_UNTAGGED_DAYS = 14;
  /** Default number of images kept per repository. */
  public static final int DEFAULT_KEEP_IMAGES = 100;

  /**
   * Checks both counts are at least 1.
   *
   * @param untaggedDays days after which an untagged image expires, ≥ 1
   * @param keepImages   images kept per repository, ≥ 1
   * @throws IllegalArgumentException when a count is below 1
   */
  public RepositoryLifecycle {
    if (untaggedDays < 1) {
      throw new IllegalArgumentException("untaggedDays must be at least 1, not " + untaggedDays);
    }
    if (keepImages < 1) {
      throw new IllegalArgumentException("keepImages must be at least 1, not " + keepImages);
    }
  }

  /**
   * Untagged images expire after 14 days; the 100 newest images are kept.
   *
   * @return the default lifecycle
   */
  public static RepositoryLifecycle defaults() {
    return new RepositoryLifecycle(DEFAULT_UNTAGGED_DAYS, DEFAULT_KEEP_IMAGES);
  }

  /**
   * The ECR lifecycle policy text: rule 1 expires untagged images, rule 2 (which ECR requires to
   * have the highest priority number, as it selects {@code any} tag status) keeps the newest images.
   *
   * @return the policy JSON, keys in a fixed order
   */
  public String policyText() {
    return "{\"rules\":["
        + "{\"rulePriority\":1,\"description\":\"Expire untagged images " + untaggedDays + " days after push\","
        + "\"selection\":{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\","
        + "\"countNumber\":" + untaggedDays + "},\"action\":{\"type\":\"expire\"}},"
        + "{\"rulePriority\":2,\"description\":\"Keep the " + keepImages + " newest images\","
        + "\"selection\":{\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\",\"countNumber\":" + keepImages
        + "},\"action\":{\"type\":\"expire\"}}]}";
  }
}
