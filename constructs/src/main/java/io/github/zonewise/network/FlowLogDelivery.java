package io.github.zonewise.network;

import io.github.zonewise.facts.FlowLogFormat;
import io.github.zonewise.facts.JsonObjects;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.CfnFlowLog;
import software.amazon.awscdk.services.iam.CfnRole;
import software.amazon.awscdk.services.logs.CfnLogGroup;

/** Builds a {@link ZonalVpc}'s flow log and what it delivers to, as its {@link FlowLogDestination} names. */
final class FlowLogDelivery {

  private FlowLogDelivery() {
  }

  /**
   * Creates the VPC's flow log and what it writes to, under the VPC's construct.
   *
   * @param destination   where the records go
   * @param vpc           the VPC
   * @param name          the Name-tag prefix
   * @param retentionDays days the records are kept
   * @return the flow log
   */
  static CfnFlowLog addTo(FlowLogDestination destination, ZonalVpc vpc, String name, int retentionDays) {
    List<CfnTag> tags = List.of(CfnTag.builder().key("Name").value(name + "-flow-logs").build());
    CfnFlowLog.Builder flowLog = CfnFlowLog.Builder.create(vpc, "FlowLog")
        .resourceId(vpc.resource().getRef())
        .resourceType("VPC")
        .trafficType("ALL")
        .logFormat(FlowLogFormat.ZONEWISE.logFormat())
        .tags(tags);
    if (destination.isS3()) {
      FlowLogArchive target = destination.archive() != null ? destination.archive() : FlowLogArchive.of(Stack.of(vpc), retentionDays);
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
    CloudWatchTarget target = cloudWatchTarget(vpc, retentionDays);
    return flowLog
        .logDestinationType("cloud-watch-logs")
        .logGroupName(target.logGroup().getRef())
        .deliverLogsPermissionArn(target.role().getAttrArn())
        .build();
  }

  /**
   * A flow log's CloudWatch Logs group and the role it delivers with.
   *
   * @param logGroup the group, kept the retention and retained with the stack
   * @param role     the role only the flow-logs service may assume, allowed to write to the group
   */
  record CloudWatchTarget(CfnLogGroup logGroup, CfnRole role) {
  }

  /**
   * Creates a flow log's CloudWatch Logs group under the VPC, retained when the stack is deleted or the
   * group replaced (cfn-lint I3011), and its delivery role.
   *
   * @param vpc           the VPC, their scope
   * @param retentionDays days the records are kept
   * @return the group and the role
   */
  static CloudWatchTarget cloudWatchTarget(ZonalVpc vpc, int retentionDays) {
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
    return new CloudWatchTarget(logGroup, role);
  }
}
