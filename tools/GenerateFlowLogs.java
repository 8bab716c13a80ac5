import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

/**
 * Writes flow logs for tools/bench-traffic, as AWS writes them to S3: gzip text files of at most
 * 100,000 records, each with the header of FlowLogFormat.ZONEWISE, under hourly Hive-compatible
 * prefixes; plus the network map (network.yaml) and pod inventory (pods.json, services.json) they
 * belong to. A cluster VPC of three AZs with PODS pods of SERVICES services, a NAT gateway per AZ;
 * every pod talks to a few pods of other services (each flow recorded at both interfaces) and to the
 * internet through its AZ's NAT gateway (recorded at the pod and twice at the NAT). The distinct
 * flows are fixed by the network, so more records mean more hours, not more keys.
 *
 * <p>Usage: {@code java tools/GenerateFlowLogs.java DIR RECORDS [PODS=600] [SERVICES=30]}
 */
public class GenerateFlowLogs {

  static final String HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes"
      + " start end action log-status vpc-id subnet-id instance-id az-id pkt-srcaddr pkt-dstaddr flow-direction"
      + " traffic-path pkt-src-aws-service pkt-dst-aws-service";
  static final long T0 = 1777593600L; // 2026-05-01T00:00:00Z
  static final int PER_FILE = 100_000;
  static final String[] AZ = {"euw1-az1", "euw1-az2", "euw1-az3"};

  record Pod(int index, String ip, String eni, String instance, int az, int service) {
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long records = Long.parseLong(args[1]);
    int pods = args.length > 2 ? Integer.parseInt(args[2]) : 600;
    int services = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    List<Pod> all = new ArrayList<>();
    for (int i = 0; i < pods; i++) {
      int az = i % 3;
      String ip = "10.0." + (az * 32 + 1 + i / 250) + "." + (i % 250 + 2);
      all.add(new Pod(i, ip, String.format("eni-%017x", 0x1000 + i), String.format("i-%017x", 0x2000 + i / 4), az,
          i % services));
    }
    Files.createDirectories(dir);
    network(dir, all, services);
    int files = (int) ((records + PER_FILE - 1) / PER_FILE);
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    List<Future<?>> done = new ArrayList<>();
    for (int f = 0; f < files; f++) {
      int file = f;
      long count = Math.min(PER_FILE, records - (long) f * PER_FILE);
      done.add(pool.submit(() -> {
        write(dir, file, count, all);
        return null;
      }));
    }
    for (Future<?> d : done) {
      d.get();
    }
    pool.shutdown();
  }

  static void write(Path dir, int file, long count, List<Pod> pods) throws IOException {
    long hour = file / 12; // 12 five-minute files an hour
    long start = T0 + file * 300L;
    java.time.ZonedDateTime t = java.time.Instant.ofEpochSecond(T0 + hour * 3600).atZone(java.time.ZoneOffset.UTC);
    Path out = dir.resolve(String.format("AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs/"
        + "aws-region=eu-west-1/year=%d/month=%02d/day=%02d/hour=%02d/123456789012_vpcflowlogs_eu-west-1_fl-0bench_%d.log.gz",
        t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), file));
    Files.createDirectories(out.getParent());
    Random random = new Random(file);
    try (Writer w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out), 1 << 16),
        StandardCharsets.US_ASCII), 1 << 16)) {
      w.write(HEADER);
      w.write('\n');
      long written = 0;
      while (written < count) {
        Pod from = pods.get(random.nextInt(pods.size()));
        long bytes = 1000 + random.nextInt(2_000_000);
        long s = start + random.nextInt(240);
        int port = 32768 + random.nextInt(28000);
        if (random.nextInt(10) < 8) {
          // to a pod of the next service, in the same or another AZ: recorded at both interfaces
          Pod to = pods.get((from.index + 1 + 30 * random.nextInt(6)) % pods.size());
          written += record(w, from, "egress", from.ip, to.ip, from.ip, to.ip, "1", port, bytes, s, written, count);
          written += record(w, to, "ingress", from.ip, to.ip, from.ip, to.ip, "-", port, bytes, s, written, count);
        } else {
          // to the internet through the AZ's NAT gateway: the pod, the NAT's ingress and egress
          String nat = "10.0." + (192 + from.az * 4) + ".10";
          Pod natEni = new Pod(-1, nat, String.format("eni-%017x", 0x9000 + from.az), "-", from.az, -1);
          String host = "203.0.113." + (1 + random.nextInt(50));
          written += record(w, from, "egress", from.ip, host, from.ip, host, "1", port, bytes, s, written, count);
          written += record(w, natEni, "ingress", from.ip, nat, from.ip, host, "-", port, bytes, s, written, count);
          written += record(w, natEni, "egress", nat, host, nat, host, "8", port, bytes, s, written, count);
        }
      }
    }
  }

  static int record(Writer w, Pod at, String direction, String src, String dst, String pktSrc, String pktDst,
      String path, int port, long bytes, long start, long written, long count) throws IOException {
    if (written >= count) {
      return 0;
    }
    String subnet = at.index < 0 ? "subnet-public" + at.az : "subnet-private" + at.az;
    w.write("5 123456789012 " + at.eni + " " + src + " " + dst + " " + port + " 443 6 " + (bytes / 1400 + 1) + " "
        + bytes + " " + start + " " + (start + 60) + " ACCEPT OK vpc-0a1b2c3d4e5f67890 " + subnet + " " + at.instance
        + " " + AZ[at.az] + " " + pktSrc + " " + pktDst + " " + direction + " " + path + " - -\n");
    return 1;
  }

  static void network(Path dir, List<Pod> pods, int services) throws IOException {
    StringBuilder yaml = new StringBuilder("region: eu-west-1\nvpcs:\n"
        + "  - {name: bench, cidr: 10.0.0.0/16, role: cluster, id: vpc-0a1b2c3d4e5f67890}\nsubnets:\n");
    for (int az = 0; az < 3; az++) {
      yaml.append("  - {vpc: bench, cidr: 10.0.").append(az * 32).append(".0/19, az: eu-west-1").append((char) ('a' + az))
          .append(", azId: ").append(AZ[az]).append(", tier: private, id: subnet-private").append(az).append("}\n");
      yaml.append("  - {vpc: bench, cidr: 10.0.").append(192 + az * 4).append(".0/22, az: eu-west-1")
          .append((char) ('a' + az)).append(", azId: ").append(AZ[az]).append(", tier: public, id: subnet-public")
          .append(az).append("}\n");
    }
    yaml.append("natGateways:\n");
    for (int az = 0; az < 3; az++) {
      yaml.append("  - {subnet: subnet-public").append(az).append(", privateIp: 10.0.").append(192 + az * 4).append(".10}\n");
    }
    Files.writeString(dir.resolve("network.yaml"), yaml);
    StringBuilder json = new StringBuilder("{\"items\": [");
    for (Pod p : pods) {
      json.append(p.index == 0 ? "" : ",").append("{\"metadata\": {\"name\": \"svc").append(p.service).append("-0-")
          .append(p.index).append("\", \"namespace\": \"bench\", \"labels\": {\"app\": \"svc").append(p.service)
          .append("\"}, \"ownerReferences\": [{\"kind\": \"ReplicaSet\", \"name\": \"svc").append(p.service)
          .append("-0\"}]}, \"status\": {\"podIP\": \"").append(p.ip).append("\"}}");
    }
    Files.writeString(dir.resolve("pods.json"), json.append("]}"));
    StringBuilder svc = new StringBuilder("{\"items\": [");
    for (int s = 0; s < services; s++) {
      svc.append(s == 0 ? "" : ",").append("{\"metadata\": {\"name\": \"svc").append(s)
          .append("\", \"namespace\": \"bench\"}, \"spec\": {\"selector\": {\"app\": \"svc").append(s).append("\"}}}");
    }
    Files.writeString(dir.resolve("services.json"), svc.append("]}"));
  }
}
