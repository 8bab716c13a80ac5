package io.github.zonewise.facts;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The prices the cost model and the synth's advice use: us-east-1 list prices as published in
 * 2026 (each {@link Price} names its source and date), every one overridable by key — from a landscape's
 * {@code prices:} section or a separate file — so a team can price its own region or its
 * negotiated rates. Plain Java, no AWS call.
 *
 * <p>{@link #defaults()} is the us-east-1 book. {@link #forRegion(String)} is a region's book: for a
 * region of {@link RegionalPrices#regions()} (us-east-1, us-west-2, eu-west-1, eu-central-1) the keys
 * of {@link RegionalPrices#REGIONAL_KEYS} carry that region's list prices, each with its source and
 * date, or say that the us-east-1 figure is assumed where no regional figure was found; the other keys
 * are the same everywhere. For any other region the book holds the us-east-1 prices and
 * {@link #regionPriced()} is false, so the report and the console can say the landscape is priced at
 * us-east-1 rates. {@link #withOverrides} applies on top of either and keeps the region.
 */
public final class PriceBook {

  /** Hours in the month the model prices (AWS's 730-hour month). */
  public static final String HOURS_PER_MONTH = "hoursPerMonth";
  /** Data across AZs, per GB in each direction (EC2, ENIs, VPC peering). */
  public static final String CROSS_AZ_PER_GB_EACH_WAY = "crossAzPerGbEachWay";
  /** Data to a public or Elastic IPv4 address inside the region, per GB each direction. */
  public static final String PUBLIC_IP_IN_REGION_PER_GB_EACH_WAY = "publicIpInRegionPerGbEachWay";
  /** A NAT gateway, per gateway-hour (per AZ). */
  public static final String NAT_GATEWAY_HOUR = "natGatewayHour";
  /** A NAT gateway, per GB processed (either direction). */
  public static final String NAT_GATEWAY_PER_GB = "natGatewayPerGb";
  /** An interface VPC endpoint, per endpoint-hour per AZ. */
  public static final String INTERFACE_ENDPOINT_HOUR_PER_AZ = "interfaceEndpointHourPerAz";
  /** Interface endpoint processing, per GB, the first PB a month (all endpoints of a region together). */
  public static final String INTERFACE_ENDPOINT_PER_GB_FIRST_PB = "interfaceEndpointPerGbFirstPb";
  /** Interface endpoint processing, per GB, the next 4 PB a month. */
  public static final String INTERFACE_ENDPOINT_PER_GB_NEXT_4_PB = "interfaceEndpointPerGbNext4Pb";
  /** Interface endpoint processing, per GB, above 5 PB a month. */
  public static final String INTERFACE_ENDPOINT_PER_GB_OVER_5_PB = "interfaceEndpointPerGbOver5Pb";
  /** A gateway VPC endpoint (S3, DynamoDB), per hour: free. */
  public static final String GATEWAY_ENDPOINT_HOUR = "gatewayEndpointHour";
  /** A gateway VPC endpoint, per GB: free. */
  public static final String GATEWAY_ENDPOINT_PER_GB = "gatewayEndpointPerGb";
  /** A Transit Gateway attachment, per attachment-hour. */
  public static final String TRANSIT_GATEWAY_ATTACHMENT_HOUR = "transitGatewayAttachmentHour";
  /** Data sent into a Transit Gateway, per GB. */
  public static final String TRANSIT_GATEWAY_PER_GB = "transitGatewayPerGb";
  /** A VPC peering connection, per hour: free. */
  public static final String PEERING_HOUR = "peeringHour";
  /** Data between regions, per GB, charged out of the source region. */
  public static final String INTER_REGION_PER_GB = "interRegionPerGb";
  /** Internet egress free each month, in GB. */
  public static final String INTERNET_EGRESS_FREE_GB = "internetEgressFreeGb";
  /** Internet egress per GB, up to 10 TB a month. */
  public static final String INTERNET_EGRESS_PER_GB_FIRST_10_TB = "internetEgressPerGbFirst10Tb";
  /** Internet egress per GB, the next 40 TB a month. */
  public static final String INTERNET_EGRESS_PER_GB_NEXT_40_TB = "internetEgressPerGbNext40Tb";
  /** Internet egress per GB, the next 100 TB a month. */
  public static final String INTERNET_EGRESS_PER_GB_NEXT_100_TB = "internetEgressPerGbNext100Tb";
  /** Internet egress per GB, above 150 TB a month. */
  public static final String INTERNET_EGRESS_PER_GB_OVER_150_TB = "internetEgressPerGbOver150Tb";
  /** A public IPv4 address, per IP-hour (NAT gateway EIPs, each LB node per AZ, public node IPs). */
  public static final String PUBLIC_IPV4_HOUR = "publicIpv4Hour";
  /** An Application Load Balancer, per hour. */
  public static final String ALB_HOUR = "albHour";
  /** An Application Load Balancer, per LCU-hour. */
  public static final String ALB_LCU_HOUR = "albLcuHour";
  /** A Network Load Balancer, per hour. */
  public static final String NLB_HOUR = "nlbHour";
  /** A Network Load Balancer, per NLCU-hour. */
  public static final String NLB_LCU_HOUR = "nlbLcuHour";
  /** The bytes one ALB LCU covers in an hour (the processed-bytes dimension, EC2 and IP targets). */
  public static final String ALB_GB_PER_LCU_HOUR = "albGbPerLcuHour";
  /** The bytes one NLB NLCU covers in an hour (the processed-bytes dimension, TCP). */
  public static final String NLB_GB_PER_LCU_HOUR = "nlbGbPerLcuHour";
  /**
   * ALB to its targets across AZs, per GB each direction: 0, as ELB's documentation generally
   * describes it; an assumption FACTS.md flags, overridable here.
   */
  public static final String ALB_TO_TARGET_CROSS_AZ_PER_GB_EACH_WAY = "albToTargetCrossAzPerGbEachWay";
  /** ECR storage, per GB-month (replicas pay it in every destination region). */
  public static final String ECR_STORAGE_GB_MONTH = "ecrStorageGbMonth";
  /** ECR replication transfer, per GB (the inter-region rate; some sources say $0.09). */
  public static final String ECR_REPLICATION_PER_GB = "ecrReplicationPerGb";
  /** The EKS control plane in standard support, per cluster-hour. */
  public static final String EKS_CLUSTER_HOUR_STANDARD = "eksClusterHourStandard";
  /** The EKS control plane in extended support, per cluster-hour. */
  public static final String EKS_CLUSTER_HOUR_EXTENDED = "eksClusterHourExtended";
  // ---- flow logs (vended logs), used by zonewise traffic to price the flow logs it reads
  /** VPC flow logs delivered to CloudWatch Logs, per GB of records (vended logs, first 10 TB a month). */
  public static final String FLOW_LOG_CLOUD_WATCH_PER_GB = "flowLogCloudWatchPerGb";
  /** VPC flow logs delivered to S3, per GB of records (vended logs, first 10 TB a month). */
  public static final String FLOW_LOG_S3_PER_GB = "flowLogS3PerGb";
  /** Converting flow logs delivered to S3 to Apache Parquet, per GB of records. */
  public static final String FLOW_LOG_PARQUET_PER_GB = "flowLogParquetPerGb";
  /**
   * The bytes of one flow-log record as the vended-logs price counts them (uncompressed text), used to
   * estimate a design's flow-log volume from its traffic.
   */
  public static final String FLOW_LOG_BYTES_PER_RECORD = "flowLogBytesPerRecord";
  /** CloudWatch Logs ingestion, standard log class, per GB (what EKS control-plane logs are billed). */
  public static final String CLOUD_WATCH_LOGS_INGESTION_PER_GB = "cloudWatchLogsIngestionPerGb";
  /** The GB a month each enabled EKS control-plane log type of a cluster writes: an assumption. */
  public static final String EKS_CONTROL_PLANE_LOG_GB_PER_TYPE_MONTH = "eksControlPlaneLogGbPerTypeMonth";

  private static final String EC2 = "Amazon EC2 on-demand pricing, Data Transfer";
  private static final String VPC = "Amazon VPC pricing";
  private static final String PRIVATELINK = "AWS PrivateLink pricing";
  private static final String ELB = "Elastic Load Balancing pricing";
  private static final String YEAR = "2026";

  private static final PriceBook DEFAULTS = new PriceBook(List.of(
      new Price(HOURS_PER_MONTH, 730, "hours per month", "AWS pricing convention (8,760 h / 12)", YEAR),
      new Price(CROSS_AZ_PER_GB_EACH_WAY, 0.01, "GB each direction",
          EC2 + " within the same Region; AWS NLB cost blog", YEAR),
      new Price(PUBLIC_IP_IN_REGION_PER_GB_EACH_WAY, 0.01, "GB each direction", EC2, YEAR),
      new Price(NAT_GATEWAY_HOUR, 0.045, "gateway-hour", VPC + ", NAT gateway", YEAR),
      new Price(NAT_GATEWAY_PER_GB, 0.045, "GB processed", VPC + ", NAT gateway", YEAR),
      new Price(INTERFACE_ENDPOINT_HOUR_PER_AZ, 0.01, "endpoint-hour per AZ", PRIVATELINK, YEAR),
      new Price(INTERFACE_ENDPOINT_PER_GB_FIRST_PB, 0.01, "GB (first 1 PB a month)", PRIVATELINK, YEAR),
      new Price(INTERFACE_ENDPOINT_PER_GB_NEXT_4_PB, 0.006, "GB (next 4 PB a month)", PRIVATELINK, YEAR),
      new Price(INTERFACE_ENDPOINT_PER_GB_OVER_5_PB, 0.004, "GB (above 5 PB a month)", PRIVATELINK, YEAR),
      new Price(GATEWAY_ENDPOINT_HOUR, 0, "endpoint-hour", VPC + ", gateway endpoints (free)", YEAR),
      new Price(GATEWAY_ENDPOINT_PER_GB, 0, "GB", VPC + ", gateway endpoints (free)", YEAR),
      new Price(TRANSIT_GATEWAY_ATTACHMENT_HOUR, 0.05, "attachment-hour", "AWS Transit Gateway pricing", YEAR),
      new Price(TRANSIT_GATEWAY_PER_GB, 0.02, "GB sent into the TGW", "AWS Transit Gateway pricing", YEAR),
      new Price(PEERING_HOUR, 0, "connection-hour", "AWS blog: Demystifying Amazon VPC peering charges", YEAR),
      new Price(INTER_REGION_PER_GB, 0.02, "GB out of the source region", EC2 + " between Regions", YEAR),
      new Price(INTERNET_EGRESS_FREE_GB, 100, "GB free a month", EC2 + " to the internet", YEAR),
      new Price(INTERNET_EGRESS_PER_GB_FIRST_10_TB, 0.09, "GB (to 10 TB a month)", EC2 + " to the internet", YEAR),
      new Price(INTERNET_EGRESS_PER_GB_NEXT_40_TB, 0.085, "GB (next 40 TB a month)", EC2 + " to the internet", YEAR),
      new Price(INTERNET_EGRESS_PER_GB_NEXT_100_TB, 0.07, "GB (next 100 TB a month)", EC2 + " to the internet", YEAR),
      new Price(INTERNET_EGRESS_PER_GB_OVER_150_TB, 0.05, "GB (above 150 TB a month)", EC2 + " to the internet", YEAR),
      new Price(PUBLIC_IPV4_HOUR, 0.005, "IP-hour", "AWS public IPv4 address charge (February 2024)", YEAR),
      new Price(ALB_HOUR, 0.0225, "hour", ELB + ", Application Load Balancer", YEAR),
      new Price(ALB_LCU_HOUR, 0.008, "LCU-hour", ELB + ", Application Load Balancer", YEAR),
      new Price(NLB_HOUR, 0.0225, "hour", ELB + ", Network Load Balancer", YEAR),
      new Price(NLB_LCU_HOUR, 0.006, "NLCU-hour", ELB + ", Network Load Balancer", YEAR),
      new Price(ALB_GB_PER_LCU_HOUR, 1, "GB per LCU-hour", ELB + ": an LCU covers 1 GB an hour processed", YEAR),
      new Price(NLB_GB_PER_LCU_HOUR, 1, "GB per NLCU-hour", ELB + ": an NLCU covers 1 GB an hour (TCP)", YEAR),
      new Price(ALB_TO_TARGET_CROSS_AZ_PER_GB_EACH_WAY, 0, "GB each direction",
          ELB + ": ALB to targets across AZs is generally documented as not charged (an assumption)", YEAR),
      new Price(ECR_STORAGE_GB_MONTH, 0.10, "GB-month", "Amazon ECR pricing", YEAR),
      new Price(ECR_REPLICATION_PER_GB, 0.02, "GB replicated",
          "Amazon ECR pricing: inter-region transfer rate for same-partition replication (some sources: $0.09)", YEAR),
      new Price(EKS_CLUSTER_HOUR_STANDARD, 0.10, "cluster-hour", "Amazon EKS pricing, standard support", YEAR),
      new Price(EKS_CLUSTER_HOUR_EXTENDED, 0.60, "cluster-hour", "Amazon EKS pricing, extended support", YEAR),
      // flow logs: the vended-logs table of Amazon CloudWatch pricing (Logs > Vended Logs) was not in the
      // sources at hand; these are the us-east-1 figures secondary sources quote, each named
      new Price(FLOW_LOG_CLOUD_WATCH_PER_GB, 0.50, "GB of flow-log records (first 10 TB a month)",
          "Amazon CloudWatch pricing, Vended Logs delivered to CloudWatch Logs, us-east-1, as quoted by c3x.dev"
              + " 'CloudWatch Logs cost optimization' (us-east-1, June 2026: $0.50/GB, vended logs priced as"
              + " ingestion)", "2026-06"),
      new Price(FLOW_LOG_S3_PER_GB, 0.25, "GB of flow-log records (first 10 TB a month)",
          "Amazon CloudWatch pricing, Vended Logs delivered to S3, us-east-1, as quoted by c3x.dev 'CloudWatch Logs"
              + " cost optimization' (June 2026: 'Vended Logs (VPC Flow Logs to S3): $0.25 per GB'); tech.enechange.co.jp"
              + " (2023-02-07): Tokyo's $0.38 is about 1.5 times N. Virginia's", "2026-06"),
      new Price(FLOW_LOG_PARQUET_PER_GB, 0.056, "GB of flow-log records converted to Parquet",
          "an upper bound: the us-east-1 rate was not found; this is the ap-northeast-1 rate (zenn.dev/team_delta"
              + " 'VPCフローログのコスト最適化', Apache Parquet 変換 $0.056/GB, Tokyo), whose other vended-logs rates are"
              + " about 1.5 times us-east-1's; override it with your region's rate", "2026"),
      new Price(FLOW_LOG_BYTES_PER_RECORD, 225, "bytes per flow-log record",
          "Zonewise estimate: one record of FlowLogFormat.ZONEWISE (24 fields: a 12-digit account, 21-character"
              + " eni-/vpc-/subnet-/instance ids, four private IPv4 addresses, ports, counts, 10-digit times, a newline)"
              + " is 225 characters; vended logs are billed on the records as delivered, before compression", YEAR),
      new Price(CLOUD_WATCH_LOGS_INGESTION_PER_GB, 0.50, "GB ingested (standard log class)",
          "Amazon CloudWatch pricing, Logs, data ingestion (standard), us-east-1, as infracost lists it for"
              + " aws_cloudwatch_log_group ($0.50 per GB); EKS control-plane logs are billed as standard CloudWatch Logs"
              + " ingestion and storage (AWS Containers blog, 'Understanding and Cost Optimizing Amazon EKS Control"
              + " Plane Logs')", YEAR),
      new Price(EKS_CONTROL_PLANE_LOG_GB_PER_TYPE_MONTH, 1, "GB a month per enabled log type per cluster",
          "Zonewise assumption (no published figure: the volume follows the API calls the cluster serves; audit is"
              + " usually the largest); override it with the IncomingBytes of the cluster's /aws/eks/<name>/cluster"
              + " log group", YEAR)));

  private final Map<String, Price> prices;
  private final String region;
  private final boolean regionPriced;

  private PriceBook(Collection<Price> prices) {
    this(prices, RegionalPrices.US_EAST_1, true);
  }

  private PriceBook(Collection<Price> prices, String region, boolean regionPriced) {
    Map<String, Price> map = new LinkedHashMap<>();
    for (Price p : prices) {
      map.put(p.key(), p);
    }
    this.prices = Collections.unmodifiableMap(map);
    this.region = region;
    this.regionPriced = regionPriced;
  }

  /** {@return the us-east-1 list prices, each with its source} */
  public static PriceBook defaults() {
    return DEFAULTS;
  }

  /**
   * A region's list prices: its table's where it has one (see {@link RegionalPrices}), else the
   * us-east-1 prices with {@link #regionPriced()} false.
   *
   * @param region a region code, e.g. {@code eu-west-1}
   * @return the region's book
   */
  public static PriceBook forRegion(String region) {
    Objects.requireNonNull(region, "region");
    if (region.equals(RegionalPrices.US_EAST_1)) {
      return DEFAULTS;
    }
    Optional<List<Price>> regional = RegionalPrices.prices(region, DEFAULTS.prices);
    if (regional.isEmpty()) {
      return new PriceBook(DEFAULTS.prices.values(), region, false);
    }
    Map<String, Price> map = new LinkedHashMap<>(DEFAULTS.prices);
    regional.get().forEach(p -> map.put(p.key(), p));
    return new PriceBook(map.values(), region, true);
  }

  /** {@return the region this book prices (us-east-1 for {@link #defaults()})} */
  public String region() {
    return region;
  }

  /** {@return whether {@link #region()} has a price table; false when us-east-1 rates stand in for it} */
  public boolean regionPriced() {
    return regionPriced;
  }

  /**
   * This book with some prices replaced.
   *
   * @param overrides price key → USD
   * @param origin    where the overrides come from, e.g. {@code prices} or a file name
   * @return the new book
   * @throws IllegalArgumentException for an unknown key (naming the nearest known one) or a negative price
   */
  public PriceBook withOverrides(Map<String, Double> overrides, String origin) {
    Map<String, Price> map = new LinkedHashMap<>(prices);
    overrides.forEach((key, usd) -> {
      Price p = prices.get(key);
      if (p == null) {
        throw new IllegalArgumentException("unknown price key '" + key + "'; known keys: " + String.join(", ", keys()));
      }
      if (usd == null || !Double.isFinite(usd) || usd < 0) {
        throw new IllegalArgumentException("price '" + key + "' must be a number >= 0, not " + usd);
      }
      map.put(key, p.overriddenBy(usd, origin));
    });
    return new PriceBook(map.values(), region, regionPriced);
  }

  /**
   * A price in USD per its unit.
   *
   * @param key a price key (the constants of this class)
   * @return the price
   */
  public double usd(String key) {
    return item(key).usd();
  }

  /**
   * A price with its unit and source.
   *
   * @param key a price key
   * @return the price
   */
  public Price item(String key) {
    Price p = prices.get(key);
    if (p == null) {
      throw new IllegalArgumentException("unknown price key '" + key + "'");
    }
    return p;
  }

  /**
   * A price, if the key is known.
   *
   * @param key a price key
   * @return the price
   */
  public Optional<Price> find(String key) {
    return Optional.ofNullable(prices.get(key));
  }

  /** {@return every price key, in book order} */
  public List<String> keys() {
    return List.copyOf(prices.keySet());
  }

  /** {@return every price, in book order} */
  public Collection<Price> prices() {
    return prices.values();
  }

  /**
   * An hourly price over the book's month.
   *
   * @param hourlyKey the key of a per-hour price
   * @return USD per month
   */
  public double monthly(String hourlyKey) {
    return usd(hourlyKey) * usd(HOURS_PER_MONTH);
  }
}
