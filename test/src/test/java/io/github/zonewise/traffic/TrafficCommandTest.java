package io.github.zonewise.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zonewise.app.ZonewiseCli;
import io.github.zonewise.facts.FlowLogFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code zonewise traffic}: its output, its options, its exit codes and messages. */
class TrafficCommandTest {

  static Path dir;
  static Path logs;
  static Path network;
  static final long T0 = 1777593600L; // 2026-05-01T00:00:00Z

  record Run(int code, String out, String err) {
  }

  static Run traffic(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all = new String[args.length + 1];
    all[0] = "traffic";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = ZonewiseCli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String record(String eni, String instance, String subnet, String az, String src, String dst, String direction,
      String path, long bytes) {
    return String.join(" ", "5", "123456789012", eni, src, dst, "443", "40000", "6", "10", String.valueOf(bytes),
        String.valueOf(T0), String.valueOf(T0 + 600), "ACCEPT", "OK", "vpc-shop", subnet, instance, az, src, dst,
        direction, path, "-", "-");
  }

  @BeforeAll
  static void files() throws Exception {
    dir = Files.createTempDirectory("zonewise-traffic-cli");
    logs = Files.createDirectories(dir.resolve("logs"));
    // web (az1) sends 1 GiB to api (az2), recorded at both interfaces, in 10 minutes
    Files.writeString(logs.resolve("flows.log"), FlowLogFormat.ZONEWISE.header() + "\n"
        + record("eni-web", "i-1", "subnet-a", "euw1-az1", "10.0.1.5", "10.0.33.5", "egress", "1", 1L << 30) + "\n"
        + record("eni-api", "i-2", "subnet-b", "euw1-az2", "10.0.1.5", "10.0.33.5", "ingress", "-", 1L << 30) + "\n"
        + record("eni-api", "i-2", "subnet-b", "euw1-az2", "10.0.33.5", "10.0.1.5", "egress", "1", 1L << 20) + "\n"
        + record("eni-web", "i-1", "subnet-a", "euw1-az1", "10.0.33.5", "10.0.1.5", "ingress", "-", 1L << 20) + "\n");
    network = dir.resolve("network.yaml");
    Files.writeString(network, """
        region: eu-west-1
        vpcs:
          - {name: shop, cidr: 10.0.0.0/16, role: cluster, id: vpc-shop}
        subnets:
          - {vpc: shop, cidr: 10.0.0.0/19, az: eu-west-1a, azId: euw1-az1, tier: private, id: subnet-a}
          - {vpc: shop, cidr: 10.0.32.0/19, az: eu-west-1b, azId: euw1-az2, tier: private, id: subnet-b}
        """);
    Files.writeString(dir.resolve("pods.json"), """
        {"items": [
          {"metadata": {"name": "web-6d5f-a", "namespace": "shop", "labels": {"app": "web", "pod-template-hash": "6d5f"},
            "ownerReferences": [{"kind": "ReplicaSet", "name": "web-6d5f"}]}, "status": {"podIP": "10.0.1.5"}},
          {"metadata": {"name": "api-0", "namespace": "shop", "labels": {"app": "api"},
            "ownerReferences": [{"kind": "StatefulSet", "name": "api"}]}, "status": {"podIP": "10.0.33.5"}}
        ]}""");
  }

  @Test
  void printsTheMeasuredMonthItsBillAndTheProfile() {
    Run run = traffic(logs.toString(), "--network", network.toString(), "--pods", dir.resolve("pods.json").toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("zonewise traffic: 1 file, 4 records: 4 with bytes, 0 rejected (0.00 GB, not"
        + " counted), 0 NODATA, 0 SKIPDATA\nwindow: 2026-05-01T00:00:00Z to 2026-05-01T00:10:00Z (0.17 h), scaled"
        + " ×4380.00 to a 730-hour month\n");
    // 1 GiB + 1 MiB across AZs in 10 minutes: 4,384.28 GB a month at $0.02
    assertThat(run.out()).contains(String.format("  %-58s %12s %12s   %s%n",
        "cross-AZ hops (in a VPC, to a NAT gateway, over peering)", "4,384.28 GB", "$87.69",
        "gb × 2 × crossAzPerGbEachWay"));
    assertThat(run.out()).endsWith("traffic:\n  - {from: web, to: api, gb: 4380.00}\n  - {from: api, to: web, gb: 4.28}\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void writesTheProfileWhereOutSays() throws Exception {
    Path out = dir.resolve("traffic.yaml");
    Run run = traffic(logs.toString(), "--network", network.toString(), "--pods", dir.resolve("pods.json").toString(),
        "--out", out.toString());
    assertThat(run.code()).isZero();
    assertThat(run.out()).endsWith("traffic profile: 2 flows written to " + out + "\n");
    assertThat(Files.readString(out)).contains("traffic:\n  - {from: web, to: api, gb: 4380.00}\n");
  }

  @Test
  void explainsHowEachByteWasCounted() {
    Run run = traffic(logs.toString(), "--network", network.toString(), "--explain");
    assertThat(run.out()).contains("explain:\n  each byte once (records, GB in the window):\n");
    assertThat(run.out()).contains(String.format("    %-82s %,12d %12s%n", "counted at the sender's egress (rule 1)", 2,
        "1.00 GB"));
    assertThat(run.out()).contains(String.format("    %-82s %,12d %12s%n",
        "not a flow: ingress of a byte already counted at its sender's egress", 2, "1.00 GB"));
    assertThat(run.out()).contains("unattributed: 4,384.28 GB a month (an address of shop with no pod inventory to name"
        + " it (pass --pods), e.g. 10.0.1.5)\n");
  }

  @Test
  void runsANamedQueryLocallyWithDuckDb() {
    Run run = traffic(logs.toString(), "--network", network.toString(), "--query", "cross-az-bytes");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("src_az_id\tsrc_subnet_id\tdst_az_id\tdst_subnet_id\tbytes\n"
        + "euw1-az1\tsubnet-a\teuw1-az2\tsubnet-b\t1073741824\n"
        + "euw1-az2\tsubnet-b\teuw1-az1\tsubnet-a\t1048576\n");
  }

  @Test
  void pricesFollowAPriceFile() throws Exception {
    Path prices = dir.resolve("prices.yaml");
    Files.writeString(prices, "crossAzPerGbEachWay: 0.02\n");
    Run run = traffic(logs.toString(), "--network", network.toString(), "--prices", prices.toString());
    assertThat(run.out()).contains(String.format("  %-58s %12s %12s   %s%n",
        "cross-AZ hops (in a VPC, to a NAT gateway, over peering)", "4,384.28 GB", "$175.37",
        "gb × 2 × crossAzPerGbEachWay"));
  }

  @Test
  void anEmptyWindowExitsZeroWithZeroTotals() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("nodata"));
    Files.writeString(empty.resolve("flows.log"), FlowLogFormat.ZONEWISE.header() + "\n5 123456789012 eni-web - - - - -"
        + " - - " + T0 + " " + (T0 + 600) + " - NODATA - - - - - - - - - -\n");
    Run run = traffic(empty.toString(), "--network", network.toString());
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("window: empty: the input holds no accepted traffic, so every total is zero and"
        + " nothing is scaled to a month\n");
    assertThat(run.out()).endsWith("traffic: []\n");
  }

  @Test
  void aFileThatIsNotAFlowLogExitsTwoNamingItsLine() throws Exception {
    Path notes = dir.resolve("notes.txt");
    Files.writeString(notes, "hello\n");
    Run run = traffic(notes.toString(), "--network", network.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("zonewise traffic: " + notes + ":1: not a flow-log file: its first line must name"
        + " the fields, as AWS writes flow logs to S3 (e.g. 'version account-id interface-id srcaddr dstaddr srcport"
        + " dstport protocol packets bytes start end action log-status'); found 'hello'\n");
  }

  @Test
  void aFormatWithoutTheFieldsExitsTwoNamingThemAndTheFormatToSet() throws Exception {
    Path old = dir.resolve("default-format.log");
    Files.writeString(old, FlowLogFormat.AWS_DEFAULT.header() + "\n");
    Run run = traffic(old.toString(), "--network", network.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("zonewise traffic: " + old + ": the log format lacks flow-direction, pkt-srcaddr,"
        + " pkt-dstaddr, which zonewise traffic needs to count each byte once and attribute it; create the flow logs"
        + " with the log format '" + FlowLogFormat.ZONEWISE.logFormat() + "' (FlowLogFormat.ZONEWISE, what ZonalVpc"
        + " writes)\n");
  }

  @Test
  void aDirectoryThatIsNoCloudAssemblyExitsTwoSayingWhatToPass() {
    Run run = traffic(logs.toString(), "--assembly", dir.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("zonewise traffic: --assembly " + dir + ": is not a cloud assembly (no"
        + " manifest.json); synthesize first (npx -y aws-cdk@2.1148.1 synth) and pass its output directory\n");
  }

  @Test
  void withoutANetworkItIsBadUsage() {
    Run run = traffic(logs.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("Error: Missing required argument (specify one of these): (--network=NETWORK.yaml"
        + " | --assembly=cdk.out)\n");
  }

  @Test
  void aBadPriceFileExitsTwoNamingTheKey() throws Exception {
    Path prices = dir.resolve("bad-prices.yaml");
    Files.writeString(prices, "crossAzPerGb: 0.02\n");
    Run run = traffic(logs.toString(), "--network", network.toString(), "--prices", prices.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("zonewise traffic: price file " + prices + ": ");
  }

  @Test
  void theBuiltJarReadsParquetFlowLogsWithTheDuckDbItCarries() throws Exception {
    Path jar = Path.of("..", "apps", "target", "zonewise.jar");
    assertThat(jar).as("built by the apps module's package phase").exists();
    Path parquet = Files.createDirectories(dir.resolve("parquet/AWSLogs/aws-account-id=123456789012/"
        + "aws-service=vpcflowlogs/aws-region=eu-west-1/year=2026/month=05/day=01/hour=00"));
    String columns = FlowLogFormat.ZONEWISE.fields().stream()
        .map(f -> "'" + f.column() + "': '" + f.parquetType().duckDb() + "'")
        .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("COPY (SELECT * FROM read_csv('" + logs.resolve("flows.log") + "', delim = ' ', header = true,"
          + " nullstr = '-', columns = " + columns + ")) TO '" + parquet.resolve("flows.log.parquet")
          + "' (FORMAT PARQUET)");
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "traffic", dir.resolve("parquet").toString(), "--network", network.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(out).isZero();
    assertThat(out).startsWith("zonewise traffic: 1 file, 4 records: 4 with bytes");
  }
}
