package io.github.zonewise.network;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.zonewise.facts.FlowLogField;
import io.github.zonewise.facts.FlowLogFormat;
import io.github.zonewise.facts.FlowLogQuery;
import io.github.zonewise.facts.JsonObjects;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.athena.CfnNamedQuery;
import software.amazon.awscdk.services.athena.CfnWorkGroup;
import software.amazon.awscdk.services.ec2.CfnVPCEndpoint;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.glue.CfnTable;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * SQL over a {@link FlowLogArchive} with Amazon Athena, and nothing to run or schedule: a Glue
 * database and table {@code flow_logs} over the archive's Parquet files (columns from
 * {@link FlowLogFormat#ZONEWISE}), whose partitions {@code year/month/day/hour} are <em>projected</em>
 * from the Hive-compatible prefixes (no crawler, no {@code MSCK REPAIR TABLE}: a new hour is
 * queryable as soon as its files land), an Athena workgroup that enforces its own result location (a
 * bucket of its own, encrypted with SSE-S3, TLS only, results kept {@code resultRetentionDays}) and a
 * per-query scan limit, and one named query per {@link FlowLogQuery} — the same SQL
 * {@code zonewise traffic} runs locally with DuckDB.
 *
 * <p>Cost: the Glue Data Catalog's first million objects are free, workgroups and named queries are
 * free; a query costs $5 per TB it scans (Parquet: only the columns it reads), and its results S3 storage.
 * The year partition is projected over the archive's retention ({@code NOW-<years>YEARS,NOW}), so an
 * unfiltered query lists only the hours the archive can hold; add {@code WHERE year = '2026' AND month =
 * '05'} to scan one month.
 */
public class FlowLogAnalytics extends Construct {

  /** The table's name, which every query reads. */
  public static final String TABLE = FlowLogQuery.TABLE;
  /** The partition keys, in the order of the Hive-compatible prefixes. */
  public static final List<String> PARTITION_KEYS = List.of("year", "month", "day", "hour");

  private final CfnDatabase database;
  private final CfnTable table;
  private final CfnWorkGroup workGroup;
  private final Bucket results;
  private final Map<FlowLogQuery, CfnNamedQuery> namedQueries = new LinkedHashMap<>();

  /**
   * Creates the database, table, workgroup, result bucket and named queries.
   *
   * @param scope the parent, in the archive's stack or another of the same account and region
   * @param id    the construct id
   * @param props the properties
   * @throws IllegalArgumentException for a result retention below a day or a scan limit below 10 MB
   */
  public FlowLogAnalytics(Construct scope, String id, FlowLogAnalyticsProps props) {
    super(scope, id);
    if (props.resultRetentionDays() < 1) {
      throw new IllegalArgumentException("resultRetentionDays: " + props.resultRetentionDays()
          + " keeps no query result; keep them at least 1 day");
    }
    if (props.bytesScannedCutoffPerQuery() < 10_000_000L) {
      throw new IllegalArgumentException("bytesScannedCutoffPerQuery: " + props.bytesScannedCutoffPerQuery()
          + " is below Athena's minimum of 10000000 bytes (10 MB)");
    }
    String name = props.name() != null ? props.name() : Stack.of(this).getStackName();
    String databaseName = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_flow_logs";
    String workGroupName = name + "-flow-logs";
    FlowLogArchive archive = props.archive();

    this.database = CfnDatabase.Builder.create(this, "Database")
        .catalogId(Aws.ACCOUNT_ID)
        .databaseInput(CfnDatabase.DatabaseInputProperty.builder()
            .name(databaseName)
            .description("VPC flow logs of " + name + " (Zonewise), queried with Athena")
            .build())
        .build();

    List<CfnTable.ColumnProperty> columns = new ArrayList<>();
    for (FlowLogField field : FlowLogFormat.ZONEWISE.fields()) {
      columns.add(CfnTable.ColumnProperty.builder().name(field.column()).type(field.parquetType().hive()).build());
    }
    int years = Math.max(1, (archive.retentionDays() + 364) / 365);
    String location = archive.logsLocation();
    this.table = CfnTable.Builder.create(this, "Table")
        .catalogId(Aws.ACCOUNT_ID)
        .databaseName(databaseName)
        .tableInput(CfnTable.TableInputProperty.builder()
            .name(TABLE)
            .description("VPC flow logs in Parquet, Hive-compatible hourly partitions, projected")
            .tableType("EXTERNAL_TABLE")
            .parameters(JsonObjects.of(
                "EXTERNAL", "TRUE",
                "classification", "parquet",
                "projection.enabled", "true",
                "projection.year.type", "date",
                "projection.year.format", "yyyy",
                "projection.year.range", "NOW-" + years + "YEARS,NOW",
                "projection.year.interval", "1",
                "projection.year.interval.unit", "YEARS",
                "projection.month.type", "integer",
                "projection.month.range", "1,12",
                "projection.month.digits", "2",
                "projection.day.type", "integer",
                "projection.day.range", "1,31",
                "projection.day.digits", "2",
                "projection.hour.type", "integer",
                "projection.hour.range", "0,23",
                "projection.hour.digits", "2",
                "storage.location.template", location + "year=${year}/month=${month}/day=${day}/hour=${hour}"))
            .partitionKeys(PARTITION_KEYS.stream()
                .map(k -> CfnTable.ColumnProperty.builder().name(k).type("string").build()).toList())
            .storageDescriptor(CfnTable.StorageDescriptorProperty.builder()
                .columns(columns)
                .location(location)
                .inputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
                .outputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat")
                .serdeInfo(CfnTable.SerdeInfoProperty.builder()
                    .serializationLibrary("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")
                    .build())
                .build())
            .build())
        .build();
    table.addResourceDependency(database);

    this.results = Bucket.Builder.create(this, "Results")
        .encryption(BucketEncryption.S3_MANAGED)
        .enforceSsl(true)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .lifecycleRules(List.of(LifecycleRule.builder()
            .id("ExpireQueryResults")
            .expiration(Duration.days(props.resultRetentionDays()))
            .abortIncompleteMultipartUploadAfter(Duration.days(1))
            .build()))
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    NagSuppressions.addResourceSuppressions(results, List.of(NagPackSuppression.builder().id("AwsSolutions-S1")
        .reason("The bucket holds only Athena query results of the flow-log workgroup, expired after a few days;"
            + " Athena and CloudTrail record every query, so server access logs would add a second bucket and"
            + " its cost without information")
        .build()), true);

    this.workGroup = CfnWorkGroup.Builder.create(this, "WorkGroup")
        .name(workGroupName)
        .description("Zonewise flow-log queries of " + name + ": results in their own bucket, at most "
            + props.bytesScannedCutoffPerQuery() + " bytes scanned a query")
        .state("ENABLED")
        .recursiveDeleteOption(true)
        .workGroupConfiguration(CfnWorkGroup.WorkGroupConfigurationProperty.builder()
            .enforceWorkGroupConfiguration(true)
            .publishCloudWatchMetricsEnabled(true)
            .bytesScannedCutoffPerQuery(props.bytesScannedCutoffPerQuery())
            .resultConfiguration(CfnWorkGroup.ResultConfigurationProperty.builder()
                .outputLocation("s3://" + results.getBucketName() + "/")
                .encryptionConfiguration(CfnWorkGroup.EncryptionConfigurationProperty.builder()
                    .encryptionOption("SSE_S3")
                    .build())
                .build())
            .build())
        .build();

    String endpoints = endpointRelation(props.interfaceEndpoints());
    for (FlowLogQuery query : FlowLogQuery.values()) {
      CfnNamedQuery named = CfnNamedQuery.Builder.create(this, constructId(query))
          .name("zonewise-" + query.queryName())
          .description(query.description())
          .database(databaseName)
          .workGroup(workGroup.getRef())
          .queryString(query.sql(endpoints))
          .build();
      named.addResourceDependency(table);
      namedQueries.put(query, named);
    }
  }

  /**
   * The relation {@code (interface_id, endpoint)} of the endpoints' network interfaces, resolved at
   * deploy time from each endpoint's {@code NetworkInterfaceIds}.
   */
  private static String endpointRelation(List<Map.Entry<String, CfnVPCEndpoint>> endpoints) {
    if (endpoints.isEmpty()) {
      return FlowLogQuery.endpointRelation(Map.of());
    }
    List<String> rows = new ArrayList<>();
    for (Map.Entry<String, CfnVPCEndpoint> e : endpoints) {
      String name = FlowLogQuery.literal(e.getKey());
      // ('eni-a', 'ecr.api'), ('eni-b', 'ecr.api'): the interface ids joined by "', 'ecr.api'), ('"
      rows.add("('" + Fn.join("', " + name + "), ('", e.getValue().getAttrNetworkInterfaceIds()) + "', " + name + ")");
    }
    return "SELECT * FROM (VALUES " + String.join(", ", rows) + ") AS t(interface_id, endpoint)";
  }

  private static String constructId(FlowLogQuery query) {
    StringBuilder sb = new StringBuilder("Query");
    for (String part : query.queryName().split(Pattern.quote("-"))) {
      sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return sb.toString();
  }

  /** {@return the Glue database} */
  public CfnDatabase database() {
    return database;
  }

  /** {@return the Glue table {@value #TABLE}} */
  public CfnTable table() {
    return table;
  }

  /** {@return the Athena workgroup} */
  public CfnWorkGroup workGroup() {
    return workGroup;
  }

  /** {@return the bucket of the workgroup's query results} */
  public Bucket results() {
    return results;
  }

  /** {@return the named queries, one per {@link FlowLogQuery}} */
  public Map<FlowLogQuery, CfnNamedQuery> namedQueries() {
    return Collections.unmodifiableMap(namedQueries);
  }
}
