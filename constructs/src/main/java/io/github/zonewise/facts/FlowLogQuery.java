package io.github.zonewise.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The flow-log questions Zonewise asks, each one SQL statement kept once, as a resource file
 * ({@code io/github/zonewise/facts/flow-log-queries/<name>.sql}), that Amazon Athena (the named
 * queries of {@code FlowLogAnalytics}) and DuckDB ({@code zonewise traffic}) both run, over a table
 * {@code flow_logs} whose columns are the {@link FlowLogField#column()}s of {@link FlowLogFormat#ZONEWISE}.
 *
 * <p>Every query begins with the common CTEs of {@code flows.sql} (records, scopes, forwarders,
 * homes, flows: how each byte is counted once). {@link #INTERFACE_ENDPOINTS} is filled by the engine
 * with a relation {@code (interface_id, endpoint)}; see {@link #endpointRelation(Map)}.
 */
public enum FlowLogQuery {

  /** Bytes across AZs by source and destination AZ and subnet. */
  CROSS_AZ_BYTES("cross-az-bytes", "Bytes across Availability Zones, by source and destination AZ and subnet"),
  /** NAT gateway bytes by destination (AWS service, internet, other) and direction. */
  NAT_GATEWAY_BYTES("nat-gateway-bytes", "Bytes a NAT gateway processed, by destination (aws-service, internet, other)"),
  /** Bytes between VPCs by source and destination VPC. */
  INTER_VPC_BYTES("inter-vpc-bytes", "Bytes between VPCs, by source and destination VPC"),
  /** Bytes through each interface endpoint. */
  INTERFACE_ENDPOINT_BYTES("interface-endpoint-bytes", "Bytes through each interface VPC endpoint"),
  /** The 20 address pairs that move the most bytes. */
  TOP_TALKERS("top-talkers", "The 20 address pairs that move the most bytes");

  /** Where the common CTEs go in a query. */
  public static final String FLOWS = "{{flows}}";
  /** Where the engine puts the relation {@code (interface_id, endpoint)} of the interface endpoints. */
  public static final String INTERFACE_ENDPOINTS = "{{interface_endpoints}}";
  /** The table every query reads. */
  public static final String TABLE = "flow_logs";

  private static final String DIR = "/io/github/zonewise/facts/flow-log-queries/";

  private final String queryName;
  private final String description;

  FlowLogQuery(String queryName, String description) {
    this.queryName = queryName;
    this.description = description;
  }

  /** {@return the query's name, e.g. {@code cross-az-bytes} (its file is {@code cross-az-bytes.sql})} */
  public String queryName() {
    return queryName;
  }

  /** {@return one line saying what the query answers} */
  public String description() {
    return description;
  }

  /**
   * The statement with the common CTEs in place, {@link #INTERFACE_ENDPOINTS} left for the engine.
   *
   * @return the SQL text
   */
  public String template() {
    return resource(queryName).replace(FLOWS, resource("flows").strip());
  }

  /**
   * The statement ready to run.
   *
   * @param endpointRelation the relation {@code (interface_id, endpoint)}, e.g. from {@link #endpointRelation(Map)}
   * @return the SQL text
   */
  public String sql(String endpointRelation) {
    return template().replace(INTERFACE_ENDPOINTS, endpointRelation);
  }

  /**
   * The relation of interface endpoints' network interfaces, as SQL both engines read: a
   * {@code VALUES} list, or an empty relation when there are none.
   *
   * @param endpointByInterface network interface id → endpoint name (e.g. {@code eni-0a1b… → ecr.api})
   * @return e.g. {@code SELECT * FROM (VALUES ('eni-1', 'ecr.api')) AS t(interface_id, endpoint)}
   */
  public static String endpointRelation(Map<String, String> endpointByInterface) {
    if (endpointByInterface.isEmpty()) {
      return "SELECT CAST(NULL AS VARCHAR) AS interface_id, CAST(NULL AS VARCHAR) AS endpoint WHERE 1 = 0";
    }
    return "SELECT * FROM (VALUES " + endpointByInterface.entrySet().stream()
        .map(e -> "(" + literal(e.getKey()) + ", " + literal(e.getValue()) + ")")
        .collect(Collectors.joining(", ")) + ") AS t(interface_id, endpoint)";
  }

  /**
   * A query by its name.
   *
   * @param name e.g. {@code top-talkers}
   * @return the query, or empty
   */
  public static Optional<FlowLogQuery> of(String name) {
    return Arrays.stream(values()).filter(q -> q.queryName.equals(name)).findFirst();
  }

  /** {@return every query's name, in order} */
  public static List<String> names() {
    return Arrays.stream(values()).map(FlowLogQuery::queryName).toList();
  }

  /**
   * A SQL string literal.
   *
   * @param text the text
   * @return {@code 'text'}, quotes doubled
   */
  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static String resource(String name) {
    try (InputStream in = FlowLogQuery.class.getResourceAsStream(DIR + name + ".sql")) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DIR + name + ".sql");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
