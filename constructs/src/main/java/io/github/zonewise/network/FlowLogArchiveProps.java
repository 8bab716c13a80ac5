package io.github.zonewise.network;

import io.github.zonewise.facts.InvalidValue;

/**
 * Properties of a {@link FlowLogArchive}. Build with {@link #builder()}; every property has a default.
 */
public final class FlowLogArchiveProps {

  private final int retentionDays;

  private FlowLogArchiveProps(Builder b) {
    this.retentionDays = b.retentionDays;
  }

  /**
   * A retention the archive's lifecycle rule can keep: a whole number of days, at least 1 (S3 expires
   * objects after any number of days, unlike CloudWatch Logs' fixed retentions).
   *
   * @param property the property or field path
   * @param days     the retention
   * @return the retention
   * @throws InvalidValue for less than a day
   */
  public static int checkRetention(String property, int days) {
    if (days < 1) {
      throw new InvalidValue(property, days, "keeps no flow log; keep them at least 1 day");
    }
    return days;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return days a flow-log file is kept before the bucket's lifecycle rule deletes it} Default 30. S3
   * storage is billed per GB-month, so the archive holds about {@code retentionDays / 30} months of records;
   * Athena queries scan what is kept.
   */
  public int retentionDays() {
    return retentionDays;
  }

  /** Builds {@link FlowLogArchiveProps}. */
  public static final class Builder {
    private int retentionDays = 30;

    private Builder() {
    }

    /**
     * Days a flow-log file is kept. Default 30.
     *
     * @param days at least 1
     * @return this builder
     */
    public Builder retentionDays(int days) {
      this.retentionDays = days;
      return this;
    }

    /** {@return the props} */
    public FlowLogArchiveProps build() {
      return new FlowLogArchiveProps(this);
    }
  }
}
