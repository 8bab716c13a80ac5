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

  private final DeclaredLandscape spec;
  private final PriceBook prices;
  private final TrafficProfile traffic;
  private final TrafficProfile priced;
  private final DesignCost generated;
  private final DesignCost naive;
  private final DesignCost floor;
  private final List<Advice> advice;
  private final List<Advice> availability;
  private final Choices choices;
  private final List<String> notes = new ArrayList<>();

  private CostReport(DeclaredLandscape spec, PriceBook prices, Design design, TrafficProfile traffic,
      Choices choices) {
    this.spec = spec;
    this.prices = prices;
    this.traffic = traffic;
    this.choices = choices;
    CostModel model = new CostModel(prices);
    if (!prices.regionPriced()) {
      notes.add("priced at us-east-1 rates: Zonewise has no price table for " + prices.region()
          + " (a price file with -c prices=FILE sets that region's rates)");
    }
    this.priced = carried(design, traffic, model, notes);
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
    Design floorDesign = Designs.floor(design, priced, model, prices);
    this.floor = model.price(floorDesign, priced);
    this.availability = Designs.availabilityTrades(floorDesign, floor, priced, model);
    List<Advice> all = new ArrayList<>();
    for (Advice a : Advice.of(design, generated, priced, prices)) {
      if (choices.decided().contains(a.topic())) {
        continue;   // the design step priced this choice and made it: no advice against it
      }
      all.add(choices.field(a.topic()).map(field -> new Advice(a.topic(), field + " (written in the landscape): "
          + a.text(), a.monthlySavingUsd())).orElse(a));
    }
    this.advice = List.copyOf(all);
  }

  /**
   * The flows a design carries: those that cross the landscape's network and have a path in it; the
   * others are noted and left out of every design's bill.
   */
  private static TrafficProfile carried(Design design, TrafficProfile traffic, CostModel model, List<String> notes) {
    List<Integer> unreachable = model.price(design, traffic).unreachable();
    Set<Integer> skip = new HashSet<>(unreachable);
    for (Flow f : traffic.flows()) {
      if (!f.crossesLandscape()) {
        skip.add(f.index());
        notes.add("traffic[" + f.index() + "] (" + f.label() + ") does not cross the landscape's network: not"
            + " priced");
      }
    }
    for (int i : unreachable) {
      Flow f = traffic.flows().stream().filter(x -> x.index() == i).findFirst().orElseThrow();
      notes.add("traffic[" + i + "] (" + f.label() + ", " + Advice.gb(f.gb()) + " GB) has no path in the generated"
          + " design (no NAT gateway the private subnets route to, and no endpoint): not priced in any design");
    }
    return traffic.filter(f -> !skip.contains(f.index()));
  }

  /**
   * The bill of a design as the report prices a generated design: the flows it carries, priced with
   * the cost model. The design step prices its candidate designs with it, so its decisions and the
   * report agree to the cent.
   *
   * @param design  a design
   * @param traffic the monthly traffic
   * @param prices  the prices
   * @return its bill
   */
  public static DesignCost bill(Design design, TrafficProfile traffic, PriceBook prices) {
    CostModel model = new CostModel(prices);
    return model.price(design, carried(design, traffic, model, new ArrayList<>()));
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
    return of(cloudAssembly, manifests, landscape, traffic, prices, Choices.unknown());
  }

  /**
   * Prices what a synth produced, knowing where its choices came from.
   *
   * @param cloudAssembly the cloud assembly directory ({@code cdk.out}, holding {@code manifest.json})
   * @param manifests     Kubernetes manifest files, or directories of them
   * @param landscape     what the landscape declares (names, CIDRs, services)
   * @param traffic       the traffic to price
   * @param prices        the prices
   * @param choices       the design step's decisions and the choices the landscape wrote down
   * @return the report
   * @throws UncheckedIOException when a file of the assembly or a manifest cannot be read
   */
  public static CostReport of(Path cloudAssembly, List<Path> manifests, DeclaredLandscape landscape,
      TrafficProfile traffic, PriceBook prices, Choices choices) {
    Assembly templates = Assembly.read(cloudAssembly);
    Manifests k8s = Manifests.read(manifests, templates);
    java.util.Optional<Note> unreadable = java.util.stream.Stream.concat(templates.notes().stream(),
        k8s.notes().stream()).filter(n -> n.kind() == Note.Kind.UNREADABLE).findFirst();
    if (unreadable.isPresent()) {
      throw new UncheckedIOException(new IOException("cannot read " + unreadable.get()));
    }
    return new CostReport(landscape, prices, GeneratedDesign.read(templates, k8s, landscape), traffic, choices);
  }

  /**
   * Prices what the synth of any CDK app produced ({@code zonewise cost}), with what the reader read and
   * could not price first among the report's notes.
   *
   * @param cloudAssembly the cloud assembly directory
   * @param manifests     Kubernetes manifest files, or directories of them
   * @param app           what is known of the app besides its output (its name and region, its services)
   * @param traffic       the traffic to price
   * @param prices        the prices
   * @param read          what was read and what could not be priced, one note each
   * @return the report
   * @throws UncheckedIOException when a file of the assembly or a manifest cannot be read
   */
  public static CostReport ofApp(Path cloudAssembly, List<Path> manifests, DeclaredLandscape app,
      TrafficProfile traffic, PriceBook prices, List<String> read) {
    CostReport report = of(cloudAssembly, manifests, app, traffic, prices, Choices.unknown());
    report.notes.addAll(0, read);
    return report;
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
    return of(design, landscape, traffic, prices, Choices.unknown());
  }

  /**
   * Prices a design given directly, knowing where its choices came from.
   *
   * @param design    the generated design
   * @param landscape what the landscape declares (its name and region)
   * @param traffic   the traffic to price
   * @param prices    the prices
   * @param choices   the design step's decisions and the choices the landscape wrote down
   * @return the report
   */
  public static CostReport of(Design design, DeclaredLandscape landscape, TrafficProfile traffic, PriceBook prices,
      Choices choices) {
    return new CostReport(landscape, prices, design, traffic, choices);
  }

  /** {@return the bill of the design the synth generated} */
  public DesignCost generated() {
    return generated;
  }

  /** {@return the bill of the naive design of the same landscape} */
  public DesignCost naive() {
    return naive;
  }

  /** {@return the bill of the floor: the least the same traffic can cost with every service in ≥ 2 AZs} */
  public DesignCost floor() {
    return floor;
  }

  /** {@return the three bills: generated, naive, floor} */
  public List<DesignCost> designs() {
    return List.of(generated, naive, floor);
  }

  /** {@return the advice the numbers support, largest saving first} */
  public List<Advice> advice() {
    return advice;
  }

  /** {@return the traffic priced (the landscape's, or the default profile)} */
  public TrafficProfile traffic() {
    return traffic;
  }

  /** {@return the prices used} */
  public PriceBook prices() {
    return prices;
  }

  /** {@return what the report wants a reader to know: defaults used, flows not priced} */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  /** {@return the naive total ÷ the generated total; 0 when the generated design costs nothing} */
  public double naiveOverGenerated() {
    return generated.total() == 0 ? 0 : naive.total() / generated.total();
  }

  /** {@return the generated total ÷ the floor total; 0 when the floor costs nothing} */
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

  /** Six decimals: enough for any price, free of binary noise, so the files are deterministic and readable. */
  static BigDecimal round(double v) {
    return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
  }
  /** The model's own assumptions, in every report. */
  static final List<String> MODEL_ASSUMPTIONS = List.of(
      "a month is hoursPerMonth hours (730 unless overridden); prices are the region's list prices (us-east-1 rates"
          + " for a region without a price table) unless overridden",
      "cross-AZ bytes are charged in each direction: a GB moved across AZs costs 2 × crossAzPerGbEachWay",
      "pod-to-pod cross-AZ share by routing mode, for N AZs, r replicas, k zones with an endpoint: cluster (N−1)/N;"
          + " topologyAware 0 when every zone has an endpoint and floor(r/N) ≥ (r/N)/1.2 (hints' 20% overload"
          + " threshold, equal node capacity per zone), else (N−1)/N; preferSameZone and preferSameNode (N−k)/N;"
          + " nodeLocal 0; an Istio DestinationRule's distribute weights override the Service's mode",
      "callers are spread evenly over the N AZs; a service's replicas spread evenly over its zones (maxSkew 1)",
      "a service to the internet goes through its load balancer when that is internet-facing, else through the NAT"
          + " gateway; internet to a service arrives through its internet-facing load balancer (ingress is free) or,"
          + " otherwise, as downloads through the NAT gateway",
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
      "internet egress and interface endpoint processing are tiered on the month's sum (1 TB = 1024 GB)",
      "flow-log volume, estimated from the traffic: a record is one flow (5-tuple) at one interface for one aggregation"
          + " interval, so records ≈ connections × 2 directions × 2 interfaces × (hoursPerMonth × 3600 ÷ the flow log's"
          + " MaxAggregationInterval, 600 s by default), each flow of the profile keeping one connection between every"
          + " caller pod and every callee pod (caller × callee replicas; the service's replicas toward a non-service"
          + " end) open in every interval, at flowLogBytesPerRecord bytes a record; short-lived connections write more"
          + " records, so this is a floor; vended-logs delivery at its first tier (first 10 TB a month); storage of the"
          + " kept records and queries are not priced",
      "EKS control-plane logs: eksControlPlaneLogGbPerTypeMonth GB a month for each enabled log type (an assumption:"
          + " measure the cluster's log group and override it), at cloudWatchLogsIngestionPerGb");

  /**
   * The console summary: a few {@code zonewise:} lines.
   *
   * @param where where the files were written, for the last line
   * @return the lines
   */
  public List<String> summary(Path where) {
    return ConsoleSummary.lines(this, where);
  }

  /** {@return the machine-readable report: every line item with its formula and inputs} */
  public String toJson() {
    return JsonReport.render(this);
  }

  /**
   * {@return the report for a pull request: totals, decisions, categories, advice, flows, line items,
   * assumptions, prices}
   */
  public String toMarkdown() {
    return MarkdownReport.render(this);
  }

  /** {@return what the landscape declares: its name and region among them} */
  public DeclaredLandscape landscape() {
    return spec;
  }

  /**
   * {@return the flows the designs are priced on: the traffic without flows that do not cross the landscape
   * or have no path}
   */
  public TrafficProfile carried() {
    return priced;
  }

  /** {@return the design step's decisions and the choices the landscape wrote down} */
  public Choices choices() {
    return choices;
  }

  /**
   * {@return what giving up availability would save below the floor (one NAT gateway, fewer AZs), never part
   * of the floor}
   */
  public List<Advice> availabilityTrades() {
    return availability;
  }

  /** {@return the chart of the three designs by category} */
  public String toSvg() {
    return CostChart.svg("Network cost a month: " + spec.name() + " (" + spec.region() + ")", designs());
  }
}
