package io.github.zonewise.cost;

import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.cost.Design.Cluster;
import io.github.zonewise.cost.Design.InterfaceEndpoint;
import io.github.zonewise.cost.Design.LoadBalancer;
import io.github.zonewise.synth.LoadBalancing;
import io.github.zonewise.cost.Design.Link;
import io.github.zonewise.cost.Design.LinkKind;
import io.github.zonewise.cost.Design.Nat;
import io.github.zonewise.cost.Design.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two designs the generated one is compared with, built from it: the same landscape
 * (zones, services and their replicas, load balancer kinds and schemes, peers, regions, clusters)
 * with every cost choice made the naive way, or the cheapest way.
 */
final class Designs {

  /** The naive design's assumptions, as the report states them. */
  static final List<String> NAIVE_ASSUMPTIONS = List.of(
      "one NAT gateway for the whole VPC (in the first AZ): other AZs' egress crosses an AZ to reach it",
      "no VPC endpoints: S3, DynamoDB, ECR and every other AWS service through the NAT gateway",
      "Services without zonal routing: (N − 1)/N of pod-to-pod bytes cross an AZ",
      "load balancers in instance target mode: LB → NodePort → kube-proxy → pod, (N − 1)/N of it across AZs",
      "no registry replication: other regions pull images across regions, through their NAT gateway",
      "one peer VPC over peering (no AZ alignment: (N − 1)/N across AZs); two or more over a Transit Gateway"
          + " attaching every VPC",
      "flows to other regions through the NAT gateway; the same clusters and Kubernetes versions as generated",
      "the same flow logs and control-plane logs as generated");

  /** The floor's assumptions, as the report states them. */
  static final List<String> FLOOR_ASSUMPTIONS = List.of(
      "the same availability as the generated design: the same AZs for every service (at least 2 unless the"
          + " landscape opts into singleAz) and load balancers with nodes in each; zone-redundant egress where the"
          + " generated design has it (a NAT gateway per AZ), else the cheaper of one or one per AZ",
      "no avoidable cross-AZ byte: callers reach an endpoint in their own zone; load balancers send to targets"
          + " in their own zone; peers over a star of peering connections with the generated design's cross-AZ share"
          + " (where the peers' bytes come from is the peers' layout), over a Transit Gateway only where flows"
          + " between two peers need its routing",
      "S3 and DynamoDB (and image layers) through gateway endpoints (free); any other AWS service through an"
          + " interface endpoint in every AZ with workloads where that is cheaper than the NAT gateway at this traffic",
      "no NAT gateway when no flow needs one and the generated design has none (a NAT also carries what the"
          + " traffic lists not: image pulls from registries on the internet, node bootstrap)",
      "IP-mode load balancers; inter-region VPC peering for flows to other regions",
      "replication to a region or cross-region pulls, whichever costs less; every cluster in EKS standard support",
      "internet egress, load balancer hours and capacity units, other VPCs' fixed charges, flow logs and"
          + " control-plane logs as generated");

  private Designs() {
  }

  /**
   * The naive design of the same landscape (see {@link #NAIVE_ASSUMPTIONS}).
   *
   * @param g the generated design
   * @return the naive design
   */
  static Design naive(Design g) {
    int n = g.zones();
    double clusterWide = (n - 1) / (double) n;
    Map<String, Service> services = new LinkedHashMap<>();
    g.services().forEach((name, s) -> services.put(name, Service.of(name, s.namespace(), s.replicas(),
        s.endpointZones(), Routing.CLUSTER, null, n, "naive")));
    List<LoadBalancer> lbs = g.loadBalancers().stream().map(lb -> new LoadBalancer(lb.name(), lb.kind(), false,
        lb.internetFacing(), lb.zones(), lb.kind() == LoadBalancing.Kind.ALB, false, lb.services(), "naive")).toList();
    Map<String, Link> peers = new LinkedHashMap<>();
    int attachments = 0;
    int peerings = 0;
    if (g.peers().size() == 1) {
      g.peers().keySet().forEach(p -> peers.put(p, new Link(LinkKind.PEERING, clusterWide)));
      peerings = 1;
    } else if (g.peers().size() > 1) {
      g.peers().keySet().forEach(p -> peers.put(p, new Link(LinkKind.TRANSIT_GATEWAY, 0)));
      attachments = g.peers().size() + 1;
    }
    return new Design("naive", n, new Nat("single", 1, 1, clusterWide, true), Map.of(), Map.of(), services, lbs,
        peers, attachments, peerings, Map.of(), remote(g), Set.of(), g.clusters(), g.otherVpcs(),
        NAIVE_ASSUMPTIONS, g.flowLog());
  }

  /**
   * The floor of the same landscape and traffic (see {@link #FLOOR_ASSUMPTIONS}): of the NAT
   * choices (none when no flow needs one and the generated design has none, one, one per AZ), the cheapest, each with the interface
   * endpoints that pay for themselves at this traffic.
   *
   * @param g       the generated design
   * @param traffic the traffic the generated design can carry
   * @param model   the cost model (its price book decides the cheaper choices)
   * @return the floor design
   */
  static Design floor(Design g, TrafficProfile traffic, CostModel model, PriceBook prices) {
    return floor(g, traffic, model, prices, g.zones(), zoneRedundant(g));
  }

  /** Whether a design's egress survives an AZ failure: every AZ's private subnets use a NAT in their own AZ. */
  static boolean zoneRedundant(Design g) {
    return !g.nat().usable() || (g.nat().crossAzShare() == 0 && g.nat().gateways() >= g.zones());
  }

  /**
   * The floor over some zones, with or without zone-redundant egress.
   *
   * @param g             the generated design
   * @param traffic       the traffic the generated design can carry
   * @param model         the cost model
   * @param prices        the prices
   * @param nf            the zones every service runs in
   * @param zoneRedundant whether egress must survive an AZ failure (a NAT per AZ when one is needed)
   * @return the floor design
   */
  static Design floor(Design g, TrafficProfile traffic, CostModel model, PriceBook prices, int nf,
      boolean zoneRedundant) {
    Map<String, Service> services = new LinkedHashMap<>();
    g.services().forEach((name, s) -> services.put(name, new Service(name, s.namespace(), s.replicas(),
        Math.min(s.endpointZones(), nf), s.routing(), null, 0, "floor")));
    List<LoadBalancer> lbs = g.loadBalancers().stream().map(lb -> new LoadBalancer(lb.name(), lb.kind(), true,
        lb.internetFacing(), Math.min(nf, lb.zones()), false, true, lb.services(), "floor")).toList();
    Map<String, Link> peers = new LinkedHashMap<>();
    // the peers' own layout (which AZs their bytes come from) is theirs, not the generator's: the floor keeps the
    // generated link's cross-AZ share; a Transit Gateway only where flows between two peers need its routing
    boolean peersTalk = traffic.flows().stream().anyMatch(f -> f.isBetweenPeers() && !f.from().equals(f.to()));
    double peerShare = g.zones() <= 1 ? 0 : (g.zones() - 1) / (double) g.zones();
    g.peers().forEach((p, link) -> peers.put(p, peersTalk && link.kind() == LinkKind.TRANSIT_GATEWAY
        ? link : new Link(LinkKind.PEERING, link.kind() == LinkKind.PEERING ? link.crossAzShare() : peerShare)));

    Map<String, Link> regions = new LinkedHashMap<>();
    traffic.flows().stream().filter(f -> f.otherKind() == Flow.End.REGION && !f.isReplication())
        .forEach(f -> regions.put(f.other(), new Link(LinkKind.PEERING, 0)));
    List<String> remote = remote(g);
    Set<String> replicated = new LinkedHashSet<>();
    for (String region : remote) {
      double replicate = model.replication(region, traffic).stream().mapToDouble(LineItem::usd).sum();
      double pull = model.crossRegionPulls(region, traffic).stream().mapToDouble(LineItem::usd).sum();
      if (replicate <= pull) {
        replicated.add(region);
      }
    }
    List<Cluster> clusters = g.clusters().stream().map(c -> c.extendedSupport()
        ? new Cluster(c.name(), "in standard support", false, c.logTypes()) : c).toList();
    Map<String, Double> gateways = new LinkedHashMap<>();
    gateways.put("s3", 1.0);
    gateways.put("dynamodb", 1.0);

    boolean natNeeded = traffic.flows().stream().anyMatch(f -> f.otherKind() == Flow.End.INTERNET
        && g.loadBalancerOf(f.service().orElseThrow()).filter(LoadBalancer::internetFacing).isEmpty());
    List<Nat> options = new ArrayList<>();
    // without a NAT only where the generated design has none either: the design step keeps egress for
    // what the traffic profile does not list (image pulls from registries on the internet, node bootstrap)
    if (!natNeeded && !g.nat().usable()) {
      options.add(Nat.none());
    }
    if (!zoneRedundant || nf == 1) {
      options.add(new Nat(nf == 1 ? "single" : "single (one of " + nf + " AZs)", 1, 1, (nf - 1) / (double) nf, true));
    }
    if (nf > 1) {
      options.add(new Nat("perAz (" + nf + " AZs)", nf, nf, 0, true));
    }
    Map<String, Double> awsGb = new LinkedHashMap<>();
    traffic.flows().stream().filter(f -> f.otherKind() == Flow.End.AWS && !f.isReplication())
        .forEach(f -> awsGb.merge(f.other(), f.gb(), Double::sum));
    boolean pulls = awsGb.containsKey(Flow.ECR);
    Design best = null;
    double bestTotal = Double.POSITIVE_INFINITY;
    for (Nat nat : options) {
      Map<String, InterfaceEndpoint> endpoints = new LinkedHashMap<>();
      if (!nat.usable() && pulls) {
        endpoints.put("ecr.api", new InterfaceEndpoint("ecr.api", nf, true));
        endpoints.put("ecr.dkr", new InterfaceEndpoint("ecr.dkr", nf, true));
      }
      // each AWS service's interface endpoint where it is needed (no NAT) or priced cheaper than without
      for (String service : awsGb.keySet()) {
        if (gateways.containsKey(service) || Flow.ECR.equals(service)) {
          continue;
        }
        Map<String, InterfaceEndpoint> with = new LinkedHashMap<>(endpoints);
        with.put(service, new InterfaceEndpoint(service, nf, true));
        if (!nat.usable() || model.price(floorDesign(g, nf, nat, gateways, with, services, lbs, peers, regions,
            remote, replicated, clusters), traffic).total() < model.price(floorDesign(g, nf, nat, gateways, endpoints,
            services, lbs, peers, regions, remote, replicated, clusters), traffic).total() - 1e-9) {
          endpoints = with;
        }
      }
      Design candidate = floorDesign(g, nf, nat, gateways, endpoints, services, lbs, peers, regions, remote,
          replicated, clusters);
      double total = model.price(candidate, traffic).total();
      if (total < bestTotal - 1e-9) {
        best = candidate;
        bestTotal = total;
      }
    }
    return best;
  }

  private static Design floorDesign(Design g, int nf, Nat nat, Map<String, Double> gateways,
      Map<String, InterfaceEndpoint> endpoints, Map<String, Service> services, List<LoadBalancer> lbs,
      Map<String, Link> peers, Map<String, Link> regions, List<String> remote, Set<String> replicated,
      List<Cluster> clusters) {
    int attachments = peers.values().stream().anyMatch(l -> l.kind() == LinkKind.TRANSIT_GATEWAY)
        ? g.transitGatewayAttachments() : 0;
    int peerings = (int) peers.values().stream().filter(l -> l.kind() == LinkKind.PEERING).count();
    return new Design("floor", nf, nat, gateways, endpoints, services, lbs, peers, attachments, peerings, regions,
        remote, replicated, clusters, g.otherVpcs(), FLOOR_ASSUMPTIONS, g.flowLog());
  }

  /**
   * What giving up availability would save below the floor, labelled as such: one NAT gateway instead
   * of one per AZ, and every service in two AZs instead of more. Never part of the floor.
   *
   * @param floor     the floor design
   * @param floorCost its bill
   * @param traffic   the traffic priced
   * @param model     the cost model
   * @return one line per trade that saves anything
   */
  static List<Advice> availabilityTrades(Design floor, DesignCost floorCost, TrafficProfile traffic,
      CostModel model) {
    List<Advice> trades = new ArrayList<>();
    int n = floor.zones();
    if (n > 1 && floor.nat().gateways() > 1) {
      Nat one = new Nat("single (one of " + n + " AZs)", 1, 1, (n - 1) / (double) n, true);
      double saving = floorCost.total() - model.price(withNat(floor, one), traffic).total();
      if (saving > 0) {
        trades.add(new Advice("availability: one NAT gateway", "one NAT gateway instead of one per AZ would save "
            + Advice.usd(saving) + " a month below the floor, and egress of the whole VPC stops when its AZ fails",
            saving));
      }
    }
    return List.copyOf(trades);
  }

  private static Design withNat(Design d, Nat nat) {
    return new Design(d.name(), d.zones(), nat, d.gatewayEndpoints(), d.interfaceEndpoints(), d.services(),
        d.loadBalancers(), d.peers(), d.transitGatewayAttachments(), d.peeringConnections(), d.regions(),
        d.remoteRegions(), d.replicatedRegions(), d.clusters(), d.otherVpcs(), d.facts(), d.flowLog());
  }

  /** The regions that run the workload: the landscape's, and any the generated registry replicates to. */
  private static List<String> remote(Design g) {
    List<String> regions = new ArrayList<>(g.remoteRegions());
    g.replicatedRegions().stream().filter(r -> !regions.contains(r)).forEach(regions::add);
    return regions;
  }
}
