package io.github.zonewise.design;

import io.github.zonewise.cost.Design;
import io.github.zonewise.cost.Design.Cluster;
import io.github.zonewise.cost.Design.InterfaceEndpoint;
import io.github.zonewise.cost.Design.Link;
import io.github.zonewise.cost.Design.LinkKind;
import io.github.zonewise.cost.Design.LoadBalancer;
import io.github.zonewise.cost.Design.Nat;
import io.github.zonewise.cost.Design.OtherVpc;
import io.github.zonewise.cost.Design.Service;
import io.github.zonewise.cost.Routing;
import io.github.zonewise.facts.KubernetesVersions;
import io.github.zonewise.cluster.ControlPlaneLogs;
import io.github.zonewise.interconnect.Interconnect;
import io.github.zonewise.interconnect.PeerVpc;
import io.github.zonewise.k8s.LoadBalancerScheme;
import io.github.zonewise.k8s.LoadBalancerType;
import io.github.zonewise.network.NatStrategy;
import io.github.zonewise.spec.LandscapeSpec;
import io.github.zonewise.spec.ServiceSpec;
import io.github.zonewise.synth.LoadBalancing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The design a landscape's constructs will build, as the cost model sees it, worked out in plain
 * Java from the spec and a set of choices, before anything is built: what the design step prices
 * its options with. It mirrors what the cost reader finds in the synthesized output (a test holds
 * the two bills equal), so a decision priced here is the bill the report reads back.
 */
final class PredictedDesign {

  /**
   * The choices a design is predicted for.
   *
   * @param nat                the NAT strategy
   * @param interfaceEndpoints the interface endpoints
   * @param interconnect       the interconnect mode, when the landscape has peers
   */
  record Choice(NatStrategy nat, List<String> interfaceEndpoints, Optional<Interconnect> interconnect) {

    Choice {
      interfaceEndpoints = List.copyOf(interfaceEndpoints);
    }

    Choice withNat(NatStrategy n) {
      return new Choice(n, interfaceEndpoints, interconnect);
    }

    Choice withEndpoints(List<String> e) {
      return new Choice(nat, e, interconnect);
    }

    Choice withInterconnect(Interconnect i) {
      return new Choice(nat, interfaceEndpoints, Optional.of(i));
    }
  }

  private PredictedDesign() {
  }

  /**
   * The design of a landscape under some choices.
   *
   * @param spec     the checked landscape
   * @param podZones the AZs its pods run in
   * @param choice   the choices
   * @return the design, named {@code generated}
   */
  static Design of(LandscapeSpec spec, List<String> podZones, Choice choice) {
    int n = spec.availabilityZones().size();
    Map<String, Double> gateways = new LinkedHashMap<>();
    spec.network().gatewayEndpoints().forEach(g -> gateways.put(g, 1.0));
    Map<String, InterfaceEndpoint> endpoints = new LinkedHashMap<>();
    choice.interfaceEndpoints().forEach(e -> endpoints.put(e, new InterfaceEndpoint(e, n, true)));
    boolean pinned = !podZones.containsAll(spec.availabilityZones());
    int own = pinned ? podZones.size() : n;
    Map<String, Service> services = new LinkedHashMap<>();
    List<LoadBalancer> lbs = new ArrayList<>();
    for (ServiceSpec s : spec.services()) {
      services.put(s.name(), service(s, own));
      s.exposure().ifPresent(e -> lbs.add(loadBalancer(s, e, n)));
    }
    Map<String, Link> peers = new LinkedHashMap<>();
    int attachments = 0;
    int peerings = 0;
    List<OtherVpc> others = new ArrayList<>();
    if (spec.interconnect().isPresent() && choice.interconnect().isPresent()) {
      boolean tgw = choice.interconnect().get().isTransitGateway();
      for (PeerVpc p : spec.interconnect().get().vpcs()) {
        peers.put(p.name(), tgw ? new Link(LinkKind.TRANSIT_GATEWAY, 0) : new Link(LinkKind.PEERING, (n - 1) / (double) n));
        if (!p.isExisting()) {
          others.add(new OtherVpc(p.name(), 0, 0, 0));
        }
      }
      attachments = tgw ? spec.interconnect().get().vpcs().size() + 1 : 0;
      peerings = tgw ? 0 : spec.interconnect().get().vpcs().size();
    }
    List<Cluster> clusters = spec.cluster().map(c -> List.of(new Cluster(spec.name(), c.version(),
        KubernetesVersions.billedAsExtended(c.version(), KubernetesVersions.today()), ControlPlaneLogs.TYPES)))
        .orElse(List.of());
    // network.flowLogs: the archive receives Parquet; a log group text; AWS's aggregation interval either way
    Design.FlowLog flowLog = spec.network().flowLogDestination().isS3()
        ? new Design.FlowLog(Design.FlowLog.S3, true, Design.FlowLog.DEFAULT_AGGREGATION_SECONDS)
        : new Design.FlowLog(Design.FlowLog.CLOUD_WATCH_LOGS, false, Design.FlowLog.DEFAULT_AGGREGATION_SECONDS);
    return new Design("generated", n, nat(choice.nat(), n), gateways, endpoints, services, lbs, peers, attachments,
        peerings, Map.of(), spec.replicaRegions(), new java.util.LinkedHashSet<>(spec.replicaRegions()), clusters,
        others, List.of("predicted from the landscape and the design step's choices"), Optional.of(flowLog));
  }

  /** The NAT gateways a strategy builds in a VPC of n AZs, as the reader counts them. */
  static Nat nat(NatStrategy nat, int n) {
    if (nat.billedGateways(n) == 0) {
      return Nat.none();
    }
    if (nat.equals(NatStrategy.single()) && n > 1) {
      return new Nat("single", 1, 1, (n - 1) / (double) n, true);
    }
    return new Nat(nat.equals(NatStrategy.regional()) ? "regional" : "perAz", nat.billedGateways(n),
        nat.billedGateways(n), 0, true);
  }

  private static Service service(ServiceSpec s, int zones) {
    Routing routing = Routing.ofLandscapeName(s.routing().name());
    int endpointZones = Math.max(1, Math.min(s.replicas(), zones));
    double serviceShare = routing.crossAzShare(zones, s.replicas(), endpointZones);
    Double locality = s.locality().filter(l -> l.distribute() != null && !l.distribute().isEmpty())
        .map(l -> locality(l.distribute(), zones, serviceShare)).orElse(null);
    return Service.of(s.name(), s.namespace(), s.replicas(), endpointZones, routing, locality, zones,
        "landscape services: " + s.qualifiedName());
  }

  /** The share of requests an Istio distribute rule sends to other zones, averaged over the zones. */
  private static double locality(Map<String, Map<String, Integer>> distribute, int zones, double serviceShare) {
    double sum = 0;
    int counted = 0;
    for (Map.Entry<String, Map<String, Integer>> rule : distribute.entrySet()) {
      if (counted >= zones) {
        break;
      }
      double total = rule.getValue().values().stream().mapToInt(Integer::intValue).sum();
      double same = rule.getValue().getOrDefault(rule.getKey(), 0);
      if (total > 0) {
        sum += 1 - same / total;
        counted++;
      }
    }
    return (sum + (zones - counted) * serviceShare) / zones;
  }

  private static LoadBalancer loadBalancer(ServiceSpec s, ServiceSpec.Exposure e, int zones) {
    boolean alb = e.type().equals(LoadBalancerType.alb());
    boolean internetFacing = e.scheme().equals(LoadBalancerScheme.internetFacing());
    return alb
        ? new LoadBalancer(s.namespace() + "/" + s.name(), LoadBalancing.Kind.ALB, true, internetFacing, zones, true,
            false, List.of(s.name()), "landscape")
        : new LoadBalancer(s.namespace() + "/" + s.name() + "-nlb", LoadBalancing.Kind.NLB, true, internetFacing,
            zones, false, false, List.of(s.name()), "landscape");
  }
}
