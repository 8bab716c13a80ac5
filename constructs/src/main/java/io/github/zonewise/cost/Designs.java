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
      "flows to other regions through the NAT gateway; the same clusters and Kubernetes versions as generated");

  /** The floor's assumptions, as the report states them. */
  static final List<String> FLOOR_ASSUMPTIONS = List.of(
      "every service still runs in at least 2 AZs (the landscape's one AZ when it opts into singleAz);"
          + " load balancers have nodes in those 2 AZs",
      "no avoidable cross-AZ byte: callers reach an endpoint in their own zone; load balancers send to targets"
          + " in their own zone; peers are reached over peering within the AZ",
      "S3 and DynamoDB (and image layers) through gateway endpoints (free); any other AWS service through an"
          + " interface endpoint in 2 AZs where that is cheaper than the NAT gateway at this traffic",
      "NAT gateways: none if no flow needs one, else one or one per AZ, whichever costs less (one NAT gives up"
          + " zone-redundant egress, not the services' two AZs)",
      "IP-mode load balancers; peering instead of a Transit Gateway; inter-region VPC peering for flows to"
          + " other regions",
      "replication to a region or cross-region pulls, whichever costs less; every cluster in EKS standard support",
      "internet egress, load balancer hours and capacity units, and other VPCs' fixed charges as generated");

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
        NAIVE_ASSUMPTIONS);
  }

  /**
   * The floor of the same landscape and traffic (see {@link #FLOOR_ASSUMPTIONS}): of the NAT
   * choices (none when no flow needs one, one, one per AZ), the cheapest, each with the interface
   * endpoints that pay for themselves at this traffic.
   *
   * @param g       the generated design
   * @param traffic the traffic the generated design can carry
   * @param model   the cost model (its price book decides the cheaper choices)
   * @return the floor design
   */
  static Design floor(Design g, TrafficProfile traffic, CostModel model, PriceBook prices) {
    int nf = Math.min(2, g.zones());
    Map<String, Service> services = new LinkedHashMap<>();
    g.services().forEach((name, s) -> services.put(name, new Service(name, s.namespace(), s.replicas(),
        Math.min(s.endpointZones(), nf), s.routing(), null, 0, "floor")));
    List<LoadBalancer> lbs = g.loadBalancers().stream().map(lb -> new LoadBalancer(lb.name(), lb.kind(), true,
        lb.internetFacing(), Math.min(nf, lb.zones()), false, true, lb.services(), "floor")).toList();
    Map<String, Link> peers = new LinkedHashMap<>();
    g.peers().keySet().forEach(p -> peers.put(p, new Link(LinkKind.PEERING, 0)));
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
        ? new Cluster(c.name(), "in standard support", false) : c).toList();
    Map<String, Double> gateways = new LinkedHashMap<>();
    gateways.put("s3", 1.0);
    gateways.put("dynamodb", 1.0);

    boolean natNeeded = traffic.flows().stream().anyMatch(f -> f.otherKind() == Flow.End.INTERNET
        && g.loadBalancerOf(f.service().orElseThrow()).isEmpty());
    List<Nat> options = new ArrayList<>();
    if (!natNeeded) {
      options.add(Nat.none());
    }
    options.add(new Nat(nf == 1 ? "single" : "single (one of " + nf + " AZs)", 1, 1, (nf - 1) / (double) nf, true));
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
      double hourly = nf * prices.usd(PriceBook.INTERFACE_ENDPOINT_HOUR_PER_AZ) * prices.usd(PriceBook.HOURS_PER_MONTH);
      double viaNatPerGb = prices.usd(PriceBook.NAT_GATEWAY_PER_GB)
          + nat.crossAzShare() * 2 * prices.usd(PriceBook.CROSS_AZ_PER_GB_EACH_WAY);
      awsGb.forEach((service, gb) -> {
        if (gateways.containsKey(service) || Flow.ECR.equals(service)) {
          return;
        }
        double viaEndpoint = hourly + gb * prices.usd(PriceBook.INTERFACE_ENDPOINT_PER_GB_FIRST_PB);
        if (!nat.usable() || viaEndpoint < gb * viaNatPerGb) {
          endpoints.put(service, new InterfaceEndpoint(service, nf, true));
        }
      });
      if (!nat.usable() && pulls) {
        endpoints.putIfAbsent("ecr.api", new InterfaceEndpoint("ecr.api", nf, true));
        endpoints.putIfAbsent("ecr.dkr", new InterfaceEndpoint("ecr.dkr", nf, true));
      }
      Design candidate = new Design("floor", nf, nat, gateways, endpoints, services, lbs, peers, 0, peers.size(),
          regions, remote, replicated, clusters, g.otherVpcs(), FLOOR_ASSUMPTIONS);
      double total = model.price(candidate, traffic).total();
      if (total < bestTotal - 1e-9) {
        best = candidate;
        bestTotal = total;
      }
    }
    return best;
  }

  /** The regions that run the workload: the landscape's, and any the generated registry replicates to. */
  private static List<String> remote(Design g) {
    List<String> regions = new ArrayList<>(g.remoteRegions());
    g.replicatedRegions().stream().filter(r -> !regions.contains(r)).forEach(regions::add);
    return regions;
  }
}
