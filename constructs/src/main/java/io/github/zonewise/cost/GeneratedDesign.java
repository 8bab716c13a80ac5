package io.github.zonewise.cost;

import io.github.zonewise.facts.KubernetesVersions;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.zonewise.synth.Assembly;
import io.github.zonewise.synth.KubernetesContext;
import io.github.zonewise.synth.KubernetesObject;
import io.github.zonewise.synth.LoadBalancing;
import io.github.zonewise.synth.Manifests;
import io.github.zonewise.synth.Resource;
import io.github.zonewise.synth.Route;
import io.github.zonewise.synth.RouteTables;
import io.github.zonewise.synth.ServiceRouting;
import io.github.zonewise.synth.Value;
import io.github.zonewise.synth.Zone;
import io.github.zonewise.cost.Design.Cluster;
import io.github.zonewise.cost.Design.InterfaceEndpoint;
import io.github.zonewise.cost.Design.Link;
import io.github.zonewise.cost.Design.LinkKind;
import io.github.zonewise.cost.Design.LoadBalancer;
import io.github.zonewise.cost.Design.Nat;
import io.github.zonewise.cost.Design.OtherVpc;
import io.github.zonewise.cost.Design.Service;
import io.github.zonewise.cost.DeclaredLandscape.DeclaredService;
import io.github.zonewise.cost.DeclaredLandscape.Peer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the generated design from what a synth produced — the CloudFormation templates of the
 * cloud assembly and the Kubernetes manifests — not from the landscape's intent. It reads the
 * standard CloudFormation and Kubernetes shapes, whichever construct produced them:
 * <ul>
 *   <li>the cluster VPC: the VPC of the {@code AWS::EKS::Cluster}'s subnets, else the VPC with the
 *       landscape's {@code network.cidr}; its private subnets are those whose route table has no
 *       default route to an internet gateway, and their AZs are the design's zones;</li>
 *   <li>NAT: {@code AWS::EC2::NatGateway} (zonal by {@code SubnetId}, or
 *       {@code AvailabilityMode: regional}), the private route tables' {@code 0.0.0.0/0} routes to
 *       them, and whether each leads to a gateway in the subnet's own AZ;</li>
 *   <li>endpoints: {@code AWS::EC2::VPCEndpoint} — gateway ones by the private route tables they are
 *       on, interface ones by the AZs of their {@code SubnetIds} and {@code PrivateDnsEnabled};</li>
 *   <li>interconnect: routes to each peer's CIDR ({@code VpcPeeringConnectionId} or
 *       {@code TransitGatewayId}), {@code AWS::EC2::VPCPeeringConnection}, Transit Gateway
 *       attachments; inter-region peering by {@code PeerRegion};</li>
 *   <li>registry: {@code AWS::ECR::ReplicationConfiguration} destinations; cluster:
 *       {@code AWS::EKS::Cluster} {@code Version};</li>
 *   <li>Kubernetes: each landscape service's {@code Service} (routing annotation and fields,
 *       type LoadBalancer and the AWS Load Balancer Controller annotations), the Deployment or
 *       StatefulSet it selects (replicas, zone pinning), {@code Ingress}es of class {@code alb}
 *       (target type, scheme, group) and Istio {@code DestinationRule} locality weights.</li>
 * </ul>
 * What the output does not have (a service without a Service manifest, say) is taken from the
 * landscape and listed among the design's facts as such. The files are read by
 * {@code io.github.zonewise.synth} (values resolved assuming parameters keep their defaults: the
 * default deployment is priced); a Service's routing and a load balancer are decoded there.
 */
final class GeneratedDesign {

  private static final String ZONE_KEY = "topology.kubernetes.io/zone";

  private final Assembly t;
  private final List<KubernetesObject> k8s;
  private final KubernetesContext context;
  private final RouteTables routing;
  private final DeclaredLandscape spec;
  private final List<String> facts = new ArrayList<>();

  private final Map<String, Subnet> subnets = new LinkedHashMap<>();
  private final Map<String, String> subnetTable = new LinkedHashMap<>();

  private record Subnet(String key, String vpc, String az) {
  }

  private GeneratedDesign(Assembly t, Manifests k8s, DeclaredLandscape spec) {
    this.t = t;
    this.k8s = k8s.unique();
    this.context = KubernetesContext.of(this.k8s);
    this.routing = RouteTables.of(t);
    this.spec = spec;
  }

  /**
   * Reads the generated design.
   *
   * @param templates the cloud assembly's templates
   * @param k8s       the Kubernetes objects of the manifests (files and applied; a file's object wins
   *                  over the same one applied by a template)
   * @param spec      what the landscape declares (for names, CIDRs and what the output lacks)
   * @return the design, named {@code generated}
   */
  static Design read(Assembly templates, Manifests k8s, DeclaredLandscape spec) {
    return new GeneratedDesign(templates, k8s, spec).read();
  }

  private Design read() {
    indexNetwork();
    String vpc = clusterVpc();
    List<Subnet> privateSubnets = subnets.values().stream()
        .filter(s -> Objects.equals(s.vpc(), vpc) && !routesTo(subnetTable.get(s.key()), RouteTables.DEFAULT,
            Route.Target.INTERNET_GATEWAY))
        .toList();
    Set<String> zoneSet = new LinkedHashSet<>();
    privateSubnets.forEach(s -> zoneSet.add(s.az()));
    int zones = zoneSet.isEmpty() ? spec.zones() : zoneSet.size();
    if (vpc == null) {
      facts.add("no VPC in the cloud assembly: zones taken from the landscape (" + zones + ")");
    } else {
      facts.add("cluster VPC " + vpc + ": " + privateSubnets.size() + " private subnets in " + zones + " AZs "
          + zoneSet);
    }
    Nat nat = nat(vpc, privateSubnets, zones);
    Map<String, Double> gateway = gatewayEndpoints(vpc, privateSubnets);
    Map<String, InterfaceEndpoint> iface = interfaceEndpoints(vpc, zones);
    Map<String, Service> services = new LinkedHashMap<>();
    List<LoadBalancer> lbs = new ArrayList<>();
    services(zones, services, lbs);
    Map<String, Link> peers = peers(vpc, privateSubnets, zones);
    int attachments = t.ofType("AWS::EC2::TransitGatewayAttachment", "AWS::EC2::TransitGatewayVpcAttachment",
        "AWS::EC2::TransitGatewayPeeringAttachment").size();
    int peerings = t.ofType("AWS::EC2::VPCPeeringConnection").size();
    if (attachments + peerings > 0) {
      facts.add("interconnect: " + peerings + " AWS::EC2::VPCPeeringConnection, " + attachments
          + " Transit Gateway attachments");
    }
    Map<String, Link> regions = regions();
    Set<String> replicated = replication();
    List<Cluster> clusters = clusters();
    List<OtherVpc> others = otherVpcs(vpc);
    List<String> remote = spec.replicaRegions();
    Optional<Design.FlowLog> flowLog = flowLog(vpc);
    return new Design("generated", zones, nat, gateway, iface, services, lbs, peers, attachments, peerings, regions,
        remote, replicated, clusters, others, facts, flowLog);
  }

  // ---------------------------------------------------------------- network index

  private void indexNetwork() {
    for (Resource r : t.ofType("AWS::EC2::Subnet")) {
      String az = Zone.of(r).map(Zone::toString).orElseGet(() -> r.value("AvailabilityZone").textWithDefaults()
          .or(() -> r.value("AvailabilityZoneId").textWithDefaults()).orElse("\u00abunknown zone\u00bb"));
      subnets.put(r.key(), new Subnet(r.key(), ref(r.value("VpcId")), az));
      subnetTable.put(r.key(), routing.tableOf(r));
    }
  }

  /** The key of the resource a value refers to, or the value's text (an existing resource's id). */
  private static String ref(Value value) {
    return value.resource().map(Resource::key).orElseGet(() -> value.textWithDefaults().orElse(null));
  }

  private static String text(Value value) {
    return value.textWithDefaults().orElse(null);
  }

  private boolean routesTo(String table, String destination, Route.Target target) {
    return routing.routes(table).stream()
        .anyMatch(r -> r.destination().equals(destination) && r.target() == target);
  }

  private Optional<Route> route(String table, String destination) {
    return routing.route(table, destination);
  }

  private String clusterVpc() {
    for (Resource c : t.ofType("AWS::EKS::Cluster")) {
      for (Value s : c.template().value(c.prop("ResourcesVpcConfig").path("SubnetIds")).items()) {
        Subnet subnet = subnets.get(ref(s));
        if (subnet != null && subnet.vpc() != null) {
          return subnet.vpc();
        }
      }
    }
    List<Resource> vpcs = t.ofType("AWS::EC2::VPC");
    String cidr = spec.vpcCidr().orElse(null);
    for (Resource v : vpcs) {
      if (cidr != null && cidr.equals(v.value("CidrBlock").textWithDefaults().orElse(null))) {
        return v.key();
      }
    }
    return vpcs.isEmpty() ? null : vpcs.get(0).key();
  }

  private String vpcOfNat(Resource n) {
    if (n.properties().has("SubnetId")) {
      Subnet s = subnets.get(ref(n.value("SubnetId")));
      return s == null ? null : s.vpc();
    }
    return ref(n.value("VpcId"));
  }

  private static boolean regional(Resource n) {
    return "regional".equalsIgnoreCase(text(n.value("AvailabilityMode")));
  }

  // ---------------------------------------------------------------- NAT

  private Nat nat(String vpc, List<Subnet> privateSubnets, int zones) {
    List<Resource> nats = t.ofType("AWS::EC2::NatGateway").stream()
        .filter(n -> vpc != null && vpc.equals(vpcOfNat(n))).toList();
    if (nats.isEmpty()) {
      facts.add("NAT: no AWS::EC2::NatGateway in the cluster VPC");
      return Nat.none();
    }
    Map<String, Resource> byKey = new LinkedHashMap<>();
    nats.forEach(n -> byKey.put(n.key(), n));
    int routed = 0;
    int crossing = 0;
    Map<String, Set<String>> activeZones = new LinkedHashMap<>();
    for (Subnet s : privateSubnets) {
      Optional<Route> r = route(subnetTable.get(s.key()), RouteTables.DEFAULT)
          .filter(x -> x.target() == Route.Target.NAT_GATEWAY);
      if (r.isEmpty() || !byKey.containsKey(r.get().targetKey())) {
        continue;
      }
      Resource n = byKey.get(r.get().targetKey());
      routed++;
      activeZones.computeIfAbsent(n.key(), k -> new LinkedHashSet<>()).add(s.az());
      if (!regional(n)) {
        Subnet natSubnet = subnets.get(ref(n.value("SubnetId")));
        if (natSubnet == null || !natSubnet.az().equals(s.az())) {
          crossing++;
        }
      }
    }
    int gateways = 0;
    int ips = 0;
    int zonal = 0;
    int regionalCount = 0;
    for (Resource n : nats) {
      boolean isPublic = !"private".equalsIgnoreCase(n.value("ConnectivityType").textWithDefaults().orElse("public"));
      if (regional(n)) {
        int active = Math.max(1, activeZones.getOrDefault(n.key(), Set.of()).size());
        gateways += active;
        ips += isPublic ? active : 0;
        regionalCount++;
      } else {
        gateways++;
        ips += isPublic ? 1 + n.value("SecondaryAllocationIds").items().size() : 0;
        zonal++;
      }
    }
    double share = routed == 0 ? 0 : crossing / (double) routed;
    String mode;
    if (regionalCount > 0 && zonal == 0) {
      mode = "regional";
    } else if (zonal == 1 && regionalCount == 0) {
      mode = zones == 1 ? "perAz" : "single";
    } else if (zonal == zones && crossing == 0 && regionalCount == 0) {
      mode = "perAz";
    } else {
      mode = zonal + " zonal, " + regionalCount + " regional";
    }
    facts.add("NAT: " + zonal + " zonal and " + regionalCount + " regional AWS::EC2::NatGateway (" + mode + ", "
        + gateways + " gateway-AZs billed, " + ips + " public IPv4); " + routed + " of " + privateSubnets.size()
        + " private subnets route 0.0.0.0/0 to one, " + crossing + " of them in another AZ");
    return new Nat(mode, gateways, ips, share, routed > 0);
  }

  // ---------------------------------------------------------------- endpoints

  private List<Resource> endpoints(String vpc, String type) {
    return t.ofType("AWS::EC2::VPCEndpoint").stream()
        .filter(e -> vpc != null && vpc.equals(ref(e.value("VpcId"))))
        .filter(e -> e.value("VpcEndpointType").textWithDefaults().orElse("Gateway").equalsIgnoreCase(type)).toList();
  }

  /** {@code com.amazonaws.eu-west-1.ecr.dkr} → {@code ecr.dkr}. */
  static String shortService(String name) {
    String n = name.startsWith("com.amazonaws.") ? name.substring("com.amazonaws.".length()) : name;
    int dot = n.indexOf('.');
    return dot < 0 ? n : n.substring(dot + 1);
  }

  private Map<String, Double> gatewayEndpoints(String vpc, List<Subnet> privateSubnets) {
    Set<String> privateTables = new LinkedHashSet<>();
    privateSubnets.forEach(s -> {
      if (subnetTable.get(s.key()) != null) {
        privateTables.add(subnetTable.get(s.key()));
      }
    });
    Map<String, Double> map = new LinkedHashMap<>();
    for (Resource e : endpoints(vpc, "Gateway")) {
      String service = shortService(e.value("ServiceName").textWithDefaults().orElse("?"));
      Set<String> tables = new LinkedHashSet<>();
      e.value("RouteTableIds").items().forEach(x -> tables.add(RouteTables.tableKey(x)));
      long covered = privateTables.stream().filter(tables::contains).count();
      double coverage = privateTables.isEmpty() ? (tables.isEmpty() ? 0 : 1) : covered / (double) privateTables.size();
      map.merge(service, coverage, Math::max);
    }
    if (!map.isEmpty()) {
      facts.add("gateway endpoints: " + map.entrySet().stream().map(x -> x.getKey() + " on "
          + CostModel.percent(x.getValue()) + " of private route tables").toList());
    }
    return map;
  }

  private Map<String, InterfaceEndpoint> interfaceEndpoints(String vpc, int zones) {
    Map<String, InterfaceEndpoint> map = new LinkedHashMap<>();
    for (Resource e : endpoints(vpc, "Interface")) {
      String service = shortService(e.value("ServiceName").textWithDefaults().orElse("?"));
      Optional<List<Value>> ids = e.value("SubnetIds").list();
      int azs;
      if (ids.isPresent() && e.prop("SubnetIds").isArray()) {
        Set<String> set = new LinkedHashSet<>();
        for (Value id : ids.get()) {
          String key = ref(id);
          Subnet s = subnets.get(key);
          set.add(s != null ? s.az() : "subnet " + key);
        }
        azs = set.size();
      } else {
        azs = zones;
        facts.add("interface endpoint " + service + ": subnets not a literal list; assumed in all " + zones + " AZs");
      }
      boolean dns = e.value("PrivateDnsEnabled").textWithDefaults().orElse("false").equalsIgnoreCase("true");
      InterfaceEndpoint prev = map.get(service);
      map.put(service, new InterfaceEndpoint(service, azs + (prev == null ? 0 : prev.zones()),
          dns || (prev != null && prev.privateDns())));
    }
    if (!map.isEmpty()) {
      facts.add("interface endpoints: " + map.values().stream().map(x -> x.service() + " in " + x.zones() + " AZs"
          + (x.privateDns() ? "" : " (private DNS off)")).toList());
    }
    return map;
  }

  // ---------------------------------------------------------------- interconnect, registry, cluster

  private Map<String, Link> peers(String vpc, List<Subnet> privateSubnets, int zones) {
    Map<String, Link> map = new LinkedHashMap<>();
    if (spec.peers().isEmpty()) {
      return map;
    }
    double share = (zones - 1) / (double) zones;
    Set<String> tables = new LinkedHashSet<>();
    privateSubnets.forEach(s -> {
      if (subnetTable.get(s.key()) != null) {
        tables.add(subnetTable.get(s.key()));
      }
    });
    for (Peer peer : spec.peers()) {
      String peerVpc = peerVpc(peer);
      LinkKind kind = null;
      String how = null;
      for (String table : tables) {
        Optional<Route> r = route(table, peer.cidr());
        if (r.isPresent() && r.get().target() == Route.Target.PEERING) {
          kind = LinkKind.PEERING;
          how = "route to " + peer.cidr() + " over a peering connection";
        } else if (r.isPresent() && r.get().target() == Route.Target.TRANSIT_GATEWAY) {
          kind = LinkKind.TRANSIT_GATEWAY;
          how = "route to " + peer.cidr() + " through a Transit Gateway";
        }
        if (kind != null) {
          break;
        }
      }
      if (kind == null && peerVpc != null) {
        for (Resource pcx : t.ofType("AWS::EC2::VPCPeeringConnection")) {
          Set<String> ends = Set.of(String.valueOf(ref(pcx.value("VpcId"))),
              String.valueOf(ref(pcx.value("PeerVpcId"))));
          if (ends.contains(vpc) && ends.contains(peerVpc)) {
            kind = LinkKind.PEERING;
            how = "AWS::EC2::VPCPeeringConnection " + pcx.logicalId();
          }
        }
        Set<String> attached = new LinkedHashSet<>();
        for (Resource a : t.ofType("AWS::EC2::TransitGatewayAttachment", "AWS::EC2::TransitGatewayVpcAttachment")) {
          attached.add(ref(a.value("VpcId")));
        }
        if (kind == null && attached.contains(vpc) && attached.contains(peerVpc)) {
          kind = LinkKind.TRANSIT_GATEWAY;
          how = "both VPCs attached to a Transit Gateway";
        }
      }
      if (kind == null) {
        facts.add("peer " + peer.name() + ": no peering or Transit Gateway route to " + peer.cidr()
            + " in the templates; priced through the NAT gateway to its public addresses");
        map.put(peer.name(), new Link(LinkKind.NAT, 0));
      } else {
        facts.add("peer " + peer.name() + ": " + how);
        map.put(peer.name(), new Link(kind, kind == LinkKind.PEERING ? share : 0));
      }
    }
    return map;
  }

  private String peerVpc(Peer peer) {
    for (Resource v : t.ofType("AWS::EC2::VPC")) {
      if (peer.cidr() != null && peer.cidr().equals(v.value("CidrBlock").textWithDefaults().orElse(null))) {
        return v.key();
      }
    }
    return peer.vpcId();
  }

  private Map<String, Link> regions() {
    Map<String, Link> map = new LinkedHashMap<>();
    for (Resource pcx : t.ofType("AWS::EC2::VPCPeeringConnection")) {
      pcx.value("PeerRegion").textWithDefaults().filter(r -> !r.equals(spec.region()))
          .ifPresent(r -> map.put(r, new Link(LinkKind.PEERING, 0)));
    }
    for (Resource a : t.ofType("AWS::EC2::TransitGatewayPeeringAttachment")) {
      a.value("PeerRegion").textWithDefaults().filter(r -> !r.equals(spec.region()))
          .ifPresent(r -> map.putIfAbsent(r, new Link(LinkKind.TRANSIT_GATEWAY, 0)));
    }
    if (!map.isEmpty()) {
      facts.add("inter-region links: " + map);
    }
    return map;
  }

  private Set<String> replication() {
    Set<String> regions = new LinkedHashSet<>();
    for (Resource r : t.ofType("AWS::ECR::ReplicationConfiguration")) {
      for (JsonNode rule : r.prop("ReplicationConfiguration").path("Rules")) {
        for (JsonNode d : rule.path("Destinations")) {
          r.template().value(d.get("Region")).textWithDefaults().filter(x -> !x.equals(spec.region()))
              .ifPresent(regions::add);
        }
      }
    }
    facts.add(regions.isEmpty() ? "registry: no AWS::ECR::ReplicationConfiguration"
        : "registry: AWS::ECR::ReplicationConfiguration replicates to " + regions);
    return regions;
  }

  /**
   * The flow log of the cluster VPC ({@code AWS::EC2::FlowLog} with {@code ResourceType: VPC} whose
   * {@code ResourceId} is the cluster VPC): its {@code LogDestinationType} (CloudFormation's default
   * {@code cloud-watch-logs}), {@code DestinationOptions.FileFormat} and {@code MaxAggregationInterval}.
   */
  private Optional<Design.FlowLog> flowLog(String vpc) {
    for (Resource r : t.ofType("AWS::EC2::FlowLog")) {
      if (vpc == null || !"VPC".equalsIgnoreCase(text(r.value("ResourceType"))) || !vpc.equals(ref(r.value("ResourceId")))) {
        continue;
      }
      String destination = Optional.ofNullable(text(r.value("LogDestinationType"))).orElse(Design.FlowLog.CLOUD_WATCH_LOGS);
      boolean parquet = "parquet".equalsIgnoreCase(r.template().value(r.prop("DestinationOptions").path("FileFormat"))
          .textWithDefaults().orElse(""));
      int interval = Design.FlowLog.DEFAULT_AGGREGATION_SECONDS;
      try {
        interval = Integer.parseInt(Optional.ofNullable(text(r.value("MaxAggregationInterval")))
            .orElse(String.valueOf(interval)));
      } catch (NumberFormatException e) {
        facts.add("flow log " + r.label() + ": MaxAggregationInterval unresolved, AWS's default "
            + Design.FlowLog.DEFAULT_AGGREGATION_SECONDS + " s assumed");
      }
      facts.add("flow log: " + r.label() + " delivers the cluster VPC's records to " + destination
          + (parquet ? " (Parquet)" : "") + " every " + interval + " s");
      return Optional.of(new Design.FlowLog(destination, parquet, interval));
    }
    facts.add("flow log: no AWS::EC2::FlowLog on the cluster VPC");
    return Optional.empty();
  }

  private List<Cluster> clusters() {
    List<Cluster> list = new ArrayList<>();
    for (Resource c : t.ofType("AWS::EKS::Cluster")) {
      String name = c.value("Name").textWithDefaults().orElse(c.logicalId());
      String version = c.value("Version").textWithDefaults().orElse("default");
      List<String> logTypes = new ArrayList<>();
      for (Value type : c.template().value(c.prop("Logging").path("ClusterLogging").path("EnabledTypes")).items()) {
        type.template().value(type.node().path("Type")).textWithDefaults().ifPresent(logTypes::add);
      }
      list.add(new Cluster(name, version, KubernetesVersions.billedAsExtended(version, KubernetesVersions.today()),
          logTypes));
    }
    if (list.isEmpty()) {
      facts.add(spec.cluster()
          ? "no AWS::EKS::Cluster in the cloud assembly: the control plane is not priced"
          : "no EKS cluster");
    } else {
      facts.add("EKS: " + list.stream().map(c -> c.name() + " " + c.version()
          + (c.extendedSupport() ? " (extended support)" : "")).toList());
    }
    return list;
  }

  private List<OtherVpc> otherVpcs(String clusterVpc) {
    List<OtherVpc> list = new ArrayList<>();
    for (Resource v : t.ofType("AWS::EC2::VPC")) {
      if (v.key().equals(clusterVpc)) {
        continue;
      }
      String cidr = v.value("CidrBlock").textWithDefaults().orElse("");
      String name = spec.peers().stream().filter(p -> cidr.equals(p.cidr())).map(Peer::name)
          .findFirst().orElse(v.logicalId());
      int gateways = 0;
      int ips = 0;
      for (Resource n : t.ofType("AWS::EC2::NatGateway")) {
        if (v.key().equals(vpcOfNat(n))) {
          gateways++;
          ips += "private".equalsIgnoreCase(n.value("ConnectivityType").textWithDefaults().orElse("public")) ? 0 : 1;
        }
      }
      int endpointAzs = 0;
      for (Resource e : endpoints(v.key(), "Interface")) {
        endpointAzs += Math.max(1, e.value("SubnetIds").items().size());
      }
      list.add(new OtherVpc(name, gateways, ips, endpointAzs));
      facts.add("other VPC " + name + " (" + v.key() + "): " + gateways + " NAT gateways, " + endpointAzs
          + " interface endpoint-AZs, priced alike in every design");
    }
    return list;
  }

  // ---------------------------------------------------------------- Kubernetes

  private void services(int zones, Map<String, Service> services, List<LoadBalancer> lbs) {
    List<DeclaredService> specs = spec.services();
    Map<String, LoadBalancer> ingressLbs = ingressLoadBalancers(zones, specs);
    for (int i = 0; i < specs.size(); i++) {
      DeclaredService s = specs.get(i);
      Optional<KubernetesObject> svc = ofKind("Service").stream()
          .filter(o -> o.name().equals(s.name()) && o.namespace().equals(s.namespace()))
          .findFirst();
      String namespace = s.namespace();
      if (svc.isEmpty()) {
        Routing routing = s.routing();
        int replicas = s.replicas();
        int own = Math.min(zones, s.zones());
        String source = "landscape services[" + i + "] (no Service " + s.name() + " in the manifests)";
        services.put(s.name(), Service.of(s.name(), namespace, replicas, Math.min(replicas, own), routing, null,
            own, source));
        facts.add("service " + s.name() + ": " + routing.landscapeName() + ", " + replicas
            + " replicas, taken from the landscape: no Service " + s.name() + " in the manifests");
      } else {
        KubernetesObject o = svc.get();
        Routing routing = Routing.of(ServiceRouting.of(o).orElseThrow().mode());
        int[] workload = workload(o, zones);
        int replicas = workload[0] > 0 ? workload[0] : s.replicas();
        // pods pinned to fewer zones than the VPC's (node pools in those zones) are called from those zones
        int own = workload[1] > 0 ? workload[1] : zones;
        int endpointZones = Math.max(1, Math.min(replicas, own));
        Double locality = locality(s.name(), o.namespace(), own, routing.crossAzShare(own, replicas,
            endpointZones));
        String source = "Service " + o.namespace() + "/" + o.name() + " in " + source(o);
        services.put(s.name(), Service.of(s.name(), o.namespace(), replicas, endpointZones, routing, locality,
            own, source));
        facts.add("service " + s.name() + ": " + routing.landscapeName() + (locality != null
            ? ", Istio locality " + CostModel.percent(locality) + " to other zones" : "")
            + ", " + replicas + " replicas in " + endpointZones + " zones (" + source
            + (workload[0] > 0 ? "" : "; replicas from the landscape: no workload selected by it") + ")");
        for (KubernetesObject lb : ofKind("Service")) {
          if ("LoadBalancer".equals(lb.spec().path("type").asText()) && lb.namespace().equals(o.namespace())
              && (lb.name().equals(o.name()) || selectsSamePods(lb, o))) {
            lbs.add(serviceLoadBalancer(lb, s.name(), zones));
          }
        }
      }
    }
    for (LoadBalancer lb : ingressLbs.values()) {
      lbs.add(lb);
    }
    for (int i = 0; i < specs.size(); i++) {
      DeclaredService s = specs.get(i);
      if (s.exposure().isPresent() && lbs.stream().noneMatch(lb -> lb.services().contains(s.name()))) {
        LoadBalancing.Kind kind = s.exposure().get();
        lbs.add(new LoadBalancer(s.name(), kind, true, s.internetFacing(), zones, kind == LoadBalancing.Kind.ALB,
            false, List.of(s.name()), "landscape services[" + i + "].expose"));
        facts.add("load balancer of " + s.name() + ": " + kind + " with IP targets, "
            + (s.internetFacing() ? "internet-facing" : "internal") + ", taken from"
            + " the landscape: no " + (kind == LoadBalancing.Kind.ALB ? "Ingress" : "Service of type LoadBalancer")
            + " for it in the manifests");
      }
    }
  }

  private List<KubernetesObject> ofKind(String kind) {
    return k8s.stream().filter(o -> o.kind().equals(kind)).toList();
  }

  /** Where an object was read: its file's name, or the stack and logical id that apply it. */
  private static String source(KubernetesObject o) {
    if (o.resource() != null) {
      return o.resource().template().name() + " " + o.resource().logicalId();
    }
    return o.file() == null ? "?" : o.file().getFileName().toString();
  }

  /** {replicas of the workloads the Service selects (0: none), zones they are pinned to (0: not pinned)}. */
  private int[] workload(KubernetesObject svc, int zones) {
    JsonNode selector = svc.spec().path("selector");
    if (!selector.isObject() || selector.isEmpty()) {
      return new int[] {0, 0};
    }
    int replicas = 0;
    Set<String> pinned = new LinkedHashSet<>();
    boolean unpinned = false;
    for (String kind : List.of("Deployment", "StatefulSet")) {
      for (KubernetesObject w : ofKind(kind)) {
        if (!w.namespace().equals(svc.namespace())) {
          continue;
        }
        if (!matches(selector, w.spec().path("template").path("metadata").path("labels"))) {
          continue;
        }
        replicas += w.spec().path("replicas").asInt(1);
        Set<String> z = pinnedZones(w.spec().path("template").path("spec"));
        if (z.isEmpty()) {
          unpinned = true;
        }
        pinned.addAll(z);
      }
    }
    return new int[] {replicas, unpinned || pinned.isEmpty() ? 0 : Math.min(zones, pinned.size())};
  }

  /**
   * Whether a load balancer Service selects the pods of a service's Service (the AWS Load Balancer
   * Controller pattern of a second Service, e.g. {@code orders-nlb}, beside the ClusterIP one): its
   * selector matches the pod labels of a workload the service's Service selects.
   */
  private boolean selectsSamePods(KubernetesObject lb, KubernetesObject svc) {
    JsonNode selector = lb.spec().path("selector");
    if (!selector.isObject() || selector.isEmpty()) {
      return false;
    }
    if (selector.equals(svc.spec().path("selector"))) {
      return true;
    }
    for (JsonNode labels : podLabels(svc)) {
      if (matches(selector, labels)) {
        return true;
      }
    }
    return false;
  }

  /** The pod template labels of the workloads a Service selects. */
  private List<JsonNode> podLabels(KubernetesObject svc) {
    List<JsonNode> list = new ArrayList<>();
    JsonNode selector = svc.spec().path("selector");
    if (!selector.isObject() || selector.isEmpty()) {
      return list;
    }
    for (String kind : List.of("Deployment", "StatefulSet")) {
      for (KubernetesObject w : ofKind(kind)) {
        JsonNode labels = w.spec().path("template").path("metadata").path("labels");
        if (w.namespace().equals(svc.namespace()) && matches(selector, labels)) {
          list.add(labels);
        }
      }
    }
    return list;
  }

  private static boolean matches(JsonNode selector, JsonNode labels) {
    for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> pinnedZones(JsonNode podSpec) {
    Set<String> zones = new LinkedHashSet<>();
    JsonNode selector = podSpec.path("nodeSelector").path(ZONE_KEY);
    if (selector.isTextual()) {
      zones.add(selector.asText());
    }
    for (JsonNode term : podSpec.path("affinity").path("nodeAffinity")
        .path("requiredDuringSchedulingIgnoredDuringExecution").path("nodeSelectorTerms")) {
      for (JsonNode expr : term.path("matchExpressions")) {
        if (ZONE_KEY.equals(expr.path("key").asText()) && "In".equals(expr.path("operator").asText())) {
          expr.path("values").forEach(v -> zones.add(v.asText()));
        }
      }
    }
    return zones;
  }

  /**
   * The cross-AZ share an Istio DestinationRule for a host sets with {@code localityLbSetting.distribute}:
   * per from-zone the weight sent to other zones, averaged over the zones (zones with no rule keep
   * the Service's share).
   */
  private Double locality(String name, String namespace, int zones, double serviceShare) {
    for (KubernetesObject dr : ofKind("DestinationRule")) {
      String[] host = dr.spec().path("host").asText("").split("\\.");
      boolean matches = host[0].equals(name) && (host.length < 2 || host[1].equals(namespace)
          || host[1].equals("*"));
      if (!matches) {
        continue;
      }
      JsonNode distribute = dr.spec().path("trafficPolicy").path("loadBalancer").path("localityLbSetting")
          .path("distribute");
      if (!distribute.isArray() || distribute.isEmpty()) {
        continue;
      }
      double sum = 0;
      int counted = 0;
      for (JsonNode rule : distribute) {
        String fromZone = zoneOf(rule.path("from").asText(""));
        if (fromZone == null || counted >= zones) {
          continue;
        }
        double total = 0;
        double same = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = rule.path("to").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          total += e.getValue().asDouble();
          if (fromZone.equals(zoneOf(e.getKey()))) {
            same += e.getValue().asDouble();
          }
        }
        if (total > 0) {
          sum += 1 - same / total;
          counted++;
        }
      }
      if (counted == 0) {
        continue;
      }
      return (sum + (zones - counted) * serviceShare) / zones;
    }
    return null;
  }

  /** {@code eu-west-1/eu-west-1a/*} → {@code eu-west-1a}; a wildcard zone → null. */
  private static String zoneOf(String locality) {
    String[] parts = locality.split("/");
    return parts.length < 2 || parts[1].isEmpty() || parts[1].equals("*") ? null : parts[1];
  }

  private LoadBalancer serviceLoadBalancer(KubernetesObject o, String service, int zones) {
    LoadBalancing lb = LoadBalancing.of(o, context).orElseThrow();
    boolean controller = lb.controller() == LoadBalancing.Controller.AWS_LOAD_BALANCER_CONTROLLER;
    boolean ip = lb.ipTargets();
    boolean internetFacing = lb.internetFacing();
    boolean crossZone = lb.crossZone();
    int lbZones = lb.subnets().isEmpty() ? zones : lb.subnets().size();
    String source = "Service " + o.namespace() + "/" + o.name() + " in " + source(o);
    facts.add("load balancer of " + service + ": NLB, " + (ip ? "IP" : "instance") + " targets, "
        + (internetFacing ? "internet-facing" : "internal") + ", cross-zone " + (crossZone ? "on" : "off")
        + ", " + lbZones + " AZs (" + source + (controller ? "" : "; no AWS Load Balancer Controller annotation:"
        + " the in-tree controller's load balancer, priced as an NLB") + ")");
    return new LoadBalancer(o.namespace() + "/" + o.name(), LoadBalancing.Kind.NLB, ip, internetFacing, lbZones,
        crossZone, lb.localTraffic(), List.of(service), source);
  }

  private Map<String, LoadBalancer> ingressLoadBalancers(int zones, List<DeclaredService> specs) {
    Map<String, LoadBalancer> map = new LinkedHashMap<>();
    for (KubernetesObject ing : ofKind("Ingress")) {
      Optional<LoadBalancing> alb = LoadBalancing.of(ing, context).filter(x -> x.kind() == LoadBalancing.Kind.ALB);
      if (alb.isEmpty()) {
        continue;
      }
      Set<String> backends = new LinkedHashSet<>();
      alb.get().backends().forEach(b -> backends.add(b.service()));
      List<String> services = specs.stream().map(DeclaredService::name).filter(backends::contains).toList();
      if (services.isEmpty()) {
        continue;
      }
      String group = alb.get().group();
      String name = group != null ? "group " + group : ing.namespace() + "/" + ing.name();
      boolean ip = alb.get().backends().stream().filter(b -> services.contains(b.service()))
          .allMatch(b -> b.targets() == LoadBalancing.Targets.IP);
      boolean internetFacing = alb.get().internetFacing();
      boolean crossZone = alb.get().crossZone();
      int lbZones = alb.get().subnets().isEmpty() ? zones : alb.get().subnets().size();
      String source = "Ingress " + ing.namespace() + "/" + ing.name() + " in " + source(ing);
      LoadBalancer prev = map.get(name);
      List<String> all = new ArrayList<>(prev == null ? List.of() : prev.services());
      services.stream().filter(s -> !all.contains(s)).forEach(all::add);
      LoadBalancer lb = prev == null
          ? new LoadBalancer(name, LoadBalancing.Kind.ALB, ip, internetFacing, lbZones, crossZone, false, all, source)
          : new LoadBalancer(name, LoadBalancing.Kind.ALB, prev.ipTargets(), prev.internetFacing(), prev.zones(),
              prev.crossZone(), false, all, prev.source() + ", " + source);
      map.put(name, lb);
      facts.add("load balancer of " + services + ": ALB " + name + ", " + (ip ? "IP" : "instance") + " targets, "
          + (internetFacing ? "internet-facing" : "internal") + ", " + lbZones + " AZs (" + source + ")");
    }
    return map;
  }


}
