package io.github.zonewise.traffic;

import io.github.zonewise.traffic.NetworkMap.Subnet;
import io.github.zonewise.traffic.NetworkMap.SubnetTier;
import io.github.zonewise.traffic.NetworkMap.Vpc;
import io.github.zonewise.traffic.TrafficMeasurement.FlowEnds;
import io.github.zonewise.traffic.TrafficMeasurement.Hop;
import io.github.zonewise.traffic.TrafficMeasurement.NatBytes;
import io.github.zonewise.traffic.TrafficMeasurement.VpcPair;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures flow logs: reads them ({@link FlowLogReader}), counts each byte once and attributes it
 * to the ends of a {@link NetworkMap} and {@link PodInventory}. The same rules as the SQL of
 * {@link io.github.zonewise.facts.FlowLogQuery} ({@code flows.sql}), so the Athena queries and this
 * measurement agree on the same records.
 *
 * <p><b>Each byte once.</b> A flow log records a byte at every interface it passes: at the sender,
 * at a NAT gateway or Transit Gateway interface on the way, at the receiver. A byte is counted, as a
 * flow {@code pkt-srcaddr → pkt-dstaddr}, at exactly one observation point:
 * <ol>
 *   <li>at the sender: an {@code egress} record ({@code flow-direction}) at an interface that does not
 *       forward; or, when the sender is not a <em>home</em> (an address that sends from an interface of
 *       the logs: the internet, an AWS service, a VPC whose flow logs are not in the input),</li>
 *   <li>at the receiver: an {@code ingress} record at an interface that does not forward.</li>
 * </ol>
 * A <em>forwarding</em> interface is requester-managed ({@code instance-id} {@code -}) and has a
 * record whose {@code srcaddr} is not {@code pkt-srcaddr} (egress) or {@code dstaddr} not
 * {@code pkt-dstaddr} (ingress): a NAT gateway or a Transit Gateway attachment. Its records are never
 * flows; they measure their hop: NAT gateway processing (its egress records: each processed byte
 * leaves it once) and hops across AZs into it.
 *
 * <p><b>Hops across AZs</b>: an egress record whose next address ({@code dstaddr}) is a home in another
 * AZ of the same VPC (or across VPC peering, {@code traffic-path} 4), and an ingress record at a
 * forwarding interface from a home in another AZ of its VPC. AZs come from the network map's subnets.
 * Hops to or from interface endpoints and Transit Gateway attachments are not charged (AWS, April 2022).
 */
public final class TrafficAnalysis {

  /** The rule names of the explanation ({@code --explain}). */
  static final String RULE_EGRESS = "counted at the sender's egress (rule 1)";
  static final String RULE_INGRESS = "counted at the receiver's ingress, sender outside the logs (rule 2)";
  static final String RULE_FORWARDER = "not a flow: at a forwarding interface (NAT gateway, Transit Gateway)";
  static final String RULE_SEEN = "not a flow: ingress of a byte already counted at its sender's egress";

  private final NetworkMap map;
  private final PodInventory pods;
  private final Map<String, Place> places = new HashMap<>();
  private final Map<String, String> endpointByAddress = new HashMap<>();
  private final Map<String, String> endpointByInterface = new HashMap<>();

  private TrafficAnalysis(NetworkMap map, PodInventory pods) {
    this.map = map;
    this.pods = pods;
    for (NetworkMap.InterfaceEndpoint e : map.interfaceEndpoints()) {
      e.addresses().forEach(a -> endpointByAddress.put(a, e.service()));
      e.interfaceIds().forEach(i -> endpointByInterface.put(i, e.service()));
    }
  }

  /**
   * Reads and measures flow-log files.
   *
   * @param inputs   files and directories of flow logs
   * @param map      the network
   * @param pods     the pod inventory ({@link PodInventory#EMPTY} for none)
   * @param threads  files read at once
   * @param progress how far reading has come
   * @return the measurement
   * @throws TrafficInputException for input that is not a flow log or lacks the fields needed
   */
  public static TrafficMeasurement measure(List<Path> inputs, NetworkMap map, PodInventory pods, int threads,
      Progress progress) {
    return measure(FlowLogReader.read(FlowLogReader.files(inputs), threads, progress), map, pods);
  }

  static TrafficMeasurement measure(Aggregate a, NetworkMap map, PodInventory pods) {
    return new TrafficAnalysis(map, pods).run(a);
  }

  /** Where an address is in the map. */
  private record Place(Vpc vpc, Subnet subnet) {
    String zone() {
      return subnet == null ? null : subnet.zone();
    }

    String subnetName() {
      return subnet == null ? null : subnet.id() != null ? subnet.id() : subnet.cidr().toString();
    }
  }

  private Place place(String address) {
    return places.computeIfAbsent(address, a -> {
      long ip = Addresses.ipv4(a);
      if (ip < 0) {
        return new Place(null, null);
      }
      Vpc vpc = null;
      for (Vpc v : map.vpcs()) {
        if (NetworkMap.contains(v.cidr(), ip) && (vpc == null || v.cidr().prefix() > vpc.cidr().prefix())) {
          vpc = v;
        }
      }
      Subnet subnet = null;
      for (Subnet s : map.subnets()) {
        if (NetworkMap.contains(s.cidr(), ip) && (subnet == null || s.cidr().prefix() > subnet.cidr().prefix())) {
          subnet = s;
        }
      }
      return new Place(vpc, subnet);
    });
  }

  private TrafficMeasurement run(Aggregate a) {
    Map<String, long[]> rules = new LinkedHashMap<>();
    for (String rule : List.of(RULE_EGRESS, RULE_INGRESS, RULE_FORWARDER, RULE_SEEN)) {
      rules.put(rule, new long[2]);
    }
    // interfaces: which forward, which belong to NAT gateways and endpoints, their own addresses
    Set<String> forwarders = new HashSet<>();
    for (FlowKey k : a.keys.keySet()) {
      if (FlowKey.MISSING.equals(k.instanceId()) && k.forwarding()) {
        forwarders.add(k.interfaceId());
      }
    }
    Set<String> homes = new HashSet<>();
    Set<String> nats = new HashSet<>();
    for (FlowKey k : a.keys.keySet()) {
      boolean forwarder = forwarders.contains(k.interfaceId());
      if (k.egress() && !forwarder) {
        homes.add(k.pktSrcaddr());
      }
      if (k.egress() && forwarder && !Addresses.isPrivate(k.dstaddr())) {
        nats.add(k.interfaceId());
      }
      String own = k.egress() ? k.srcaddr() : k.dstaddr();
      if (!forwarder && endpointByAddress.containsKey(own)) {
        endpointByInterface.putIfAbsent(k.interfaceId(), endpointByAddress.get(own));
      }
    }
    for (FlowKey k : a.keys.keySet()) {
      String service = endpointByInterface.get(k.interfaceId());
      if (service != null && !forwarders.contains(k.interfaceId())) {
        endpointByAddress.putIfAbsent(k.egress() ? k.srcaddr() : k.dstaddr(), service);
      }
    }

    Map<Hop, Long> crossAz = new TreeMap<>(java.util.Comparator.comparing(Hop::toString));
    Map<NatBytes, Long> nat = new TreeMap<>(java.util.Comparator.comparing(NatBytes::toString));
    Map<String, long[]> endpoints = new TreeMap<>();
    Map<VpcPair, Long> between = new TreeMap<>(java.util.Comparator.comparing(VpcPair::toString));
    Map<String, Long> interRegion = new TreeMap<>();
    Map<String, Long> s3AndDynamo = new TreeMap<>();
    Map<String, Long> natAws = new HashMap<>();
    Map<FlowEnds, Long> profile = new TreeMap<>(java.util.Comparator.comparing(FlowEnds::from)
        .thenComparing(FlowEnds::to));
    Map<String, Object[]> unattributed = new TreeMap<>();
    Map<FlowEnds, Long> talkers = new HashMap<>();
    long transitGateway = 0;
    long peering = 0;
    long internetOut = 0;
    long internetIn = 0;

    for (Map.Entry<FlowKey, long[]> e : a.keys.entrySet()) {
      FlowKey k = e.getKey();
      long bytes = e.getValue()[0];
      long records = e.getValue()[2];
      boolean forwarder = forwarders.contains(k.interfaceId());

      // interface endpoints: every byte at an endpoint interface, in or out
      String endpoint = endpointByInterface.get(k.interfaceId());
      if (endpoint != null) {
        long[] io = endpoints.computeIfAbsent(endpoint, x -> new long[2]);
        io[k.ingress() ? 0 : 1] += bytes;
      }

      // NAT gateways: each processed byte leaves the gateway's interface once
      if (k.egress() && nats.contains(k.interfaceId())) {
        boolean outbound = !Addresses.isPrivate(k.dstaddr());
        String remote = outbound ? k.dstaddr() : k.pktSrcaddr();
        String service = outbound ? k.pktDstService() : k.pktSrcService();
        String destination = Addresses.isPrivate(remote) || "EC2".equals(service) ? "other"
            : FlowKey.MISSING.equals(service) ? "internet" : "aws-service";
        nat.merge(new NatBytes(natName(k.srcaddr()), destination, service, outbound ? "outbound" : "inbound"),
            bytes, Long::sum);
        if ("S3".equals(service) || "DYNAMODB".equals(service)) {
          natAws.merge(service, bytes, Long::sum);
        }
      }

      // hops across AZs
      hop(k, bytes, forwarder, nats, homes, crossAz);

      // flows, each byte once
      boolean flow;
      if (forwarder) {
        add(rules, RULE_FORWARDER, records, bytes);
        flow = false;
      } else if (k.egress()) {
        add(rules, RULE_EGRESS, records, bytes);
        flow = true;
      } else if (k.ingress() && !homes.contains(k.pktSrcaddr())) {
        add(rules, RULE_INGRESS, records, bytes);
        flow = true;
      } else {
        add(rules, RULE_SEEN, records, bytes);
        flow = false;
      }
      if (!flow) {
        continue;
      }
      talkers.merge(new FlowEnds(k.pktSrcaddr(), k.pktDstaddr()), bytes, Long::sum);
      End from = end(k.pktSrcaddr(), k.pktSrcService());
      End to = end(k.pktDstaddr(), k.pktDstService());
      add(rules, "end: " + from.kind, 0, bytes);
      add(rules, "end: " + to.kind, 0, bytes);
      if (from.name != null && to.name != null) {
        profile.merge(new FlowEnds(from.name, to.name), bytes, Long::sum);
      } else {
        End unknown = from.name == null ? from : to;
        Object[] u = unattributed.computeIfAbsent(unknown.reason, r -> new Object[] {0L, unknown.address});
        u[0] = (Long) u[0] + bytes;
      }
      if ("internet".equals(to.name)) {
        internetOut += bytes;
      }
      if ("internet".equals(from.name)) {
        internetIn += bytes;
      }
      for (String svc : List.of(k.pktSrcService(), k.pktDstService())) {
        if ("S3".equals(svc) || "DYNAMODB".equals(svc)) {
          s3AndDynamo.merge(svc, bytes, Long::sum);
        }
      }
      if (Addresses.isPrivate(k.pktSrcaddr()) && Addresses.isPrivate(k.pktDstaddr())) {
        Place ps = place(k.pktSrcaddr());
        Place pd = place(k.pktDstaddr());
        String vs = ps.vpc == null ? "outside" : ps.vpc.id() != null ? ps.vpc.id() : ps.vpc.name();
        String vd = pd.vpc == null ? "outside" : pd.vpc.id() != null ? pd.vpc.id() : pd.vpc.name();
        if (!vs.equals(vd)) {
          String via = ps.vpc == null || pd.vpc == null ? "unknown" : k.trafficPath() == 4 ? "peering"
              : k.trafficPath() == 5 ? "inter-region peering" : map.interconnect() != null ? map.interconnect()
              : "unknown";
          between.merge(new VpcPair(vs, vd, via), bytes, Long::sum);
          if (via.equals("transitGateway")) {
            transitGateway += bytes;
          } else if (via.equals("peering") || via.equals("inter-region peering")) {
            peering += bytes;
          }
          for (Place p : List.of(ps, pd)) {
            if (p.vpc != null && p.vpc.region() != null && !p.vpc.region().equals(map.region())) {
              interRegion.merge(p.vpc.region(), bytes, Long::sum);
            }
          }
        }
      }
    }
    Map<String, Long> gateway = new TreeMap<>();
    s3AndDynamo.forEach((svc, b) -> {
      long through = b - natAws.getOrDefault(svc, 0L);
      if (through > 0) {
        gateway.put(svc.equals("S3") ? "s3" : "dynamodb", through);
      }
    });
    Map<String, String> missing = new TreeMap<>();
    a.missingOptional.forEach((fields, seen) -> missing.put(fields, seen[0] + ((Integer) seen[1] > 1
        ? " and " + ((Integer) seen[1] - 1) + " more file" + ((Integer) seen[1] > 2 ? "s" : "") : "")));
    return new TrafficMeasurement(a.files, a.records, a.accepted, a.rejectedRecords, a.rejectedBytes, a.noData,
        a.skipData, a.hasWindow() ? a.minStart : 0, a.hasWindow() ? a.maxEnd : 0, a.textBytes, crossAz, nat,
        endpoints, between, transitGateway, peering, interRegion, internetOut, internetIn, gateway, profile,
        unattributed, talkers, rules, missing, endpointByInterface);
  }

  private static void add(Map<String, long[]> rules, String rule, long records, long bytes) {
    long[] v = rules.computeIfAbsent(rule, r -> new long[2]);
    v[0] += records;
    v[1] += bytes;
  }

  private void hop(FlowKey k, long bytes, boolean forwarder, Set<String> nats, Set<String> homes,
      Map<Hop, Long> crossAz) {
    Place from;
    Place to;
    if (k.egress() && homes.contains(k.dstaddr())) {
      from = place(k.srcaddr());
      to = place(k.dstaddr());
      boolean peered = from.vpc != null && to.vpc != null && from.vpc != to.vpc
          && (k.trafficPath() == 4 || (k.trafficPath() == 0 && "peering".equals(map.interconnect())));
      if (from.vpc == null || (from.vpc != to.vpc && !peered)) {
        return;
      }
    } else if (k.ingress() && forwarder && homes.contains(k.srcaddr())) {
      from = place(k.srcaddr());
      to = place(k.dstaddr());
      if (from.vpc == null || from.vpc != to.vpc) {
        return;
      }
    } else {
      return;
    }
    if (from.zone() == null || to.zone() == null || from.zone().equals(to.zone())) {
      return;
    }
    boolean transit = (forwarder && !nats.contains(k.interfaceId()))
        || tier(from) == SubnetTier.TRANSIT || tier(to) == SubnetTier.TRANSIT;
    boolean endpoint = endpointByAddress.containsKey(k.srcaddr()) || endpointByAddress.containsKey(k.dstaddr());
    String via = nats.contains(k.interfaceId()) ? "nat" : transit ? "transit-gateway" : endpoint ? "endpoint"
        : from.vpc != to.vpc ? "peering" : "vpc";
    crossAz.merge(new Hop(from.zone(), from.subnetName(), to.zone(), to.subnetName(), via, !transit && !endpoint),
        bytes, Long::sum);
  }

  private static SubnetTier tier(Place p) {
    return p.subnet == null ? null : p.subnet.tier();
  }

  private String natName(String address) {
    for (NetworkMap.NatGateway n : map.natGateways()) {
      if (address.equals(n.privateIp())) {
        return "NAT gateway " + address;
      }
    }
    Place p = place(address);
    if (p.subnet != null) {
      for (NetworkMap.NatGateway n : map.natGateways()) {
        if (n.privateIp() == null && map.subnet(n.subnet()).map(s -> s == p.subnet).orElse(false)) {
          return "NAT gateway in " + p.subnetName();
        }
      }
    }
    return "NAT gateway " + address;
  }

  /** A flow end: its landscape name, or why it has none. */
  private record End(String name, String kind, String reason, String address) {
    static End named(String name, String kind) {
      return new End(name, kind, null, null);
    }

    static End unattributed(String reason, String address) {
      return new End(null, "unattributed", reason, address);
    }
  }

  private End end(String address, String service) {
    if (!Addresses.isPrivate(address)) {
      return switch (service) {
        case "S3" -> End.named("s3", "AWS service (pkt-*-aws-service)");
        case "DYNAMODB" -> End.named("dynamodb", "AWS service (pkt-*-aws-service)");
        case FlowKey.MISSING, "EC2" -> End.named("internet", "internet (a public address of no AWS service)");
        default -> End.unattributed("an address of the AWS range " + service + ", which is no end the landscape"
            + " format names", address);
      };
    }
    Place p = place(address);
    if (p.vpc == null) {
      return End.unattributed("a private address outside every CIDR of the network map", address);
    }
    Vpc vpc = p.vpc;
    if (vpc.region() != null && !vpc.region().equals(map.region())) {
      return End.named(vpc.region(), "another region (VPC by CIDR)");
    }
    switch (vpc.role()) {
      case PEER:
        return End.named(vpc.name(), "peer VPC (by CIDR)");
      case OTHER:
        return End.unattributed("an address of VPC " + vpc.name() + ", which is not a peer of the landscape", address);
      default:
        break;
    }
    String endpoint = endpointByAddress.get(address);
    if (endpoint != null) {
      return End.named(endpoint, "interface endpoint (network map)");
    }
    var pod = pods.pod(address);
    if (pod.isPresent()) {
      return End.named(pod.get().end(), pod.get().service() != null ? "service (pod inventory)"
          : "workload (pod inventory, no Service selects it)");
    }
    String node = pods.nodes().get(address);
    if (node != null) {
      return End.unattributed("the address of a node (pods' traffic to outside the VPC is SNATed to it unless"
          + " AWS_VPC_K8S_CNI_EXTERNALSNAT is true)", address);
    }
    for (NetworkMap.NatGateway n : map.natGateways()) {
      if (address.equals(n.privateIp())) {
        return End.unattributed("a NAT gateway's own address", address);
      }
    }
    if (pods.pods().isEmpty()) {
      return End.unattributed("an address of " + vpc.name() + " with no pod inventory to name it (pass --pods)",
          address);
    }
    return End.unattributed("an address of " + vpc.name() + " that is no pod of the inventory, interface endpoint"
        + " or NAT gateway (a load balancer, a node, another interface)", address);
  }
}
