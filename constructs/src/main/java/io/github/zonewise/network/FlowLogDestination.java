package io.github.zonewise.network;

import io.github.zonewise.facts.FlowLogFormat;
import io.github.zonewise.facts.NamedChoice;
import java.util.List;
import java.util.Optional;

/**
 * Where a {@link ZonalVpc}'s flow logs go. A choice, not a flag. Either way the flow log captures
 * all traffic of the VPC in {@link FlowLogFormat#ZONEWISE}, the fields {@code zonewise traffic} and
 * the Athena queries of {@link FlowLogAnalytics} need.
 *
 * <p>Cost (us-east-1 list prices of the price book, per GB of flow-log records, first 10 TB a
 * month): {@link #s3()} $0.25 delivered, plus the Parquet conversion (the book's upper bound
 * $0.056); {@link #cloudWatch()} $0.50 ingested, plus $0.03 per GB-month stored. S3 is cheaper per
 * GB, stores for S3's price and is queried with Athena at $5 per TB scanned (Parquet scans a
 * fraction of the bytes); CloudWatch Logs answers faster (Logs Insights) for twice the price.
 *
 * <p>The choice holds no CDK type (the landscape's checks and {@code zonewise check} load it on Java
 * alone); {@link FlowLogDelivery} builds what it names.
 */
public final class FlowLogDestination extends NamedChoice {

  /** The destination names a landscape file may write. */
  public static final List<String> NAMES = List.of("s3", "cloudwatch");

  private final FlowLogArchive archive;

  private FlowLogDestination(String name, FlowLogArchive archive) {
    super(name);
    this.archive = archive;
  }

  /**
   * The S3 bucket of the stack's {@link FlowLogArchive} ({@link FlowLogArchive#of}), created by the
   * first VPC that asks for it: every VPC of a stack with this destination delivers to that one
   * bucket. Parquet files, Hive-compatible prefixes, one partition per hour
   * ({@code AWSLogs/aws-account-id=…/aws-service=vpcflowlogs/aws-region=…/year=…/month=…/day=…/hour=…/}),
   * kept {@code flowLogRetentionDays} (the bucket's lifecycle expiry). No IAM role: the log-delivery
   * service writes under the bucket policy.
   *
   * @return the S3 destination
   */
  public static FlowLogDestination s3() {
    return new FlowLogDestination("s3", null);
  }

  /**
   * The S3 bucket of a given archive (in this or another stack), as {@link #s3()}.
   *
   * @param archive the archive every VPC that names it delivers to
   * @return the S3 destination
   */
  public static FlowLogDestination s3(FlowLogArchive archive) {
    return new FlowLogDestination("s3", java.util.Objects.requireNonNull(archive, "archive"));
  }

  /**
   * A CloudWatch Logs group of the VPC's own, kept {@code flowLogRetentionDays}, written through an
   * IAM role that only the flow-logs service may assume. The group is retained when the stack is
   * deleted or the group replaced ({@code DeletionPolicy}/{@code UpdateReplacePolicy: Retain}).
   * Twice S3's price per GB.
   *
   * @return the CloudWatch Logs destination
   */
  public static FlowLogDestination cloudWatch() {
    return new FlowLogDestination("cloudwatch", null);
  }

  /**
   * The destination of a landscape-file name; {@code s3} is the stack's archive.
   *
   * @param name one of {@link #NAMES}
   * @return the destination, or empty for an unknown name
   */
  public static Optional<FlowLogDestination> of(String name) {
    return switch (name == null ? "" : name) {
      case "s3" -> Optional.of(s3());
      case "cloudwatch" -> Optional.of(cloudWatch());
      default -> Optional.empty();
    };
  }

  /** {@return whether the flow logs go to S3} */
  public boolean isS3() {
    return "s3".equals(name);
  }

  /** {@return the archive of {@link #s3(FlowLogArchive)}, or null for the stack's own} */
  FlowLogArchive archive() {
    return archive;
  }
}
