package io.github.zonewise.traffic;

import static io.github.zonewise.facts.PriceBook.CROSS_AZ_PER_GB_EACH_WAY;
import static io.github.zonewise.facts.PriceBook.FLOW_LOG_CLOUD_WATCH_PER_GB;
import static io.github.zonewise.facts.PriceBook.FLOW_LOG_PARQUET_PER_GB;
import static io.github.zonewise.facts.PriceBook.FLOW_LOG_S3_PER_GB;
import static io.github.zonewise.facts.PriceBook.HOURS_PER_MONTH;
import static io.github.zonewise.facts.PriceBook.INTERFACE_ENDPOINT_PER_GB_FIRST_PB;
import static io.github.zonewise.facts.PriceBook.INTERFACE_ENDPOINT_PER_GB_NEXT_4_PB;
import static io.github.zonewise.facts.PriceBook.INTERFACE_ENDPOINT_PER_GB_OVER_5_PB;
import static io.github.zonewise.facts.PriceBook.INTERNET_EGRESS_FREE_GB;
import static io.github.zonewise.facts.PriceBook.INTERNET_EGRESS_PER_GB_FIRST_10_TB;
import static io.github.zonewise.facts.PriceBook.INTERNET_EGRESS_PER_GB_NEXT_100_TB;
import static io.github.zonewise.facts.PriceBook.INTERNET_EGRESS_PER_GB_NEXT_40_TB;
import static io.github.zonewise.facts.PriceBook.INTERNET_EGRESS_PER_GB_OVER_150_TB;
import static io.github.zonewise.facts.PriceBook.INTER_REGION_PER_GB;
import static io.github.zonewise.facts.PriceBook.NAT_GATEWAY_PER_GB;
import static io.github.zonewise.facts.PriceBook.TRANSIT_GATEWAY_PER_GB;

import io.github.zonewise.facts.PriceBook;
import java.util.ArrayList;
import java.util.List;

/**
 * The measured traffic of a month, priced with the {@link PriceBook}: the per-GB charges of what
 * the flow logs show (hourly charges — NAT gateway, endpoint and attachment hours — are the cost
 * report's), and what the flow logs themselves cost to deliver. GB are 2^30 bytes; the measured
 * window is scaled to the book's month ({@code hoursPerMonth}).
 *
 * @param scale    months per measured window: {@code hoursPerMonth × 3600 / window seconds}; 0 for an empty window
 * @param lines    the network charges
 * @param flowLogs what delivering the records costs to each destination
 */
public record TrafficBill(double scale, List<Line> lines, List<Line> flowLogs) {

  /** Bytes in a GB, as AWS bills data transfer. */
  public static final double GB = 1L << 30;
  private static final double TB = 1024;
  private static final double PB = 1024 * 1024;

  /**
   * One charge.
   *
   * @param item    what is charged
   * @param gb      GB a month
   * @param usd     USD a month
   * @param formula how, with the price keys
   */
  public record Line(String item, double gb, double usd, String formula) {
  }

  /**
   * Copies the lists.
   *
   * @param scale    months per measured window; 0 for an empty window
   * @param lines    the network charges
   * @param flowLogs what delivering the records costs to each destination
   */
  public TrafficBill {
    lines = List.copyOf(lines);
    flowLogs = List.copyOf(flowLogs);
  }

  /** {@return the network charges of a month} */
  public double total() {
    return lines.stream().mapToDouble(Line::usd).sum();
  }

  /**
   * Prices a measurement.
   *
   * @param m      the measurement
   * @param prices the price book
   * @return the bill of a month
   */
  public static TrafficBill of(TrafficMeasurement m, PriceBook prices) {
    double seconds = m.windowSeconds();
    double scale = seconds > 0 && m.accepted() > 0 ? prices.usd(HOURS_PER_MONTH) * 3600 / seconds : 0;
    List<Line> lines = new ArrayList<>();
    double crossAz = gb(m.crossAzBytes(true), scale);
    lines.add(new Line("cross-AZ hops (in a VPC, to a NAT gateway, over peering)", crossAz,
        crossAz * 2 * prices.usd(CROSS_AZ_PER_GB_EACH_WAY), "gb × 2 × crossAzPerGbEachWay"));
    lines.add(new Line("cross-AZ over PrivateLink and Transit Gateway", gb(m.crossAzBytes(false), scale), 0,
        "not charged"));
    for (String destination : List.of("aws-service", "internet", "other")) {
      double natGb = gb(m.nat().entrySet().stream().filter(e -> e.getKey().destination().equals(destination))
          .mapToLong(java.util.Map.Entry::getValue).sum(), scale);
      String label = switch (destination) {
        case "aws-service" -> "NAT gateway processing, AWS services";
        case "internet" -> "NAT gateway processing, internet";
        default -> "NAT gateway processing, other";
      };
      lines.add(new Line(label, natGb, natGb * prices.usd(NAT_GATEWAY_PER_GB), "gb × natGatewayPerGb"));
    }
    double endpointGb = gb(m.endpointBytes(), scale);
    lines.add(new Line("interface endpoint processing", endpointGb, tiers(prices, endpointGb,
        new double[] {PB, 4 * PB, Double.POSITIVE_INFINITY}, new String[] {INTERFACE_ENDPOINT_PER_GB_FIRST_PB,
            INTERFACE_ENDPOINT_PER_GB_NEXT_4_PB, INTERFACE_ENDPOINT_PER_GB_OVER_5_PB}),
        "tiered: interfaceEndpointPerGbFirstPb, …Next4Pb, …Over5Pb"));
    double tgw = gb(m.transitGateway(), scale);
    lines.add(new Line("Transit Gateway data", tgw, tgw * prices.usd(TRANSIT_GATEWAY_PER_GB), "gb × transitGatewayPerGb"));
    lines.add(new Line("VPC peering", gb(m.peering(), scale), 0, "free within an AZ; across AZs in the cross-AZ line"));
    double interRegion = gb(m.interRegion().values().stream().mapToLong(Long::longValue).sum(), scale);
    lines.add(new Line("inter-region", interRegion, interRegion * prices.usd(INTER_REGION_PER_GB), "gb × interRegionPerGb"));
    double out = gb(m.internetEgress(), scale);
    double free = Math.min(out, prices.usd(INTERNET_EGRESS_FREE_GB));
    lines.add(new Line("internet egress", out, tiers(prices, out - free,
        new double[] {10 * TB, 40 * TB, 100 * TB, Double.POSITIVE_INFINITY},
        new String[] {INTERNET_EGRESS_PER_GB_FIRST_10_TB, INTERNET_EGRESS_PER_GB_NEXT_40_TB,
            INTERNET_EGRESS_PER_GB_NEXT_100_TB, INTERNET_EGRESS_PER_GB_OVER_150_TB}),
        "tiered after internetEgressFreeGb: internetEgressPerGbFirst10Tb, …"));
    lines.add(new Line("internet ingress", gb(m.internetIngress(), scale), 0, "free"));
    lines.add(new Line("S3 and DynamoDB through gateway endpoints", gb(m.gatewayEndpoints().values().stream()
        .mapToLong(Long::longValue).sum(), scale), 0, "free"));
    double logs = gb(m.logTextBytes(), scale);
    List<Line> flowLogs = List.of(
        new Line("flow logs to CloudWatch Logs", logs, logs * prices.usd(FLOW_LOG_CLOUD_WATCH_PER_GB),
            "gb × flowLogCloudWatchPerGb"),
        new Line("flow logs to S3, text", logs, logs * prices.usd(FLOW_LOG_S3_PER_GB), "gb × flowLogS3PerGb"),
        new Line("flow logs to S3, Parquet", logs, logs * (prices.usd(FLOW_LOG_S3_PER_GB)
            + prices.usd(FLOW_LOG_PARQUET_PER_GB)), "gb × (flowLogS3PerGb + flowLogParquetPerGb)"));
    return new TrafficBill(scale, lines, flowLogs);
  }

  static double gb(long bytes, double scale) {
    return bytes / GB * scale;
  }

  private static double tiers(PriceBook prices, double gb, double[] bounds, String[] keys) {
    double left = Math.max(0, gb);
    double usd = 0;
    for (int i = 0; i < bounds.length && left > 0; i++) {
      double tier = Math.min(left, bounds[i]);
      usd += tier * prices.usd(keys[i]);
      left -= tier;
    }
    return usd;
  }
}
