package io.github.zonewise.network;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.zonewise.facts.JsonObjects;
import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The S3 bucket the VPC flow logs of a landscape are delivered to ({@link FlowLogDestination#s3()}):
 * one per stack, whichever VPCs deliver to it (the cluster VPC and the peers the landscape creates).
 *
 * <p>The bucket is encrypted with S3-managed keys (SSE-S3, no KMS charge), refuses requests
 * without TLS (a bucket policy denying {@code aws:SecureTransport: false}), blocks every form of
 * public access, disables ACLs (bucket owner enforced), deletes each file {@code retentionDays}
 * after delivery, and is retained when the stack is deleted or the bucket replaced
 * ({@code DeletionPolicy}/{@code UpdateReplacePolicy: Retain}). Its policy lets the log-delivery
 * service ({@code delivery.logs.amazonaws.com}) of this account write under
 * {@code AWSLogs/aws-account-id=<account>/} and check the bucket's ACL, as the Amazon VPC User Guide
 * ("Amazon S3 bucket permissions for flow logs") writes it, conditioned on the source account and
 * ARN against the confused deputy.
 *
 * <p>Cost: S3 storage of the kept records (Parquet with gzip: about 20% smaller than gzipped text)
 * and the vended-logs delivery per GB; no hourly charge. Query it with {@link FlowLogAnalytics}.
 */
public class FlowLogArchive extends Construct {

  /** The construct id of the stack's archive ({@link #of}). */
  public static final String ID = "FlowLogArchive";

  private final Bucket bucket;
  private final int retentionDays;

  /**
   * Creates the archive.
   *
   * @param scope the parent
   * @param id    the construct id
   * @param props the properties
   * @throws io.github.zonewise.facts.InvalidValue for a retention below one day
   */
  public FlowLogArchive(Construct scope, String id, FlowLogArchiveProps props) {
    super(scope, id);
    this.retentionDays = FlowLogArchiveProps.checkRetention("retentionDays", props.retentionDays());
    this.bucket = Bucket.Builder.create(this, "Bucket")
        .encryption(BucketEncryption.S3_MANAGED)
        .enforceSsl(true)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .lifecycleRules(List.of(LifecycleRule.builder()
            .id("ExpireFlowLogs")
            .expiration(Duration.days(retentionDays))
            .abortIncompleteMultipartUploadAfter(Duration.days(1))
            .build()))
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    // ordered objects: Map.of iterates differently from one JVM run to the next (see JsonObjects)
    Object sourceArn = JsonObjects.of("aws:SourceArn",
        "arn:" + Aws.PARTITION + ":logs:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":*");
    bucket.addToResourcePolicy(PolicyStatement.Builder.create()
        .sid("AWSLogDeliveryWrite")
        .effect(Effect.ALLOW)
        .principals(List.of(new ServicePrincipal("delivery.logs.amazonaws.com")))
        .actions(List.of("s3:PutObject"))
        .resources(List.of(bucket.arnForObjects("AWSLogs/aws-account-id=" + Aws.ACCOUNT_ID + "/*")))
        .conditions(JsonObjects.of(
            "StringEquals", JsonObjects.of("aws:SourceAccount", Aws.ACCOUNT_ID, "s3:x-amz-acl", "bucket-owner-full-control"),
            "ArnLike", sourceArn))
        .build());
    bucket.addToResourcePolicy(PolicyStatement.Builder.create()
        .sid("AWSLogDeliveryAclCheck")
        .effect(Effect.ALLOW)
        .principals(List.of(new ServicePrincipal("delivery.logs.amazonaws.com")))
        .actions(List.of("s3:GetBucketAcl", "s3:ListBucket"))
        .resources(List.of(bucket.getBucketArn()))
        .conditions(JsonObjects.of(
            "StringEquals", JsonObjects.of("aws:SourceAccount", Aws.ACCOUNT_ID),
            "ArnLike", sourceArn))
        .build());
    NagSuppressions.addResourceSuppressions(bucket, List.of(NagPackSuppression.builder().id("AwsSolutions-S1")
        .reason("The bucket receives only VPC flow logs, written by the log-delivery service, and is read by Athena;"
            + " server access logs would need a second bucket and would record every Athena scan of the flow logs,"
            + " at request and storage cost, while CloudTrail already records who changes the bucket")
        .build()), true);
  }

  /**
   * The stack's archive: the child {@value #ID} of the stack, created on first use with the given
   * retention.
   *
   * @param stack         the stack
   * @param retentionDays the retention of the archive to create
   * @return the archive
   * @throws IllegalArgumentException when the stack's archive keeps files for another number of days
   */
  public static FlowLogArchive of(Stack stack, int retentionDays) {
    IConstruct existing = stack.getNode().tryFindChild(ID);
    if (existing instanceof FlowLogArchive archive) {
      if (archive.retentionDays != retentionDays) {
        throw new IllegalArgumentException("flowLogRetentionDays: " + retentionDays + " differs from the "
            + archive.retentionDays + " days of the stack's flow-log archive, which every VPC of the stack delivers to;"
            + " give the VPCs one retention, or pass FlowLogDestination.s3(archive) with an archive of their own");
      }
      return archive;
    }
    if (existing != null) {
      throw new IllegalArgumentException("the stack has a child '" + ID + "' that is not a FlowLogArchive;"
          + " pass FlowLogDestination.s3(archive) with the archive to use");
    }
    return new FlowLogArchive(stack, ID, FlowLogArchiveProps.builder().retentionDays(retentionDays).build());
  }

  /** {@return the bucket} */
  public Bucket bucket() {
    return bucket;
  }

  /** {@return days each flow-log file is kept} */
  public int retentionDays() {
    return retentionDays;
  }

  /**
   * Where this account's flow logs of this region land, Hive-compatible:
   * {@code s3://<bucket>/AWSLogs/aws-account-id=<account>/aws-service=vpcflowlogs/aws-region=<region>/}
   * (then {@code year=…/month=…/day=…/hour=…/}).
   *
   * @return the S3 URL (with tokens)
   */
  public String logsLocation() {
    return "s3://" + bucket.getBucketName() + "/AWSLogs/aws-account-id=" + Aws.ACCOUNT_ID
        + "/aws-service=vpcflowlogs/aws-region=" + Aws.REGION + "/";
  }
}
