package io.github.zonewise.traffic;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.zonewise.facts.Cidr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The network the flow-log addresses are attributed to: VPCs with their role, subnets with their AZ
 * and tier, NAT gateways and interface endpoints, and the home region. Plain values, built with
 * {@link #builder()} (the synth package builds it from a cloud assembly) or read from YAML
 * ({@link #read(Path)}):
 *
 * <pre>{@code
 * region: eu-west-1
 * interconnect: peering          # peering | transitGateway (how the peers are reached); optional
 * vpcs:
 *   - {name: shop, cidr: 10.0.0.0/16, role: cluster, id: vpc-0a1b2c3d4e5f67890}
 *   - {name: analytics, cidr: 10.1.0.0/16, role: peer}
 *   - {name: dr, cidr: 10.9.0.0/16, role: other, region: us-east-1}
 * subnets:
 *   - {vpc: shop, cidr: 10.0.0.0/19, az: eu-west-1a, azId: euw1-az1, tier: private, id: subnet-0a1b2c3d4e5f67890}
 * natGateways:
 *   - {subnet: 10.0.192.0/22, privateIp: 10.0.192.12}          # subnet by id or CIDR
 * interfaceEndpoints:
 *   - {service: ecr.api, addresses: [10.0.1.20, 10.0.33.20], interfaceIds: [eni-0a1b2c3d4e5f67890]}
 * }</pre>
 *
 * @param region             the home region
 * @param interconnect       how peer VPCs are reached ({@code peering} or {@code transitGateway}), or null
 * @param vpcs               the VPCs
 * @param subnets            the subnets
 * @param natGateways        the NAT gateways
 * @param interfaceEndpoints the interface endpoints
 */
public record NetworkMap(String region, String interconnect, List<Vpc> vpcs, List<Subnet> subnets,
    List<NatGateway> natGateways, List<InterfaceEndpoint> interfaceEndpoints) {

  /** The interconnect values. */
  public static final List<String> INTERCONNECTS = List.of("peering", "transitGateway");

  /** What a VPC is to the landscape. */
  public enum VpcRole {
    /** The VPC of the cluster: its addresses are pods, nodes, endpoints, load balancers. */
    CLUSTER,
    /** A peer VPC of {@code interconnect.vpcs}: a flow end by its name. */
    PEER,
    /** Another known VPC: a flow end by its region when in another region, else unattributed. */
    OTHER
  }

  /** A subnet's tier, as the Zonewise CIDR plan tags it ({@code zonewise.io/tier}). */
  public enum SubnetTier {
    /** Nodes, pods, interface endpoints. */
    PRIVATE,
    /** Load balancers and NAT gateways. */
    PUBLIC,
    /** Transit Gateway attachments. */
    TRANSIT
  }

  /**
   * A VPC.
   *
   * @param name   its name (a peer's name is a flow end)
   * @param cidr   its IPv4 block
   * @param role   what it is to the landscape
   * @param region its region (default: the map's)
   * @param id     its {@code vpc-…} id, if known
   */
  public record Vpc(String name, Cidr cidr, VpcRole role, String region, String id) {
    /**
     * Checks the required values.
     *
     * @param name   its name; not null
     * @param cidr   its IPv4 block; not null
     * @param role   what it is to the landscape; not null
     * @param region its region, or null for the map's
     * @param id     its {@code vpc-…} id, or null when not known
     */
    public Vpc {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(cidr, "cidr");
      Objects.requireNonNull(role, "role");
    }
  }

  /**
   * A subnet.
   *
   * @param vpc  the name of its VPC
   * @param cidr its IPv4 block
   * @param az   its AZ name, e.g. {@code eu-west-1a}
   * @param azId its AZ id, e.g. {@code euw1-az1} (what flow logs write), if known
   * @param tier its tier
   * @param id   its {@code subnet-…} id, if known
   */
  public record Subnet(String vpc, Cidr cidr, String az, String azId, SubnetTier tier, String id) {
    /**
     * Checks the required values.
     *
     * @param vpc  the name of its VPC; not null
     * @param cidr its IPv4 block; not null
     * @param az   its AZ name; not null
     * @param azId its AZ id, or null when not known
     * @param tier its tier; not null
     * @param id   its {@code subnet-…} id, or null when not known
     */
    public Subnet {
      Objects.requireNonNull(vpc, "vpc");
      Objects.requireNonNull(cidr, "cidr");
      Objects.requireNonNull(az, "az");
      Objects.requireNonNull(tier, "tier");
    }

    /** {@return the AZ as flow logs name it: the AZ id when known, else the AZ name} */
    public String zone() {
      return azId != null ? azId : az;
    }
  }

  /**
   * A NAT gateway.
   *
   * @param subnet    the id or CIDR of its subnet (for a regional NAT gateway: any subnet of the VPC)
   * @param privateIp its private address, if known
   */
  public record NatGateway(String subnet, String privateIp) {
    /**
     * Checks the required values.
     *
     * @param subnet    the id or CIDR of its subnet; not null
     * @param privateIp its private address, or null when not known
     */
    public NatGateway {
      Objects.requireNonNull(subnet, "subnet");
    }
  }

  /**
   * An interface VPC endpoint.
   *
   * @param service      its service name as the landscape writes it, e.g. {@code ecr.api}
   * @param subnets      the ids or CIDRs of its subnets, if known
   * @param addresses    the private addresses of its network interfaces, if known
   * @param interfaceIds the ids of its network interfaces, if known
   */
  public record InterfaceEndpoint(String service, List<String> subnets, List<String> addresses,
      List<String> interfaceIds) {
    /**
     * Copies the lists; a null list is empty.
     *
     * @param service      its service name, e.g. {@code ecr.api}; not null
     * @param subnets      the ids or CIDRs of its subnets, or null
     * @param addresses    the private addresses of its network interfaces, or null
     * @param interfaceIds the ids of its network interfaces, or null
     */
    public InterfaceEndpoint {
      Objects.requireNonNull(service, "service");
      subnets = subnets == null ? List.of() : List.copyOf(subnets);
      addresses = addresses == null ? List.of() : List.copyOf(addresses);
      interfaceIds = interfaceIds == null ? List.of() : List.copyOf(interfaceIds);
    }
  }

  /**
   * Copies the lists. The builder and {@link #read(Path)} also check the map is consistent (see
   * {@link #check()}).
   *
   * @param region             the home region; not null
   * @param interconnect       {@code peering}, {@code transitGateway}, or null
   * @param vpcs               the VPCs
   * @param subnets            the subnets
   * @param natGateways        the NAT gateways
   * @param interfaceEndpoints the interface endpoints
   */
  public NetworkMap {
    Objects.requireNonNull(region, "region");
    vpcs = List.copyOf(vpcs);
    subnets = List.copyOf(subnets);
    natGateways = List.copyOf(natGateways);
    interfaceEndpoints = List.copyOf(interfaceEndpoints);
  }

  /** {@return a new builder of an empty map} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The VPC with a name.
   *
   * @param name the VPC's name
   * @return the VPC
   */
  public Optional<Vpc> vpc(String name) {
    return vpcs.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /**
   * The subnet a reference names: its id or its CIDR.
   *
   * @param reference a {@code subnet-…} id or a CIDR
   * @return the subnet
   */
  public Optional<Subnet> subnet(String reference) {
    return subnets.stream().filter(s -> reference.equals(s.id()) || reference.equals(s.cidr().toString())).findFirst();
  }

  /**
   * Checks the map: CIDRs that do not overlap, subnets inside a VPC of the map, references that name
   * something, addresses inside their subnets.
   *
   * @return this map
   * @throws TrafficInputException naming the field and the value
   */
  public NetworkMap check() {
    for (int i = 0; i < vpcs.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (vpcs.get(i).cidr().overlaps(vpcs.get(j).cidr())) {
          throw new TrafficInputException("vpcs[" + i + "].cidr: " + vpcs.get(i).cidr() + " of " + vpcs.get(i).name()
              + " overlaps " + vpcs.get(j).cidr() + " of " + vpcs.get(j).name()
              + "; an address must belong to one VPC");
        }
        if (vpcs.get(i).name().equals(vpcs.get(j).name())) {
          throw new TrafficInputException("vpcs[" + i + "].name: '" + vpcs.get(i).name() + "' is listed twice;"
              + " name each VPC once");
        }
      }
    }
    List<String> names = vpcs.stream().map(Vpc::name).toList();
    for (int i = 0; i < subnets.size(); i++) {
      Subnet s = subnets.get(i);
      Optional<Vpc> vpc = vpc(s.vpc());
      if (vpc.isEmpty()) {
        throw new TrafficInputException("subnets[" + i + "].vpc: '" + s.vpc() + "' is not a VPC of the map; use one of "
            + names);
      }
      if (!vpc.get().cidr().contains(s.cidr())) {
        throw new TrafficInputException("subnets[" + i + "].cidr: " + s.cidr() + " is not inside " + vpc.get().cidr()
            + " of VPC " + s.vpc());
      }
    }
    for (int i = 0; i < natGateways.size(); i++) {
      NatGateway n = natGateways.get(i);
      Optional<Subnet> subnet = subnet(n.subnet());
      if (subnet.isEmpty()) {
        throw new TrafficInputException("natGateways[" + i + "].subnet: '" + n.subnet()
            + "' is not the id or CIDR of a subnet of the map");
      }
      if (n.privateIp() != null && !contains(subnet.get().cidr(), Addresses.ipv4(n.privateIp()))) {
        throw new TrafficInputException("natGateways[" + i + "].privateIp: '" + n.privateIp() + "' is not an address of"
            + " subnet " + subnet.get().cidr());
      }
    }
    for (int i = 0; i < interfaceEndpoints.size(); i++) {
      InterfaceEndpoint e = interfaceEndpoints.get(i);
      for (int j = 0; j < e.subnets().size(); j++) {
        if (subnet(e.subnets().get(j)).isEmpty()) {
          throw new TrafficInputException("interfaceEndpoints[" + i + "].subnets[" + j + "]: '" + e.subnets().get(j)
              + "' is not the id or CIDR of a subnet of the map");
        }
      }
      for (int j = 0; j < e.addresses().size(); j++) {
        if (Addresses.ipv4(e.addresses().get(j)) < 0) {
          throw new TrafficInputException("interfaceEndpoints[" + i + "].addresses[" + j + "]: '"
              + e.addresses().get(j) + "' is not an IPv4 address");
        }
      }
    }
    return this;
  }

  static boolean contains(Cidr cidr, long address) {
    return address >= cidr.address() && address <= cidr.last();
  }

  /**
   * Reads a map from YAML (see the class comment).
   *
   * @param file the YAML file
   * @return the checked map
   * @throws TrafficInputException when the file is missing or malformed, naming the field
   */
  public static NetworkMap read(Path file) {
    String prefix = "network map " + file + ": ";
    JsonNode root;
    try {
      ObjectMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();
      root = yaml.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new TrafficInputException(prefix + "does not exist; write the network as YAML (see README,"
          + " 'zonewise traffic') or pass --assembly cdk.out");
    } catch (IOException e) {
      throw new TrafficInputException(prefix + "is not YAML (" + firstLine(e.getMessage()) + ")");
    }
    try {
      return parse(root).check();
    } catch (TrafficInputException e) {
      throw new TrafficInputException(prefix + e.getMessage());
    }
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("");
  }

  static NetworkMap parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new TrafficInputException("the top level is not a map of region, vpcs, subnets, natGateways,"
          + " interfaceEndpoints");
    }
    known(root, "", List.of("region", "interconnect", "vpcs", "subnets", "natGateways", "interfaceEndpoints"));
    Builder b = builder().region(text(root, "region", true));
    String interconnect = text(root, "interconnect", false);
    if (interconnect != null && !INTERCONNECTS.contains(interconnect)) {
      throw new TrafficInputException("interconnect: '" + interconnect + "' is not one of " + INTERCONNECTS);
    }
    b.interconnect(interconnect);
    int i = 0;
    for (JsonNode v : list(root, "vpcs")) {
      String f = "vpcs[" + i++ + "]";
      known(v, f + ".", List.of("name", "cidr", "role", "region", "id"));
      String role = text(v, "role", f + ".role", true);
      VpcRole r;
      try {
        r = VpcRole.valueOf(role.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TrafficInputException(f + ".role: '" + role + "' is not one of [cluster, peer, other]");
      }
      b.vpc(new Vpc(text(v, "name", f + ".name", true), cidr(v, f), r, text(v, "region", f, false),
          text(v, "id", f, false)));
    }
    i = 0;
    for (JsonNode s : list(root, "subnets")) {
      String f = "subnets[" + i++ + "]";
      known(s, f + ".", List.of("vpc", "cidr", "az", "azId", "tier", "id"));
      String tier = text(s, "tier", f + ".tier", true);
      SubnetTier t;
      try {
        t = SubnetTier.valueOf(tier.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TrafficInputException(f + ".tier: '" + tier + "' is not one of [private, public, transit]");
      }
      b.subnet(new Subnet(text(s, "vpc", f + ".vpc", true), cidr(s, f), text(s, "az", f + ".az", true),
          text(s, "azId", f, false), t, text(s, "id", f, false)));
    }
    i = 0;
    for (JsonNode n : list(root, "natGateways")) {
      String f = "natGateways[" + i++ + "]";
      known(n, f + ".", List.of("subnet", "privateIp"));
      b.natGateway(new NatGateway(text(n, "subnet", f + ".subnet", true), text(n, "privateIp", f, false)));
    }
    i = 0;
    for (JsonNode e : list(root, "interfaceEndpoints")) {
      String f = "interfaceEndpoints[" + i++ + "]";
      known(e, f + ".", List.of("service", "subnets", "addresses", "interfaceIds"));
      b.interfaceEndpoint(new InterfaceEndpoint(text(e, "service", f + ".service", true), strings(e, "subnets", f),
          strings(e, "addresses", f), strings(e, "interfaceIds", f)));
    }
    return b.build();
  }

  private static void known(JsonNode node, String prefix, List<String> keys) {
    if (!node.isObject()) {
      throw new TrafficInputException(prefix.isEmpty() ? "the top level is not a map"
          : prefix.substring(0, prefix.length() - 1) + ": is not a map of " + keys);
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!keys.contains(k)) {
        throw new TrafficInputException(prefix + k + ": unknown key; known keys: " + String.join(", ", keys));
      }
    }
  }

  private static List<JsonNode> list(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new TrafficInputException(key + ": is not a list");
    }
    List<JsonNode> out = new ArrayList<>();
    v.forEach(out::add);
    return out;
  }

  private static String text(JsonNode node, String key, boolean required) {
    return text(node, key, key, required);
  }

  private static String text(JsonNode node, String key, String field, boolean required) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      if (required) {
        throw new TrafficInputException(field + ": is missing");
      }
      return null;
    }
    if (!v.isValueNode()) {
      throw new TrafficInputException(field + (field.endsWith(key) ? "" : "." + key) + ": is not a single value");
    }
    return v.asText();
  }

  private static Cidr cidr(JsonNode node, String field) {
    String text = text(node, "cidr", field + ".cidr", true);
    return Cidr.parse(text).orElseThrow(() -> new TrafficInputException(field + ".cidr: '" + text
        + "' is not an IPv4 CIDR block without host bits, e.g. 10.0.0.0/16"));
  }

  private static List<String> strings(JsonNode node, String key, String field) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new TrafficInputException(field + "." + key + ": is not a list");
    }
    List<String> out = new ArrayList<>();
    v.forEach(x -> out.add(x.asText()));
    return out;
  }

  /** Builds a {@link NetworkMap}. */
  public static final class Builder {
    private String region;
    private String interconnect;
    private final List<Vpc> vpcs = new ArrayList<>();
    private final List<Subnet> subnets = new ArrayList<>();
    private final List<NatGateway> natGateways = new ArrayList<>();
    private final List<InterfaceEndpoint> interfaceEndpoints = new ArrayList<>();

    private Builder() {
    }

    /**
     * The home region. Required.
     *
     * @param region e.g. {@code eu-west-1}
     * @return this builder
     */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /**
     * How the peers are reached: {@code peering} or {@code transitGateway}. Default: from the records'
     * {@code traffic-path} (4 is peering), else unknown.
     *
     * @param interconnect one of {@link #INTERCONNECTS}, or null
     * @return this builder
     */
    public Builder interconnect(String interconnect) {
      this.interconnect = interconnect;
      return this;
    }

    /**
     * One more VPC.
     *
     * @param vpc the VPC
     * @return this builder
     */
    public Builder vpc(Vpc vpc) {
      vpcs.add(vpc);
      return this;
    }

    /**
     * One more VPC in the home region.
     *
     * @param name its name
     * @param cidr its block
     * @param role its role
     * @return this builder
     */
    public Builder vpc(String name, String cidr, VpcRole role) {
      return vpc(new Vpc(name, Cidr.parse(cidr).orElseThrow(() -> new IllegalArgumentException("not a CIDR: " + cidr)),
          role, null, null));
    }

    /**
     * One more subnet.
     *
     * @param subnet the subnet
     * @return this builder
     */
    public Builder subnet(Subnet subnet) {
      subnets.add(subnet);
      return this;
    }

    /**
     * One more NAT gateway.
     *
     * @param nat the gateway
     * @return this builder
     */
    public Builder natGateway(NatGateway nat) {
      natGateways.add(nat);
      return this;
    }

    /**
     * One more interface endpoint.
     *
     * @param endpoint the endpoint
     * @return this builder
     */
    public Builder interfaceEndpoint(InterfaceEndpoint endpoint) {
      interfaceEndpoints.add(endpoint);
      return this;
    }

    /**
     * The map, checked.
     *
     * @return the map
     * @throws TrafficInputException when it is inconsistent
     */
    public NetworkMap build() {
      if (region == null) {
        throw new TrafficInputException("region: is missing; write the home region, e.g. region: eu-west-1");
      }
      return new NetworkMap(region, interconnect, vpcs, subnets, natGateways, interfaceEndpoints).check();
    }
  }
}
