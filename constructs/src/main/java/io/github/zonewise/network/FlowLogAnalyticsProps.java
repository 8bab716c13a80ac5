package io.github.zonewise.network;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.services.ec2.CfnVPCEndpoint;

/**
 * Properties of a {@link FlowLogAnalytics}. Build with {@link #builder()}; only the archive is required.
 */
public final class FlowLogAnalyticsProps {

  /** The default per-query scan limit: 1 TiB, $5 at Athena's $5 per TB scanned. */
  public static final long DEFAULT_BYTES_SCANNED_CUTOFF = 1L << 40;

  private final FlowLogArchive archive;
  private final String name;
  private final List<Map.Entry<String, CfnVPCEndpoint>> interfaceEndpoints;
  private final int resultRetentionDays;
  private final long bytesScannedCutoffPerQuery;

  private FlowLogAnalyticsProps(Builder b) {
    this.archive = Objects.requireNonNull(b.archive, "archive is required");
    this.name = b.name;
    this.interfaceEndpoints = List.copyOf(b.interfaceEndpoints);
    this.resultRetentionDays = b.resultRetentionDays;
    this.bytesScannedCutoffPerQuery = b.bytesScannedCutoffPerQuery;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the archive whose flow logs are queried} Required. */
  public FlowLogArchive archive() {
    return archive;
  }

  /**
   * {@return the name of the Glue database ({@code <name>_flow_logs}, {@code -} written {@code _}) and the
   * Athena workgroup ({@code <name>-flow-logs})} Default: the stack's name. Both are unique per account and
   * region.
   */
  public String name() {
    return name;
  }

  /**
   * {@return the interface endpoints whose bytes the query {@code interface-endpoint-bytes} reports, each
   * with the name it reports them under (several endpoints may share a name: the same service in two VPCs)}
   * Default none.
   */
  public List<Map.Entry<String, CfnVPCEndpoint>> interfaceEndpoints() {
    return interfaceEndpoints;
  }

  /** {@return days Athena's query results are kept} Default 7. */
  public int resultRetentionDays() {
    return resultRetentionDays;
  }

  /**
   * {@return the most bytes one query of the workgroup may scan before Athena cancels it} Default {@link
   * #DEFAULT_BYTES_SCANNED_CUTOFF} (1 TiB, $5 a query at most).
   */
  public long bytesScannedCutoffPerQuery() {
    return bytesScannedCutoffPerQuery;
  }

  /** Builds {@link FlowLogAnalyticsProps}. */
  public static final class Builder {
    private FlowLogArchive archive;
    private String name;
    private final List<Map.Entry<String, CfnVPCEndpoint>> interfaceEndpoints = new ArrayList<>();
    private int resultRetentionDays = 7;
    private long bytesScannedCutoffPerQuery = DEFAULT_BYTES_SCANNED_CUTOFF;

    private Builder() {
    }

    /**
     * The archive to query. Required.
     *
     * @param archive e.g. {@code FlowLogArchive.of(stack, 30)}
     * @return this builder
     */
    public Builder archive(FlowLogArchive archive) {
      this.archive = archive;
      return this;
    }

    /**
     * The name of the database and workgroup. Default: the stack's name.
     *
     * @param name a short name, e.g. the landscape's
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * The interface endpoints of these VPCs, each named by its service ({@code ecr.api}, …).
     *
     * @param vpcs the VPCs whose flow logs the archive holds
     * @return this builder
     */
    public Builder vpcs(List<ZonalVpc> vpcs) {
      for (ZonalVpc vpc : vpcs) {
        vpc.interfaceEndpoints().forEach((service, endpoint) ->
            interfaceEndpoints.add(new AbstractMap.SimpleImmutableEntry<>(service, endpoint)));
      }
      return this;
    }

    /**
     * One more interface endpoint, under a name.
     *
     * @param name     the name its bytes are reported under
     * @param endpoint the endpoint
     * @return this builder
     */
    public Builder interfaceEndpoint(String name, CfnVPCEndpoint endpoint) {
      interfaceEndpoints.add(new AbstractMap.SimpleImmutableEntry<>(Objects.requireNonNull(name),
          Objects.requireNonNull(endpoint)));
      return this;
    }

    /**
     * Days query results are kept. Default 7.
     *
     * @param days at least 1
     * @return this builder
     */
    public Builder resultRetentionDays(int days) {
      this.resultRetentionDays = days;
      return this;
    }

    /**
     * The per-query scan limit. Default 1 TiB.
     *
     * @param bytes at least 10 MB (Athena's minimum)
     * @return this builder
     */
    public Builder bytesScannedCutoffPerQuery(long bytes) {
      this.bytesScannedCutoffPerQuery = bytes;
      return this;
    }

    /** {@return the props} */
    public FlowLogAnalyticsProps build() {
      return new FlowLogAnalyticsProps(this);
    }
  }
}
