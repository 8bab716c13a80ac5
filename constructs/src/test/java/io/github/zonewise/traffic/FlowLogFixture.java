package io.github.zonewise.traffic;

import io.github.zonewise.facts.Cidr;
import io.github.zonewise.facts.FlowLogFormat;
import io.github.zonewise.traffic.NetworkMap.InterfaceEndpoint;
import io.github.zonewise.traffic.NetworkMap.NatGateway;
import io.github.zonewise.traffic.NetworkMap.Subnet;
import io.github.zonewise.traffic.NetworkMap.SubnetTier;
import io.github.zonewise.traffic.NetworkMap.Vpc;
import io.github.zonewise.traffic.NetworkMap.VpcRole;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Flow logs of a network with known traffic, written as AWS writes them (a header naming the
 * {@link FlowLogFormat#ZONEWISE} fields, gzip; or Parquet with Hive-compatible hourly prefixes),
 * over one hour: every flow recorded at every interface it passes (the sender, a NAT gateway on the
 * way, the receiver), in six 10-minute records.
 *
 * <p>The network ({@link #map()}): VPC {@code shop} 10.0.0.0/16 (the cluster), private subnets in
 * euw1-az1, az2, az3 and public ones in az1 and az2, a NAT gateway in each public subnet (private
 * subnet c routes to the one in az1), an STS interface endpoint in az2; peer VPC {@code analytics}
 * 10.1.0.0/16 over VPC peering. Pods: orders in az1 and az2, graphql in az1 and az3.
 */
final class FlowLogFixture {

  /** 2026-05-01T00:00:00Z. */
  static final long T0 = Instant.parse("2026-05-01T00:00:00Z").getEpochSecond();
  /** The measured window, an hour. */
  static final long WINDOW = 3600;

  // bytes in the hour, each way of each flow
  static final long GRAPHQL_A_TO_ORDERS_B = 5_000_000_000L;
  static final long ORDERS_B_TO_GRAPHQL_A = 1_000_000_000L;
  static final long ORDERS_A_TO_GRAPHQL_A = 700_000_000L;
  static final long ORDERS_A_TO_INTERNET = 300_000_000L;
  static final long INTERNET_TO_ORDERS_A = 2_000_000_000L;
  static final long ORDERS_B_TO_AMAZON = 100_000_000L;
  static final long AMAZON_TO_ORDERS_B = 400_000_000L;
  static final long GRAPHQL_C_TO_INTERNET = 50_000_000L;
  static final long INTERNET_TO_GRAPHQL_C = 250_000_000L;
  static final long GRAPHQL_A_TO_S3 = 200_000_000L;
  static final long S3_TO_GRAPHQL_A = 3_000_000_000L;
  static final long ORDERS_A_TO_STS = 80_000_000L;
  static final long STS_TO_ORDERS_A = 120_000_000L;
  static final long ORDERS_A_TO_ANALYTICS = 900_000_000L;
  static final long ANALYTICS_TO_ORDERS_A = 450_000_000L;
  static final long OUTSIDE_TO_ORDERS_A = 60_000_000L;

  static final String INTERNET_HOST = "203.0.113.5";
  static final String AMAZON_HOST = "54.239.28.85";
  static final String S3_HOST = "52.95.128.179";
  static final String OUTSIDE_HOST = "10.9.1.4";

  /** A network interface of the fixture. */
  record Eni(String id, String instance, String vpc, String subnet, String az, String address) {
  }

  static final Eni GRAPHQL_A = new Eni("eni-0graphqla", "i-0nodea2", "vpc-shop", "subnet-pa", "euw1-az1", "10.0.1.20");
  static final Eni GRAPHQL_C = new Eni("eni-0graphqlc", "i-0nodec1", "vpc-shop", "subnet-pc", "euw1-az3", "10.0.65.20");
  static final Eni ORDERS_A = new Eni("eni-0ordersa", "i-0nodea1", "vpc-shop", "subnet-pa", "euw1-az1", "10.0.1.10");
  static final Eni ORDERS_B = new Eni("eni-0ordersb", "i-0nodeb1", "vpc-shop", "subnet-pb", "euw1-az2", "10.0.33.10");
  static final Eni NAT_A = new Eni("eni-0nata", "-", "vpc-shop", "subnet-ua", "euw1-az1", "10.0.192.10");
  static final Eni NAT_B = new Eni("eni-0natb", "-", "vpc-shop", "subnet-ub", "euw1-az2", "10.0.196.10");
  static final Eni STS_A = new Eni("eni-0stsa", "-", "vpc-shop", "subnet-pa", "euw1-az1", "10.0.0.200");
  static final Eni STS_B = new Eni("eni-0stsb", "-", "vpc-shop", "subnet-pb", "euw1-az2", "10.0.32.200");
  static final Eni ANALYTICS_B = new Eni("eni-0analyticsb", "i-0analytics", "vpc-analytics", "subnet-anb", "euw1-az2",
      "10.1.33.5");

  private final List<String> lines = new ArrayList<>();

  /** The records of the known traffic (and a few that carry none), in the ZONEWISE format. */
  static List<String> records() {
    FlowLogFixture f = new FlowLogFixture();
    // pod to pod across AZs, and within one
    f.direct(GRAPHQL_A, ORDERS_B, GRAPHQL_A_TO_ORDERS_B, 1);
    f.direct(ORDERS_B, GRAPHQL_A, ORDERS_B_TO_GRAPHQL_A, 1);
    f.direct(ORDERS_A, GRAPHQL_A, ORDERS_A_TO_GRAPHQL_A, 1);
    // NAT egress to the internet (same AZ), to an AWS range (same AZ), and from az3 to az1's NAT
    f.throughNat(ORDERS_A, NAT_A, INTERNET_HOST, "-", ORDERS_A_TO_INTERNET, INTERNET_TO_ORDERS_A);
    f.throughNat(ORDERS_B, NAT_B, AMAZON_HOST, "AMAZON", ORDERS_B_TO_AMAZON, AMAZON_TO_ORDERS_B);
    f.throughNat(GRAPHQL_C, NAT_A, INTERNET_HOST, "-", GRAPHQL_C_TO_INTERNET, INTERNET_TO_GRAPHQL_C);
    // S3 through the gateway endpoint: no NAT, pkt-dst-aws-service S3, traffic-path 7
    f.spread(GRAPHQL_A, "egress", GRAPHQL_A.address, S3_HOST, GRAPHQL_A.address, S3_HOST, "7", "-", "S3", GRAPHQL_A_TO_S3);
    f.spread(GRAPHQL_A, "ingress", S3_HOST, GRAPHQL_A.address, S3_HOST, GRAPHQL_A.address, "-", "S3", "-",
        S3_TO_GRAPHQL_A);
    // the STS interface endpoint in another AZ (private DNS resolved to az2's interface)
    f.direct(ORDERS_A, STS_B, ORDERS_A_TO_STS, 1);
    f.direct(STS_B, ORDERS_A, STS_TO_ORDERS_A, 1);
    // the peer VPC over peering, across AZs
    f.direct(ORDERS_A, ANALYTICS_B, ORDERS_A_TO_ANALYTICS, 4);
    f.direct(ANALYTICS_B, ORDERS_A, ANALYTICS_TO_ORDERS_A, 4);
    // from a private address outside every CIDR (a network behind a VPN)
    f.spread(ORDERS_A, "ingress", OUTSIDE_HOST, ORDERS_A.address, OUTSIDE_HOST, ORDERS_A.address, "-", "-", "-",
        OUTSIDE_TO_ORDERS_A);
    // rejected, and an interface without traffic
    for (int i = 0; i < 5; i++) {
      f.lines.add(line(ORDERS_A, "ingress", "198.51.100.7", ORDERS_A.address, "198.51.100.7", ORDERS_A.address, "-",
          "-", "-", 5000, T0 + i * 600, T0 + i * 600 + 60, "REJECT", "OK"));
    }
    f.lines.add("5 123456789012 " + STS_A.id + " - - - - - - - " + T0 + " " + (T0 + 600)
        + " - NODATA - - - - - - - - - -");
    return f.lines;
  }

  /** Bytes from one interface straight to another: egress at the sender, ingress at the receiver. */
  private void direct(Eni from, Eni to, long bytes, int path) {
    spread(from, "egress", from.address, to.address, from.address, to.address, String.valueOf(path), "-", "-", bytes);
    spread(to, "ingress", from.address, to.address, from.address, to.address, "-", "-", "-", bytes);
  }

  /** A pod's bytes to a public host through a NAT gateway, and the replies, at every interface they pass. */
  private void throughNat(Eni pod, Eni nat, String host, String service, long out, long in) {
    // out: the pod's egress, the NAT's ingress from the pod, the NAT's egress to the host
    spread(pod, "egress", pod.address, host, pod.address, host, "1", "-", service, out);
    spread(nat, "ingress", pod.address, nat.address, pod.address, host, "-", "-", service, out);
    spread(nat, "egress", nat.address, host, nat.address, host, "8", "-", service, out);
    // in: the NAT's ingress from the host, the NAT's egress to the pod, the pod's ingress
    spread(nat, "ingress", host, nat.address, host, nat.address, "-", service, "-", in);
    spread(nat, "egress", nat.address, pod.address, host, pod.address, "1", service, "-", in);
    spread(pod, "ingress", host, pod.address, host, pod.address, "-", service, "-", in);
  }

  /** Six 10-minute records of one observation, the bytes split between them. */
  private void spread(Eni at, String direction, String src, String dst, String pktSrc, String pktDst, String path,
      String srcService, String dstService, long bytes) {
    long each = bytes / 6;
    for (int i = 0; i < 6; i++) {
      long b = i < 5 ? each : bytes - 5 * each;
      lines.add(line(at, direction, src, dst, pktSrc, pktDst, path, srcService, dstService, b, T0 + i * 600,
          T0 + (i + 1) * 600, "ACCEPT", "OK"));
    }
  }

  static String line(Eni at, String direction, String src, String dst, String pktSrc, String pktDst, String path,
      String srcService, String dstService, long bytes, long start, long end, String action, String status) {
    // version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action
    // log-status vpc-id subnet-id instance-id az-id pkt-srcaddr pkt-dstaddr flow-direction traffic-path
    // pkt-src-aws-service pkt-dst-aws-service
    return String.join(" ", "5", "123456789012", at.id, src, dst, "443", "38412", "6",
        String.valueOf(Math.max(1, bytes / 1400)), String.valueOf(bytes), String.valueOf(start), String.valueOf(end),
        action, status, at.vpc, at.subnet, at.instance, at.az, pktSrc, pktDst, direction, path, srcService, dstService);
  }

  /** The network of the fixture. */
  static NetworkMap map() {
    return NetworkMap.builder()
        .region("eu-west-1")
        .interconnect("peering")
        .vpc(new Vpc("shop", cidr("10.0.0.0/16"), VpcRole.CLUSTER, null, "vpc-shop"))
        .vpc(new Vpc("analytics", cidr("10.1.0.0/16"), VpcRole.PEER, null, "vpc-analytics"))
        .subnet(new Subnet("shop", cidr("10.0.0.0/19"), "eu-west-1a", "euw1-az1", SubnetTier.PRIVATE, "subnet-pa"))
        .subnet(new Subnet("shop", cidr("10.0.32.0/19"), "eu-west-1b", "euw1-az2", SubnetTier.PRIVATE, "subnet-pb"))
        .subnet(new Subnet("shop", cidr("10.0.64.0/19"), "eu-west-1c", "euw1-az3", SubnetTier.PRIVATE, "subnet-pc"))
        .subnet(new Subnet("shop", cidr("10.0.192.0/22"), "eu-west-1a", "euw1-az1", SubnetTier.PUBLIC, "subnet-ua"))
        .subnet(new Subnet("shop", cidr("10.0.196.0/22"), "eu-west-1b", "euw1-az2", SubnetTier.PUBLIC, "subnet-ub"))
        .subnet(new Subnet("analytics", cidr("10.1.0.0/19"), "eu-west-1a", "euw1-az1", SubnetTier.PRIVATE, "subnet-ana"))
        .subnet(new Subnet("analytics", cidr("10.1.32.0/19"), "eu-west-1b", "euw1-az2", SubnetTier.PRIVATE,
            "subnet-anb"))
        .natGateway(new NatGateway("subnet-ua", NAT_A.address))
        .natGateway(new NatGateway("10.0.196.0/22", NAT_B.address))
        .interfaceEndpoint(new InterfaceEndpoint("sts", List.of("subnet-pa", "subnet-pb"),
            List.of(STS_A.address, STS_B.address), List.of()))
        .build();
  }

  static Cidr cidr(String text) {
    return Cidr.parse(text).orElseThrow();
  }

  /** {@code kubectl get pods -A -o json} of the fixture's pods. */
  static String podsJson() {
    return """
        {"apiVersion": "v1", "kind": "List", "items": [
          %s, %s, %s, %s,
          {"metadata": {"name": "aws-node-x1", "namespace": "kube-system", "ownerReferences": [{"kind": "DaemonSet", "name": "aws-node"}]},
           "spec": {"nodeName": "node-a1", "hostNetwork": true}, "status": {"podIP": "10.0.1.99", "hostIP": "10.0.1.99"}}
        ]}""".formatted(pod("orders", "7d4b9c8f6", "x1", ORDERS_A, "node-a1"),
        pod("orders", "7d4b9c8f6", "x2", ORDERS_B, "node-b1"),
        pod("graphql", "5f6c7d8e9", "y1", GRAPHQL_A, "node-a2"),
        pod("graphql", "5f6c7d8e9", "y2", GRAPHQL_C, "node-c1"));
  }

  private static String pod(String app, String hash, String suffix, Eni eni, String node) {
    return """
        {"metadata": {"name": "%1$s-%2$s-%3$s", "namespace": "shop", "labels": {"app": "%1$s", "pod-template-hash": "%2$s"},
          "ownerReferences": [{"kind": "ReplicaSet", "name": "%1$s-%2$s"}]},
         "spec": {"nodeName": "%5$s"}, "status": {"podIP": "%4$s", "podIPs": [{"ip": "%4$s"}], "hostIP": "10.0.9.9"}}"""
        .formatted(app, hash, suffix, eni.address, node);
  }

  /** {@code kubectl get services -A -o json} of the fixture's Services. */
  static String servicesJson() {
    return """
        {"apiVersion": "v1", "kind": "List", "items": [
          {"metadata": {"name": "orders", "namespace": "shop"}, "spec": {"selector": {"app": "orders"}}},
          {"metadata": {"name": "graphql", "namespace": "shop"}, "spec": {"selector": {"app": "graphql"}}},
          {"metadata": {"name": "kubernetes", "namespace": "default"}, "spec": {}}
        ]}""";
  }

  /** The pod inventory of the fixture. */
  static PodInventory pods(Path dir) throws IOException {
    Path pods = dir.resolve("pods.json");
    Path services = dir.resolve("services.json");
    Files.writeString(pods, podsJson());
    Files.writeString(services, servicesJson());
    return PodInventory.read(pods, services);
  }

  /**
   * Writes the records as gzip text files, as AWS writes them to S3: a header, then records; split over
   * three files in hourly Hive-compatible prefixes.
   *
   * @param dir the directory
   * @return the directory
   */
  static Path writeGzip(Path dir) {
    List<String> records = records();
    int per = (records.size() + 2) / 3;
    for (int i = 0; i < 3; i++) {
      write(dir.resolve(prefix() + "123456789012_vpcflowlogs_eu-west-1_fl-0abc_20260501T00" + (i * 2) + "5Z_h" + i
          + ".log.gz"), records.subList(i * per, Math.min(records.size(), (i + 1) * per)), true);
    }
    return dir;
  }

  static String prefix() {
    return "AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs/aws-region=eu-west-1/year=2026/month=05/day=01/"
        + "hour=00/";
  }

  /**
   * Writes a flow-log text file.
   *
   * @param file    the file
   * @param records its records, after the ZONEWISE header
   * @param gzip    whether to compress it
   */
  static void write(Path file, List<String> records, boolean gzip) {
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream raw = Files.newOutputStream(file);
           OutputStream out = gzip ? new GZIPOutputStream(raw) : raw;
           PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8))) {
        w.print(FlowLogFormat.ZONEWISE.header() + "\n");
        for (String r : records) {
          w.print(r + "\n");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the records as one Parquet file with DuckDB ({@code COPY … TO … (FORMAT PARQUET)}), the
   * column names and types of the ZONEWISE fields, in an hourly Hive-compatible prefix.
   *
   * @param dir the directory
   * @return the directory
   */
  static Path writeParquet(Path dir) {
    try {
      Path text = Files.createTempFile("fixture", ".log");
      write(text, records(), false);
      Path target = dir.resolve(prefix() + "123456789012_vpcflowlogs_eu-west-1_fl-0abc_20260501T0000Z_h0.log.parquet");
      Files.createDirectories(target.getParent());
      String columns = FlowLogFormat.ZONEWISE.fields().stream()
          .map(f -> "'" + f.column() + "': '" + f.parquetType().duckDb() + "'")
          .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
        s.execute("COPY (SELECT * FROM read_csv('" + text + "', delim = ' ', header = true, nullstr = '-', columns = "
            + columns + ")) TO '" + target + "' (FORMAT PARQUET, COMPRESSION GZIP)");
      }
      Files.delete(text);
      return dir;
    } catch (IOException | SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
