package io.github.zonewise.network;

import io.github.zonewise.facts.FlowLogFormat;
import io.github.zonewise.facts.JsonObjects;
import io.github.zonewise.facts.NamedChoice;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.CfnFlowLog;
import software.amazon.awscdk.services.iam.CfnRole;
import software.amazon.awscdk.services.logs.CfnLogGroup;

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

  /**
   * Creates the VPC's flow log and what it writes to, under the VPC's construct.
   *
   * @param vpc           the VPC
   * @param name          the Name-tag prefix
   * @param retentionDays days the records are kept
   * @return the flow log
   */
  CfnFlowLog addTo(ZonalVpc vpc, String name, int retentionDays) {
    List<CfnTag> tags = List.of(CfnTag.builder().key("Name").value(name + "-flow-logs").build());
    CfnFlowLog.Builder flowLog = CfnFlowLog.Builder.create(vpc, "FlowLog")
        .resourceId(vpc.resource().getRef())
        .resourceType("VPC")
        .trafficType("ALL")
        .logFormat(FlowLogFormat.ZONEWISE.logFormat())
        .tags(tags);
    if (isS3()) {
      FlowLogArchive target = archive != null ? archive : FlowLogArchive.of(Stack.of(vpc), retentionDays);
      CfnFlowLog log = flowLog
          .logDestinationType("s3")
          .logDestination(target.bucket().getBucketArn())
          // a JSON property of the resource: written with CloudFormation's names (a builder struct
          // would be written with jsii's camelCase names, which CloudFormation rejects)
          .destinationOptions(JsonObjects.of("FileFormat", "parquet", "HiveCompatiblePartitions", true,
              "PerHourPartition", true))
          .build();
      // the delivery statements must be in place first, or the service writes a bucket policy of its own
      log.getNode().addDependency(target.bucket().getPolicy());
      return log;
    }
    CfnLogGroup logGroup = CfnLogGroup.Builder.create(vpc, "FlowLogGroup")
        .retentionInDays(retentionDays)
        .build();
    logGroup.applyRemovalPolicy(RemovalPolicy.RETAIN);
    CfnRole role = CfnRole.Builder.create(vpc, "FlowLogRole")
        .assumeRolePolicyDocument(JsonObjects.of("Version", "2012-10-17", "Statement", List.of(JsonObjects.of(
            "Effect", "Allow", "Action", "sts:AssumeRole",
            "Principal", Map.of("Service", "vpc-flow-logs.amazonaws.com")))))
        .policies(List.of(CfnRole.PolicyProperty.builder()
            .policyName("WriteFlowLogs")
            .policyDocument(JsonObjects.of("Version", "2012-10-17", "Statement", List.of(JsonObjects.of(
                "Effect", "Allow",
                "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"),
                "Resource", logGroup.getAttrArn()))))
            .build()))
        .build();
    return flowLog
        .logDestinationType("cloud-watch-logs")
        .logGroupName(logGroup.getRef())
        .deliverLogsPermissionArn(role.getAttrArn())
        .build();
  }
}
