package io.github.zonewise.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zonewise.facts.FlowLogQuery;
import io.github.zonewise.traffic.TrafficMeasurement.FlowEnds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL of each Athena named query, run by DuckDB over the fixture's flow-log files (gzip text
 * and Parquet), answers what the Java measurement of the same files says.
 */
class FlowLogQueriesTest {

  static TrafficMeasurement measured;
  static FlowLogSql text;
  static FlowLogSql parquet;

  @BeforeAll
  static void open() throws Exception {
    Path dir = Files.createTempDirectory("queries");
    Path gzip = FlowLogFixture.writeGzip(dir.resolve("gzip"));
    Path pq = FlowLogFixture.writeParquet(dir.resolve("parquet"));
    measured = TrafficAnalysis.measure(List.of(gzip), FlowLogFixture.map(),
        FlowLogFixture.pods(Files.createTempDirectory("pods")), 2, Progress.NONE);
    text = FlowLogSql.open(List.of(gzip));
    parquet = FlowLogSql.open(List.of(pq));
  }

  @AfterAll
  static void close() {
    text.close();
    parquet.close();
  }

  static Map<String, Long> rows(FlowLogSql sql, FlowLogQuery query, int keyColumns) {
    FlowLogSql.Result result = sql.run(query, measured.endpointInterfaces());
    Map<String, Long> out = new TreeMap<>();
    for (List<Object> row : result.rows()) {
      List<String> key = new ArrayList<>();
      for (int i = 0; i < keyColumns; i++) {
        key.add(String.valueOf(row.get(i)));
      }
      out.merge(String.join(" ", key), ((Number) row.get(row.size() - 1)).longValue(), Long::sum);
    }
    return out;
  }

  @Test
  void crossAzBytesByAzAndSubnetAreTheJavaHops() {
    Map<String, Long> expected = new TreeMap<>();
    measured.crossAz().forEach((hop, bytes) -> expected.merge(hop.srcZone() + " " + hop.srcSubnet() + " " + hop.dstZone()
        + " " + hop.dstSubnet(), bytes, Long::sum));
    assertThat(expected).hasSize(6);
    assertThat(rows(text, FlowLogQuery.CROSS_AZ_BYTES, 4)).isEqualTo(expected);
    assertThat(rows(parquet, FlowLogQuery.CROSS_AZ_BYTES, 4)).isEqualTo(expected);
  }

  @Test
  void natGatewayBytesByDestinationAreTheJavaNatBytes() {
    Map<String, Long> expected = new TreeMap<>();
    measured.nat().forEach((k, bytes) -> expected.merge(k.destination() + " " + k.service() + " " + k.direction(), bytes,
        Long::sum));
    assertThat(expected).containsOnlyKeys("aws-service AMAZON inbound", "aws-service AMAZON outbound",
        "internet - inbound", "internet - outbound");
    assertThat(rows(text, FlowLogQuery.NAT_GATEWAY_BYTES, 3)).isEqualTo(expected);
    assertThat(rows(parquet, FlowLogQuery.NAT_GATEWAY_BYTES, 3)).isEqualTo(expected);
  }

  @Test
  void bytesBetweenVpcsAreTheJavaVpcPairs() {
    Map<String, Long> expected = new TreeMap<>();
    measured.betweenVpcs().forEach((k, bytes) -> expected.merge(k.from() + " " + k.to(), bytes, Long::sum));
    assertThat(expected).containsOnlyKeys("vpc-shop vpc-analytics", "vpc-analytics vpc-shop", "outside vpc-shop");
    assertThat(rows(text, FlowLogQuery.INTER_VPC_BYTES, 2)).isEqualTo(expected);
    assertThat(rows(parquet, FlowLogQuery.INTER_VPC_BYTES, 2)).isEqualTo(expected);
  }

  @Test
  void bytesThroughEachInterfaceEndpointAreTheJavaEndpointBytes() {
    FlowLogSql.Result result = text.run(FlowLogQuery.INTERFACE_ENDPOINT_BYTES, measured.endpointInterfaces());
    assertThat(result.columns()).containsExactly("endpoint", "bytes_in", "bytes_out", "bytes");
    long[] sts = measured.endpoints().get("sts");
    assertThat(result.rows()).containsExactly(List.of("sts", sts[0], sts[1], sts[0] + sts[1]));
    assertThat(parquet.run(FlowLogQuery.INTERFACE_ENDPOINT_BYTES, measured.endpointInterfaces()).rows())
        .isEqualTo(result.rows());
  }

  @Test
  void withoutEndpointsTheEndpointQueryAnswersNothing() {
    assertThat(text.run(FlowLogQuery.INTERFACE_ENDPOINT_BYTES, Map.of()).rows()).isEmpty();
  }

  @Test
  void topTalkersAreTheJavaAddressPairsLargestFirst() {
    List<List<Object>> expected = measured.topTalkers().entrySet().stream()
        .sorted(Map.Entry.<FlowEnds, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(e -> e.getKey().from()).thenComparing(e -> e.getKey().to()))
        .limit(20)
        .map(e -> List.<Object>of(e.getKey().from(), e.getKey().to(), e.getValue()))
        .toList();
    assertThat(text.run(FlowLogQuery.TOP_TALKERS, Map.of()).rows()).isEqualTo(expected);
    assertThat(parquet.run(FlowLogQuery.TOP_TALKERS, Map.of()).rows()).isEqualTo(expected);
  }

  @Test
  void everyQueryIsOneStatementOverTheTableFlowLogs() {
    for (FlowLogQuery q : FlowLogQuery.values()) {
      String sql = q.template().lines().filter(l -> !l.strip().startsWith("--"))
          .collect(java.util.stream.Collectors.joining("\n"));
      assertThat(sql).as(q.queryName()).doesNotContain(FlowLogQuery.FLOWS).contains("FROM " + FlowLogQuery.TABLE)
          .doesNotContain(";");
    }
    assertThat(FlowLogQuery.names()).containsExactly("cross-az-bytes", "nat-gateway-bytes", "inter-vpc-bytes",
        "interface-endpoint-bytes", "top-talkers");
  }
}
