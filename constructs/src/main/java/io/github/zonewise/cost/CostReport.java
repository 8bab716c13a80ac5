package io.github.zonewise.cost;

import io.github.zonewise.facts.Price;
import io.github.zonewise.facts.PriceBook;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zonewise.synth.Assembly;
import io.github.zonewise.synth.Manifests;
import io.github.zonewise.synth.Note;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The monthly network bill of a synthesized landscape: the generated design read from the cloud
 * assembly and the manifests, the naive design and the floor of the same landscape, each itemized
 * with every formula input, plus the advice the numbers support. Plain Java over the synth's files.
 *
 * <pre>{@code
 * CloudAssembly assembly = app.synth();
 * CostReport report = CostReport.of(Path.of(assembly.getDirectory()), List.of(Path.of("dist")),
 *     design.declared(), design.traffic(), prices);
 * double generated = report.generated().total();
 * report.write(Path.of(assembly.getDirectory()));   // zonewise-cost.json, .md, .svg
 * }</pre>
 */
public final class CostReport {

  /** The JSON report's file name in the cloud assembly directory. */
  public static final String JSON_FILE = "zonewise-cost.json";
  /** The Markdown report's file name. */
  public static final String MARKDOWN_FILE = "zonewise-cost.md";
  /** The SVG chart's file name. */
  public static final String SVG_FILE = "zonewise-cost.svg";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final DeclaredLandscape spec;
  private final PriceBook prices;
  private final TrafficProfile traffic;
  private final TrafficProfile priced;
  private final DesignCost generated;
  private final DesignCost naive;
  private final DesignCost floor;
  private final List<Advice> advice;
  private final List<String> notes = new ArrayList<>();

  private CostReport(DeclaredLandscape spec, PriceBook prices, Design design, TrafficProfile traffic) {
    this.spec = spec;
    this.prices = prices;
    this.traffic = traffic;
    CostModel model = new CostModel(prices);
    List<Integer> unreachable = model.price(design, traffic).unreachable();
    Set<Integer> skip = new HashSet<>(unreachable);
    for (Flow f : traffic.flows()) {
      if (!f.crossesLandscape()) {
        skip.add(f.index());
        notes.add("traffic[" + f.index() + "] (" + f.label() + ") does not cross the landscape's network: not"
            + " priced");
      }
    }
    this.priced = traffic.filter(f -> !skip.contains(f.index()));
    for (int i : unreachable) {
      Flow f = traffic.flows().stream().filter(x -> x.index() == i).findFirst().orElseThrow();
      notes.add("traffic[" + i + "] (" + f.label() + ", " + Advice.gb(f.gb()) + " GB) has no path in the generated"
          + " design (no NAT gateway the private subnets route to, and no endpoint): not priced in any design");
    }
    if (traffic.defaulted()) {
      notes.add("the landscape has no traffic: the default profile is priced (" + traffic.flows().size()
          + " flows; see README, \"traffic and prices\")");
    }
    for (String region : design.remoteRegions()) {
      if (priced.replicationDefaulted(region)) {
        notes.add("registry: no ecr → " + region + " flow; " + Advice.gb(TrafficProfile.DEFAULT_REPLICATION_GB)
            + " GB a month of images replicated (and stored) there is assumed");
      }
    }
    this.generated = model.price(design, priced);
    this.naive = model.price(Designs.naive(design), priced);
    this.floor = model.price(Designs.floor(design, priced, model, prices), priced);
    this.advice = Advice.of(design, generated, priced, prices);
  }

  /**
   * Prices what a synth produced.
   *
   * @param cloudAssembly the cloud assembly directory ({@code cdk.out}, holding {@code manifest.json})
   * @param manifests     Kubernetes manifest files, or directories of them ({@code *.yaml}/{@code *.yml},
   *                      read recursively; may be empty: the manifests the templates apply are read too)
   * @param landscape     what the landscape declares (names, CIDRs, services)
   * @param traffic       the traffic to price
   * @param prices        the prices
   * @return the report
   * @throws UncheckedIOException when a file of the assembly or a manifest cannot be read
   */
  public static CostReport of(Path cloudAssembly, List<Path> manifests, DeclaredLandscape landscape,
      TrafficProfile traffic, PriceBook prices) {
    Assembly templates = Assembly.read(cloudAssembly);
    Manifests k8s = Manifests.read(manifests, templates);
    java.util.Optional<Note> unreadable = java.util.stream.Stream.concat(templates.notes().stream(),
        k8s.notes().stream()).filter(n -> n.kind() == Note.Kind.UNREADABLE).findFirst();
    if (unreadable.isPresent()) {
      throw new UncheckedIOException(new IOException("cannot read " + unreadable.get()));
    }
    return new CostReport(landscape, prices, GeneratedDesign.read(templates, k8s, landscape), traffic);
  }

  /**
   * Prices a design given directly (a design read elsewhere, or one a test builds).
   *
   * @param design    the generated design
   * @param landscape what the landscape declares (its name and region)
   * @param traffic   the traffic to price
   * @param prices    the prices
   * @return the report
   */
  public static CostReport of(Design design, DeclaredLandscape landscape, TrafficProfile traffic, PriceBook prices) {
    return new CostReport(landscape, prices, design, traffic);
  }

  /** The bill of the design the synth generated. */
  public DesignCost generated() {
    return generated;
  }

  /** The bill of the naive design of the same landscape. */
  public DesignCost naive() {
    return naive;
  }

  /** The bill of the floor: the least the same traffic can cost with every service in ≥ 2 AZs. */
  public DesignCost floor() {
    return floor;
  }

  /** The three bills: generated, naive, floor. */
  public List<DesignCost> designs() {
    return List.of(generated, naive, floor);
  }

  /** The advice the numbers support, largest saving first. */
  public List<Advice> advice() {
    return advice;
  }

  /** The traffic priced (the landscape's, or the default profile). */
  public TrafficProfile traffic() {
    return traffic;
  }

  /** The prices used. */
  public PriceBook prices() {
    return prices;
  }

  /** What the report wants a reader to know: defaults used, flows not priced. */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  /** naive total ÷ generated total. */
  public double naiveOverGenerated() {
    return generated.total() == 0 ? 0 : naive.total() / generated.total();
  }

  /** generated total ÷ floor total. */
  public double generatedOverFloor() {
    return floor.total() == 0 ? 0 : generated.total() / floor.total();
  }

  /**
   * Writes {@value #JSON_FILE}, {@value #MARKDOWN_FILE} and {@value #SVG_FILE}.
   *
   * @param dir the directory, usually the cloud assembly's
   * @return the files written
   */
  public List<Path> write(Path dir) {
    try {
      Files.createDirectories(dir);
      Path json = dir.resolve(JSON_FILE);
      Path md = dir.resolve(MARKDOWN_FILE);
      Path svg = dir.resolve(SVG_FILE);
      Files.writeString(json, toJson(), StandardCharsets.UTF_8);
      Files.writeString(md, toMarkdown(), StandardCharsets.UTF_8);
      Files.writeString(svg, toSvg(), StandardCharsets.UTF_8);
      return List.of(json, md, svg);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The console summary: two to four {@code zonewise:} lines.
   *
   * @param where where the files were written, for the last line
   * @return the lines
   */
  public List<String> summary(Path where) {
    List<String> lines = new ArrayList<>();
    long overrides = prices.prices().stream().filter(p -> "override".equals(p.asOf())).count();
    lines.add("zonewise: network cost a month (USD, list prices" + (overrides > 0 ? " with " + overrides
        + " overrides" : "") + ", " + (traffic.defaulted() ? "default traffic profile" : priced.flows().size()
        + " flows of traffic") + "): generated " + Advice.usd(generated.total()) + ", naive "
        + Advice.usd(naive.total()) + " (" + ratio(naiveOverGenerated()) + " of generated), floor "
        + Advice.usd(floor.total()));
    if (!advice.isEmpty()) {
      Advice top = advice.get(0);
      lines.add("zonewise: cost advice: " + advice.size() + (advice.size() == 1 ? " item" : " items")
          + (top.monthlySavingUsd() > 0 ? ", the largest saving " + Advice.usd(top.monthlySavingUsd())
          + " a month (" + top.topic() + ")" : ""));
    }
    if (!notes.isEmpty()) {
      lines.add("zonewise: cost note: " + notes.get(0) + (notes.size() > 1 ? " (+" + (notes.size() - 1) + " more)" : ""));
    }
    lines.add("zonewise: cost report written to " + where.resolve(MARKDOWN_FILE) + " (and " + JSON_FILE + ", "
        + SVG_FILE + ")");
    return lines;
  }

  private static String ratio(double r) {
    return "×" + String.format(Locale.ROOT, "%.2f", r);
  }

  // ---------------------------------------------------------------- JSON

  /** The machine-readable report: every line item with its formula and inputs. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("landscape", spec.name());
    root.put("region", spec.region());
    root.put("currency", "USD");
    root.put("period", "month of " + Advice.gb(prices.usd(PriceBook.HOURS_PER_MONTH)) + " hours");
    ObjectNode t = root.putObject("traffic");
    t.put("source", traffic.defaulted() ? "default profile" : "landscape");
    ArrayNode flows = t.putArray("flows");
    for (Flow f : traffic.flows()) {
      ObjectNode o = flows.addObject();
      o.put("index", f.index());
      o.put("from", f.from());
      o.put("fromKind", f.fromKind().name().toLowerCase(Locale.ROOT));
      o.put("to", f.to());
      o.put("toKind", f.toKind().name().toLowerCase(Locale.ROOT));
      o.put("gb", round(f.gb()));
      o.put("priced", priced.flows().stream().anyMatch(x -> x.index() == f.index()));
    }
    ObjectNode totals = root.putObject("totals");
    for (DesignCost d : designs()) {
      totals.put(d.name(), round(d.total()));
    }
    ObjectNode ratios = root.putObject("ratios");
    ratios.put("naiveOverGenerated", round(naiveOverGenerated()));
    ratios.put("generatedOverFloor", round(generatedOverFloor()));
    ArrayNode designs = root.putArray("designs");
    for (DesignCost d : designs()) {
      ObjectNode o = designs.addObject();
      o.put("name", d.name());
      o.put("total", round(d.total()));
      ObjectNode by = o.putObject("byCategory");
      d.byCategory().forEach((c, v) -> by.put(c.name().toLowerCase(Locale.ROOT), round(v)));
      ArrayNode items = o.putArray("lineItems");
      for (LineItem item : d.lineItems()) {
        ObjectNode i = items.addObject();
        i.put("category", item.category().name().toLowerCase(Locale.ROOT));
        i.put("item", item.item());
        if (item.flow() >= 0) {
          i.put("flow", item.flow());
        }
        i.put("formula", item.formula());
        ObjectNode in = i.putObject("inputs");
        item.inputs().forEach((k, v) -> putValue(in, k, v));
        i.put("usd", round(item.usd()));
      }
      ObjectNode paths = o.putObject("paths");
      d.paths().forEach((k, v) -> paths.put(String.valueOf(k), v));
      ArrayNode facts = o.putArray(d.name().equals("generated") ? "readFromSynth" : "assumptions");
      d.design().facts().forEach(facts::add);
    }
    ArrayNode adv = root.putArray("advice");
    for (Advice a : advice) {
      ObjectNode o = adv.addObject();
      o.put("topic", a.topic());
      o.put("text", a.text());
      o.put("monthlySavingUsd", round(a.monthlySavingUsd()));
    }
    ArrayNode n = root.putArray("notes");
    notes.forEach(n::add);
    ArrayNode model = root.putArray("modelAssumptions");
    MODEL_ASSUMPTIONS.forEach(model::add);
    ArrayNode p = root.putArray("prices");
    for (Price price : prices.prices()) {
      ObjectNode o = p.addObject();
      o.put("key", price.key());
      o.put("usd", price.usd());
      o.put("unit", price.unit());
      o.put("source", price.source());
      o.put("asOf", price.asOf());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void putValue(ObjectNode node, String key, Object v) {
    if (v instanceof Number num) {
      node.put(key, round(num.doubleValue()));
    } else if (v instanceof Collection<?> c) {
      ArrayNode a = node.putArray(key);
      c.forEach(x -> a.add(String.valueOf(x)));
    } else {
      node.put(key, String.valueOf(v));
    }
  }

  /** Six decimals: enough for any price, free of binary noise, so the files are deterministic and readable. */
  static BigDecimal round(double v) {
    return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
  }

  /** The model's own assumptions, in every report. */
  static final List<String> MODEL_ASSUMPTIONS = List.of(
      "a month is hoursPerMonth hours (730 unless overridden); prices are us-east-1 list prices unless overridden",
      "cross-AZ bytes are charged in each direction: a GB moved across AZs costs 2 × crossAzPerGbEachWay",
      "pod-to-pod cross-AZ share by routing mode, for N AZs, r replicas, k zones with an endpoint: cluster (N−1)/N;"
          + " topologyAware 0 when every zone has an endpoint and floor(r/N) ≥ (r/N)/1.2 (hints' 20% overload"
          + " threshold, equal node capacity per zone), else (N−1)/N; preferSameZone and preferSameNode (N−k)/N;"
          + " nodeLocal 0; an Istio DestinationRule's distribute weights override the Service's mode",
      "callers are spread evenly over the N AZs; a service's replicas spread evenly over its zones (maxSkew 1)",
      "a service to the internet goes through its load balancer when it is exposed, else through the NAT gateway;"
          + " internet to a service arrives through its load balancer (ingress is free) or, unexposed, as downloads"
          + " through the NAT gateway",
      "load balancer capacity units: the processed-bytes dimension only (albGbPerLcuHour, nlbGbPerLcuHour);"
          + " NLB to targets across AZs is charged when cross-zone is on; ALB to targets across AZs at"
          + " albToTargetCrossAzPerGbEachWay (0 by default); instance targets add a NodePort hop with (N−1)/N across"
          + " AZs unless externalTrafficPolicy is Local",
      "image pulls (ecr) are layer bytes from S3: through the S3 gateway endpoint when the route tables have it",
      "peering: no AZ alignment with the peer in the generated and naive designs, so (N−1)/N of bytes cross an AZ;"
          + " Transit Gateway: per GB sent in, cross-AZ not charged",
      "each region of registry.replicateTo pulls as many image bytes as the home region; replication sends the"
          + " ecr → region volume (default " + Advice.gb(TrafficProfile.DEFAULT_REPLICATION_GB) + " GB) and stores"
          + " it there for a month",
      "internet egress and interface endpoint processing are tiered on the month's sum (1 TB = 1024 GB)");

  // ---------------------------------------------------------------- Markdown

  /** The report for a pull request: totals, categories, advice, flows, line items, facts, assumptions, prices. */
  public String toMarkdown() {
    StringBuilder md = new StringBuilder();
    long overrides = prices.prices().stream().filter(p -> "override".equals(p.asOf())).count();
    md.append("# Network cost of landscape `").append(spec.name()).append("` (").append(spec.region()).append(")\n\n");
    md.append("Monthly, in USD, at list prices (").append(overrides == 0 ? "no overrides" : overrides + " overridden")
        .append("). Traffic: ").append(traffic.defaulted() ? "**the default profile** (the landscape has no `traffic`)"
            : "the landscape's `traffic` (" + traffic.flows().size() + " flows)").append(".\n\n");
    md.append("| design | monthly | vs generated |\n|---|---:|---:|\n");
    md.append("| generated — what this synth produced | ").append(Advice.usd(generated.total())).append(" | — |\n");
    md.append("| naive — the same landscape, built the naive way | ").append(Advice.usd(naive.total())).append(" | ")
        .append(ratio(naiveOverGenerated())).append(" |\n");
    md.append("| floor — the least it can cost with every service in ≥ 2 AZs | ").append(Advice.usd(floor.total()))
        .append(" | ").append(ratio(generated.total() == 0 ? 0 : floor.total() / generated.total())).append(" |\n\n");
    md.append("![cost by category](").append(SVG_FILE).append(")\n\n");

    md.append("## By category\n\n| category | generated | naive | floor |\n|---|---:|---:|---:|\n");
    for (Category c : Category.values()) {
      double g = generated.byCategory().get(c);
      double n = naive.byCategory().get(c);
      double f = floor.byCategory().get(c);
      if (g == 0 && n == 0 && f == 0) {
        continue;
      }
      md.append("| ").append(c.label()).append(" | ").append(Advice.usd(g)).append(" | ").append(Advice.usd(n))
          .append(" | ").append(Advice.usd(f)).append(" |\n");
    }
    md.append("| **total** | **").append(Advice.usd(generated.total())).append("** | **")
        .append(Advice.usd(naive.total())).append("** | **").append(Advice.usd(floor.total())).append("** |\n\n");

    md.append("## Advice\n\n");
    if (advice.isEmpty()) {
      md.append("None: at this traffic every choice of the generated design is the cheaper one.\n\n");
    } else {
      for (Advice a : advice) {
        md.append("- ").append(a.text()).append(a.monthlySavingUsd() > 0 ? " — **saves "
            + Advice.usd(a.monthlySavingUsd()) + " a month**" : "").append('\n');
      }
      md.append('\n');
    }
    if (!notes.isEmpty()) {
      md.append("## Notes\n\n");
      notes.forEach(n -> md.append("- ").append(n).append('\n'));
      md.append('\n');
    }

    md.append("## Flows\n\nPer flow, the path in the generated design and the charges on it in each design"
        + " (internet egress and interface endpoint processing are tiered on the month's sum and appear once,"
        + " under line items).\n\n");
    md.append("| # | flow | GB | path (generated) | generated | naive | floor |\n|---:|---|---:|---|---:|---:|---:|\n");
    for (Flow f : traffic.flows()) {
      boolean isPriced = priced.flows().stream().anyMatch(x -> x.index() == f.index());
      md.append("| ").append(f.index()).append(" | ").append(f.label()).append(" | ").append(Advice.gb(f.gb()))
          .append(" | ").append(cell(isPriced ? generated.paths().getOrDefault(f.index(), "") : "not priced (no path)"))
          .append(" | ").append(Advice.usd(flowUsd(generated, f.index()))).append(" | ")
          .append(Advice.usd(flowUsd(naive, f.index()))).append(" | ").append(Advice.usd(flowUsd(floor, f.index())))
          .append(" |\n");
    }
    md.append('\n');

    for (DesignCost d : designs()) {
      md.append("## Line items: ").append(d.name()).append("\n\n| category | item | flow | formula | inputs | USD |\n")
          .append("|---|---|---:|---|---|---:|\n");
      for (LineItem item : d.lineItems()) {
        md.append("| ").append(item.category().label()).append(" | ").append(cell(item.item())).append(" | ")
            .append(item.flow() >= 0 ? String.valueOf(item.flow()) : "").append(" | ").append(cell(item.formula()))
            .append(" | ").append(cell(inputs(item.inputs()))).append(" | ").append(Advice.usd(item.usd()))
            .append(" |\n");
      }
      md.append("| | **total** | | | | **").append(Advice.usd(d.total())).append("** |\n\n");
    }

    md.append("## The generated design, as read from the synth\n\n");
    generated.design().facts().forEach(f -> md.append("- ").append(f).append('\n'));
    md.append("\n## Assumptions\n\n### Naive design\n\n");
    naive.design().facts().forEach(f -> md.append("- ").append(f).append('\n'));
    md.append("\n### Floor\n\n");
    floor.design().facts().forEach(f -> md.append("- ").append(f).append('\n'));
    md.append("- chosen here: NAT ").append(floor.design().nat().mode()).append(", interface endpoints ")
        .append(floor.design().interfaceEndpoints().isEmpty() ? "none"
            : String.join(", ", floor.design().interfaceEndpoints().keySet())).append('\n');
    md.append("\n### Model\n\n");
    MODEL_ASSUMPTIONS.forEach(a -> md.append("- ").append(a).append('\n'));
    md.append("\n## Prices\n\n| key | USD | unit | source |\n|---|---:|---|---|\n");
    for (Price p : prices.prices()) {
      md.append("| `").append(p.key()).append("` | ").append(round(p.usd()).toPlainString()).append(" | ")
          .append(cell(p.unit())).append(" | ").append(cell(p.source() + " (" + p.asOf() + ")")).append(" |\n");
    }
    return md.toString();
  }

  private static double flowUsd(DesignCost d, int flow) {
    return d.lineItems().stream().filter(i -> i.flow() == flow).mapToDouble(LineItem::usd).sum();
  }

  private static String inputs(Map<String, Object> inputs) {
    return inputs.entrySet().stream().map(e -> e.getKey() + "=" + (e.getValue() instanceof Number n
        ? round(n.doubleValue()).toPlainString() : String.valueOf(e.getValue()))).collect(Collectors.joining(", "));
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  /** The chart of the three designs by category. */
  public String toSvg() {
    return CostChart.svg("Network cost a month: " + spec.name() + " (" + spec.region() + ")", designs());
  }
}
