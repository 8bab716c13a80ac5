package io.github.zonewise.traffic;

import static io.github.zonewise.traffic.FlowLogFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.traffic.TrafficMeasurement.FlowEnds;
import io.github.zonewise.traffic.TrafficMeasurement.NatBytes;
import io.github.zonewise.traffic.TrafficMeasurement.VpcPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Flow logs of a network with known traffic give back that traffic, its hops and its bill. */
class TrafficAnalysisTest {

  static TrafficMeasurement gzip;
  static TrafficMeasurement parquet;
  static TrafficBill bill;
  static final double GB = 1L << 30;

  @BeforeAll
  static void measure() throws Exception {
    Path dir = Files.createTempDirectory("traffic");
    PodInventory pods = FlowLogFixture.pods(dir);
    gzip = TrafficAnalysis.measure(List.of(FlowLogFixture.writeGzip(dir.resolve("gzip"))), FlowLogFixture.map(), pods,
        2, Progress.NONE);
    parquet = TrafficAnalysis.measure(List.of(FlowLogFixture.writeParquet(dir.resolve("parquet"))),
        FlowLogFixture.map(), pods, 2, Progress.NONE);
    bill = TrafficBill.of(gzip, PriceBook.defaults());
  }

  @Test
  void theProfileIsTheKnownTrafficByServiceAndEnd() {
    Map<FlowEnds, Long> expected = new java.util.HashMap<>();
    expected.put(new FlowEnds("graphql", "orders"), GRAPHQL_A_TO_ORDERS_B);
    expected.put(new FlowEnds("orders", "graphql"), ORDERS_B_TO_GRAPHQL_A + ORDERS_A_TO_GRAPHQL_A);
    expected.put(new FlowEnds("orders", "internet"), ORDERS_A_TO_INTERNET);
    expected.put(new FlowEnds("internet", "orders"), INTERNET_TO_ORDERS_A);
    expected.put(new FlowEnds("graphql", "internet"), GRAPHQL_C_TO_INTERNET);
    expected.put(new FlowEnds("internet", "graphql"), INTERNET_TO_GRAPHQL_C);
    expected.put(new FlowEnds("graphql", "s3"), GRAPHQL_A_TO_S3);
    expected.put(new FlowEnds("s3", "graphql"), S3_TO_GRAPHQL_A);
    expected.put(new FlowEnds("orders", "sts"), ORDERS_A_TO_STS);
    expected.put(new FlowEnds("sts", "orders"), STS_TO_ORDERS_A);
    expected.put(new FlowEnds("orders", "analytics"), ORDERS_A_TO_ANALYTICS);
    expected.put(new FlowEnds("analytics", "orders"), ANALYTICS_TO_ORDERS_A);
    assertThat(gzip.profile()).isEqualTo(expected);
  }

  @Test
  void eachByteIsCountedOnceThoughSeveralInterfacesRecordIt() {
    long all = GRAPHQL_A_TO_ORDERS_B + ORDERS_B_TO_GRAPHQL_A + ORDERS_A_TO_GRAPHQL_A + ORDERS_A_TO_INTERNET
        + INTERNET_TO_ORDERS_A + ORDERS_B_TO_AMAZON + AMAZON_TO_ORDERS_B + GRAPHQL_C_TO_INTERNET + INTERNET_TO_GRAPHQL_C
        + GRAPHQL_A_TO_S3 + S3_TO_GRAPHQL_A + ORDERS_A_TO_STS + STS_TO_ORDERS_A + ORDERS_A_TO_ANALYTICS
        + ANALYTICS_TO_ORDERS_A + OUTSIDE_TO_ORDERS_A;
    assertThat(gzip.flowBytes()).isEqualTo(all);
  }

  @Test
  void bytesTheLandscapeCannotNameAreALineOfTheirOwn() {
    assertThat(gzip.unattributed()).containsOnlyKeys(
        "a private address outside every CIDR of the network map",
        "an address of the AWS range AMAZON, which is no end the landscape format names");
    assertThat(gzip.unattributed().get("a private address outside every CIDR of the network map"))
        .containsExactly(OUTSIDE_TO_ORDERS_A, OUTSIDE_HOST);
    assertThat(gzip.unattributed().get("an address of the AWS range AMAZON, which is no end the landscape format names")
        [0]).isEqualTo(ORDERS_B_TO_AMAZON + AMAZON_TO_ORDERS_B);
  }

  @Test
  void addressesOutsideEveryKnownCidrAreReportedAsSuch() {
    assertThat(TrafficReport.render(gzip, bill, false)).contains("unattributed: 40.79 GB a month (a private address"
        + " outside every CIDR of the network map, e.g. 10.9.1.4)\n");
  }

  @Test
  void crossAzHopsArePodToPodNatHopsAndPeeringWhileTheEndpointHopsAreNotCharged() {
    assertThat(gzip.crossAzBytes(true)).isEqualTo(GRAPHQL_A_TO_ORDERS_B + ORDERS_B_TO_GRAPHQL_A + GRAPHQL_C_TO_INTERNET
        + INTERNET_TO_GRAPHQL_C + ORDERS_A_TO_ANALYTICS + ANALYTICS_TO_ORDERS_A);
    assertThat(gzip.crossAzBytes(false)).isEqualTo(ORDERS_A_TO_STS + STS_TO_ORDERS_A);
    assertThat(gzip.crossAz().keySet()).extracting(TrafficMeasurement.Hop::via)
        .containsExactlyInAnyOrder("vpc", "vpc", "nat", "nat", "peering", "peering", "endpoint", "endpoint");
  }

  @Test
  void natGatewaysProcessBothDirectionsByDestination() {
    Map<String, Long> byDestination = new TreeMap<>();
    gzip.nat().forEach((k, v) -> byDestination.merge(k.destination(), v, Long::sum));
    assertThat(byDestination).isEqualTo(Map.of(
        "internet", ORDERS_A_TO_INTERNET + INTERNET_TO_ORDERS_A + GRAPHQL_C_TO_INTERNET + INTERNET_TO_GRAPHQL_C,
        "aws-service", ORDERS_B_TO_AMAZON + AMAZON_TO_ORDERS_B));
    assertThat(gzip.nat()).containsEntry(new NatBytes("NAT gateway 10.0.196.10", "aws-service", "AMAZON", "outbound"),
        ORDERS_B_TO_AMAZON);
  }

  @Test
  void s3ThroughTheGatewayEndpointPassesNoNat() {
    assertThat(gzip.gatewayEndpoints()).isEqualTo(Map.of("s3", GRAPHQL_A_TO_S3 + S3_TO_GRAPHQL_A));
    assertThat(gzip.nat().keySet()).noneMatch(k -> k.service().equals("S3"));
  }

  @Test
  void theInterfaceEndpointCarriesRequestsInAndRepliesOut() {
    assertThat(gzip.endpoints()).containsOnlyKeys("sts");
    assertThat(gzip.endpoints().get("sts")).containsExactly(ORDERS_A_TO_STS, STS_TO_ORDERS_A);
    assertThat(gzip.endpointInterfaces()).isEqualTo(Map.of(STS_B.id(), "sts"));
  }

  @Test
  void thePeerVpcIsReachedOverPeering() {
    assertThat(gzip.betweenVpcs()).isEqualTo(Map.of(
        new VpcPair("vpc-shop", "vpc-analytics", "peering"), ORDERS_A_TO_ANALYTICS,
        new VpcPair("vpc-analytics", "vpc-shop", "peering"), ANALYTICS_TO_ORDERS_A,
        new VpcPair("outside", "vpc-shop", "unknown"), OUTSIDE_TO_ORDERS_A));
    assertThat(gzip.peering()).isEqualTo(ORDERS_A_TO_ANALYTICS + ANALYTICS_TO_ORDERS_A);
    assertThat(gzip.transitGateway()).isZero();
  }

  @Test
  void internetEgressAndIngressAreApart() {
    assertThat(gzip.internetEgress()).isEqualTo(ORDERS_A_TO_INTERNET + GRAPHQL_C_TO_INTERNET);
    assertThat(gzip.internetIngress()).isEqualTo(INTERNET_TO_ORDERS_A + INTERNET_TO_GRAPHQL_C);
  }

  @Test
  void rejectedAndEmptyRecordsAreCountedButCarryNoFlow() {
    assertThat(gzip.rejectedRecords()).isEqualTo(5);
    assertThat(gzip.rejectedBytes()).isEqualTo(25_000);
    assertThat(gzip.noData()).isEqualTo(1);
    assertThat(gzip.files()).isEqualTo(3);
  }

  @Test
  void theWindowIsTheHourOfTheRecordsScaledToTheBooksMonth() {
    assertThat(gzip.windowStart()).isEqualTo(T0);
    assertThat(gzip.windowSeconds()).isEqualTo(WINDOW);
    assertThat(bill.scale()).isEqualTo(730.0);
  }

  @Test
  void theBillPricesEachLineWithThePriceBook() {
    Map<String, Double> usd = new TreeMap<>();
    bill.lines().forEach(l -> usd.put(l.item(), l.usd()));
    double crossAzGb = (GRAPHQL_A_TO_ORDERS_B + ORDERS_B_TO_GRAPHQL_A + GRAPHQL_C_TO_INTERNET + INTERNET_TO_GRAPHQL_C
        + ORDERS_A_TO_ANALYTICS + ANALYTICS_TO_ORDERS_A) / GB * 730;
    assertThat(usd.get("cross-AZ hops (in a VPC, to a NAT gateway, over peering)")).isCloseTo(crossAzGb * 0.02,
        within(1e-6));
    double natInternetGb = (ORDERS_A_TO_INTERNET + INTERNET_TO_ORDERS_A + GRAPHQL_C_TO_INTERNET + INTERNET_TO_GRAPHQL_C)
        / GB * 730;
    assertThat(usd.get("NAT gateway processing, internet")).isCloseTo(natInternetGb * 0.045, within(1e-6));
    assertThat(usd.get("interface endpoint processing")).isCloseTo((ORDERS_A_TO_STS + STS_TO_ORDERS_A) / GB * 730 * 0.01,
        within(1e-6));
    double egressGb = (ORDERS_A_TO_INTERNET + GRAPHQL_C_TO_INTERNET) / GB * 730;
    assertThat(usd.get("internet egress")).isCloseTo((egressGb - 100) * 0.09, within(1e-6));
    assertThat(usd.get("Transit Gateway data")).isZero();
    assertThat(bill.total()).isCloseTo(bill.lines().stream().mapToDouble(TrafficBill.Line::usd).sum(), within(1e-9));
  }

  @Test
  void theFlowLogsThemselvesArePricedForEachDestination() {
    assertThat(bill.flowLogs()).extracting(TrafficBill.Line::item)
        .containsExactly("flow logs to CloudWatch Logs", "flow logs to S3, text", "flow logs to S3, Parquet");
    double gb = bill.flowLogs().get(0).gb();
    assertThat(gb).isGreaterThan(0);
    assertThat(bill.flowLogs().get(0).usd()).isCloseTo(gb * 0.50, within(1e-9));
    assertThat(bill.flowLogs().get(1).usd()).isCloseTo(gb * 0.25, within(1e-9));
  }

  @Test
  void parquetFilesMeasureWhatTheGzipTextFilesMeasure() {
    assertThat(parquet.profile()).isEqualTo(gzip.profile());
    assertThat(parquet.crossAz()).isEqualTo(gzip.crossAz());
    assertThat(parquet.nat()).isEqualTo(gzip.nat());
    assertThat(parquet.betweenVpcs()).isEqualTo(gzip.betweenVpcs());
    assertThat(parquet.unattributed().keySet()).isEqualTo(gzip.unattributed().keySet());
    assertThat(parquet.accepted()).isEqualTo(gzip.accepted());
    assertThat(parquet.rejectedRecords()).isEqualTo(gzip.rejectedRecords());
    assertThat(parquet.noData()).isEqualTo(gzip.noData());
    assertThat(parquet.windowSeconds()).isEqualTo(gzip.windowSeconds());
    assertThat(parquet.logTextBytes()).isEqualTo(gzip.logTextBytes());
  }

  @Test
  void plainTextFilesReadLikeGzipOnes() throws Exception {
    Path dir = Files.createTempDirectory("plain");
    FlowLogFixture.write(dir.resolve("flows.log"), FlowLogFixture.records(), false);
    TrafficMeasurement plain = TrafficAnalysis.measure(List.of(dir), FlowLogFixture.map(),
        FlowLogFixture.pods(Files.createTempDirectory("pods")), 1, Progress.NONE);
    assertThat(plain.profile()).isEqualTo(gzip.profile());
  }

  @Test
  void theProfileIsALandscapeTrafficSectionOfMonthlyGigabytes() {
    String yaml = TrafficReport.profile(gzip, bill);
    assertThat(yaml).startsWith("# measured by zonewise traffic in 3 flow-log files, 2026-05-01T00:00:00Z to"
        + " 2026-05-01T01:00:00Z (1.00 h), scaled ×730.00 to a month\n");
    assertThat(yaml).contains("\ntraffic:\n  - {from: graphql, to: orders, gb: " + String.format(java.util.Locale.ROOT,
        "%.2f", Math.round(GRAPHQL_A_TO_ORDERS_B / GB * 730 * 100) / 100.0) + "}\n");
    assertThat(yaml).contains("  - {from: orders, to: analytics, gb: ");
    assertThat(yaml).contains("# not in this profile: ");
  }
}
