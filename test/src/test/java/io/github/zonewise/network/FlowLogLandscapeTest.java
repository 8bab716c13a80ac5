package io.github.zonewise.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zonewise.facts.FlowLogFormat;
import io.github.zonewise.facts.FlowLogQuery;
import io.github.zonewise.test.Synth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * {@code network.flowLogs} in a landscape: the default {@code s3} gives the network stack one archive
 * bucket that every VPC delivers to and Athena over it; {@code cloudwatch} a retained log group per VPC
 * and no bucket.
 */
class FlowLogLandscapeTest {

  static final String CLOUDWATCH = """
      name: logs
      region: eu-west-1
      availabilityZones: [eu-west-1a, eu-west-1b]
      network:
        flowLogs: {destination: cloudwatch, retentionDays: 90}
      interconnect:
        vpcs:
          - {name: payments, cidr: 10.1.0.0/16}
      """;

  static Synth.Synthesized defaults;
  static Template s3;
  static JsonNode s3Json;
  static Synth.Synthesized cloudWatchSynth;
  static Template cloudWatch;
  static JsonNode cloudWatchJson;

  @BeforeAll
  static void synthesize() {
    defaults = Synth.defaultLandscape();
    s3 = defaults.template("network");
    s3Json = defaults.templateJson("network");
    cloudWatchSynth = Synth.landscape(CLOUDWATCH);
    cloudWatch = cloudWatchSynth.template("network");
    cloudWatchJson = cloudWatchSynth.templateJson("network");
  }

  static List<JsonNode> resources(JsonNode template, String type) {
    List<JsonNode> found = new ArrayList<>();
    template.path("Resources").forEach(r -> {
      if (type.equals(r.path("Type").asText())) {
        found.add(r);
      }
    });
    return found;
  }

  @Test
  void everyVpcOfTheDefaultLandscapeDeliversToTheOneArchiveInParquet() {
    // the cluster VPC and the two peers the landscape creates
    s3.resourceCountIs("AWS::EC2::FlowLog", 3);
    s3.allResourcesProperties("AWS::EC2::FlowLog", Map.of(
        "LogDestinationType", "s3",
        "LogFormat", FlowLogFormat.ZONEWISE.logFormat(),
        "DestinationOptions", Map.of("FileFormat", "parquet", "HiveCompatiblePartitions", true,
            "PerHourPartition", true)));
    assertThat(resources(s3Json, "AWS::EC2::FlowLog")).extracting(r -> r.at("/Properties/LogDestination").toString())
        .containsOnly(resources(s3Json, "AWS::EC2::FlowLog").get(0).at("/Properties/LogDestination").toString());
  }

  @Test
  void theArchiveIsEncryptedPrivateExpiresAfterTheRetentionAndIsRetained() {
    s3.hasResource("AWS::S3::Bucket", Map.of(
        "Properties", Match.objectLike(Map.of(
            "BucketEncryption", Match.objectLike(Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256"))))),
            "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
            "LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                "Id", "ExpireFlowLogs", "ExpirationInDays", 30, "Status", "Enabled"))))))),
        "DeletionPolicy", "Retain",
        "UpdateReplacePolicy", "Retain"));
  }

  @Test
  void theArchiveRefusesRequestsWithoutTls() {
    s3.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement",
        Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny",
            "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
  }

  @Test
  void everyBucketOfTheNetworkStackIsRetained() {
    List<JsonNode> buckets = resources(s3Json, "AWS::S3::Bucket");
    assertThat(buckets).hasSize(2);   // the archive and Athena's results
    assertThat(buckets).allSatisfy(b -> {
      assertThat(b.path("DeletionPolicy").asText()).isEqualTo("Retain");
      assertThat(b.path("UpdateReplacePolicy").asText()).isEqualTo("Retain");
    });
  }

  @Test
  void athenaQueriesTheArchiveWithProjectedPartitionsAndTheNamedCostQueries() {
    s3.hasResourceProperties("AWS::Glue::Database", Map.of("DatabaseInput", Match.objectLike(Map.of(
        "Name", "shop_flow_logs"))));
    s3.hasResourceProperties("AWS::Glue::Table", Map.of("TableInput", Match.objectLike(Map.of(
        "Name", FlowLogQuery.TABLE,
        "Parameters", Match.objectLike(Map.of("projection.enabled", "true"))))));
    s3.hasResourceProperties("AWS::Athena::WorkGroup", Map.of("Name", "shop-flow-logs"));
    s3.resourceCountIs("AWS::Athena::NamedQuery", FlowLogQuery.values().length);
  }

  @Test
  void theDefaultLandscapeHasNoFlowLogGroup() {
    s3.resourceCountIs("AWS::Logs::LogGroup", 0);
  }

  @Test
  void cloudwatchGivesEveryVpcARetainedLogGroupKeptTheRetention() {
    cloudWatch.resourceCountIs("AWS::EC2::FlowLog", 2);
    cloudWatch.allResourcesProperties("AWS::EC2::FlowLog", Map.of("LogDestinationType", "cloud-watch-logs",
        "LogFormat", FlowLogFormat.ZONEWISE.logFormat()));
    List<JsonNode> groups = resources(cloudWatchJson, "AWS::Logs::LogGroup");
    assertThat(groups).hasSize(2).allSatisfy(g -> {
      assertThat(g.at("/Properties/RetentionInDays").asInt()).isEqualTo(90);
      assertThat(g.path("DeletionPolicy").asText()).isEqualTo("Retain");
      assertThat(g.path("UpdateReplacePolicy").asText()).isEqualTo("Retain");
    });
  }

  @Test
  void cloudwatchHasNoArchiveAndNoAthena() {
    cloudWatch.resourceCountIs("AWS::S3::Bucket", 0);
    cloudWatch.resourceCountIs("AWS::Athena::WorkGroup", 0);
    cloudWatch.resourceCountIs("AWS::Glue::Table", 0);
  }

  @Test
  void theCloudwatchLandscapesValidationReportHasNoViolation() throws java.io.IOException {
    JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(cloudWatchSynth.outdir().resolve("validation-report.json").toFile());
    List<String> violations = new ArrayList<>();
    for (JsonNode plugin : report.path("pluginReports")) {
      plugin.path("violations").forEach(v -> violations.add(v.path("ruleName").asText() + " "
          + v.path("description").asText()));
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void bothNetworkStacksHaveNoUnsuppressedNagError() {
    assertThat(defaults.nagFindings("network", true)).isEmpty();
    assertThat(cloudWatchSynth.nagFindings("network", true)).isEmpty();
  }
}
