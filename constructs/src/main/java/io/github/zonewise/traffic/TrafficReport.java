package io.github.zonewise.traffic;

import io.github.zonewise.traffic.TrafficMeasurement.FlowEnds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code zonewise traffic} prints: the measured month and its bill, the unattributed bytes on
 * lines of their own, notes on fields the log format lacks, the explanation ({@code --explain}), and
 * the traffic profile in the landscape's format ({@code traffic:}, a list of {@code {from, to, gb}}).
 */
public final class TrafficReport {

  private TrafficReport() {
  }

  /**
   * The report.
   *
   * @param m       the measurement
   * @param bill    its bill
   * @param explain whether to add how the bytes were counted and attributed
   * @return the text, lines ending in newlines
   */
  public static String render(TrafficMeasurement m, TrafficBill bill, boolean explain) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "zonewise traffic: %,d file%s, %,d records: %,d with bytes, %,d rejected"
            + " (%s, not counted), %,d NODATA, %,d SKIPDATA%n", m.files(), m.files() == 1 ? "" : "s", m.records(),
        m.accepted(), m.rejectedRecords(), gb(m.rejectedBytes() / TrafficBill.GB), m.noData(), m.skipData()));
    if (bill.scale() == 0 || m.accepted() == 0) {
      out.append("window: empty: the input holds no accepted traffic, so every total is zero and nothing is scaled"
          + " to a month\n");
    } else {
      double hours = m.windowSeconds() / 3600.0;
      out.append(String.format(Locale.ROOT, "window: %s to %s (%.2f h), scaled ×%.2f to a %s-hour month%n",
          Instant.ofEpochSecond(m.windowStart()), Instant.ofEpochSecond(m.windowEnd()), hours, bill.scale(),
          number(bill.scale() * hours)));
    }
    if (m.skipData() > 0) {
      out.append(String.format(Locale.ROOT, "note: %,d SKIPDATA records: the flow logs could not capture some flows"
          + " (an internal AWS capacity limit), so the totals are low%n", m.skipData()));
    }
    m.missingOptional().forEach((fields, where) -> out.append("note: ").append(where).append(": the log format lacks ")
        .append(fields).append(": ").append(consequence(fields)).append('\n'));
    out.append("a month (GB of 2^30 bytes, USD at the price book's rates):\n");
    for (TrafficBill.Line l : bill.lines()) {
      out.append(String.format(Locale.ROOT, "  %-58s %12s %12s   %s%n", l.item(), gb(l.gb()), usd(l.usd()), l.formula()));
    }
    out.append(String.format(Locale.ROOT, "  %-58s %12s %12s%n", "total", "", usd(bill.total())));
    out.append("delivering these flow logs, a month (not in the total):\n");
    for (TrafficBill.Line l : bill.flowLogs()) {
      out.append(String.format(Locale.ROOT, "  %-58s %12s %12s   %s%n", l.item(), gb(l.gb()), usd(l.usd()), l.formula()));
    }
    m.unattributed().forEach((reason, v) -> out.append(String.format(Locale.ROOT, "unattributed: %s a month (%s,"
        + " e.g. %s)%n", gb(TrafficBill.gb((Long) v[0], bill.scale())), reason, v[1])));
    if (explain) {
      explain(out, m, bill);
    }
    return out.toString();
  }

  private static String consequence(String fields) {
    List<String> says = new ArrayList<>();
    if (fields.contains("instance-id")) {
      says.add("forwarding interfaces (NAT gateway, Transit Gateway) are told by their addresses alone");
    }
    if (fields.contains("traffic-path")) {
      says.add("VPC peering is told from other paths by the network map's interconnect alone");
    }
    if (fields.contains("aws-service")) {
      says.add("public addresses all count as internet (S3 and DynamoDB are not told apart)");
    }
    return String.join("; ", says) + "; set the log format FlowLogFormat.ZONEWISE (what ZonalVpc writes)";
  }

  private static void explain(StringBuilder out, TrafficMeasurement m, TrafficBill bill) {
    out.append("explain:\n  each byte once (records, GB in the window):\n");
    Map<String, long[]> ends = new LinkedHashMap<>();
    m.rules().forEach((rule, v) -> {
      if (rule.startsWith("end: ")) {
        ends.put(rule.substring(5), v);
      } else {
        out.append(String.format(Locale.ROOT, "    %-82s %,12d %12s%n", rule, v[0], gb(v[1] / TrafficBill.GB)));
      }
    });
    out.append("  flow ends, by how they were named (GB in the window, each end of each flow):\n");
    ends.forEach((kind, v) -> out.append(String.format(Locale.ROOT, "    %-82s %12s%n", kind, gb(v[1] / TrafficBill.GB))));
    out.append("  hops across AZs (GB in the window):\n");
    Map<String, Long> byVia = new java.util.TreeMap<>();
    m.crossAz().forEach((hop, b) -> byVia.merge(hop.via() + (hop.charged() ? "" : " (not charged)"), b, Long::sum));
    byVia.forEach((via, b) -> out.append(String.format(Locale.ROOT, "    %-82s %12s%n", via, gb(b / TrafficBill.GB))));
    if (!m.endpointInterfaces().isEmpty()) {
      out.append(String.format(Locale.ROOT, "  interface endpoints: %d network interface%s (%s)%n",
          m.endpointInterfaces().size(), m.endpointInterfaces().size() == 1 ? "" : "s", String.join(", ", new java.util.TreeSet<>(m.endpointInterfaces().values()))));
    }
    out.append("  top talkers (GB in the window, each byte once):\n");
    m.topTalkers().entrySet().stream()
        .sorted(Map.Entry.<FlowEnds, Long>comparingByValue().reversed()
            .thenComparing(e -> e.getKey().from()).thenComparing(e -> e.getKey().to()))
        .limit(10)
        .forEach(e -> out.append(String.format(Locale.ROOT, "    %-40s → %-40s %12s%n", e.getKey().from(),
            e.getKey().to(), gb(e.getValue() / TrafficBill.GB))));
  }

  /**
   * The traffic profile in the landscape's format: flows of at least 0.01 GB a month, largest first,
   * with a comment saying what was measured and how it was scaled.
   *
   * @param m    the measurement
   * @param bill its bill (for the scale)
   * @return the YAML text, {@code traffic:} and its list
   */
  public static String profile(TrafficMeasurement m, TrafficBill bill) {
    StringBuilder yaml = new StringBuilder();
    if (bill.scale() > 0) {
      yaml.append(String.format(Locale.ROOT, "# measured by zonewise traffic in %,d flow-log file%s, %s to %s (%.2f h),"
              + " scaled ×%.2f to a month%n", m.files(), m.files() == 1 ? "" : "s", Instant.ofEpochSecond(m.windowStart()),
          Instant.ofEpochSecond(m.windowEnd()), m.windowSeconds() / 3600.0, bill.scale()));
    } else {
      yaml.append("# measured by zonewise traffic: the input holds no accepted traffic\n");
    }
    if (!m.unattributed().isEmpty()) {
      yaml.append(String.format(Locale.ROOT, "# not in this profile: %s GB a month unattributed (see the report)%n",
          gb(TrafficBill.gb(m.unattributedBytes(), bill.scale())).replace(" GB", "")));
    }
    List<Map.Entry<FlowEnds, Long>> flows = new ArrayList<>(m.profile().entrySet());
    flows.sort(Map.Entry.<FlowEnds, Long>comparingByValue().reversed()
        .thenComparing(e -> e.getKey().from()).thenComparing(e -> e.getKey().to()));
    long small = 0;
    int smallFlows = 0;
    StringBuilder list = new StringBuilder();
    for (Map.Entry<FlowEnds, Long> f : flows) {
      double gb = Math.round(TrafficBill.gb(f.getValue(), bill.scale()) * 100) / 100.0;
      if (gb < 0.01) {
        small += f.getValue();
        smallFlows++;
        continue;
      }
      list.append("  - {from: ").append(f.getKey().from()).append(", to: ").append(f.getKey().to())
          .append(", gb: ").append(String.format(Locale.ROOT, "%.2f", gb)).append("}\n");
    }
    if (smallFlows > 0) {
      yaml.append(String.format(Locale.ROOT, "# left out: %d flow%s under 0.01 GB a month (%.4f GB in all)%n",
          smallFlows, smallFlows == 1 ? "" : "s", TrafficBill.gb(small, bill.scale())));
    }
    yaml.append(list.isEmpty() ? "traffic: []\n" : "traffic:\n" + list);
    return yaml.toString();
  }

  static String gb(double gb) {
    return String.format(Locale.ROOT, "%,.2f GB", gb);
  }

  static String usd(double usd) {
    return String.format(Locale.ROOT, "$%,.2f", usd);
  }

  private static String number(double v) {
    return Math.abs(v - Math.rint(v)) < 1e-6 ? String.valueOf((long) Math.rint(v)) : String.format(Locale.ROOT, "%.2f", v);
  }
}
