package io.github.zonewise.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The list prices that depend on the region, for the regions that have a table: us-west-2,
 * eu-west-1 and eu-central-1 (us-east-1 is {@link PriceBook#defaults()} itself).
 *
 * <p>Every table has one entry for each of {@link #REGIONAL_KEYS}, of one of three kinds, so a
 * figure is written once and nothing is silently carried over:
 * <ul>
 *   <li><b>found</b>: a figure that differs from us-east-1's, with its source and the date the
 *       source gives (a figure written here and nowhere else);</li>
 *   <li><b>same as us-east-1</b>: a source confirms the region charges what us-east-1 does; the
 *       figure is read from the us-east-1 book, the source text starts {@code same as us-east-1:};</li>
 *   <li><b>assumed</b>: no region-specific figure was found after a search (of 2026-12-02); the
 *       us-east-1 figure stands in and the source text says
 *       {@code not found for <region>; us-east-1 rate assumed}.</li>
 * </ul>
 *
 * <p>The other keys of the book are the same in every region and keep their us-east-1 entry:
 * {@code hoursPerMonth} (a convention), {@code crossAzPerGbEachWay} and
 * {@code publicIpInRegionPerGbEachWay} (EC2 on-demand pricing gives one rate per direction, not
 * per region), {@code publicIpv4Hour} (one rate since February 2024; the price list has it
 * unchanged in eu-west-1 and ap-southeast-5), the free gateway endpoints and peering hour,
 * {@code internetEgressFreeGb} (the 100 GB a month are per account, across regions), the LCU byte
 * sizes and {@code albToTargetCrossAzPerGbEachWay} (definitions, not rates),
 * {@code ecrStorageGbMonth} (one ECR storage rate) and the EKS cluster-hours (EKS pricing names one
 * rate per tier; a us-west-2 price table of 2026-10-06 has the same two).
 *
 * <p>Several sources are public repositories that quote the AWS Price List API (its usage types,
 * e.g. {@code EU-NatGateway-Hours}) rather than the AWS pages, whose regional tables render
 * client-side; each source text says which. Plain Java, no AWS call.
 */
public final class RegionalPrices {

  /** The keys whose list price depends on the region; each regional table has an entry for every one. */
  public static final List<String> REGIONAL_KEYS = List.of(
      PriceBook.NAT_GATEWAY_HOUR,
      PriceBook.NAT_GATEWAY_PER_GB,
      PriceBook.INTERFACE_ENDPOINT_HOUR_PER_AZ,
      PriceBook.INTERFACE_ENDPOINT_PER_GB_FIRST_PB,
      PriceBook.INTERFACE_ENDPOINT_PER_GB_NEXT_4_PB,
      PriceBook.INTERFACE_ENDPOINT_PER_GB_OVER_5_PB,
      PriceBook.TRANSIT_GATEWAY_ATTACHMENT_HOUR,
      PriceBook.TRANSIT_GATEWAY_PER_GB,
      PriceBook.INTER_REGION_PER_GB,
      PriceBook.INTERNET_EGRESS_PER_GB_FIRST_10_TB,
      PriceBook.INTERNET_EGRESS_PER_GB_NEXT_40_TB,
      PriceBook.INTERNET_EGRESS_PER_GB_NEXT_100_TB,
      PriceBook.INTERNET_EGRESS_PER_GB_OVER_150_TB,
      PriceBook.ALB_HOUR,
      PriceBook.ALB_LCU_HOUR,
      PriceBook.NLB_HOUR,
      PriceBook.NLB_LCU_HOUR,
      PriceBook.ECR_REPLICATION_PER_GB);

  /** The region whose prices are the book's defaults. */
  public static final String US_EAST_1 = "us-east-1";

  /** The day the regional figures were searched for; the date of an assumption. */
  static final String SEARCHED = "2026-12-02";

  private static final String ASSUMED = "us-east-1 rate assumed";
  private static final String SAME = "same as us-east-1: ";

  // Sources, each written once. They name no figure: the figure is the entry's.
  private static final String TGW = "cloud-horizons.com, 'Transit Gateway: the hub-and-spoke tax on multi-VPC AWS'"
      + " (2026-05-08): attachment-hour and per-GB rates the same in US and EU regions";
  private static final String INTER_REGION = "redresscompliance.com, 'AWS inter-region transfer costs': US-to-US pairs"
      + " other than us-east-1/us-east-2 and US-to-Europe pairs at the standard rate per GB per direction;"
      + " awsnegotiations.com, 'Cross-Region Transfer Minimization' (May 2026): most region pairs at that rate";
  private static final String ECR_REPLICATION = "ECR replication is billed at the source region's inter-region"
      + " transfer rate (Amazon ECR pricing), which is as " + PriceBook.INTER_REGION_PER_GB + " here";
  private static final String ALB_2017 = "ALB hourly price table per region transcribed from"
      + " aws.amazon.com/elasticloadbalancing/pricing in a public repository ('Last updated on 18 Dec 2017')";
  private static final String ALB_LCU_2018 = "gist jbuck/0497eb62f4cda29ac4de76d6e0cc9e51 (2018-08-07): ALB lcu_cost"
      + " equal for eu-west-1, us-east-1 and us-west-2";

  private static final String USW2_NAT = "AWS Pricing API, AmazonEC2 US West (Oregon), USW2-NatGateway-Hours and"
      + " USW2-NatGateway-Bytes, quoted in a public repository's NAT gateway vs VPC endpoint comparison for"
      + " us-west-2; the hour also in a public repository's us-west-2 price table citing aws.amazon.com/vpc/pricing"
      + " (checked 2026-10-01)";
  private static final String USW2_ENDPOINT = "AWS Pricing API, AmazonVPC US West (Oregon), USW2-VpcEndpoint-Hours"
      + " and USW2-VpcEndpoint-Bytes (first 1 PB), in a public repository's us-west-2 price table citing"
      + " aws.amazon.com/privatelink/pricing (checked 2026-10-06)";
  private static final String USW2_ALB = "a public repository's us-west-2 price table citing"
      + " aws.amazon.com/elasticloadbalancing/pricing (checked 2026-10-01); " + ALB_2017;
  private static final String USW2_EGRESS = "awscostguide.notion.site, 'Regions, AZ and data transfer costs':"
      + " Oregon internet egress starts at this rate for the first 10 TB";

  private static final String EUW1_NAT = "AWS Price List API, AmazonEC2 eu-west-1 offer 20260925174521,"
      + " EU-NatGateway-Hours and EU-NatGateway-Bytes, copied verbatim into a public repository's price fixture"
      + " (retrieved 2026-10-02); the same from the Pricing API in a public repository's network-adapter audit"
      + " for eu-west-1 (AUDIT-05, 2026-05-01)";
  private static final String EUW1_ENDPOINT = "AWS Pricing API, AmazonVPC VpcEndpoint (PrivateLink) eu-west-1,"
      + " SKU H37WJ97MHYGDXG2A and its data-processing tiers, in a public repository's network-adapter audit for"
      + " eu-west-1 (AUDIT-05)";
  private static final String EUW1_ALB = "AWS bill lines 'per Application LoadBalancer-hour' and 'per used"
      + " Application load balancer capacity unit-hour', EU (Ireland), quoted in 'Blazor on AWS Elastic Beanstalk:"
      + " Cost usage' (fabiocozzolino's blog, 2022-03-07); the hour also in the " + ALB_2017;

  private static final String EUC1_NAT = "derived: a public repository's eu-central-1 cost notes (ADR 0017,"
      + " 2026-09-28) price two more NAT gateways at +$75.92 a month, i.e. 2 x 730 NAT gateway-hours at this rate;"
      + " corroborated by a Terraform comment 'per NAT Gateway Hour' in a public EKS repository and by"
      + " cloudpipelines.pages.dev, 'AWS NAT Gateway pricing 2026' (a Europe range whose upper end is this rate)";
  private static final String EUC1_ENDPOINT = "AWS Price List API, AmazonVPC VpcEndpoint (PrivateLink),"
      + " EUC1-VpcEndpoint-Hours and EUC1-VpcEndpoint-Bytes (first 1 PB and the next two tiers), recorded in a"
      + " public repository's eu-central-1 work log (task 3.6, 2026-09-22)";
  private static final String EUC1_ALB = ALB_2017 + "; a FOCUS billing sample line 'per Application"
      + " LoadBalancer-hour' at the same rate";

  private static final Map<String, List<Entry>> TABLES = tables();

  private RegionalPrices() {
  }

  private static Map<String, List<Entry>> tables() {
    Map<String, List<Entry>> t = new LinkedHashMap<>();
    String r = "us-west-2";
    t.put(r, List.of(
        same(PriceBook.NAT_GATEWAY_HOUR, USW2_NAT, "2026-10-01"),
        same(PriceBook.NAT_GATEWAY_PER_GB, USW2_NAT, "2026-10-01"),
        same(PriceBook.INTERFACE_ENDPOINT_HOUR_PER_AZ, USW2_ENDPOINT, "2026-10-06"),
        same(PriceBook.INTERFACE_ENDPOINT_PER_GB_FIRST_PB, USW2_ENDPOINT, "2026-10-06"),
        assumed(PriceBook.INTERFACE_ENDPOINT_PER_GB_NEXT_4_PB, r),
        assumed(PriceBook.INTERFACE_ENDPOINT_PER_GB_OVER_5_PB, r),
        same(PriceBook.TRANSIT_GATEWAY_ATTACHMENT_HOUR, TGW, "2026-05-08"),
        same(PriceBook.TRANSIT_GATEWAY_PER_GB, TGW, "2026-05-08"),
        same(PriceBook.INTER_REGION_PER_GB, INTER_REGION, "2026-05"),
        same(PriceBook.INTERNET_EGRESS_PER_GB_FIRST_10_TB, USW2_EGRESS, SEARCHED + " (read)"),
        assumed(PriceBook.INTERNET_EGRESS_PER_GB_NEXT_40_TB, r),
        assumed(PriceBook.INTERNET_EGRESS_PER_GB_NEXT_100_TB, r),
        assumed(PriceBook.INTERNET_EGRESS_PER_GB_OVER_150_TB, r),
        same(PriceBook.ALB_HOUR, USW2_ALB, "2026-10-01"),
        same(PriceBook.ALB_LCU_HOUR, ALB_LCU_2018, "2018-08-07"),
        assumed(PriceBook.NLB_HOUR, r),
        assumed(PriceBook.NLB_LCU_HOUR, r),
        same(PriceBook.ECR_REPLICATION_PER_GB, ECR_REPLICATION, "2026-05")));
    r = "eu-west-1";
    t.put(r, List.of(
        found(PriceBook.NAT_GATEWAY_HOUR, 0.048, EUW1_NAT, "2026-09-25"),
        found(PriceBook.NAT_GATEWAY_PER_GB, 0.048, EUW1_NAT, "2026-09-25"),
        found(PriceBook.INTERFACE_ENDPOINT_HOUR_PER_AZ, 0.011, EUW1_ENDPOINT, "2026-05-01"),
        same(PriceBook.INTERFACE_ENDPOINT_PER_GB_FIRST_PB, EUW1_ENDPOINT, "2026-05-01"),
        same(PriceBook.INTERFACE_ENDPOINT_PER_GB_NEXT_4_PB, EUW1_ENDPOINT, "2026-05-01"),
        same(PriceBook.INTERFACE_ENDPOINT_PER_GB_OVER_5_PB, EUW1_ENDPOINT, "2026-05-01"),
        same(PriceBook.TRANSIT_GATEWAY_ATTACHMENT_HOUR, TGW, "2026-05-08"),
        same(PriceBook.TRANSIT_GATEWAY_PER_GB, TGW, "2026-05-08"),
        same(PriceBook.INTER_REGION_PER_GB, INTER_REGION, "2026-05"),
        assumed(PriceBook.INTERNET_EGRESS_PER_GB_FIRST_10_TB, r),
        assumed(PriceBook.INTERNET_EGRESS_PER_GB_NEXT_40_TB, r),
        assumed(PriceBook.INTERNET_EGRESS_PER_GB_NEXT_100_TB, r),
        assumed(PriceBook.INTERNET_EGRESS_PER_GB_OVER_150_TB, r),
        found(PriceBook.ALB_HOUR, 0.0252, EUW1_ALB, "2022-03-07"),
        same(PriceBook.ALB_LCU_HOUR, EUW1_ALB + "; " + ALB_LCU_2018, "2022-03-07"),
        assumed(PriceBook.NLB_HOUR, r),
        assumed(PriceBook.NLB_LCU_HOUR, r),
        same(PriceBook.ECR_REPLICATION_PER_GB, ECR_REPLICATION, "2026-05")));
    r = "eu-central-1";
    t.put(r, List.of(
        found(PriceBook.NAT_GATEWAY_HOUR, 0.052, EUC1_NAT, "2026-09-28"),
        assumed(PriceBook.NAT_GATEWAY_PER_GB, r),
        found(PriceBook.INTERFACE_ENDPOINT_HOUR_PER_AZ, 0.012, EUC1_ENDPOINT, "2026-09-22"),
        same(PriceBook.INTERFACE_ENDPOINT_PER_GB_FIRST_PB, EUC1_ENDPOINT, "2026-09-22"),
        same(PriceBook.INTERFACE_ENDPOINT_PER_GB_NEXT_4_PB, EUC1_ENDPOINT, "2026-09-22"),
        same(PriceBook.INTERFACE_ENDPOINT_PER_GB_OVER_5_PB, EUC1_ENDPOINT, "2026-09-22"),
        same(PriceBook.TRANSIT_GATEWAY_ATTACHMENT_HOUR, TGW, "2026-05-08"),
        same(PriceBook.TRANSIT_GATEWAY_PER_GB, TGW, "2026-05-08"),
        same(PriceBook.INTER_REGION_PER_GB, INTER_REGION, "2026-05"),
        assumed(PriceBook.INTERNET_EGRESS_PER_GB_FIRST_10_TB, r),
        assumed(PriceBook.INTERNET_EGRESS_PER_GB_NEXT_40_TB, r),
        assumed(PriceBook.INTERNET_EGRESS_PER_GB_NEXT_100_TB, r),
        assumed(PriceBook.INTERNET_EGRESS_PER_GB_OVER_150_TB, r),
        found(PriceBook.ALB_HOUR, 0.027, EUC1_ALB, "2017-12-18"),
        assumed(PriceBook.ALB_LCU_HOUR, r),
        assumed(PriceBook.NLB_HOUR, r),
        assumed(PriceBook.NLB_LCU_HOUR, r),
        same(PriceBook.ECR_REPLICATION_PER_GB, ECR_REPLICATION, "2026-05")));
    t.forEach(RegionalPrices::checkComplete);
    return Collections.unmodifiableMap(t);
  }

  /**
   * The regions with a price table, us-east-1 first.
   *
   * @return region codes
   */
  public static List<String> regions() {
    List<String> regions = new ArrayList<>();
    regions.add(US_EAST_1);
    regions.addAll(TABLES.keySet());
    return List.copyOf(regions);
  }

  /**
   * A region's prices of {@link #REGIONAL_KEYS}, built on the us-east-1 entries (their units, and
   * their figures where the region's are the same or assumed).
   *
   * @param region  a region code other than us-east-1
   * @param usEast1 the us-east-1 price of each key
   * @return the region's prices, or empty when the region has no table
   */
  static Optional<List<Price>> prices(String region, Map<String, Price> usEast1) {
    List<Entry> table = TABLES.get(region);
    if (table == null) {
      return Optional.empty();
    }
    List<Price> prices = new ArrayList<>();
    for (Entry e : table) {
      Price base = usEast1.get(e.key());
      String source = e.kind() == Kind.ASSUMED ? e.source() + " (us-east-1: " + base.source() + ")" : e.source();
      prices.add(new Price(e.key(), e.kind() == Kind.FOUND ? e.usd() : base.usd(), base.unit(), source, e.asOf()));
    }
    return Optional.of(List.copyOf(prices));
  }

  private static Entry found(String key, double usd, String source, String asOf) {
    return new Entry(Kind.FOUND, key, usd, source, asOf);
  }

  private static Entry same(String key, String source, String asOf) {
    return new Entry(Kind.SAME, key, 0, SAME + source, asOf);
  }

  private static Entry assumed(String key, String region) {
    return new Entry(Kind.ASSUMED, key, 0, "not found for " + region + "; " + ASSUMED, SEARCHED + " (searched)");
  }

  private static void checkComplete(String region, List<Entry> table) {
    Set<String> keys = new LinkedHashSet<>();
    for (Entry e : table) {
      if (!REGIONAL_KEYS.contains(e.key()) || !keys.add(e.key())) {
        throw new IllegalStateException(region + ": unexpected or repeated price key " + e.key());
      }
    }
    if (keys.size() != REGIONAL_KEYS.size()) {
      throw new IllegalStateException(region + ": the price table lacks some of " + REGIONAL_KEYS);
    }
  }

  /** How a region's figure for a key stands. */
  private enum Kind { FOUND, SAME, ASSUMED }

  /** One key's figure in one region; {@code usd} counts only when {@code FOUND}, else us-east-1's stands. */
  private record Entry(Kind kind, String key, double usd, String source, String asOf) {
  }
}
