package io.github.zonewise.design;

import io.github.zonewise.cost.DeclaredLandscape;
import io.github.zonewise.cost.DeclaredLandscape.DeclaredService;
import io.github.zonewise.cost.DeclaredLandscape.Peer;
import io.github.zonewise.cost.Flow;
import io.github.zonewise.cost.Routing;
import io.github.zonewise.cost.TrafficProfile;
import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.facts.VpcEndpoints;
import io.github.zonewise.interconnect.Interconnect;
import io.github.zonewise.k8s.LoadBalancerScheme;
import io.github.zonewise.k8s.LoadBalancerType;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The design of a checked landscape: every choice the landscape leaves open, decided in plain Java
 * before any construct is built, and the landscape as the cost report reads it. The constructs
 * build exactly these decisions.
 *
 * @param landscape          the checked landscape
 * @param nat                the NAT strategy: the landscape's, else one gateway per AZ (zone-redundant
 *                           egress; the design step never gives up availability on its own)
 * @param interfaceEndpoints the interface endpoints: the landscape's list, else the default set
 * @param interconnect       how the cluster VPC reaches its peers, when it has any
 * @param podZones           the AZs pods run in: those of the node pools
 * @param traffic            the traffic priced: the landscape's, else the default profile
 * @param warnings           what a decision deserves a look for, each naming its field
 */
public record LandscapeDesign(ValidatedLandscape landscape, NatStrategy nat, List<String> interfaceEndpoints,
    Optional<InterconnectDecision> interconnect, List<String> podZones, TrafficProfile traffic,
    List<String> warnings) {

  /** Copies the lists. */
  public LandscapeDesign {
    interfaceEndpoints = List.copyOf(interfaceEndpoints);
    podZones = List.copyOf(podZones);
    warnings = List.copyOf(warnings);
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
    LandscapeSpec spec = landscape.spec();
    List<String> warnings = new ArrayList<>();
    NatStrategy nat = spec.network().nat().orElse(NatStrategy.perAz());
    List<String> endpoints = spec.network().interfaceEndpoints().orElse(VpcEndpoints.DEFAULT_INTERFACE);
    Optional<InterconnectDecision> interconnect = spec.interconnect().map(ic -> interconnect(ic, prices, warnings));
    Set<String> zones = new LinkedHashSet<>();
    spec.nodePools().forEach(p -> zones.addAll(p.zones()));
    List<String> podZones = zones.isEmpty() ? spec.availabilityZones() : List.copyOf(zones);
    TrafficProfile traffic = spec.traffic()
        .map(flows -> new TrafficProfile(flows.stream().map(LandscapeDesign::flow).toList(), false))
        .orElseGet(() -> new TrafficProfile(DefaultTraffic.of(spec), true));
    return new LandscapeDesign(landscape, nat, endpoints, interconnect, podZones, traffic, warnings);
  }

  private static InterconnectDecision interconnect(InterconnectSpec ic, PriceBook prices, List<String> warnings) {
    InterconnectDecision decision = InterconnectDecision.decide(ic.mode(), ic.vpcs().size(), prices);
    if (decision.decided()) {
      if (decision.chosen().isTransitGateway()) {
        InterconnectRules.attachmentSubnets(ic, decision.chosen(), true);
      } else {
        warnings.addAll(InterconnectRules.unusedAttachmentSubnets(ic));
      }
    }
    return decision;
  }

  private static Flow flow(FlowSpec f) {
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

  /** Whether the cluster VPC gets transit subnets: when its peers are reached over a Transit Gateway. */
  public boolean transitSubnets() {
    return interconnect.map(d -> d.chosen().isTransitGateway()).orElse(false);
  }

  /** The interconnect mode the constructs build, when the landscape has peers. */
  public Optional<Interconnect> interconnectMode() {
    return interconnect.map(InterconnectDecision::chosen);
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
}
