package io.github.zonewise.design;

import io.github.zonewise.cost.Choices;
import io.github.zonewise.cost.Choices.ReportedDecision;
import io.github.zonewise.cost.CostReport;
import io.github.zonewise.cost.DeclaredLandscape;
import io.github.zonewise.cost.DeclaredLandscape.DeclaredService;
import io.github.zonewise.cost.DeclaredLandscape.Peer;
import io.github.zonewise.cost.Design;
import io.github.zonewise.cost.Flow;
import io.github.zonewise.cost.Routing;
import io.github.zonewise.cost.TrafficProfile;
import io.github.zonewise.cluster.KarpenterNames;
import io.github.zonewise.facts.KubernetesVersions;
import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.facts.VpcEndpoints;
import io.github.zonewise.interconnect.Interconnect;
import io.github.zonewise.k8s.LoadBalancerScheme;
import io.github.zonewise.k8s.LoadBalancerType;
import io.github.zonewise.k8s.ZonalNodePools;
import io.github.zonewise.k8s.ZonalRouting;
import io.github.zonewise.network.NatStrategy;
import io.github.zonewise.spec.FlowSpec;
import io.github.zonewise.spec.InterconnectRules;
import io.github.zonewise.spec.InterconnectSpec;
import io.github.zonewise.spec.LandscapeException;
import io.github.zonewise.spec.LandscapeSpec;
import io.github.zonewise.spec.ServiceSpec;
import io.github.zonewise.spec.TrafficEnd;
import io.github.zonewise.spec.ValidatedLandscape;
import io.github.zonewise.synth.LoadBalancing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The design of a checked landscape: every choice the landscape leaves open, decided in plain Java
 * before any construct is built, from the landscape's traffic (declared, or the default profile) and
 * the price book — the cheapest design that keeps the availability the landscape asks for. Each
 * decision is priced with the same cost model and the same bill as the cost report
 * ({@link CostReport#bill}), over the design the constructs will build ({@link #predicted()}), so the
 * report never advises against a decision made here. The constructs build exactly these decisions.
 *
 * <p>Choices the landscape writes down are built as written: a choice the cost lint flags
 * ({@code network.nat: single}, {@code routing: cluster}, …) gets one warning with what it costs a
 * month at this traffic, and a cdk-nag suppression whose reason names the field
 * ({@link #suppressions()}), so the synth honours it instead of failing.
 *
 * @param landscape          the checked landscape
 * @param prices             the prices the decisions were made with
 * @param nat                the NAT strategy: the landscape's, else one gateway per AZ (zone-redundant
 *                           egress; the design step never gives up availability on its own)
 * @param interfaceEndpoints the interface endpoints: the landscape's list, else those that pay for
 *                           themselves at this traffic or are needed to work at all
 * @param interconnect       how the cluster VPC reaches its peers, when it has any
 * @param podZones           the AZs pods run in: those of the node pools
 * @param traffic            the traffic priced: the landscape's, else the default profile
 * @param decisions          every decision, in order, each with its options' monthly costs
 * @param warnings           what a decision or a written choice deserves a look for, each naming its field
 * @param suppressions       the cost-lint findings the landscape's written choices produce, suppressed
 */
public record LandscapeDesign(ValidatedLandscape landscape, PriceBook prices, NatStrategy nat,
    List<String> interfaceEndpoints, Optional<InterconnectDecision> interconnect, List<String> podZones,
    TrafficProfile traffic, List<Decision> decisions, List<String> warnings, List<Suppression> suppressions) {

  /** Interface endpoints a cluster needs when nothing else reaches the AWS APIs (no NAT path). */
  static final List<String> CLUSTER_ENDPOINTS = List.of("ecr.api", "ecr.dkr", "sts", "eks-auth");

  /**
   * Copies the lists.
   *
   * @param landscape          the checked landscape
   * @param prices             the prices the decisions were made with
   * @param nat                the NAT strategy built
   * @param interfaceEndpoints the interface endpoints built, by service name
   * @param interconnect       how the cluster VPC reaches its peers; empty without peers
   * @param podZones           the AZs pods run in
   * @param traffic            the traffic priced
   * @param decisions          every decision, in order
   * @param warnings           the warnings, each naming its field
   * @param suppressions       the suppressed cost-lint findings
   */
  public LandscapeDesign {
    interfaceEndpoints = List.copyOf(interfaceEndpoints);
    podZones = List.copyOf(podZones);
    decisions = List.copyOf(decisions);
    warnings = List.copyOf(warnings);
    suppressions = List.copyOf(suppressions);
  }

  /**
   * One choice of the design: the option built, every option considered with the monthly total of
   * the whole design with it, and why.
   *
   * @param field   the landscape field it decides, e.g. {@code interconnect.mode}
   * @param chosen  the option built
   * @param options option → monthly USD of the whole generated design at this traffic (chosen included)
   * @param reason  why, in one line
   * @param written true when the landscape set it: built as written, not decided
   */
  public record Decision(String field, String chosen, Map<String, Double> options, String reason, boolean written) {

    /**
     * Copies the options in order.
     *
     * @param field   the landscape field it decides
     * @param chosen  the option built
     * @param options option → monthly USD of the whole design with it, in the order considered
     * @param reason  why, in one line
     * @param written true when the landscape set it
     */
    public Decision {
      options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * {@return the line the synth prints for a decision the landscape left open} For example
     * {@code decided network.nat: perAz ($98.55 a month) over single $65.70: …}: the option built,
     * its monthly cost, the others' and the reason.
     */
    public String line() {
      StringBuilder sb = new StringBuilder("decided " + field + ": " + chosen);
      Double cost = options.get(chosen);
      if (cost != null) {
        sb.append(" (").append(usd(cost)).append(" a month)");
      }
      List<String> others = new ArrayList<>();
      options.forEach((k, v) -> {
        if (!k.equals(chosen)) {
          others.add(k + " " + usd(v));
        }
      });
      if (!others.isEmpty()) {
        sb.append(" over ").append(String.join(", ", others));
      }
      return sb.append(": ").append(reason).toString();
    }
  }

  /**
   * A cost-lint finding that a written choice produces, suppressed with a reason that names the field.
   *
   * @param rule      the rule id, e.g. {@code ZW-NAT1}
   * @param reason    why, naming the landscape field
   * @param target    what the finding is on
   * @param appliesTo the findings' objects for a Kubernetes rule ({@code Service/shop/orders}); empty otherwise
   */
  public record Suppression(String rule, String reason, Target target, List<String> appliesTo) {

    /**
     * Copies the list.
     *
     * @param rule      the rule id
     * @param reason    why, naming the landscape field
     * @param target    what the finding is on
     * @param appliesTo the Kubernetes objects it applies to; empty for a CloudFormation rule
     */
    public Suppression {
      appliesTo = List.copyOf(appliesTo);
    }
  }

  /** Where a suppressed finding is. */
  public enum Target {
    /** The cluster VPC and what is in it. */
    NETWORK,
    /** The interconnect (Transit Gateway, peering). */
    INTERCONNECT,
    /** The EKS cluster. */
    CLUSTER,
    /** The Kubernetes manifests the cluster stack applies. */
    MANIFESTS
  }

  /**
   * Decides what a landscape leaves open.
   *
   * @param landscape the checked landscape
   * @param prices    the price book its decisions are priced with
   * @return the design
   * @throws LandscapeException for what the decisions cannot honour, naming the field
   */
  public static LandscapeDesign of(ValidatedLandscape landscape, PriceBook prices) {
    try {
      return new Designer(landscape, prices).design();
    } catch (LandscapeException e) {
      throw landscape.located(e);   // with the line and column of the field in the file
    }
  }

  /**
   * {@return what the synth and {@code zonewise check} say about node pools without a {@code cluster}
   * section} Whose cluster they are for (one named as the landscape), and that the private subnets carry
   * their discovery tag; empty with a cluster or without node pools.
   */
  public Optional<String> nodePoolsNote() {
    LandscapeSpec spec = landscape.spec();
    if (spec.cluster().isPresent() || spec.nodePools().isEmpty()) {
      return Optional.empty();
    }
    String name = spec.name();
    return Optional.of("no cluster section: the Karpenter NodePools (" + ZonalNodePools.CHART
        + ".k8s.yaml) are for an EKS cluster named '" + name + "' that you run with Karpenter; the network"
        + " stack tags its private subnets " + KarpenterNames.DISCOVERY_TAG + ": " + KarpenterNames.discoveryValue(name)
        + " for them, and that cluster needs the node role " + KarpenterNames.nodeRoleName(name)
        + " and a security group with the same tag (or add a cluster section, which builds all of it)");
  }

  /**
   * {@return whether the cluster VPC gets transit subnets: true when its peers are reached over a
   * Transit Gateway}
   */
  public boolean transitSubnets() {
    return interconnect.map(d -> d.chosen().isTransitGateway()).orElse(false);
  }

  /** {@return the interconnect mode the constructs build; empty when the landscape has no peers} */
  public Optional<Interconnect> interconnectMode() {
    return interconnect.map(InterconnectDecision::chosen);
  }

  /**
   * What changed against the decisions an earlier synth made, as the synth says it: what each flip
   * adds and removes (a switch between peering and a Transit Gateway replaces the connections).
   *
   * @param previous field → the option an earlier synth built (its cost report's decisions)
   * @return one line per decision that flipped, empty when none did
   */
  public List<String> changesFrom(Map<String, String> previous) {
    List<String> lines = new ArrayList<>();
    for (Decision d : decided()) {
      String before = previous.get(d.field());
      if (before == null || before.equals(d.chosen())) {
        continue;
      }
      String what;
      if (d.field().equals("interconnect.mode")) {
        int peers = landscape.spec().interconnect().map(ic -> ic.vpcs().size()).orElse(0);
        what = d.chosen().equals(Interconnect.transitGateway().name())
            ? "adds a Transit Gateway with " + (peers + 1) + " attachments and transit subnets, removes " + peers
                + " peering connections"
            : "adds " + peers + " peering connections, removes the Transit Gateway, its " + (peers + 1)
                + " attachments and the transit subnets";
        what += "; switching replaces the connections: traffic between the VPCs stops while CloudFormation replaces"
            + " them, so deploy it in a maintenance window";
      } else if (d.field().equals("network.interfaceEndpoints")) {
        Set<String> was = new LinkedHashSet<>(names(before));
        Set<String> now = new LinkedHashSet<>(names(d.chosen()));
        List<String> added = now.stream().filter(e -> !was.contains(e)).toList();
        List<String> removed = was.stream().filter(e -> !now.contains(e)).toList();
        what = (added.isEmpty() ? "" : "adds " + String.join(", ", added))
            + (added.isEmpty() || removed.isEmpty() ? "" : "; ")
            + (removed.isEmpty() ? "" : "removes " + String.join(", ", removed)
                + " (their traffic goes through the NAT gateway)");
      } else {
        what = "builds " + d.chosen() + " instead of " + before;
      }
      lines.add("decision changed: " + d.field() + " " + before + " → " + d.chosen() + " at this traffic: " + what);
    }
    return lines;
  }

  private static List<String> names(String label) {
    return label.equals("none") ? List.of() : List.of(label.split(", "));
  }

  /** {@return the decisions the landscape left open (those the synth prints), in order} */
  public List<Decision> decided() {
    return decisions.stream().filter(d -> !d.written()).toList();
  }

  /**
   * The design the constructs build, as the cost model sees it: its bill is the bill the cost report
   * reads back from the synthesized output.
   *
   * @return the predicted design
   */
  public Design predicted() {
    return PredictedDesign.of(landscape.spec(), podZones, new PredictedDesign.Choice(nat, interfaceEndpoints,
        interconnectMode()));
  }

  /** {@return the predicted monthly bill of the generated design at this traffic, in USD} */
  public double predictedMonthlyUsd() {
    return CostReport.bill(predicted(), traffic, prices).total();
  }

  /**
   * Where the generated design's choices came from, for the cost report: the decisions, the advice
   * topics the landscape set (with their fields) and those the design step decided.
   *
   * @return the choices
   */
  public Choices choices() {
    LandscapeSpec spec = landscape.spec();
    Map<String, String> written = new LinkedHashMap<>();
    Set<String> decided = new LinkedHashSet<>();
    put(spec.network().nat().isPresent(), "NAT gateways", "network.nat", written, decided);
    put(spec.interconnect().flatMap(InterconnectSpec::mode).isPresent(), "peering versus Transit Gateway",
        "interconnect.mode", written, decided);
    Set<String> endpointNames = new LinkedHashSet<>(VpcEndpoints.INTERFACE);
    for (String e : endpointNames) {
      put(spec.network().interfaceEndpoints().isPresent(), "interface endpoint " + e, "network.interfaceEndpoints",
          written, decided);
    }
    spec.cluster().ifPresent(c -> written.put("cluster " + spec.name(), "cluster.version"));
    for (int i = 0; i < spec.services().size(); i++) {
      ServiceSpec s = spec.services().get(i);
      written.put("service " + s.name(), "services[" + i + "]");
    }
    List<ReportedDecision> reported = decisions.stream().map(d -> new ReportedDecision(d.field(), d.chosen(),
        d.options(), d.reason(), d.written())).toList();
    return new Choices(reported, written, decided);
  }

  private static void put(boolean written, String topic, String field, Map<String, String> fields, Set<String> decided) {
    if (written) {
      fields.put(topic, field);
    } else {
      decided.add(topic);
    }
  }

  /**
   * The landscape as the cost report reads it: names, CIDRs, peers, and the services as declared
   * (for what the synthesized output does not hold).
   *
   * @return the description
   */
  public DeclaredLandscape declared() {
    LandscapeSpec spec = landscape.spec();
    List<Peer> peers = spec.interconnect().map(ic -> ic.vpcs().stream()
        .map(p -> new Peer(p.name(), p.cidr(), p.vpcId())).toList()).orElse(List.of());
    List<DeclaredService> services = spec.services().stream().map(s -> declared(s, podZones.size())).toList();
    return new DeclaredLandscape(spec.name(), spec.region(), spec.availabilityZones().size(),
        Optional.of(spec.network().cidr().toString()), peers, spec.replicaRegions(), spec.cluster().isPresent(),
        services);
  }

  private static DeclaredService declared(ServiceSpec s, int zones) {
    Optional<LoadBalancing.Kind> kind = s.exposure().map(e -> e.type().equals(LoadBalancerType.alb())
        ? LoadBalancing.Kind.ALB : LoadBalancing.Kind.NLB);
    boolean internetFacing = s.exposure().map(e -> e.scheme().equals(LoadBalancerScheme.internetFacing()))
        .orElse(false);
    return new DeclaredService(s.name(), s.namespace(), s.replicas(), zones, Routing.ofLandscapeName(s.routing().name()),
        kind, internetFacing);
  }

  static String usd(double v) {
    return "$" + String.format(Locale.ROOT, "%,.2f", v);
  }

  /** The cost model's flow of a checked flow. */
  static Flow flow(FlowSpec f) {
    return new Flow(f.index(), f.from().name(), end(f.from().kind()), f.to().name(), end(f.to().kind()), f.gb());
  }

  private static Flow.End end(TrafficEnd.Kind kind) {
    return switch (kind) {
      case SERVICE -> Flow.End.SERVICE;
      case INTERNET -> Flow.End.INTERNET;
      case AWS_SERVICE -> Flow.End.AWS;
      case PEER -> Flow.End.PEER;
      case REGION -> Flow.End.REGION;
    };
  }

  /** The decisions of one landscape, made in order: pods' zones, traffic, NAT, interconnect, endpoints. */
  private static final class Designer {

    private final ValidatedLandscape landscape;
    private final LandscapeSpec spec;
    private final PriceBook prices;
    private final List<String> podZones;
    private final TrafficProfile traffic;
    private final List<Decision> decisions = new ArrayList<>();
    private final List<java.util.function.Function<PredictedDesign.Choice, Decision>> pending = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<Suppression> suppressions = new ArrayList<>();

    Designer(ValidatedLandscape landscape, PriceBook prices) {
      this.landscape = landscape;
      this.spec = landscape.spec();
      this.prices = prices;
      Set<String> zones = new LinkedHashSet<>();
      spec.nodePools().forEach(p -> zones.addAll(p.zones()));
      this.podZones = zones.isEmpty() ? spec.availabilityZones() : List.copyOf(zones);
      this.traffic = spec.traffic()
          .map(flows -> new TrafficProfile(flows.stream().map(LandscapeDesign::flow).toList(), false))
          .orElseGet(() -> new TrafficProfile(DefaultTraffic.of(spec), true));
    }

    LandscapeDesign design() {
      paths();
      PredictedDesign.Choice choice = new PredictedDesign.Choice(nat(), spec.network().interfaceEndpoints()
          .orElse(VpcEndpoints.DEFAULT_INTERFACE), Optional.empty());
      Optional<InterconnectDecision> interconnect = spec.interconnect().map(ic -> interconnect(ic, choice));
      PredictedDesign.Choice withInterconnect = interconnect.map(d -> choice.withInterconnect(d.chosen()))
          .orElse(choice);
      List<String> endpoints = interfaceEndpoints(withInterconnect);
      PredictedDesign.Choice chosen = withInterconnect.withEndpoints(endpoints);
      // every option is priced as the whole design with the other decisions as made
      pending.forEach(p -> decisions.add(p.apply(chosen)));
      if (!podZones.containsAll(spec.availabilityZones())) {
        decisions.add(new Decision("nodePools[].zones", String.join(", ", podZones), Map.of(), "pods run where"
            + " their node pools are: every Deployment is pinned to " + podZones + " and priced on those zones",
            true));
      }
      written(chosen);
      return new LandscapeDesign(landscape, prices, chosen.nat(), endpoints, interconnect, podZones, traffic,
          decisions, warnings, suppressions);
    }

    private double total(PredictedDesign.Choice c) {
      return CostReport.bill(PredictedDesign.of(spec, podZones, c), traffic, prices).total();
    }

    // ------------------------------------------------------------ what cannot be honoured

    /** Flows the landscape's choices give no path: refused, naming the flow and the field. */
    private void paths() {
      if (spec.traffic().isEmpty()) {
        return;
      }
      boolean noNat = spec.network().nat().filter(NatStrategy.none()::equals).isPresent();
      for (FlowSpec f : spec.traffic().get()) {
        boolean in = f.from().kind() == TrafficEnd.Kind.INTERNET && f.to().kind() == TrafficEnd.Kind.SERVICE;
        boolean out = f.to().kind() == TrafficEnd.Kind.INTERNET && f.from().kind() == TrafficEnd.Kind.SERVICE;
        if (!in && !out) {
          continue;
        }
        String name = in ? f.to().name() : f.from().name();
        int index = serviceIndex(name);
        ServiceSpec s = spec.services().get(index);
        boolean internetFacing = s.exposure().filter(e -> e.scheme().equals(LoadBalancerScheme.internetFacing()))
            .isPresent();
        if (in && s.exposure().isPresent() && !internetFacing) {
          throw new LandscapeException("traffic[" + f.index() + "].to", name, "is exposed through an internal load"
              + " balancer (services[" + index + "].scheme: internal), which nothing on the internet reaches; set"
              + " services[" + index + "].scheme: internet-facing, or remove the flow");
        }
        if (noNat && !internetFacing) {
          throw new LandscapeException("traffic[" + f.index() + "]", f.from() + " → " + f.to(), "has no path:"
              + " network.nat is none and " + name + " has no internet-facing load balancer; set network.nat: perAz,"
              + " or expose " + name + " (services[" + index + "].expose with scheme: internet-facing)");
        }
      }
    }

    private int serviceIndex(String name) {
      for (int i = 0; i < spec.services().size(); i++) {
        ServiceSpec s = spec.services().get(i);
        if (s.name().equals(name) || s.qualifiedName().equals(name)) {
          return i;
        }
      }
      throw new IllegalStateException("traffic names service " + name + ", which the checks let through");
    }

    // ------------------------------------------------------------ NAT

    private NatStrategy nat() {
      if (spec.network().nat().isPresent()) {
        return spec.network().nat().get();
      }
      pending.add(c -> {
        Map<String, Double> options = new LinkedHashMap<>();
        options.put("perAz", total(c.withNat(NatStrategy.perAz())));
        options.put("regional", total(c.withNat(NatStrategy.regional())));
        if (spec.availabilityZones().size() > 1) {
          options.put("single (not zone-redundant)", total(c.withNat(NatStrategy.single())));
        }
        return new Decision("network.nat", "perAz", options, "zone-redundant egress (an AZ failure takes only its"
            + " own egress) and no byte crosses an AZ to reach a NAT; the design step never gives up availability on"
            + " its own (set network.nat to trade it)", false);
      });
      return NatStrategy.perAz();
    }

    // ------------------------------------------------------------ interconnect

    private InterconnectDecision interconnect(InterconnectSpec ic, PredictedDesign.Choice base) {
      List<String> between = new ArrayList<>();
      for (Flow f : traffic.flows()) {
        if (f.isBetweenPeers() && !f.from().equals(f.to())) {
          between.add("traffic[" + f.index() + "] (" + f.label() + ")");
        }
      }
      if (ic.mode().isPresent()) {
        Interconnect mode = ic.mode().get();
        pending.add(c -> new Decision("interconnect.mode", mode.name(), interconnectOptions(c), "set in the landscape",
            true));
        return InterconnectDecision.decide(ic.mode(), ic.vpcs().size(), prices);
      }
      double peering = total(base.withInterconnect(Interconnect.peering()));
      double tgw = total(base.withInterconnect(Interconnect.transitGateway()));
      Interconnect chosen = !between.isEmpty() || tgw < peering - 1e-9 ? Interconnect.transitGateway()
          : Interconnect.peering();
      if (chosen.isTransitGateway()) {
        InterconnectRules.attachmentSubnets(ic, chosen, true);
      } else {
        warnings.addAll(InterconnectRules.unusedAttachmentSubnets(ic));
      }
      pending.add(c -> {
        Map<String, Double> options = interconnectOptions(c);
        if (!between.isEmpty()) {
          Map<String, Double> marked = new LinkedHashMap<>();
          options.forEach((k, v) -> marked.put(k.equals("peering") ? "peering (cannot carry the flows between peers)"
              : k, v));
          return new Decision("interconnect.mode", chosen.name(), marked, String.join(", ", between)
              + " between two peers need routing peering cannot give (it is not transitive)", false);
        }
        double difference = Math.abs(options.get("transitGateway") - options.get("peering"));
        String reason = chosen.isTransitGateway()
                ? "no flow runs between two peers, and a Transit Gateway costs " + usd(difference) + " a month less"
                    + " at this traffic"
                : "no flow runs between two peers, so a star of peering connections routes every flow, for "
                    + usd(difference) + " a month less than a Transit Gateway";
        return new Decision("interconnect.mode", chosen.name(), options, reason, false);
      });
      return InterconnectDecision.of(Optional.empty(), chosen, ic.vpcs().size(), prices);
    }

    private Map<String, Double> interconnectOptions(PredictedDesign.Choice c) {
      Map<String, Double> options = new LinkedHashMap<>();
      options.put("peering", total(c.withInterconnect(Interconnect.peering())));
      options.put("transitGateway", total(c.withInterconnect(Interconnect.transitGateway())));
      return options;
    }

    // ------------------------------------------------------------ interface endpoints

    private List<String> interfaceEndpoints(PredictedDesign.Choice base) {
      if (spec.network().interfaceEndpoints().isPresent()) {
        List<String> list = spec.network().interfaceEndpoints().get();
        String label = list.isEmpty() ? "none" : String.join(", ", list);
        pending.add(c -> new Decision("network.interfaceEndpoints", label, Map.of(label, total(c)),
            "set in the landscape (built and priced as written)", true));
        return list;
      }
      boolean natPath = base.nat().billedGateways(spec.availabilityZones().size()) > 0;
      Set<String> needed = new LinkedHashSet<>();
      Map<String, String> why = new LinkedHashMap<>();
      if (!natPath) {
        if (spec.cluster().isPresent()) {
          CLUSTER_ENDPOINTS.forEach(e -> {
            needed.add(e);
            why.put(e, "the cluster's nodes and controllers need it without a NAT gateway");
          });
        }
        for (Flow f : traffic.flows()) {
          if (f.otherKind() == Flow.End.AWS && !f.isReplication()) {
            List<String> path = new ArrayList<>(endpointsOf(f.other()));
            if (TrafficEnd.ECR.equals(f.other())) {
              path.addAll(List.of("ecr.api", "ecr.dkr"));
            }
            for (String e : path) {
              needed.add(e);
              why.putIfAbsent(e, "traffic[" + f.index() + "] reaches it and there is no NAT gateway");
            }
          }
        }
      }
      List<String> chosen = new ArrayList<>(needed);
      List<String> candidates = new ArrayList<>();
      for (Flow f : traffic.flows()) {
        if (f.otherKind() == Flow.End.AWS && !f.isReplication()) {
          endpointsOf(f.other()).stream().filter(e -> !candidates.contains(e) && !needed.contains(e))
              .forEach(candidates::add);
        }
      }
      List<String> kept = new ArrayList<>();
      List<String> left = new ArrayList<>();
      for (String e : candidates) {
        List<String> with = new ArrayList<>(chosen);
        with.add(e);
        double without = total(base.withEndpoints(chosen));
        double withIt = total(base.withEndpoints(with));
        if (withIt < without - 1e-9) {
          chosen = with;
          kept.add(e + " (saves " + usd(without - withIt) + ")");
        } else {
          left.add(e + " (would cost " + usd(withIt - without) + " more)");
        }
      }
      List<String> ordered = VpcEndpoints.INTERFACE.stream().filter(chosen::contains).toList();
      String label = ordered.isEmpty() ? "none" : String.join(", ", ordered);
      List<String> reasons = new ArrayList<>();
      why.forEach((e, w) -> reasons.add(e + ": " + w));
      if (!kept.isEmpty()) {
        reasons.add("kept where they save more NAT processing than their hours cost: " + String.join(", ", kept));
      }
      if (!left.isEmpty()) {
        reasons.add("left to the NAT gateway: " + String.join(", ", left));
      }
      if (reasons.isEmpty()) {
        reasons.add("no traffic reaches an AWS service an interface endpoint serves, and the NAT gateway reaches"
            + " the AWS APIs");
      }
      pending.add(c -> {
        Map<String, Double> options = new LinkedHashMap<>();
        options.put(label, total(c));
        if (!VpcEndpoints.DEFAULT_INTERFACE.equals(ordered)) {
          options.put("the default set (" + String.join(", ", VpcEndpoints.DEFAULT_INTERFACE) + ")",
              total(c.withEndpoints(VpcEndpoints.DEFAULT_INTERFACE)));
        }
        if (!ordered.isEmpty() && natPath) {
          options.put("none", total(c.withEndpoints(List.of())));
        }
        return new Decision("network.interfaceEndpoints", label, options, String.join("; ", reasons), false);
      });
      return ordered;
    }

    /**
     * The interface endpoints that change what a flow to an AWS service costs: none for a service on a
     * gateway endpoint; for image pulls ({@code ecr}) the S3 endpoint that carries the layers when no S3
     * gateway endpoint does (the ECR API calls themselves are negligible bytes).
     */
    private List<String> endpointsOf(String aws) {
      String service = TrafficEnd.ECR.equals(aws) ? "s3" : aws;
      if (spec.network().gatewayEndpoints().contains(service) || !VpcEndpoints.INTERFACE.contains(service)) {
        return List.of();
      }
      return List.of(service);
    }

    // ------------------------------------------------------------ choices written in the landscape

    /** A written choice the cost lint flags: built as written, warned once with its cost, suppressed. */
    private void written(PredictedDesign.Choice chosen) {
      double total = total(chosen);
      int n = spec.availabilityZones().size();
      if (spec.network().nat().filter(NatStrategy.single()::equals).isPresent() && n > 1) {
        double perAz = total(chosen.withNat(NatStrategy.perAz()));
        warnings.add("network.nat: single, chosen in the landscape: " + delta(total, perAz, "perAz") + " at this"
            + " traffic; the other AZs' egress crosses an AZ to the gateway in " + spec.availabilityZones().get(0)
            + ", and egress of the whole VPC stops when that AZ fails");
        suppressions.add(new Suppression("ZW-NAT1", "network.nat: single, chosen in the landscape", Target.NETWORK,
            List.of()));
      }
      for (String[] gateway : new String[][] {{"s3", "ZW-VPCE1"}, {"dynamodb", "ZW-VPCE2"}}) {
        if (!spec.network().gatewayEndpoints().contains(gateway[0]) && chosen.nat().billedGateways(n) > 0) {
          warnings.add("network.gatewayEndpoints: " + spec.network().gatewayEndpoints() + " without " + gateway[0]
              + ", chosen in the landscape: " + gateway[0] + " traffic goes through the NAT gateway at "
              + usd(prices.usd(PriceBook.NAT_GATEWAY_PER_GB)) + "/GB instead of free");
          suppressions.add(new Suppression(gateway[1], "network.gatewayEndpoints without " + gateway[0]
              + ", chosen in the landscape", Target.NETWORK, List.of()));
        }
      }
      if (spec.interconnect().flatMap(InterconnectSpec::mode).filter(Interconnect::isTransitGateway).isPresent()
          && spec.interconnect().get().vpcs().size() == 1) {
        double peering = total(chosen.withInterconnect(Interconnect.peering()));
        warnings.add("interconnect.mode: transitGateway, chosen in the landscape, joins only two VPCs: "
            + delta(total, peering, "peering") + " at this traffic");
        suppressions.add(new Suppression("ZW-TGW1", "interconnect.mode: transitGateway, chosen in the landscape",
            Target.INTERCONNECT, List.of()));
      }
      spec.cluster().filter(c -> KubernetesVersions.billedAsExtended(c.version(), KubernetesVersions.today()))
          .ifPresent(c -> suppressions.add(new Suppression("ZW-EKS2", "cluster.version: " + c.version()
              + ", chosen in the landscape (in EKS extended support)", Target.CLUSTER, List.of())));
      List<String> clusterRouted = new ArrayList<>();
      for (int i = 0; i < spec.services().size(); i++) {
        ServiceSpec s = spec.services().get(i);
        if (s.routing().equals(ZonalRouting.cluster())) {
          List<ServiceSpec> services = new ArrayList<>(spec.services());
          services.set(i, new ServiceSpec(s.name(), s.namespace(), s.image(), s.port(), s.replicas(),
              ZonalRouting.topologyAware(), s.colocateWith(), s.exposure(), s.locality()));
          LandscapeSpec zonal = new LandscapeSpec(spec.name(), spec.region(), spec.account(), spec.availabilityZones(),
              spec.singleAz(), spec.network(), spec.interconnect(), spec.registry(), spec.cluster(), services,
              spec.nodePools(), spec.traffic(), spec.prices());
          double topologyAware = CostReport.bill(PredictedDesign.of(zonal, podZones, chosen), traffic, prices).total();
          warnings.add("services[" + i + "].routing: cluster, chosen in the landscape: " + delta(total, topologyAware,
              "topologyAware") + " at this traffic (requests to " + s.name() + " cross AZs)");
          clusterRouted.add("Service/" + s.namespace() + "/" + s.name());
        }
      }
      if (!clusterRouted.isEmpty()) {
        suppressions.add(new Suppression("ZW-SVC1", "services[].routing: cluster, chosen in the landscape",
            Target.MANIFESTS, clusterRouted));
      }
      if (podZones.size() == 1) {
        List<String> pinned = spec.services().stream().filter(s -> s.replicas() > 1)
            .map(s -> "Deployment/" + s.namespace() + "/" + s.name()).toList();
        if (!pinned.isEmpty()) {
          String field = spec.singleAz() ? "singleAz: true" : "nodePools[].zones: " + podZones;
          suppressions.add(new Suppression("ZW-DEP1", field + ", chosen in the landscape", Target.MANIFESTS, pinned));
        }
      }
    }

    private static String delta(double chosen, double alternative, String name) {
      double d = chosen - alternative;
      if (Math.abs(d) < 0.005) {
        return "costs the same as " + name;
      }
      return d > 0 ? "costs " + usd(d) + " a month more than " + name
          : "saves " + usd(-d) + " a month against " + name;
    }
  }
}
