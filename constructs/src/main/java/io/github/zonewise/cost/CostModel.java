package io.github.zonewise.cost;

import io.github.zonewise.facts.PriceBook;
import static io.github.zonewise.facts.PriceBook.ALB_GB_PER_LCU_HOUR;
import static io.github.zonewise.facts.PriceBook.ALB_HOUR;
import static io.github.zonewise.facts.PriceBook.ALB_LCU_HOUR;
import static io.github.zonewise.facts.PriceBook.ALB_TO_TARGET_CROSS_AZ_PER_GB_EACH_WAY;
import static io.github.zonewise.facts.PriceBook.CROSS_AZ_PER_GB_EACH_WAY;
import static io.github.zonewise.facts.PriceBook.ECR_REPLICATION_PER_GB;
import static io.github.zonewise.facts.PriceBook.ECR_STORAGE_GB_MONTH;
import static io.github.zonewise.facts.PriceBook.EKS_CLUSTER_HOUR_EXTENDED;
import static io.github.zonewise.facts.PriceBook.EKS_CLUSTER_HOUR_STANDARD;
import static io.github.zonewise.facts.PriceBook.GATEWAY_ENDPOINT_HOUR;
import static io.github.zonewise.facts.PriceBook.GATEWAY_ENDPOINT_PER_GB;
import static io.github.zonewise.facts.PriceBook.HOURS_PER_MONTH;
import static io.github.zonewise.facts.PriceBook.INTERFACE_ENDPOINT_HOUR_PER_AZ;
import static io.github.zonewise.facts.PriceBook.INTERFACE_ENDPOINT_PER_GB_FIRST_PB;
import static io.github.zonewise.facts.PriceBook.INTERFACE_ENDPOINT_PER_GB_NEXT_4_PB;
import static io.github.zonewise.facts.PriceBook.INTERFACE_ENDPOINT_PER_GB_OVER_5_PB;
import static io.github.zonewise.facts.PriceBook.INTERNET_EGRESS_FREE_GB;
import static io.github.zonewise.facts.PriceBook.INTERNET_EGRESS_PER_GB_FIRST_10_TB;
import static io.github.zonewise.facts.PriceBook.INTERNET_EGRESS_PER_GB_NEXT_100_TB;
import static io.github.zonewise.facts.PriceBook.INTERNET_EGRESS_PER_GB_NEXT_40_TB;
import static io.github.zonewise.facts.PriceBook.INTERNET_EGRESS_PER_GB_OVER_150_TB;
import static io.github.zonewise.facts.PriceBook.INTER_REGION_PER_GB;
import static io.github.zonewise.facts.PriceBook.NAT_GATEWAY_HOUR;
import static io.github.zonewise.facts.PriceBook.NAT_GATEWAY_PER_GB;
import static io.github.zonewise.facts.PriceBook.NLB_GB_PER_LCU_HOUR;
import static io.github.zonewise.facts.PriceBook.NLB_HOUR;
import static io.github.zonewise.facts.PriceBook.NLB_LCU_HOUR;
import static io.github.zonewise.facts.PriceBook.PEERING_HOUR;
import static io.github.zonewise.facts.PriceBook.PUBLIC_IPV4_HOUR;
import static io.github.zonewise.facts.PriceBook.PUBLIC_IP_IN_REGION_PER_GB_EACH_WAY;
import static io.github.zonewise.facts.PriceBook.TRANSIT_GATEWAY_ATTACHMENT_HOUR;
import static io.github.zonewise.facts.PriceBook.TRANSIT_GATEWAY_PER_GB;
import static io.github.zonewise.facts.PriceBook.CLOUD_WATCH_LOGS_INGESTION_PER_GB;
import static io.github.zonewise.facts.PriceBook.EKS_CONTROL_PLANE_LOG_GB_PER_TYPE_MONTH;
import static io.github.zonewise.facts.PriceBook.FLOW_LOG_BYTES_PER_RECORD;
import static io.github.zonewise.facts.PriceBook.FLOW_LOG_CLOUD_WATCH_PER_GB;
import static io.github.zonewise.facts.PriceBook.FLOW_LOG_PARQUET_PER_GB;
import static io.github.zonewise.facts.PriceBook.FLOW_LOG_S3_PER_GB;

import io.github.zonewise.cost.Design.LoadBalancer;
import io.github.zonewise.synth.LoadBalancing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prices a {@link Design} against a {@link TrafficProfile} with a {@link PriceBook}: the fixed
 * monthly charges of what the design has, then every flow along the path it takes in that design,
 * then the charges tiered on monthly sums (internet egress; interface endpoint processing, which
 * AWS tiers over all interface endpoints of a region). Every amount is a line item whose inputs
 * are the numbers of its formula.
 */
public final class CostModel {

  /** A terabyte in the tiers of AWS price lists, in GB. */
  static final double TB = 1024;
  /** A petabyte in the tiers of AWS price lists, in GB. */
  static final double PB = 1024 * TB;
  /** Bytes in a GB of log data (as {@code zonewise traffic} counts the flow logs it reads). */
  static final double BYTES_PER_GB = 1L << 30;
  /**
   * Flow-log records a connection writes per aggregation interval at each interface that logs it: the
   * request's packets and the reply's are two flows (source and destination swapped), two records.
   */
  static final int RECORDS_PER_CONNECTION = 2;
  /**
   * Network interfaces of the landscape's VPCs that log a flow: the one that sends and the one that
   * receives (a pod's node, a NAT gateway's, an endpoint's, a load balancer's).
   */
  static final int LOGGING_INTERFACES = 2;

  private final PriceBook prices;

  /**
   * A cost model over a price book.
   *
   * @param prices the prices
   */
  public CostModel(PriceBook prices) {
    this.prices = prices;
  }

  /**
   * Prices a design.
   *
   * @param d       the design
   * @param traffic the monthly traffic
   * @return the bill
   */
  public DesignCost price(Design d, TrafficProfile traffic) {
    Bill bill = new Bill();
    fixed(d, bill);
    for (Flow f : traffic.flows()) {
      if (f.isReplication()) {
        bill.paths.put(f.index(), "registry replication volume to " + f.to() + " (priced under the registry)");
        continue;
      }
      flow(d, f, bill);
    }
    registry(d, traffic, bill);
    logs(d, traffic, bill);
    tiered(bill);
    return new DesignCost(d, bill.items, bill.paths, bill.unreachable);
  }

  private double hours() {
    return prices.usd(HOURS_PER_MONTH);
  }

  private double p(String key) {
    return prices.usd(key);
  }

  // ---------------------------------------------------------------- fixed monthly charges

  private void fixed(Design d, Bill bill) {
    Design.Nat nat = d.nat();
    if (nat.gateways() > 0) {
      bill.add(Category.NAT, "NAT gateway hours (" + nat.mode() + ")", -1,
          "gateways × natGatewayHour × hoursPerMonth",
          inputs("gateways", nat.gateways(), NAT_GATEWAY_HOUR, p(NAT_GATEWAY_HOUR), HOURS_PER_MONTH, hours()),
          nat.gateways() * p(NAT_GATEWAY_HOUR) * hours());
    }
    if (nat.publicIps() > 0) {
      bill.add(Category.PUBLIC_IPV4, "NAT gateway public IPv4 addresses", -1,
          "addresses × publicIpv4Hour × hoursPerMonth",
          inputs("addresses", nat.publicIps(), PUBLIC_IPV4_HOUR, p(PUBLIC_IPV4_HOUR), HOURS_PER_MONTH, hours()),
          nat.publicIps() * p(PUBLIC_IPV4_HOUR) * hours());
    }
    d.gatewayEndpoints().forEach((service, coverage) -> bill.add(Category.ENDPOINTS,
        "gateway endpoint " + service + " (free)", -1, "gatewayEndpointHour × hoursPerMonth",
        inputs(GATEWAY_ENDPOINT_HOUR, p(GATEWAY_ENDPOINT_HOUR), HOURS_PER_MONTH, hours()),
        p(GATEWAY_ENDPOINT_HOUR) * hours()));
    for (Design.InterfaceEndpoint e : d.interfaceEndpoints().values()) {
      bill.add(Category.ENDPOINTS, "interface endpoint " + e.service() + " hours", -1,
          "azs × interfaceEndpointHourPerAz × hoursPerMonth",
          inputs("azs", e.zones(), INTERFACE_ENDPOINT_HOUR_PER_AZ, p(INTERFACE_ENDPOINT_HOUR_PER_AZ),
              HOURS_PER_MONTH, hours()),
          e.zones() * p(INTERFACE_ENDPOINT_HOUR_PER_AZ) * hours());
    }
    if (d.transitGatewayAttachments() > 0) {
      bill.add(Category.INTERCONNECT, "Transit Gateway attachment hours", -1,
          "attachments × transitGatewayAttachmentHour × hoursPerMonth",
          inputs("attachments", d.transitGatewayAttachments(), TRANSIT_GATEWAY_ATTACHMENT_HOUR,
              p(TRANSIT_GATEWAY_ATTACHMENT_HOUR), HOURS_PER_MONTH, hours()),
          d.transitGatewayAttachments() * p(TRANSIT_GATEWAY_ATTACHMENT_HOUR) * hours());
    }
    if (d.peeringConnections() > 0) {
      bill.add(Category.INTERCONNECT, "VPC peering connections (no hourly charge)", -1,
          "connections × peeringHour × hoursPerMonth",
          inputs("connections", d.peeringConnections(), PEERING_HOUR, p(PEERING_HOUR), HOURS_PER_MONTH, hours()),
          d.peeringConnections() * p(PEERING_HOUR) * hours());
    }
    for (LoadBalancer lb : d.loadBalancers()) {
      String hourKey = lb.kind() == LoadBalancing.Kind.ALB ? ALB_HOUR : NLB_HOUR;
      bill.add(Category.LOAD_BALANCERS, lb.kind() + " " + lb.name() + " hours", -1,
          "loadBalancers × " + hourKey + " × hoursPerMonth",
          inputs("loadBalancers", 1, hourKey, p(hourKey), HOURS_PER_MONTH, hours()), p(hourKey) * hours());
      if (lb.internetFacing()) {
        bill.add(Category.PUBLIC_IPV4, lb.kind() + " " + lb.name() + " public IPv4 (one per AZ)", -1,
            "azs × publicIpv4Hour × hoursPerMonth",
            inputs("azs", lb.zones(), PUBLIC_IPV4_HOUR, p(PUBLIC_IPV4_HOUR), HOURS_PER_MONTH, hours()),
            lb.zones() * p(PUBLIC_IPV4_HOUR) * hours());
      }
    }
    for (Design.Cluster c : d.clusters()) {
      String key = c.extendedSupport() ? EKS_CLUSTER_HOUR_EXTENDED : EKS_CLUSTER_HOUR_STANDARD;
      bill.add(Category.CONTROL_PLANE, "EKS control plane " + c.name() + " (Kubernetes " + c.version() + ", "
              + (c.extendedSupport() ? "extended" : "standard") + " support)", -1,
          "clusters × " + key + " × hoursPerMonth",
          inputs("clusters", 1, key, p(key), HOURS_PER_MONTH, hours()), p(key) * hours());
    }
    for (Design.OtherVpc v : d.otherVpcs()) {
      if (v.natGateways() > 0) {
        bill.add(Category.NAT, "NAT gateway hours in VPC " + v.name(), -1, "gateways × natGatewayHour × hoursPerMonth",
            inputs("gateways", v.natGateways(), NAT_GATEWAY_HOUR, p(NAT_GATEWAY_HOUR), HOURS_PER_MONTH, hours()),
            v.natGateways() * p(NAT_GATEWAY_HOUR) * hours());
      }
      if (v.natPublicIps() > 0) {
        bill.add(Category.PUBLIC_IPV4, "NAT gateway public IPv4 in VPC " + v.name(), -1,
            "addresses × publicIpv4Hour × hoursPerMonth",
            inputs("addresses", v.natPublicIps(), PUBLIC_IPV4_HOUR, p(PUBLIC_IPV4_HOUR), HOURS_PER_MONTH, hours()),
            v.natPublicIps() * p(PUBLIC_IPV4_HOUR) * hours());
      }
      if (v.interfaceEndpointAzs() > 0) {
        bill.add(Category.ENDPOINTS, "interface endpoint hours in VPC " + v.name(), -1,
            "endpointAzs × interfaceEndpointHourPerAz × hoursPerMonth",
            inputs("endpointAzs", v.interfaceEndpointAzs(), INTERFACE_ENDPOINT_HOUR_PER_AZ,
                p(INTERFACE_ENDPOINT_HOUR_PER_AZ), HOURS_PER_MONTH, hours()),
            v.interfaceEndpointAzs() * p(INTERFACE_ENDPOINT_HOUR_PER_AZ) * hours());
      }
    }
  }

  // ---------------------------------------------------------------- flows

  private void flow(Design d, Flow f, Bill bill) {
    if (f.isBetweenPeers()) {
      betweenPeers(d, f, bill);
      return;
    }
    if (!f.crossesLandscape()) {
      bill.paths.put(f.index(), "does not cross the landscape's network: not priced");
      return;
    }
    switch (f.otherKind()) {
      case SERVICE -> podToPod(d, f, bill);
      case INTERNET -> internet(d, f, bill);
      case AWS -> aws(d, f, bill);
      case PEER -> peer(d, f, bill);
      case REGION -> region(d, f, bill);
      default -> throw new IllegalStateException("flow " + f.label());
    }
  }

  private void podToPod(Design d, Flow f, Bill bill) {
    Design.Service callee = service(d, f.to());
    double share = callee.crossAzShare();
    bill.add(Category.CROSS_AZ, "pod to pod across AZs (" + f.to() + ": " + callee.routingLabel() + ", "
            + callee.replicas() + " replicas in " + callee.endpointZones() + " of " + d.zones() + " AZs)", f.index(),
        "gb × crossAzShare × 2 × crossAzPerGbEachWay",
        inputs("gb", f.gb(), "crossAzShare", share, CROSS_AZ_PER_GB_EACH_WAY, p(CROSS_AZ_PER_GB_EACH_WAY)),
        f.gb() * share * 2 * p(CROSS_AZ_PER_GB_EACH_WAY));
    bill.paths.put(f.index(), "pod → Service " + f.to() + " (" + callee.routingLabel() + "): "
        + percent(share) + " of the bytes cross an AZ");
  }

  private void internet(Design d, Flow f, Bill bill) {
    String service = f.service().orElseThrow();
    // an internal load balancer is no path to or from the internet: such a service's internet bytes use the NAT
    var lb = d.loadBalancerOf(service).filter(LoadBalancer::internetFacing);
    boolean egress = Flow.INTERNET.equals(f.to());
    if (lb.isPresent()) {
      throughLoadBalancer(d, f, lb.get(), bill);
    } else {
      if (!throughNat(d, f, bill, "")) {
        return;
      }
      bill.paths.put(f.index(), (egress ? "pod → NAT gateway → internet" : "internet → NAT gateway → pod")
          + natDetail(d));
    }
    if (egress) {
      bill.egress.put(f.index(), f.gb());
    }
  }

  private void throughLoadBalancer(Design d, Flow f, LoadBalancer lb, Bill bill) {
    boolean alb = lb.kind() == LoadBalancing.Kind.ALB;
    String lcuKey = alb ? ALB_LCU_HOUR : NLB_LCU_HOUR;
    String perLcuKey = alb ? ALB_GB_PER_LCU_HOUR : NLB_GB_PER_LCU_HOUR;
    bill.add(Category.LOAD_BALANCERS, lb.kind() + " " + lb.name() + " capacity units", f.index(),
        "gb ÷ " + perLcuKey + " × " + lcuKey,
        inputs("gb", f.gb(), perLcuKey, p(perLcuKey), lcuKey, p(lcuKey)),
        p(perLcuKey) == 0 ? 0 : f.gb() / p(perLcuKey) * p(lcuKey));
    double n = d.zones();
    double lbShare = lb.crossZone() ? (n - 1) / n : 0;
    String rateKey = alb ? ALB_TO_TARGET_CROSS_AZ_PER_GB_EACH_WAY : CROSS_AZ_PER_GB_EACH_WAY;
    bill.add(alb ? Category.LOAD_BALANCERS : Category.CROSS_AZ, lb.kind() + " " + lb.name()
            + " to targets across AZs (cross-zone " + (lb.crossZone() ? "on" : "off") + ")", f.index(),
        "gb × crossAzShare × 2 × " + rateKey,
        inputs("gb", f.gb(), "crossAzShare", lbShare, rateKey, p(rateKey)),
        f.gb() * lbShare * 2 * p(rateKey));
    String path = Flow.INTERNET.equals(f.from()) ? "internet → " : "pod → ";
    path += lb.kind() + " " + lb.name() + (lb.ipTargets() ? " (IP targets)" : " (instance targets)");
    if (!lb.ipTargets()) {
      double hop = lb.localTraffic() ? 0 : (n - 1) / n;
      bill.add(Category.CROSS_AZ, "instance-mode hop node → pod across AZs (" + lb.name() + ")", f.index(),
          "gb × crossAzShare × 2 × crossAzPerGbEachWay",
          inputs("gb", f.gb(), "crossAzShare", hop, CROSS_AZ_PER_GB_EACH_WAY, p(CROSS_AZ_PER_GB_EACH_WAY)),
          f.gb() * hop * 2 * p(CROSS_AZ_PER_GB_EACH_WAY));
      path += " → NodePort → kube-proxy → pod (" + percent(hop) + " cross-AZ on the extra hop)";
    } else {
      path += " → pod";
    }
    path += Flow.INTERNET.equals(f.from()) ? "" : " → internet";
    bill.paths.put(f.index(), path);
  }

  /** Adds NAT processing and the hop to a NAT in another AZ; false (and unreachable) without a NAT. */
  private boolean throughNat(Design d, Flow f, Bill bill, String what) {
    Design.Nat nat = d.nat();
    if (!nat.usable()) {
      bill.unreachable.add(f.index());
      bill.paths.put(f.index(), "no path: the design has no NAT gateway the private subnets route to");
      return false;
    }
    bill.add(Category.NAT, "NAT gateway processing" + what, f.index(), "gb × natGatewayPerGb",
        inputs("gb", f.gb(), NAT_GATEWAY_PER_GB, p(NAT_GATEWAY_PER_GB)), f.gb() * p(NAT_GATEWAY_PER_GB));
    bill.add(Category.CROSS_AZ, "to a NAT gateway in another AZ" + what, f.index(),
        "gb × crossAzShare × 2 × crossAzPerGbEachWay",
        inputs("gb", f.gb(), "crossAzShare", nat.crossAzShare(), CROSS_AZ_PER_GB_EACH_WAY,
            p(CROSS_AZ_PER_GB_EACH_WAY)),
        f.gb() * nat.crossAzShare() * 2 * p(CROSS_AZ_PER_GB_EACH_WAY));
    return true;
  }

  private static String natDetail(Design d) {
    return " (" + d.nat().mode() + "; " + percent(d.nat().crossAzShare()) + " of private subnets route to a NAT in"
        + " another AZ)";
  }

  private void aws(Design d, Flow f, Bill bill) {
    String aws = f.other();
    boolean pull = Flow.ECR.equals(aws);
    String service = pull ? "s3" : aws;
    String what = pull ? " (image layers from S3)" : "";
    double coverage = d.gatewayEndpoints().getOrDefault(service, 0.0);
    double viaGateway = f.gb() * coverage;
    double rest = f.gb() - viaGateway;
    List<String> path = new ArrayList<>();
    if (coverage > 0) {
      bill.add(Category.ENDPOINTS, "gateway endpoint " + service + " (free)" + what, f.index(),
          "gb × coverage × gatewayEndpointPerGb",
          inputs("gb", f.gb(), "coverage", coverage, GATEWAY_ENDPOINT_PER_GB, p(GATEWAY_ENDPOINT_PER_GB)),
          viaGateway * p(GATEWAY_ENDPOINT_PER_GB));
      path.add(percent(coverage) + " through the " + service + " gateway endpoint (free)");
    }
    if (rest > 0 || coverage == 0) {
      Design.InterfaceEndpoint e = d.interfaceEndpoints().get(service);
      if (e != null && e.privateDns()) {
        bill.endpoint.put(f.index(), rest);
        path.add((coverage > 0 ? "the rest" : "all") + " through the " + service + " interface endpoint"
            + " (processing tiered over the region's interface endpoints)");
      } else {
        Flow part = new Flow(f.index(), f.from(), f.fromKind(), f.to(), f.toKind(), rest);
        if (!throughNat(d, part, bill, what)) {
          return;
        }
        path.add((coverage > 0 ? "the rest" : "all") + " through the NAT gateway" + natDetail(d)
            + (e != null ? " (the " + service + " endpoint has private DNS off)" : ""));
      }
    }
    bill.paths.put(f.index(), (pull ? "image pull: layers from S3, " : "") + String.join("; ", path));
  }

  private void peer(Design d, Flow f, Bill bill) {
    String peer = f.other();
    Design.Link link = d.peers().getOrDefault(peer, new Design.Link(Design.LinkKind.NAT, 0));
    switch (link.kind()) {
      case PEERING -> {
        bill.add(Category.INTERCONNECT, "VPC peering across AZs (" + peer + ")", f.index(),
            "gb × crossAzShare × 2 × crossAzPerGbEachWay",
            inputs("gb", f.gb(), "crossAzShare", link.crossAzShare(), CROSS_AZ_PER_GB_EACH_WAY,
                p(CROSS_AZ_PER_GB_EACH_WAY)),
            f.gb() * link.crossAzShare() * 2 * p(CROSS_AZ_PER_GB_EACH_WAY));
        bill.paths.put(f.index(), "VPC peering with " + peer + " (same-AZ free; " + percent(link.crossAzShare())
            + " across AZs)");
      }
      case TRANSIT_GATEWAY -> {
        bill.add(Category.INTERCONNECT, "Transit Gateway data (" + peer + ")", f.index(),
            "gb × transitGatewayPerGb",
            inputs("gb", f.gb(), TRANSIT_GATEWAY_PER_GB, p(TRANSIT_GATEWAY_PER_GB)), f.gb() * p(TRANSIT_GATEWAY_PER_GB));
        bill.paths.put(f.index(), "Transit Gateway to " + peer + " (per GB sent in; cross-AZ not charged)");
      }
      case NAT -> {
        if (!throughNat(d, f, bill, "")) {
          return;
        }
        bill.add(Category.INTERCONNECT, "to " + peer + "'s public addresses in the region", f.index(),
            "gb × 2 × publicIpInRegionPerGbEachWay",
            inputs("gb", f.gb(), PUBLIC_IP_IN_REGION_PER_GB_EACH_WAY, p(PUBLIC_IP_IN_REGION_PER_GB_EACH_WAY)),
            f.gb() * 2 * p(PUBLIC_IP_IN_REGION_PER_GB_EACH_WAY));
        bill.paths.put(f.index(), "no VPC link to " + peer + ": NAT gateway → its public addresses" + natDetail(d));
      }
      default -> throw new IllegalStateException(link.kind().name());
    }
  }

  private void betweenPeers(Design d, Flow f, Bill bill) {
    Design.Link a = d.peers().getOrDefault(f.from(), new Design.Link(Design.LinkKind.NAT, 0));
    Design.Link b = d.peers().getOrDefault(f.to(), new Design.Link(Design.LinkKind.NAT, 0));
    if (a.kind() == Design.LinkKind.TRANSIT_GATEWAY && b.kind() == Design.LinkKind.TRANSIT_GATEWAY) {
      bill.add(Category.INTERCONNECT, "Transit Gateway data (" + f.from() + " → " + f.to() + ")", f.index(),
          "gb × transitGatewayPerGb", inputs("gb", f.gb(), TRANSIT_GATEWAY_PER_GB, p(TRANSIT_GATEWAY_PER_GB)),
          f.gb() * p(TRANSIT_GATEWAY_PER_GB));
      bill.paths.put(f.index(), "Transit Gateway between " + f.from() + " and " + f.to());
    } else if (a.kind() == Design.LinkKind.PEERING && b.kind() == Design.LinkKind.PEERING) {
      double share = Math.max(a.crossAzShare(), b.crossAzShare());
      bill.add(Category.INTERCONNECT, "VPC peering across AZs (" + f.from() + " → " + f.to() + ")", f.index(),
          "gb × crossAzShare × 2 × crossAzPerGbEachWay",
          inputs("gb", f.gb(), "crossAzShare", share, CROSS_AZ_PER_GB_EACH_WAY, p(CROSS_AZ_PER_GB_EACH_WAY)),
          f.gb() * share * 2 * p(CROSS_AZ_PER_GB_EACH_WAY));
      bill.paths.put(f.index(), "VPC peering between " + f.from() + " and " + f.to() + " (a connection of their"
          + " own: peering through the cluster VPC is not transitive)");
    } else {
      bill.unreachable.add(f.index());
      bill.paths.put(f.index(), "no path: " + f.from() + " and " + f.to() + " are not linked in this design");
    }
  }

  private void region(Design d, Flow f, Bill bill) {
    String region = f.other();
    Design.Link link = d.regions().getOrDefault(region, new Design.Link(Design.LinkKind.NAT, 0));
    String path;
    switch (link.kind()) {
      case PEERING -> path = "inter-region VPC peering to " + region;
      case TRANSIT_GATEWAY -> {
        bill.add(Category.INTERCONNECT, "Transit Gateway data (" + region + ")", f.index(), "gb × transitGatewayPerGb",
            inputs("gb", f.gb(), TRANSIT_GATEWAY_PER_GB, p(TRANSIT_GATEWAY_PER_GB)), f.gb() * p(TRANSIT_GATEWAY_PER_GB));
        path = "Transit Gateway peering to " + region;
      }
      default -> {
        if (!throughNat(d, f, bill, "")) {
          return;
        }
        path = "NAT gateway → " + region + "'s public endpoints" + natDetail(d);
      }
    }
    bill.add(Category.INTER_REGION, "inter-region data (" + region + ")", f.index(), "gb × interRegionPerGb",
        inputs("gb", f.gb(), INTER_REGION_PER_GB, p(INTER_REGION_PER_GB)), f.gb() * p(INTER_REGION_PER_GB));
    bill.paths.put(f.index(), path);
  }

  // ---------------------------------------------------------------- registry

  private void registry(Design d, TrafficProfile traffic, Bill bill) {
    List<String> regions = new ArrayList<>(d.remoteRegions());
    d.replicatedRegions().stream().filter(r -> !regions.contains(r)).forEach(regions::add);
    for (String region : regions) {
      if (d.replicatedRegions().contains(region)) {
        for (LineItem item : replication(region, traffic)) {
          bill.items.add(item);
        }
      } else {
        for (LineItem item : crossRegionPulls(region, traffic)) {
          bill.items.add(item);
        }
      }
    }
  }

  /**
   * The registry's charges for one region that runs the workload, when the registry replicates to
   * it: the replicated bytes at the transfer rate, and their storage there.
   *
   * @param region  the region
   * @param traffic the traffic (its {@code ecr → region} flow, or the default volume)
   * @return the line items
   */
  List<LineItem> replication(String region, TrafficProfile traffic) {
    double gb = traffic.replicationGb(region);
    return List.of(
        new LineItem(Category.REGISTRY, "ECR replication transfer to " + region, -1, "gb × ecrReplicationPerGb",
            inputs("gb", gb, ECR_REPLICATION_PER_GB, p(ECR_REPLICATION_PER_GB)), gb * p(ECR_REPLICATION_PER_GB)),
        new LineItem(Category.REGISTRY, "ECR replica storage in " + region, -1, "gbMonth × ecrStorageGbMonth",
            inputs("gbMonth", gb, ECR_STORAGE_GB_MONTH, p(ECR_STORAGE_GB_MONTH)), gb * p(ECR_STORAGE_GB_MONTH)));
  }

  /**
   * The registry's charges for one region that runs the workload, when the registry does not
   * replicate to it: that region pulls as many bytes as the home region, across regions and
   * through its NAT gateway.
   *
   * @param region  the region
   * @param traffic the traffic (its image pulls)
   * @return the line items
   */
  List<LineItem> crossRegionPulls(String region, TrafficProfile traffic) {
    double gb = traffic.imagePullGb();
    return List.of(
        new LineItem(Category.INTER_REGION, "cross-region image pulls by " + region, -1, "gb × interRegionPerGb",
            inputs("gb", gb, INTER_REGION_PER_GB, p(INTER_REGION_PER_GB)), gb * p(INTER_REGION_PER_GB)),
        new LineItem(Category.NAT, "NAT processing of " + region + "'s cross-region pulls", -1, "gb × natGatewayPerGb",
            inputs("gb", gb, NAT_GATEWAY_PER_GB, p(NAT_GATEWAY_PER_GB)), gb * p(NAT_GATEWAY_PER_GB)));
  }

  // ---------------------------------------------------------------- tiers

  private void tiered(Bill bill) {
    if (!bill.egress.isEmpty()) {
      bill.items.add(internetEgress(bill.egress));
    }
    if (!bill.endpoint.isEmpty()) {
      bill.items.add(endpointProcessing(bill.endpoint));
    }
  }

  /**
   * Internet egress of a month: the first {@code internetEgressFreeGb} free, then 10 TB, 40 TB,
   * 100 TB and the rest at their rates (1 TB = 1,024 GB).
   *
   * @param flows flow index → GB to the internet
   * @return one line item for the month
   */
  LineItem internetEgress(Map<Integer, Double> flows) {
    double gb = flows.values().stream().mapToDouble(Double::doubleValue).sum();
    double free = Math.min(gb, p(INTERNET_EGRESS_FREE_GB));
    double[] bounds = {10 * TB, 40 * TB, 100 * TB, Double.POSITIVE_INFINITY};
    String[] keys = {INTERNET_EGRESS_PER_GB_FIRST_10_TB, INTERNET_EGRESS_PER_GB_NEXT_40_TB,
        INTERNET_EGRESS_PER_GB_NEXT_100_TB, INTERNET_EGRESS_PER_GB_OVER_150_TB};
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("flows", List.copyOf(flows.keySet()));
    in.put("gb", gb);
    in.put(INTERNET_EGRESS_FREE_GB, p(INTERNET_EGRESS_FREE_GB));
    double usd = tiers(gb - free, bounds, keys, in);
    return new LineItem(Category.INTERNET_EGRESS, "internet egress (tiered)", -1, tierFormula(keys)
        + ", the tiers splitting gb − internetEgressFreeGb at 10, 40 and 100 TB (1 TB = 1024 GB)", in, usd);
  }

  /**
   * Interface endpoint processing of a month: 1 PB, 4 PB and the rest at their rates, over all
   * interface endpoints of the region.
   *
   * @param flows flow index → GB through an interface endpoint
   * @return one line item for the month
   */
  LineItem endpointProcessing(Map<Integer, Double> flows) {
    double gb = flows.values().stream().mapToDouble(Double::doubleValue).sum();
    double[] bounds = {PB, 4 * PB, Double.POSITIVE_INFINITY};
    String[] keys = {INTERFACE_ENDPOINT_PER_GB_FIRST_PB, INTERFACE_ENDPOINT_PER_GB_NEXT_4_PB,
        INTERFACE_ENDPOINT_PER_GB_OVER_5_PB};
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("flows", List.copyOf(flows.keySet()));
    in.put("gb", gb);
    double usd = tiers(gb, bounds, keys, in);
    return new LineItem(Category.ENDPOINTS, "interface endpoint processing (tiered)", -1, tierFormula(keys)
        + ", the tiers splitting the gb of the flows at 1 and 4 PB (1 PB = 1024 × 1024 GB)", in, usd);
  }

  private static String tierFormula(String[] keys) {
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      terms.add("tier" + (i + 1) + "Gb × " + keys[i]);
    }
    return String.join(" + ", terms);
  }

  private double tiers(double gb, double[] bounds, String[] keys, Map<String, Object> in) {
    double left = Math.max(0, gb);
    double usd = 0;
    for (int i = 0; i < bounds.length; i++) {
      double tierGb = Math.min(left, bounds[i]);
      in.put("tier" + (i + 1) + "Gb", tierGb);
      in.put(keys[i], p(keys[i]));
      usd += tierGb * p(keys[i]);
      left -= tierGb;
    }
    return usd;
  }

  // ---------------------------------------------------------------- helpers

  private static Design.Service service(Design d, String name) {
    Design.Service s = d.services().get(name);
    if (s == null) {
      throw new IllegalStateException("design " + d.name() + " has no service " + name);
    }
    return s;
  }

  // ---------------------------------------------------------------- logs

  /**
   * The cluster VPC's flow-log delivery, from a volume estimated from the traffic, and each cluster's
   * control-plane logs. A flow-log record describes one flow (5-tuple) at one interface for one
   * aggregation interval, so records ≈ connections × {@value #RECORDS_PER_CONNECTION} directions ×
   * {@value #LOGGING_INTERFACES} interfaces × (seconds in the month ÷ the aggregation interval), where a
   * flow of the profile keeps a connection open between every caller pod and every callee pod (caller
   * replicas × callee replicas; one end's replicas when the other end is not a service) in every interval:
   * pooled, long-lived connections. Short-lived connections write more records; the estimate is a floor.
   */
  private void logs(Design d, TrafficProfile traffic, Bill bill) {
    d.flowLog().ifPresent(log -> {
      double connections = 0;
      for (Flow f : traffic.flows()) {
        if (!f.isReplication() && f.crossesLandscape() && !bill.unreachable.contains(f.index())) {
          connections += connections(d, f);
        }
      }
      double intervals = hours() * 3600 / log.aggregationSeconds();
      double records = connections * RECORDS_PER_CONNECTION * LOGGING_INTERFACES * intervals;
      double gb = records * p(FLOW_LOG_BYTES_PER_RECORD) / BYTES_PER_GB;
      Map<String, Object> in = inputs("connections", connections, "recordsPerConnection", RECORDS_PER_CONNECTION,
          "interfaces", LOGGING_INTERFACES, "intervals", intervals, FLOW_LOG_BYTES_PER_RECORD,
          p(FLOW_LOG_BYTES_PER_RECORD));
      String volume = "connections × recordsPerConnection × interfaces × intervals × flowLogBytesPerRecord ÷ 2^30";
      switch (log.destination()) {
        case Design.FlowLog.S3 -> {
          String key = log.parquet() ? "(flowLogS3PerGb + flowLogParquetPerGb)" : "flowLogS3PerGb";
          in.put(FLOW_LOG_S3_PER_GB, p(FLOW_LOG_S3_PER_GB));
          if (log.parquet()) {
            in.put(FLOW_LOG_PARQUET_PER_GB, p(FLOW_LOG_PARQUET_PER_GB));
          }
          bill.add(Category.LOGS, "VPC flow logs to S3" + (log.parquet() ? " (Parquet)" : "") + ", about "
                  + gbText(gb) + " GB of records", -1, volume + " × " + key, in,
              gb * (p(FLOW_LOG_S3_PER_GB) + (log.parquet() ? p(FLOW_LOG_PARQUET_PER_GB) : 0)));
        }
        case Design.FlowLog.CLOUD_WATCH_LOGS -> {
          in.put(FLOW_LOG_CLOUD_WATCH_PER_GB, p(FLOW_LOG_CLOUD_WATCH_PER_GB));
          bill.add(Category.LOGS, "VPC flow logs to CloudWatch Logs, about " + gbText(gb) + " GB of records", -1,
              volume + " × flowLogCloudWatchPerGb", in, gb * p(FLOW_LOG_CLOUD_WATCH_PER_GB));
        }
        default -> {
          // Kinesis Data Firehose: billed by Firehose, which the price book does not hold
        }
      }
    });
    for (Design.Cluster c : d.clusters()) {
      if (c.logTypes().isEmpty()) {
        continue;
      }
      int types = c.logTypes().size();
      bill.add(Category.LOGS, "EKS control-plane logs " + c.name() + " (" + String.join(", ", c.logTypes())
              + ") to CloudWatch Logs", -1,
          "types × eksControlPlaneLogGbPerTypeMonth × cloudWatchLogsIngestionPerGb",
          inputs("types", types, EKS_CONTROL_PLANE_LOG_GB_PER_TYPE_MONTH, p(EKS_CONTROL_PLANE_LOG_GB_PER_TYPE_MONTH),
              CLOUD_WATCH_LOGS_INGESTION_PER_GB, p(CLOUD_WATCH_LOGS_INGESTION_PER_GB)),
          types * p(EKS_CONTROL_PLANE_LOG_GB_PER_TYPE_MONTH) * p(CLOUD_WATCH_LOGS_INGESTION_PER_GB));
    }
  }

  /**
   * The connections a flow of the profile keeps open in every aggregation interval: one between each
   * caller pod and each callee pod.
   *
   * @param d a design
   * @param f a flow
   * @return caller replicas × callee replicas for service → service, else the service end's replicas
   *         (1 for an end the design does not know)
   */
  static double connections(Design d, Flow f) {
    if (f.fromKind() == Flow.End.SERVICE && f.toKind() == Flow.End.SERVICE) {
      return replicas(d, f.from()) * replicas(d, f.to());
    }
    return f.service().map(s -> replicas(d, s)).orElse(1);
  }

  private static int replicas(Design d, String service) {
    Design.Service s = d.services().get(service);
    return s == null ? 1 : Math.max(1, s.replicas());
  }

  private static String gbText(double gb) {
    return gb >= 10 ? String.valueOf(Math.round(gb)) : String.format(java.util.Locale.ROOT, "%.2f", gb);
  }

  static String percent(double share) {
    double p = share * 100;
    return (Math.abs(p - Math.rint(p)) < 1e-9 ? String.valueOf((long) Math.rint(p))
        : String.format(java.util.Locale.ROOT, "%.1f", p)) + "%";
  }

  static Map<String, Object> inputs(Object... kv) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      map.put((String) kv[i], kv[i + 1]);
    }
    return map;
  }

  private static final class Bill {
    final List<LineItem> items = new ArrayList<>();
    final Map<Integer, String> paths = new LinkedHashMap<>();
    final List<Integer> unreachable = new ArrayList<>();
    final Map<Integer, Double> egress = new LinkedHashMap<>();
    final Map<Integer, Double> endpoint = new LinkedHashMap<>();

    void add(Category category, String item, int flow, String formula, Map<String, Object> inputs, double usd) {
      items.add(new LineItem(category, item, flow, formula, inputs, usd));
    }
  }
}
