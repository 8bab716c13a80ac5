package io.github.zonewise.traffic;

import io.github.zonewise.facts.AwsRegions;
import io.github.zonewise.facts.Cidr;
import io.github.zonewise.synth.Assembly;
import io.github.zonewise.synth.Note;
import io.github.zonewise.synth.Resource;
import io.github.zonewise.synth.Route;
import io.github.zonewise.synth.RouteTables;
import io.github.zonewise.synth.Value;
import io.github.zonewise.synth.Zone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link NetworkMap} of a synthesized cloud assembly, read with the one reader of the synth
 * ({@link Assembly}), for {@code zonewise traffic --assembly cdk.out}: any CDK app's VPCs, not only
 * Zonewise's.
 * <ul>
 *   <li>VPCs: every {@code AWS::EC2::VPC} with a known {@code CidrBlock}. The cluster VPC is the VPC
 *       of the {@code AWS::EKS::Cluster}'s subnets, else the VPC with NAT gateways, else the first.
 *       A VPC the cluster VPC routes to (a route to its CIDR through a peering connection or a Transit
 *       Gateway), or that a peering connection or Transit Gateway attachment connects, is a peer; any
 *       other is {@code other}. A VPC is named by its {@code Name} tag, the cluster VPC's name and a
 *       {@code -} taken off the front (Zonewise names a peer {@code <landscape>-<peer>}), else by its
 *       logical id;</li>
 *   <li>peers that exist outside the assembly: a route of the cluster VPC to a CIDR no VPC of the
 *       assembly has, through a peering connection or a Transit Gateway, is a peer named by the
 *       peering connection's {@code Name} tag (else {@code peer-<cidr>});</li>
 *   <li>subnets: {@code CidrBlock}, the AZ ({@code AvailabilityZone} or {@code AvailabilityZoneId}) and
 *       the tier: the {@code zonewise.io/tier} tag, else public when the default route goes to an
 *       internet gateway, else private;</li>
 *   <li>NAT gateways by their subnet's CIDR and {@code PrivateIpAddress} when written; interface
 *       endpoints by service ({@code com.amazonaws.<region>.<service>} → {@code <service>}) and their
 *       subnets' CIDRs (their addresses are known only after deployment: their bytes are attributed by
 *       subnet and AWS service where the records say so).</li>
 * </ul>
 * Values are resolved as the cost reader resolves them (parameters at their defaults). What cannot be
 * read is listed in {@link #notes()}.
 *
 * @param map   the network
 * @param notes what the assembly had that could not be mapped, for the report
 */
public record AssemblyNetwork(NetworkMap map, List<String> notes) {

  /** The tag a Zonewise subnet's tier is written in. */
  static final String TIER_TAG = "zonewise.io/tier";

  /**
   * Copies the notes.
   *
   * @param map   the network
   * @param notes what the assembly had that could not be mapped
   */
  public AssemblyNetwork {
    notes = List.copyOf(notes);
  }

  /**
   * Reads a cloud assembly's network.
   *
   * @param dir the cloud assembly directory ({@code cdk.out}, with {@code manifest.json})
   * @return the network and what was left out
   * @throws TrafficInputException when the directory is no cloud assembly, or has no VPC to map
   */
  public static AssemblyNetwork read(Path dir) {
    String prefix = "--assembly " + dir + ": ";
    if (!Files.isRegularFile(dir.resolve("manifest.json"))) {
      throw new TrafficInputException(prefix + "is not a cloud assembly (no manifest.json); synthesize first"
          + " (npx -y aws-cdk@2.1148.1 synth) and pass its output directory");
    }
    Assembly assembly = Assembly.read(dir);
    Optional<Note> unreadable = assembly.notes().stream().filter(n -> n.kind() == Note.Kind.UNREADABLE).findFirst();
    if (unreadable.isPresent()) {
      throw new TrafficInputException(prefix + "cannot read " + unreadable.get());
    }
    try {
      return of(assembly);
    } catch (TrafficInputException e) {
      throw new TrafficInputException(prefix + e.getMessage());
    }
  }

  /**
   * The network of an assembly already read.
   *
   * @param t the assembly
   * @return the network and what was left out
   * @throws TrafficInputException when the assembly has no VPC whose CIDR is known
   */
  public static AssemblyNetwork of(Assembly t) {
    List<String> notes = new ArrayList<>();
    RouteTables routing = RouteTables.of(t);
    Map<String, Resource> vpcs = new LinkedHashMap<>();
    Map<String, Cidr> cidrs = new LinkedHashMap<>();
    for (Resource v : t.ofType("AWS::EC2::VPC")) {
      Optional<Cidr> cidr = v.value("CidrBlock").textWithDefaults().flatMap(Cidr::parse);
      if (cidr.isEmpty()) {
        notes.add("VPC " + v.label() + ": its CidrBlock is known only at deploy time (an IPAM pool?); not mapped");
        continue;
      }
      vpcs.put(v.key(), v);
      cidrs.put(v.key(), cidr.get());
    }
    if (vpcs.isEmpty()) {
      throw new TrafficInputException("has no AWS::EC2::VPC with a CIDR block to attribute addresses to; pass"
          + " --network NETWORK.yaml instead");
    }
    String cluster = clusterVpc(t, vpcs);
    String clusterName = name(vpcs.get(cluster), null);

    Set<String> connected = new LinkedHashSet<>();
    for (Resource p : t.ofType("AWS::EC2::VPCPeeringConnection")) {
      connected.add(p.value("VpcId").key());
      connected.add(p.value("PeerVpcId").key());
    }
    for (Resource a : t.ofType("AWS::EC2::TransitGatewayAttachment", "AWS::EC2::TransitGatewayVpcAttachment")) {
      connected.add(a.value("VpcId").key());
    }
    boolean peering = !t.ofType("AWS::EC2::VPCPeeringConnection").isEmpty();
    boolean tgw = !t.ofType("AWS::EC2::TransitGatewayAttachment", "AWS::EC2::TransitGatewayVpcAttachment").isEmpty();

    String region = t.templates().stream().map(x -> x.region()).filter(r -> r != null && AwsRegions.isRegion(r))
        .findFirst().orElse(null);
    if (region == null) {
      throw new TrafficInputException("its stacks name no region (an environment-agnostic app); give the stack an"
          + " env region, or pass --network NETWORK.yaml");
    }
    NetworkMap.Builder b = NetworkMap.builder().region(region).interconnect(tgw ? "transitGateway"
        : peering ? "peering" : null);

    // the cluster VPC's routes to other CIDRs: peers (in the assembly or outside it)
    Map<String, String> peerCidrs = new LinkedHashMap<>();
    for (Resource s : t.inVpc("AWS::EC2::Subnet", cluster)) {
      for (Route r : routing.routes(routing.tableOf(s))) {
        if (r.target() == Route.Target.PEERING || r.target() == Route.Target.TRANSIT_GATEWAY) {
          peerCidrs.putIfAbsent(r.destination(), r.target() == Route.Target.PEERING ? r.targetKey() : null);
        }
      }
    }
    Map<String, String> names = new LinkedHashMap<>();
    for (Map.Entry<String, Resource> e : vpcs.entrySet()) {
      String key = e.getKey();
      Cidr cidr = cidrs.get(key);
      NetworkMap.VpcRole role = key.equals(cluster) ? NetworkMap.VpcRole.CLUSTER
          : connected.contains(key) || peerCidrs.containsKey(cidr.toString()) ? NetworkMap.VpcRole.PEER
          : NetworkMap.VpcRole.OTHER;
      String name = unique(key.equals(cluster) ? clusterName : name(e.getValue(), clusterName), names.values());
      names.put(key, name);
      b.vpc(new NetworkMap.Vpc(name, cidr, role, e.getValue().template().region(), null));
    }
    for (Map.Entry<String, String> p : peerCidrs.entrySet()) {
      Optional<Cidr> cidr = Cidr.parse(p.getKey());
      if (cidr.isEmpty() || cidrs.containsValue(cidr.get()) || cidrs.values().stream().anyMatch(c -> c.overlaps(cidr.get()))) {
        continue;
      }
      String name = p.getValue() == null ? null : t.resources().stream().filter(r -> r.key().equals(p.getValue()))
          .findFirst().map(r -> name(r, clusterName)).orElse(null);
      name = unique(name != null ? name : "peer-" + cidr.get().toString().replace('/', '-'), names.values());
      names.put(p.getKey(), name);
      b.vpc(new NetworkMap.Vpc(name, cidr.get(), NetworkMap.VpcRole.PEER, region, null));
      notes.add("peer " + name + " (" + cidr.get() + "): routed to from the cluster VPC, not in the assembly");
    }

    Map<String, String> subnetCidrs = new LinkedHashMap<>();
    for (Resource s : t.ofType("AWS::EC2::Subnet")) {
      String vpc = s.value("VpcId").key();
      Optional<Cidr> cidr = s.value("CidrBlock").textWithDefaults().flatMap(Cidr::parse);
      Optional<Zone> zone = Zone.of(s);
      if (!names.containsKey(vpc) || cidr.isEmpty() || zone.isEmpty()) {
        notes.add("subnet " + s.label() + ": " + (cidr.isEmpty() ? "its CidrBlock" : !names.containsKey(vpc)
            ? "its VPC" : "its AZ") + " is not known before deployment; its addresses count as their VPC's");
        continue;
      }
      String az = zone.get().kind() == Zone.Kind.ID ? zone.get().value() : zone.get().toString();
      String azId = s.value("AvailabilityZoneId").knownText().orElse(null);
      NetworkMap.SubnetTier tier = tier(s, routing);
      subnetCidrs.put(s.key(), cidr.get().toString());
      b.subnet(new NetworkMap.Subnet(names.get(vpc), cidr.get(), az, azId, tier, null));
    }
    for (Resource n : t.ofType("AWS::EC2::NatGateway")) {
      String subnet = subnetCidrs.get(n.value("SubnetId").key());
      if (subnet == null) {
        notes.add("NAT gateway " + n.label() + ": " + (n.properties().has("SubnetId") ? "its subnet is not mapped"
            : "regional (no SubnetId): its addresses are known only after deployment"));
        continue;
      }
      b.natGateway(new NetworkMap.NatGateway(subnet, n.value("PrivateIpAddress").knownText().orElse(null)));
    }
    for (Resource e : t.ofType("AWS::EC2::VPCEndpoint")) {
      if (!"Interface".equalsIgnoreCase(e.value("VpcEndpointType").textWithDefaults().orElse("Gateway"))) {
        continue;
      }
      String service = e.value("ServiceName").textWithDefaults().map(AssemblyNetwork::service).orElse(null);
      if (service == null) {
        notes.add("interface endpoint " + e.label() + ": its ServiceName is not known before deployment");
        continue;
      }
      List<String> subnets = new ArrayList<>();
      for (Value v : e.value("SubnetIds").items()) {
        Optional.ofNullable(subnetCidrs.get(v.key())).ifPresent(subnets::add);
      }
      b.interfaceEndpoint(new NetworkMap.InterfaceEndpoint(service, subnets, List.of(), List.of()));
    }
    for (Resource i : t.ofType("AWS::EC2::Instance")) {
      if (Boolean.FALSE.equals(i.value("SourceDestCheck").bool(true))) {
        notes.add("instance " + i.label() + " forwards traffic (SourceDestCheck false, a NAT instance?): its bytes"
            + " count as its subnet's, not as NAT");
      }
    }
    return new AssemblyNetwork(b.build().check(), notes);
  }

  private static String clusterVpc(Assembly t, Map<String, Resource> vpcs) {
    for (Resource c : t.ofType("AWS::EKS::Cluster")) {
      for (Value s : c.template().value(c.prop("ResourcesVpcConfig").path("SubnetIds")).items()) {
        Optional<Resource> subnet = s.resource();
        if (subnet.isPresent()) {
          String vpc = subnet.get().value("VpcId").key();
          if (vpcs.containsKey(vpc)) {
            return vpc;
          }
        }
      }
    }
    for (String vpc : vpcs.keySet()) {
      boolean nat = t.ofType("AWS::EC2::NatGateway").stream().anyMatch(n -> n.value("SubnetId").resource()
          .map(s -> vpc.equals(s.value("VpcId").key())).orElse(vpc.equals(n.value("VpcId").key())));
      if (nat) {
        return vpc;
      }
    }
    return vpcs.keySet().iterator().next();
  }

  private static NetworkMap.SubnetTier tier(Resource subnet, RouteTables routing) {
    Optional<String> tag = tag(subnet, TIER_TAG);
    if (tag.isPresent()) {
      try {
        return NetworkMap.SubnetTier.valueOf(tag.get().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // another tool's value: fall back to the routes
      }
    }
    return routing.isPublic(subnet) ? NetworkMap.SubnetTier.PUBLIC : NetworkMap.SubnetTier.PRIVATE;
  }

  /** A resource's {@code Name} tag, without the cluster VPC's name and a {@code -} in front; else its logical id. */
  private static String name(Resource r, String clusterName) {
    String name = tag(r, "Name").orElse(r.logicalId());
    if (clusterName != null && name.startsWith(clusterName + "-") && name.length() > clusterName.length() + 1) {
      name = name.substring(clusterName.length() + 1);
    }
    return name;
  }

  private static String unique(String name, java.util.Collection<String> taken) {
    String candidate = name;
    for (int i = 2; taken.contains(candidate); i++) {
      candidate = name + "-" + i;
    }
    return candidate;
  }

  private static Optional<String> tag(Resource r, String key) {
    for (Value tag : r.value("Tags").items()) {
      Optional<String> k = tag.template().value(tag.node().path("Key")).knownText();
      if (k.isPresent() && k.get().equals(key)) {
        return tag.template().value(tag.node().path("Value")).knownText();
      }
    }
    return Optional.empty();
  }

  /** {@code com.amazonaws.eu-west-1.ecr.api} → {@code ecr.api}. */
  static String service(String serviceName) {
    String[] parts = serviceName.split("\\.", 3);
    return parts.length == 3 && parts[0].equals("com") ? parts[2].substring(parts[2].indexOf('.') + 1) : serviceName;
  }
}
