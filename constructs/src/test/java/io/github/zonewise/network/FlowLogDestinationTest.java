package io.github.zonewise.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.zonewise.facts.FlowLogFormat;
import io.github.zonewise.facts.FlowLogQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Flow logs built for cost: the S3 destination (one archive per stack, Parquet, hourly Hive
 * partitions, Athena over it) and the CloudWatch Logs destination, on VPCs another CDK app builds.
 */
class FlowLogDestinationTest {

  static final List<String> ZONES = List.of("eu-west-1a", "eu-west-1b", "eu-west-1c");
  static final ObjectMapper JSON = new ObjectMapper();
  static Path outdir;
  static Stack s3Stack;
  static Stack cloudWatchStack;
  static Template s3;
  static Template cloudWatch;
  static JsonNode s3Json;

  @BeforeAll
  static void synthesize() throws Exception {
    outdir = Files.createTempDirectory("flow-logs");
    App app = App.Builder.create().outdir(outdir.toString())
        .context(Map.of("@aws-cdk/core:validateAgainstDefaultRules", true)).build();
    Environment env = Environment.builder().region("eu-west-1").build();
    s3Stack = new Stack(app, "S3", StackProps.builder().env(env).build());
    ZonalVpc cluster = new ZonalVpc(s3Stack, "Network", ZonalVpcProps.builder()
        .availabilityZones(ZONES).name("shop").flowLogDestination(FlowLogDestination.s3()).build());
    ZonalVpc peer = new ZonalVpc(s3Stack, "Payments", ZonalVpcProps.builder()
        .availabilityZones(ZONES).name("shop-payments").cidr("10.1.0.0/16").nat(NatStrategy.none())
        .interfaceEndpoints(List.of()).flowLogDestination(FlowLogDestination.s3()).build());
    new FlowLogAnalytics(s3Stack, "FlowLogAnalytics", FlowLogAnalyticsProps.builder()
        .archive(FlowLogArchive.of(s3Stack, 30)).name("shop").vpcs(List.of(cluster, peer)).build());
    cloudWatchStack = new Stack(app, "CloudWatch", StackProps.builder().env(env).build());
    new ZonalVpc(cloudWatchStack, "Network", ZonalVpcProps.builder()
        .availabilityZones(ZONES).name("shop").flowLogRetentionDays(14)
        .flowLogDestination(FlowLogDestination.cloudWatch()).build());
    Aspects.of(app).add(new AwsSolutionsChecks());
    app.synth();
    s3 = Template.fromJSON(read("S3"));
    cloudWatch = Template.fromJSON(read("CloudWatch"));
    s3Json = JSON.readTree(outdir.resolve("S3.template.json").toFile());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> read(String stack) throws Exception {
    return JSON.readValue(outdir.resolve(stack + ".template.json").toFile(), Map.class);
  }

  static String logicalId(String type) {
    List<String> ids = new ArrayList<>();
    s3Json.path("Resources").fields().forEachRemaining(e -> {
      if (e.getValue().path("Type").asText().equals(type)) {
        ids.add(e.getKey());
      }
    });
    assertThat(ids).hasSize(1);
    return ids.get(0);
  }

  static String archiveBucket() {
    List<String> ids = new ArrayList<>();
    s3Json.path("Resources").fields().forEachRemaining(e -> {
      if (e.getValue().path("Type").asText().equals("AWS::S3::Bucket") && e.getKey().startsWith("FlowLogArchive")) {
        ids.add(e.getKey());
      }
    });
    assertThat(ids).hasSize(1);
    return ids.get(0);
  }

  @Test
  void s3FlowLogsWriteParquetWithHiveCompatibleHourlyPartitions() {
    s3.hasResourceProperties("AWS::EC2::FlowLog", Map.of(
        "ResourceType", "VPC", "TrafficType", "ALL", "LogDestinationType", "s3",
        "DestinationOptions", Map.of("FileFormat", "parquet", "HiveCompatiblePartitions", true, "PerHourPartition", true),
        "DeliverLogsPermissionArn", Match.absent()));
  }

  @Test
  void everyVpcOfTheStackDeliversToTheOneArchiveBucket() {
    s3.resourceCountIs("AWS::EC2::FlowLog", 2);
    s3.allResourcesProperties("AWS::EC2::FlowLog", Map.of(
        "LogDestination", Map.of("Fn::GetAtt", List.of(archiveBucket(), "Arn"))));
    s3.resourceCountIs("AWS::Logs::LogGroup", 0);
    s3.resourceCountIs("AWS::IAM::Role", 0);
  }

  @Test
  void flowLogsWriteTheZonewiseFormatToEitherDestination() {
    String format = "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol}"
        + " ${packets} ${bytes} ${start} ${end} ${action} ${log-status} ${vpc-id} ${subnet-id} ${instance-id} ${az-id}"
        + " ${pkt-srcaddr} ${pkt-dstaddr} ${flow-direction} ${traffic-path} ${pkt-src-aws-service} ${pkt-dst-aws-service}";
    assertThat(FlowLogFormat.ZONEWISE.logFormat()).isEqualTo(format);
    s3.allResourcesProperties("AWS::EC2::FlowLog", Map.of("LogFormat", format));
    cloudWatch.hasResourceProperties("AWS::EC2::FlowLog", Map.of("LogFormat", format,
        "LogDestinationType", "cloud-watch-logs"));
  }

  @Test
  void theArchiveIsEncryptedPrivateAndExpiresFilesAfterTheRetention() {
    s3.hasResourceProperties("AWS::S3::Bucket", Map.of(
        "BucketEncryption", Map.of("ServerSideEncryptionConfiguration",
            List.of(Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
        "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
            "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
        "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
            "Id", "ExpireFlowLogs", "ExpirationInDays", 30, "Status", "Enabled"))))));
  }

  @Test
  void theArchiveAndTheQueryResultsAreRetainedWhenTheStackGoes() {
    s3.allResources("AWS::S3::Bucket", Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
    s3.resourceCountIs("AWS::S3::Bucket", 2);
  }

  @Test
  void theArchiveRefusesRequestsWithoutTls() {
    s3.hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
        "Bucket", Map.of("Ref", archiveBucket()),
        "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Effect", "Deny", "Action", "s3:*", "Principal", Map.of("AWS", "*"),
            "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
  }

  @Test
  void theLogDeliveryServiceWritesOnlyUnderThisAccountsHivePrefix() {
    s3.hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
        "Bucket", Map.of("Ref", archiveBucket()),
        "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
            Match.objectLike(Map.of(
                "Sid", "AWSLogDeliveryWrite", "Effect", "Allow", "Action", "s3:PutObject",
                "Principal", Map.of("Service", "delivery.logs.amazonaws.com"),
                "Condition", Map.of(
                    "StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId"),
                        "s3:x-amz-acl", "bucket-owner-full-control"),
                    "ArnLike", Map.of("aws:SourceArn", Match.anyValue())),
                "Resource", Map.of("Fn::Join", List.of("", List.of(
                    Map.of("Fn::GetAtt", List.of(archiveBucket(), "Arn")),
                    "/AWSLogs/aws-account-id=", Map.of("Ref", "AWS::AccountId"), "/*"))))),
            Match.objectLike(Map.of(
                "Sid", "AWSLogDeliveryAclCheck", "Action", List.of("s3:GetBucketAcl", "s3:ListBucket"))))))));
  }

  @Test
  void theFlowLogWaitsForTheBucketPolicy() {
    String policy = logicalIdOfPolicy(archiveBucket());
    s3Json.path("Resources").fields().forEachRemaining(e -> {
      if (e.getValue().path("Type").asText().equals("AWS::EC2::FlowLog")) {
        assertThat(e.getValue().path("DependsOn").toString()).contains(policy);
      }
    });
  }

  static String logicalIdOfPolicy(String bucket) {
    var it = s3Json.path("Resources").fields();
    while (it.hasNext()) {
      var e = it.next();
      if (e.getValue().path("Type").asText().equals("AWS::S3::BucketPolicy")
          && e.getValue().path("Properties").path("Bucket").path("Ref").asText().equals(bucket)) {
        return e.getKey();
      }
    }
    throw new AssertionError("no policy of " + bucket);
  }

  @Test
  void cloudWatchLogGroupsKeepTheRetentionAndAreRetained() {
    cloudWatch.hasResource("AWS::Logs::LogGroup", Map.of(
        "Properties", Map.of("RetentionInDays", 14),
        "DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
    cloudWatch.resourceCountIs("AWS::S3::Bucket", 0);
  }

  @Test
  void theStacksArchiveRefusesAVpcWithAnotherRetention() {
    Stack stack = new Stack(new App(), "Two", StackProps.builder()
        .env(Environment.builder().region("eu-west-1").build()).build());
    new ZonalVpc(stack, "A", ZonalVpcProps.builder().availabilityZones(ZONES)
        .flowLogDestination(FlowLogDestination.s3()).build());
    assertThatThrownBy(() -> new ZonalVpc(stack, "B", ZonalVpcProps.builder().availabilityZones(ZONES)
        .cidr("10.1.0.0/16").flowLogRetentionDays(90).flowLogDestination(FlowLogDestination.s3()).build()))
        .hasMessage("flowLogRetentionDays: 90 differs from the 30 days of the stack's flow-log archive, which every"
            + " VPC of the stack delivers to; give the VPCs one retention, or pass FlowLogDestination.s3(archive)"
            + " with an archive of their own");
  }

  @Test
  void withoutAChosenDestinationTheFlowLogIsTheEarlierOne() {
    Stack stack = new Stack(new App(), "Legacy", StackProps.builder()
        .env(Environment.builder().region("eu-west-1").build()).build());
    new ZonalVpc(stack, "Network", ZonalVpcProps.builder().availabilityZones(ZONES).build());
    Template t = Template.fromStack(stack);
    t.hasResourceProperties("AWS::EC2::FlowLog", Map.of("LogDestinationType", "cloud-watch-logs",
        "LogFormat", Match.absent()));
    // retained like the chosen destinations' (a policy change replaces nothing)
    t.hasResource("AWS::Logs::LogGroup", Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
  }

  @Test
  void theGlueTableColumnsAreTheZonewiseFormat() {
    List<Object> columns = new ArrayList<>();
    FlowLogFormat.ZONEWISE.fields().forEach(f -> columns.add(Map.of("Name", f.column(), "Type", f.parquetType().hive())));
    s3.hasResourceProperties("AWS::Glue::Table", Map.of(
        "DatabaseName", "shop_flow_logs",
        "TableInput", Match.objectLike(Map.of(
            "Name", "flow_logs",
            "TableType", "EXTERNAL_TABLE",
            "StorageDescriptor", Match.objectLike(Map.of(
                "Columns", columns,
                "SerdeInfo", Map.of("SerializationLibrary",
                    "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")))))));
  }

  @Test
  void partitionsAreProjectedFromTheHivePrefixesWithoutACrawler() {
    s3.resourceCountIs("AWS::Glue::Crawler", 0);
    s3.hasResourceProperties("AWS::Glue::Table", Map.of("TableInput", Match.objectLike(Map.of(
        "PartitionKeys", List.of(Map.of("Name", "year", "Type", "string"), Map.of("Name", "month", "Type", "string"),
            Map.of("Name", "day", "Type", "string"), Map.of("Name", "hour", "Type", "string")),
        "Parameters", Match.objectLike(Map.of(
            "projection.enabled", "true",
            "projection.year.type", "date", "projection.year.range", "NOW-1YEARS,NOW",
            "projection.hour.type", "integer", "projection.hour.range", "0,23", "projection.hour.digits", "2",
            "storage.location.template", Map.of("Fn::Join", List.of("", List.of(
                "s3://", Map.of("Ref", archiveBucket()), "/AWSLogs/aws-account-id=", Map.of("Ref", "AWS::AccountId"),
                "/aws-service=vpcflowlogs/aws-region=", Map.of("Ref", "AWS::Region"),
                "/year=${year}/month=${month}/day=${day}/hour=${hour}")))))))));
  }

  @Test
  void theWorkgroupEnforcesItsOwnEncryptedResultLocation() {
    s3.hasResourceProperties("AWS::Athena::WorkGroup", Map.of(
        "Name", "shop-flow-logs",
        "WorkGroupConfiguration", Match.objectLike(Map.of(
            "EnforceWorkGroupConfiguration", true,
            "BytesScannedCutoffPerQuery", 1099511627776L,
            "ResultConfiguration", Map.of(
                "EncryptionConfiguration", Map.of("EncryptionOption", "SSE_S3"),
                "OutputLocation", Map.of("Fn::Join", List.of("", List.of("s3://", Map.of("Ref", Match.anyValue()), "/"))))))));
  }

  @Test
  void oneNamedQueryPerQuestionRunsTheProjectsSql() {
    s3.resourceCountIs("AWS::Athena::NamedQuery", FlowLogQuery.values().length);
    for (FlowLogQuery q : List.of(FlowLogQuery.CROSS_AZ_BYTES, FlowLogQuery.NAT_GATEWAY_BYTES,
        FlowLogQuery.INTER_VPC_BYTES, FlowLogQuery.TOP_TALKERS)) {
      s3.hasResourceProperties("AWS::Athena::NamedQuery", Map.of(
          "Name", "zonewise-" + q.queryName(), "Database", "shop_flow_logs",
          "WorkGroup", Map.of("Ref", logicalId("AWS::Athena::WorkGroup")),
          "QueryString", q.sql(FlowLogQuery.endpointRelation(Map.of()))));
    }
  }

  @Test
  void theInterfaceEndpointQueryNamesEachEndpointsNetworkInterfaces() {
    String sql = s3Json.path("Resources").path(namedQuery("zonewise-interface-endpoint-bytes"))
        .path("Properties").path("QueryString").toString();
    assertThat(sql).contains("NetworkInterfaceIds").contains("', 'ecr.api'), ('").contains("AS t(interface_id, endpoint)");
  }

  static String namedQuery(String name) {
    var it = s3Json.path("Resources").fields();
    while (it.hasNext()) {
      var e = it.next();
      if (e.getValue().path("Properties").path("Name").asText().equals(name)) {
        return e.getKey();
      }
    }
    throw new AssertionError("no named query " + name);
  }

  @Test
  void awsSolutionsPassesWithAWrittenReasonOnEverySuppression() throws Exception {
    assertThat(Annotations.fromStack(s3Stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
    assertThat(Annotations.fromStack(cloudWatchStack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
    for (String line : Files.readAllLines(outdir.resolve("AwsSolutions-S3-NagReport.csv"))) {
      String[] cells = line.substring(1, line.length() - 1).split("\",\"");
      if (cells.length > 3 && cells[2].equals("Suppressed")) {
        assertThat(cells[3].trim()).as("reason of %s on %s", cells[0], cells[1]).hasSizeGreaterThan(40);
      }
    }
  }

  @Test
  void theCloudFormationValidationFindsNothing() throws Exception {
    JsonNode report = JSON.readTree(outdir.resolve("validation-report.json").toFile());
    List<String> violations = new ArrayList<>();
    for (JsonNode plugin : report.path("pluginReports")) {
      for (JsonNode v : plugin.path("violations")) {
        violations.add(v.path("ruleName").asText() + " " + v.path("description").asText());
      }
    }
    assertThat(violations).isEmpty();
  }
}
