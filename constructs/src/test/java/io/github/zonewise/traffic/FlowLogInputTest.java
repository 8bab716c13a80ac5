package io.github.zonewise.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zonewise.facts.PriceBook;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flow-log input: the Amazon VPC User Guide's example records, and bad input, each with its message.
 */
class FlowLogInputTest {

  static Path dir;

  @BeforeAll
  static void dir() throws Exception {
    dir = Files.createTempDirectory("flow-log-input");
  }

  static Path file(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  static TrafficMeasurement measure(Path... inputs) {
    return TrafficAnalysis.measure(List.of(inputs), NetworkMap.builder().region("ap-southeast-2")
        .vpc("shop", "10.0.0.0/16", NetworkMap.VpcRole.CLUSTER).build(), PodInventory.EMPTY, 1, Progress.NONE);
  }

  @Test
  void theUserGuidesVersion5ExampleRecordsParse() throws Exception {
    // "Service name, traffic path, and flow direction" (Flow log record examples): an instance calls S3
    Path f = file("guide/v5.log", "version srcaddr dstaddr srcport dstport protocol start end type packets bytes"
        + " account-id vpc-id subnet-id instance-id interface-id region az-id sublocation-type sublocation-id action"
        + " tcp-flags pkt-srcaddr pkt-dstaddr pkt-src-aws-service pkt-dst-aws-service traffic-path flow-direction"
        + " log-status\n"
        + "5 52.95.128.179 10.0.0.71 80 34210 6 1616729292 1616729349 IPv4 14 15044 123456789012 vpc-abcdefab012345678"
        + " subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789 ap-southeast-2 apse2-az3 - - ACCEPT 19"
        + " 52.95.128.179 10.0.0.71 S3 - - ingress OK\n"
        + "5 10.0.0.71 52.95.128.179 34210 80 6 1616729292 1616729349 IPv4 7 471 123456789012 vpc-abcdefab012345678"
        + " subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789 ap-southeast-2 apse2-az3 - - ACCEPT 3"
        + " 10.0.0.71 52.95.128.179 - S3 8 egress OK\n");
    TrafficMeasurement m = measure(f);
    assertThat(m.records()).isEqualTo(2);
    assertThat(m.accepted()).isEqualTo(2);
    assertThat(m.flowBytes()).isEqualTo(15044 + 471);
    assertThat(m.gatewayEndpoints()).isEqualTo(java.util.Map.of("s3", 15515L));
    assertThat(m.windowSeconds()).isEqualTo(1616729349 - 1616729292);
    assertThat(m.missingOptional()).isEmpty();
  }

  @Test
  void ipv6AddressesAreReadAsTheyAre() throws Exception {
    // the addresses of the user guide's IPv6 example, in the ZONEWISE format
    String src = "2001:db8:1234:a100:8d6e:3477:df66:f105";
    String dst = "2001:db8:1234:a102:3304:8879:34cf:4071";
    Path f = dir.resolve("ipv6/flows.log");
    FlowLogFixture.write(f, List.of(String.join(" ", "5", "123456789010", "eni-1235b8ca123456789", src, dst, "34892",
        "22", "6", "54", "8855", "1477913708", "1477913820", "ACCEPT", "OK", "vpc-1", "subnet-1", "i-1", "use1-az1", src,
        dst, "egress", "8", "-", "-")), false);
    TrafficMeasurement m = measure(f);
    assertThat(m.topTalkers()).containsExactly(java.util.Map.entry(new TrafficMeasurement.FlowEnds(src, dst), 8855L));
    assertThat(m.internetEgress()).isEqualTo(8855);
  }

  @Test
  void theUserGuidesDefaultFormatRecordsLackTheFieldsToCountEachByteOnce() throws Exception {
    // "Accepted and rejected traffic", "No data and skipped records": the default format (version 2)
    Path f = file("guide/v2.log", "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets"
        + " bytes start end action log-status\n"
        + "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070"
        + " ACCEPT OK\n"
        + "2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070"
        + " REJECT OK\n"
        + "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA\n"
        + "2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - SKIPDATA\n");
    assertThatThrownBy(() -> measure(f)).hasMessage(f + ": the log format lacks flow-direction, pkt-srcaddr,"
        + " pkt-dstaddr, which zonewise traffic needs to count each byte once and attribute it; create the flow logs"
        + " with the log format '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport}"
        + " ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status} ${vpc-id} ${subnet-id}"
        + " ${instance-id} ${az-id} ${pkt-srcaddr} ${pkt-dstaddr} ${flow-direction} ${traffic-path}"
        + " ${pkt-src-aws-service} ${pkt-dst-aws-service}' (FlowLogFormat.ZONEWISE, what ZonalVpc writes)");
  }

  @Test
  void theLocalSqlAsksForTheSameFields() throws Exception {
    Path f = file("guide-sql/v2.log.gz", "");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write(("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end"
          + " action log-status\n2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249"
          + " 1418530010 1418530070 ACCEPT OK\n").getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> FlowLogSql.open(List.of(f))).hasMessageStartingWith(f + ": the log format lacks"
        + " flow-direction, pkt-srcaddr, pkt-dstaddr, which zonewise traffic needs to count each byte once");
  }

  @Test
  void aFileThatIsNotAFlowLogIsNamedWithItsLine() throws Exception {
    Path f = file("notes/README.txt", "These are the flow logs of May.\n");
    assertThatThrownBy(() -> measure(f)).hasMessage(f + ":1: not a flow-log file: its first line must name the"
        + " fields, as AWS writes flow logs to S3 (e.g. 'version account-id interface-id srcaddr dstaddr srcport"
        + " dstport protocol packets bytes start end action log-status'); found 'These are the flow logs of May.'");
  }

  @Test
  void aRecordWithTooFewValuesIsNamedWithItsLine() throws Exception {
    Path f = dir.resolve("short/flows.log");
    FlowLogFixture.write(f, List.of(FlowLogFixture.records().get(0), "5 123456789012 eni-0a 10.0.1.1"), false);
    assertThatThrownBy(() -> measure(f)).hasMessage(f + ":3: 4 values where the header names 24 fields; a flow-log"
        + " record has one value (or -) per field");
  }

  @Test
  void aFieldThatIsNoNumberIsNamedWithItsLine() throws Exception {
    Path f = dir.resolve("number/flows.log");
    String[] values = FlowLogFixture.records().get(0).split(" ");
    values[9] = "lots";
    FlowLogFixture.write(f, List.of(String.join(" ", values)), false);
    assertThatThrownBy(() -> measure(f)).hasMessage(f + ":2: bytes is 'lots', not a whole number or -");
  }

  @Test
  void aTruncatedGzipFileIsNamed() throws Exception {
    Path whole = dir.resolve("gz/whole.log.gz");
    FlowLogFixture.write(whole, FlowLogFixture.records(), true);
    byte[] bytes = Files.readAllBytes(whole);
    Path f = dir.resolve("gz/truncated.log.gz");
    Files.write(f, Arrays.copyOf(bytes, bytes.length / 2));
    Files.delete(whole);
    assertThatThrownBy(() -> measure(f)).hasMessage(f + ": is not a readable gzip file (Unexpected end of ZLIB input"
        + " stream)");
  }

  @Test
  void anEmptyDirectoryHasNoFlowLog() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> measure(empty)).hasMessage(empty + ": has no flow-log files");
  }

  @Test
  void aMissingInputIsNamed() {
    Path missing = dir.resolve("nowhere");
    assertThatThrownBy(() -> measure(missing)).hasMessage(missing + ": does not exist");
  }

  @Test
  void aFormatWithoutTheAwsRangesIsMeasuredWithANote() throws Exception {
    Path f = file("optional/flows.log", "version interface-id srcaddr dstaddr bytes start end action log-status"
        + " flow-direction pkt-srcaddr pkt-dstaddr instance-id traffic-path\n"
        + "5 eni-1 10.0.1.5 203.0.113.5 1000 1777593600 1777593660 ACCEPT OK egress 10.0.1.5 203.0.113.5 i-1 8\n");
    TrafficMeasurement m = measure(f);
    assertThat(m.missingOptional()).containsEntry("pkt-src-aws-service, pkt-dst-aws-service", f.toString());
    assertThat(TrafficReport.render(m, TrafficBill.of(m, PriceBook.defaults()), false)).contains("note: " + f
        + ": the log format lacks pkt-src-aws-service, pkt-dst-aws-service: public addresses all count as internet"
        + " (S3 and DynamoDB are not told apart); set the log format FlowLogFormat.ZONEWISE (what ZonalVpc writes)\n");
  }

  @Test
  void anEmptyWindowSaysSoWithZeroTotals() throws Exception {
    Path f = dir.resolve("nodata/flows.log");
    FlowLogFixture.write(f, List.of(FlowLogFixture.records().get(FlowLogFixture.records().size() - 1)), false);
    TrafficMeasurement m = measure(f);
    TrafficBill bill = TrafficBill.of(m, PriceBook.defaults());
    String report = TrafficReport.render(m, bill, false);
    assertThat(report).startsWith("zonewise traffic: 1 file, 1 records: 0 with bytes, 0 rejected (0.00 GB, not"
        + " counted), 1 NODATA, 0 SKIPDATA\nwindow: empty: the input holds no accepted traffic, so every total is zero"
        + " and nothing is scaled to a month\n");
    assertThat(bill.total()).isZero();
    assertThat(report).contains(String.format("  %-58s %12s %12s%n", "total", "", "$0.00"));
    assertThat(TrafficReport.profile(m, bill)).isEqualTo("# measured by zonewise traffic: the input holds no accepted"
        + " traffic\ntraffic: []\n");
  }

  @Test
  void hiddenFilesOfADirectoryAreLeftOut() throws Exception {
    Path d = dir.resolve("hidden");
    FlowLogFixture.write(d.resolve("flows.log"), FlowLogFixture.records().subList(0, 6), false);
    file("hidden/.DS_Store", "\0\0\1binary");
    assertThat(measure(d).files()).isEqualTo(1);
  }
}
