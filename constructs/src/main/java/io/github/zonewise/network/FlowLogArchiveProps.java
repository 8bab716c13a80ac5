package io.github.zonewise.network;

/**
 * Properties of a {@link FlowLogArchive}. Build with {@link #builder()}; every property has a default.
 */
public final class FlowLogArchiveProps {

  private final int retentionDays;

  private FlowLogArchiveProps(Builder b) {
    this.retentionDays = b.retentionDays;
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
