package io.github.zonewise.cost;

import static io.github.zonewise.cost.Fixtures.SERVICE;
import static io.github.zonewise.cost.Fixtures.INTERNET;
import static io.github.zonewise.cost.Fixtures.design;
import static io.github.zonewise.cost.Fixtures.flow;
import static io.github.zonewise.cost.Fixtures.traffic;
import static io.github.zonewise.facts.PriceBook.CLOUD_WATCH_LOGS_INGESTION_PER_GB;
import static io.github.zonewise.facts.PriceBook.EKS_CONTROL_PLANE_LOG_GB_PER_TYPE_MONTH;
import static io.github.zonewise.facts.PriceBook.FLOW_LOG_BYTES_PER_RECORD;
import static io.github.zonewise.facts.PriceBook.FLOW_LOG_CLOUD_WATCH_PER_GB;
import static io.github.zonewise.facts.PriceBook.FLOW_LOG_PARQUET_PER_GB;
import static io.github.zonewise.facts.PriceBook.FLOW_LOG_S3_PER_GB;
import static io.github.zonewise.facts.PriceBook.HOURS_PER_MONTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.zonewise.facts.PriceBook;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Flow-log delivery (S3 vended logs, CloudWatch Logs) priced from a volume estimated from the traffic,
 * and EKS control-plane logs, each computed by hand from the price book.
 */
class LogCostTest {

  static final Offset<Double> CENT = within(1e-9);
  static final PriceBook BOOK = PriceBook.defaults();
  static final CostModel MODEL = new CostModel(BOOK);

  /** web (3 replicas) → orders (4 replicas), and orders → the internet. */
  static final TrafficProfile TRAFFIC = traffic(flow(0, "web", SERVICE, "orders", SERVICE, 500),
      flow(1, "orders", SERVICE, "internet", INTERNET, 50));

  static DesignCost price(Fixtures.DesignBuilder d) {
    return MODEL.price(d.service("web", 3, Routing.TOPOLOGY_AWARE).service("orders", 4, Routing.TOPOLOGY_AWARE)
        .build(), TRAFFIC);
  }

  static LineItem item(DesignCost cost, String prefix) {
    List<LineItem> found = cost.lineItems().stream().filter(i -> i.item().startsWith(prefix)).toList();
    assertThat(found).as("line items '%s' in %s", prefix, cost.lineItems()).hasSize(1);
    return found.get(0);
  }

  /** Hand-computed: connections (3 × 4 + 4) × 2 directions × 2 interfaces × intervals × bytes ÷ 2^30. */
  static double gb(int aggregationSeconds) {
    double connections = 3 * 4 + 4;
    double intervals = BOOK.usd(HOURS_PER_MONTH) * 3600 / aggregationSeconds;
    return connections * 2 * 2 * intervals * BOOK.usd(FLOW_LOG_BYTES_PER_RECORD) / (1L << 30);
  }

  @Test
  void flowLogsToS3InParquetPayDeliveryAndConversionPerGbOfEstimatedRecords() {
    DesignCost cost = price(design().flowLog(Design.FlowLog.S3, true, 600));
    assertThat(item(cost, "VPC flow logs to S3 (Parquet)").usd())
        .isCloseTo(gb(600) * (BOOK.usd(FLOW_LOG_S3_PER_GB) + BOOK.usd(FLOW_LOG_PARQUET_PER_GB)), CENT);
    assertThat(item(cost, "VPC flow logs to S3").category()).isEqualTo(Category.LOGS);
  }

  @Test
  void flowLogsToCloudWatchLogsPayIngestionPerGbOfTheSameRecords() {
    DesignCost cost = price(design().flowLog(Design.FlowLog.CLOUD_WATCH_LOGS, false, 600));
    assertThat(item(cost, "VPC flow logs to CloudWatch Logs").usd())
        .isCloseTo(gb(600) * BOOK.usd(FLOW_LOG_CLOUD_WATCH_PER_GB), CENT);
  }

  @Test
  void s3CostsLessThanCloudWatchLogsForTheSameTraffic() {
    double s3 = item(price(design().flowLog(Design.FlowLog.S3, true, 600)), "VPC flow logs").usd();
    double cw = item(price(design().flowLog(Design.FlowLog.CLOUD_WATCH_LOGS, false, 600)), "VPC flow logs").usd();
    assertThat(s3).isLessThan(cw);
  }

  @Test
  void aOneMinuteAggregationIntervalWritesTenTimesTheRecords() {
    double tenMinutes = item(price(design().flowLog(Design.FlowLog.S3, false, 600)), "VPC flow logs").usd();
    double oneMinute = item(price(design().flowLog(Design.FlowLog.S3, false, 60)), "VPC flow logs").usd();
    assertThat(oneMinute).isCloseTo(10 * tenMinutes, within(1e-9));
    assertThat(tenMinutes).isCloseTo(gb(600) * BOOK.usd(FLOW_LOG_S3_PER_GB), CENT);
  }

  @Test
  void aDesignWithoutAFlowLogHasNoFlowLogLine() {
    assertThat(price(design()).lineItems()).noneMatch(i -> i.item().startsWith("VPC flow logs"));
  }

  @Test
  void controlPlaneLogsAreTypesTimesTheAssumedVolumeTimesIngestion() {
    DesignCost cost = price(design().cluster("1.35", List.of("api", "audit", "authenticator")));
    assertThat(item(cost, "EKS control-plane logs shop").usd()).isCloseTo(3
        * BOOK.usd(EKS_CONTROL_PLANE_LOG_GB_PER_TYPE_MONTH) * BOOK.usd(CLOUD_WATCH_LOGS_INGESTION_PER_GB), CENT);
  }

  @Test
  void aClusterWithoutControlPlaneLoggingHasNoLogLine() {
    assertThat(price(design().cluster("1.35")).lineItems()).noneMatch(i -> i.item().startsWith("EKS control-plane logs"));
  }
}
