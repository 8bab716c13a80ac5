package io.github.zonewise.cost;

import io.github.zonewise.facts.KubernetesVersions;
import io.github.zonewise.facts.PriceBook;
import static io.github.zonewise.facts.PriceBook.CROSS_AZ_PER_GB_EACH_WAY;
import static io.github.zonewise.facts.PriceBook.EKS_CLUSTER_HOUR_EXTENDED;
import static io.github.zonewise.facts.PriceBook.EKS_CLUSTER_HOUR_STANDARD;
import static io.github.zonewise.facts.PriceBook.INTERFACE_ENDPOINT_HOUR_PER_AZ;
import static io.github.zonewise.facts.PriceBook.INTERFACE_ENDPOINT_PER_GB_FIRST_PB;
import static io.github.zonewise.facts.PriceBook.NAT_GATEWAY_HOUR;
import static io.github.zonewise.facts.PriceBook.NAT_GATEWAY_PER_GB;
import static io.github.zonewise.facts.PriceBook.PUBLIC_IPV4_HOUR;
import static io.github.zonewise.facts.PriceBook.TRANSIT_GATEWAY_ATTACHMENT_HOUR;
import static io.github.zonewise.facts.PriceBook.TRANSIT_GATEWAY_PER_GB;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One piece of advice the numbers of the generated design support, with what following it saves
 * a month (0 when it only states a break-even the design is already on the right side of).
 *
 * @param topic            what it is about, e.g. {@code interface endpoint logs}
 * @param text             the advice, with its numbers
 * @param monthlySavingUsd what following it saves a month, in USD
 */
public record Advice(String topic, String text, double monthlySavingUsd) {

  /**
   * The advice for a generated design at its traffic: interface endpoints that cost more than the
   * NAT processing they save; single versus per-AZ NAT gateways and their break-even; peering
   * versus Transit Gateway; extended-support clusters; services, load balancers and cross-zone
   * settings that send bytes across AZs. Largest saving first.
   *
   * @param g       the generated design
   * @param cost    its bill
   * @param traffic the traffic priced
   * @param prices  the prices
   * @return the advice
   */
  static List<Advice> of(Design g, DesignCost cost, TrafficProfile traffic, PriceBook prices) {
    List<Advice> list = new ArrayList<>();
    double h = prices.usd(PriceBook.HOURS_PER_MONTH);
    double crossAz = prices.usd(CROSS_AZ_PER_GB_EACH_WAY);
    double natPerGb = prices.usd(NAT_GATEWAY_PER_GB);
    int n = g.zones();

    if (g.nat().usable()) {
      double viaNat = natPerGb + g.nat().crossAzShare() * 2 * crossAz;
      double saved = viaNat - prices.usd(INTERFACE_ENDPOINT_PER_GB_FIRST_PB);
      for (Design.InterfaceEndpoint e : g.interfaceEndpoints().values()) {
        double gb = endpointGb(g, traffic, e.service());
        double hourly = e.zones() * prices.usd(INTERFACE_ENDPOINT_HOUR_PER_AZ) * h;
        double savedUsd = e.privateDns() ? gb * saved : 0;
        if (hourly > savedUsd) {
          String breakEven = saved > 0 ? "break-even " + gb(hourly / saved) + " GB a month" : "no break-even";
          list.add(new Advice("interface endpoint " + e.service(), "interface endpoint " + e.service() + " costs "
              + usd(hourly) + " a month in " + e.zones() + " AZs but saves " + usd(savedUsd) + " of NAT processing at "
              + gb(gb) + " GB a month (" + breakEven + "); without it these bytes go through the NAT gateway — keep it"
              + " only if private subnets must reach " + e.service() + " without the NAT", hourly - savedUsd));
        }
      }
      natBreakEven(g, cost, prices, list, h, crossAz, n);
    }

    peeringVersusTransitGateway(g, traffic, prices, list, h, crossAz, n);

    for (Design.Cluster c : g.clusters()) {
      if (c.extendedSupport()) {
        double saving = (prices.usd(EKS_CLUSTER_HOUR_EXTENDED) - prices.usd(EKS_CLUSTER_HOUR_STANDARD)) * h;
        list.add(new Advice("cluster " + c.name(), "cluster " + c.name() + " runs Kubernetes " + c.version()
            + ", in EKS extended support at six times the standard control-plane price; upgrading to "
            + KubernetesVersions.oldestStandard(KubernetesVersions.today()) + " or newer saves " + usd(saving) + " a month", saving));
      }
    }

    Map<String, Double> byService = new LinkedHashMap<>();
    Map<String, Double> instanceHop = new LinkedHashMap<>();
    Map<String, Double> crossZone = new LinkedHashMap<>();
    for (LineItem item : cost.lineItems()) {
      if (item.usd() <= 0 || item.flow() < 0) {
        continue;
      }
      if (item.item().startsWith("pod to pod")) {
        Flow f = traffic.flows().stream().filter(x -> x.index() == item.flow()).findFirst().orElseThrow();
        byService.merge(f.to(), item.usd(), Double::sum);
      } else if (item.item().startsWith("instance-mode hop")) {
        instanceHop.merge(item.item(), item.usd(), Double::sum);
      } else if (item.item().contains("to targets across AZs")) {
        crossZone.merge(item.item(), item.usd(), Double::sum);
      }
    }
    byService.forEach((name, usd) -> {
      Design.Service s = g.services().get(name);
      String why;
      if (s.locality() != null) {
        why = "its Istio DestinationRule sends " + CostModel.percent(s.locality()) + " of requests to other zones;"
            + " raise the same-zone weights";
      } else if (s.routing() == Routing.CLUSTER) {
        why = "its Service has no zonal routing (" + CostModel.percent(s.crossAzShare()) + " crosses AZs); use"
            + " topologyAware or preferSameZone";
      } else if (s.routing() == Routing.TOPOLOGY_AWARE) {
        why = s.replicas() + " replicas over " + n + " zones fall outside topology hints' balance safeguards, so no"
            + " hints are set and routing is cluster-wide; run a multiple of " + n + " replicas (at least " + n + ")";
      } else {
        why = "it has endpoints in only " + s.endpointZones() + " of " + n + " zones; run at least " + n
            + " replicas spread over the zones";
      }
      list.add(new Advice("service " + name, "service " + name + ": " + usd(usd) + " a month of pod-to-pod"
          + " cross-AZ data — " + why, usd));
    });
    instanceHop.forEach((item, usd) -> list.add(new Advice("instance targets", item + " costs " + usd(usd)
        + " a month; IP targets (aws-load-balancer-nlb-target-type: ip, alb target-type: ip) send straight to pods",
        usd)));
    crossZone.forEach((item, usd) -> list.add(new Advice("cross-zone load balancing", item + " costs " + usd(usd)
        + " a month; turn cross-zone load balancing off (load_balancing.cross_zone.enabled=false)", usd)));

    list.sort(Comparator.comparingDouble(Advice::monthlySavingUsd).reversed());
    return List.copyOf(list);
  }

  /** The GB of the profile that reach an interface endpoint's service and are not on a gateway endpoint. */
  private static double endpointGb(Design g, TrafficProfile traffic, String service) {
    double gb = 0;
    for (Flow f : traffic.flows()) {
      if (f.otherKind() != Flow.End.AWS || f.isReplication()) {
        continue;
      }
      String s = Flow.ECR.equals(f.other()) ? "s3" : f.other();
      if (s.equals(service)) {
        gb += f.gb() * (1 - g.gatewayEndpoints().getOrDefault(s, 0.0));
      }
    }
    return gb;
  }

  private static void natBreakEven(Design g, DesignCost cost, PriceBook prices, List<Advice> list, double h,
      double crossAz, int n) {
    if (n < 2) {
      return;
    }
    double natGb = cost.lineItems().stream().filter(i -> i.item().startsWith("NAT gateway processing"))
        .mapToDouble(i -> ((Number) i.inputs().get("gb")).doubleValue()).sum();
    double perGateway = (prices.usd(NAT_GATEWAY_HOUR) + prices.usd(PUBLIC_IPV4_HOUR)) * h;
    double share = (n - 1) / (double) n;
    double perAz = n * perGateway;
    double single = perGateway + natGb * share * 2 * crossAz;
    double breakEven = (n - 1) * perGateway / (share * 2 * crossAz);
    boolean isSingle = g.nat().gateways() == 1;
    if (isSingle) {
      if (perAz < single) {
        list.add(new Advice("NAT gateways", "one NAT gateway for " + n + " AZs costs " + usd(single) + " a month at "
            + gb(natGb) + " GB through it (other AZs' bytes cross an AZ to reach it); one per AZ would cost "
            + usd(perAz) + " (break-even " + gb(breakEven) + " GB a month) and keep egress when an AZ fails",
            single - perAz));
      }
    } else if (g.nat().crossAzShare() == 0) {
      boolean singleCheaper = single < perAz;
      list.add(new Advice("NAT gateways", "NAT per AZ costs " + usd(perAz) + " a month; one NAT gateway would cost "
          + usd(single) + " at " + gb(natGb) + " GB a month through it (break-even " + gb(breakEven) + " GB a month)"
          + (singleCheaper ? ", cheaper at this traffic but egress stops when its AZ fails — for development"
              + " landscapes only" : "; per-AZ NAT is the cheaper and the zone-redundant choice here"),
          singleCheaper ? perAz - single : 0));
    }
  }

  private static void peeringVersusTransitGateway(Design g, TrafficProfile traffic, PriceBook prices,
      List<Advice> list, double h, double crossAz, int n) {
    if (g.peers().isEmpty()) {
      return;
    }
    double peerGb = traffic.flows().stream().filter(f -> f.otherKind() == Flow.End.PEER || f.isBetweenPeers())
        .mapToDouble(Flow::gb).sum();
    double share = (n - 1) / (double) n;
    double peering = peerGb * share * 2 * crossAz;
    boolean usesTgw = g.peers().values().stream().anyMatch(l -> l.kind() == Design.LinkKind.TRANSIT_GATEWAY);
    boolean usesPeering = g.peers().values().stream().anyMatch(l -> l.kind() == Design.LinkKind.PEERING);
    int attachments = usesTgw ? Math.max(g.transitGatewayAttachments(), 1) : g.peers().size() + 1;
    double tgw = attachments * prices.usd(TRANSIT_GATEWAY_ATTACHMENT_HOUR) * h
        + peerGb * prices.usd(TRANSIT_GATEWAY_PER_GB);
    boolean peersTalk = traffic.flows().stream().anyMatch(Flow::isBetweenPeers);
    if (usesTgw && peering < tgw) {
      int vpcs = g.peers().size() + 1;
      list.add(new Advice("peering versus Transit Gateway", "the Transit Gateway costs " + usd(tgw) + " a month ("
          + attachments + " attachments, " + gb(peerGb) + (peersTalk ? " GB to and between peers); " : " GB to peers); ")
          + (peersTalk
              ? "a peering mesh (" + vpcs * (vpcs - 1) / 2 + " connections, one per pair of VPCs, since peers talk"
                  + " to each other)" : "peering each peer with the cluster VPC")
          + " would cost " + usd(peering) + " (no hourly charge; same-AZ free, cross-AZ " + CostModel.percent(share)
          + " assumed)" + (peersTalk ? "" : " — enough when the peers need no transitive routing"), tgw - peering));
    } else if (usesPeering && !usesTgw && tgw < peering) {
      list.add(new Advice("peering versus Transit Gateway", "peering costs " + usd(peering) + " a month of cross-AZ"
          + " data at " + gb(peerGb) + " GB to peers; a Transit Gateway (" + attachments + " attachments, no cross-AZ"
          + " charge) would cost " + usd(tgw), peering - tgw));
    } else if (usesPeering) {
      list.add(new Advice("peering versus Transit Gateway", "peering costs " + usd(peering) + " a month at "
          + gb(peerGb) + " GB to peers; a Transit Gateway would cost " + usd(tgw) + " (" + attachments
          + " attachments at " + usd(prices.usd(TRANSIT_GATEWAY_ATTACHMENT_HOUR) * h) + " each plus "
          + usd(prices.usd(TRANSIT_GATEWAY_PER_GB)) + "/GB): peering is the cheaper link", 0));
    }
  }

  static String usd(double v) {
    return "$" + String.format(Locale.ROOT, "%,.2f", v);
  }

  static String gb(double v) {
    return Math.abs(v - Math.rint(v)) < 1e-9 ? String.format(Locale.ROOT, "%,d", (long) Math.rint(v))
        : String.format(Locale.ROOT, "%,.1f", v);
  }
}
