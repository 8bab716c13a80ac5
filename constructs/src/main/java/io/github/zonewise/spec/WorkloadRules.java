package io.github.zonewise.spec;

import io.github.zonewise.facts.AwsRegions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.zonewise.k8s.IpModeLoadBalancerProps;
import io.github.zonewise.k8s.LoadBalancerScheme;
import io.github.zonewise.k8s.LoadBalancerType;
import io.github.zonewise.k8s.NodeAmi;
import io.github.zonewise.k8s.ZonalNodePoolsProps;
import io.github.zonewise.k8s.ZonalRouting;
import io.github.zonewise.spec.NodePoolSpec.AmiSpec;
import io.github.zonewise.spec.ServiceSpec.Failover;
import io.github.zonewise.spec.ServiceSpec.LocalitySpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of the {@code services} and {@code nodePools} sections: checks and defaults.
 *
 * <p>Defaults: a service's {@code namespace} is {@code default}, {@code replicas} one per AZ,
 * {@code routing} {@code topologyAware}, {@code expose} {@code none}, {@code scheme} (with an
 * exposure) {@code internal}; {@code colocateWith} is resolved to {@code namespace/name}. Without a
 * {@code nodePools} section there is one pool, {@code general}, in each AZ; a pool's {@code zones}
 * is {@code each} (resolved to the AZ list), {@code instanceCategories} {@code [c, m, r]},
 * {@code capacityTypes} {@code [on-demand]}, {@code architectures} {@code [amd64]},
 * {@code cpuLimit} 1000 and {@code ami} the pinned alias {@link NodeAmi#DEFAULT_ALIAS}.
 */
final class WorkloadRules {

  private static final String EACH = "each";

  private WorkloadRules() {
  }

  /**
   * Checks the sections and fills in defaults.
   *
   * @param spec     the landscape, earlier sections already checked
   * @param warnings where warnings go
   * @return the landscape with the sections complete
   */
  static LandscapeSpec apply(LandscapeSpec spec, List<String> warnings) {
    List<NodePoolSpec> nodePools = nodePools(spec);
    List<ServiceSpec> services = services(spec);
    warn(spec, services, nodePools, warnings);
    return new LandscapeSpec(spec.name(), spec.region(), spec.account(), spec.availabilityZones(), spec.singleAz(),
        spec.network(), spec.interconnect(), spec.registry(), spec.cluster(), services, nodePools, spec.traffic(),
        spec.prices());
  }

  // ---------------------------------------------------------------- services

  private static List<ServiceSpec> services(LandscapeSpec spec) {
    List<ServiceSpec> raw = spec.services() != null ? spec.services() : List.of();
    List<ServiceSpec> checked = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < raw.size(); i++) {
      ServiceSpec s = raw.get(i);
      String at = "services[" + i + "]";
      if (s == null) {
        throw new LandscapeException(at, "is empty; give at least name, image and port");
      }
      String name = LandscapeValidator.required(at + ".name", s.name());
      LandscapeValidator.dnsLabel(at + ".name", name);
      if (!Character.isLetter(name.charAt(0))) {
        throw new LandscapeException(at + ".name", name, "does not start with a letter; a Kubernetes Service name is a"
            + " DNS-1035 label: start it with a letter");
      }
      String namespace = s.namespace() != null ? s.namespace() : "default";
      LandscapeValidator.dnsLabel(at + ".namespace", namespace);
      Integer first = seen.putIfAbsent(namespace + "/" + name, i);
      if (first != null) {
        throw new LandscapeException(at + ".name", name, "is already the name of services[" + first + "] in namespace "
            + namespace + "; give each service a unique name in its namespace");
      }
      String image = LandscapeValidator.required(at + ".image", s.image());
      if (image.chars().anyMatch(Character::isWhitespace)) {
        throw new LandscapeException(at + ".image", image, "is not an image reference; write repository[:tag], e.g."
            + " orders:1.4.2");
      }
      if (s.port() == null) {
        throw new LandscapeException(at + ".port", "is missing; give the port the service listens on (1–65535)");
      }
      if (s.port() < 1 || s.port() > 65535) {
        throw new LandscapeException(at + ".port", s.port(), "is not a port; use 1–65535");
      }
      int replicas = s.replicas() != null ? s.replicas() : spec.availabilityZones().size();
      if (replicas < 1) {
        throw new LandscapeException(at + ".replicas", replicas, "is below 1; run at least one replica (one per AZ for"
            + " zonal routing)");
      }
      String routing = routing(spec, at, s.routing() != null ? s.routing() : "topologyAware");
      String expose = s.expose() != null ? s.expose() : "none";
      if (!expose.equals("none") && LoadBalancerType.of(expose).isEmpty()) {
        throw unknown(at + ".expose", expose, "an exposure", names("none", LoadBalancerType.NAMES));
      }
      String scheme = scheme(at, expose, s.scheme());
      if (expose.equals("nlb") && name.length() > IpModeLoadBalancerProps.MAX_NLB_SERVICE_NAME) {
        throw new LandscapeException(at + ".name", name, "is too long for expose: nlb (its load balancer Service is"
            + " named " + name + "-nlb, at most 63 characters); use at most "
            + IpModeLoadBalancerProps.MAX_NLB_SERVICE_NAME + " characters");
      }
      LocalitySpec locality = locality(spec, at, s.locality());
      checked.add(new ServiceSpec(name, namespace, image, s.port(), replicas, routing, s.colocateWith(), expose,
          locality, scheme));
    }
    List<ServiceSpec> resolved = new ArrayList<>();
    for (int i = 0; i < checked.size(); i++) {
      ServiceSpec s = checked.get(i);
      String peer = s.colocateWith() == null ? null : colocateWith("services[" + i + "].colocateWith", s, checked);
      resolved.add(new ServiceSpec(s.name(), s.namespace(), s.image(), s.port(), s.replicas(), s.routing(), peer,
          s.expose(), s.locality(), s.scheme()));
    }
    return List.copyOf(resolved);
  }

  private static String routing(LandscapeSpec spec, String at, String name) {
    ZonalRouting routing = ZonalRouting.of(name)
        .orElseThrow(() -> unknown(at + ".routing", name, "a routing mode", ZonalRouting.NAMES));
    String version = spec.kubernetesVersion();
    boolean supported;
    try {
      supported = routing.supportedOn(version);
    } catch (IllegalArgumentException e) {
      return name; // the cluster rules report a malformed version
    }
    if (!supported) {
      throw new LandscapeException(at + ".routing", name, "needs Kubernetes " + routing.minimumKubernetesVersion()
          + " or newer (before that it is alpha, off by default) and the cluster runs " + version
          + "; set cluster.version to \"" + routing.minimumKubernetesVersion() + "\" or newer, or use topologyAware");
    }
    return name;
  }

  private static String scheme(String at, String expose, String scheme) {
    if (expose.equals("none")) {
      if (scheme != null) {
        throw new LandscapeException(at + ".scheme", scheme, "is set but expose is 'none'; set expose: nlb or alb, or"
            + " remove scheme");
      }
      return null;
    }
    String value = scheme != null ? scheme : "internal";
    if (LoadBalancerScheme.of(value).isEmpty()) {
      throw unknown(at + ".scheme", value, "a load balancer scheme", LoadBalancerScheme.NAMES);
    }
    return value;
  }

  private static String colocateWith(String field, ServiceSpec self, List<ServiceSpec> all) {
    String value = self.colocateWith();
    List<ServiceSpec> matches = new ArrayList<>();
    if (value.contains("/")) {
      all.stream().filter(o -> (o.namespace() + "/" + o.name()).equals(value)).forEach(matches::add);
    } else {
      all.stream().filter(o -> o.name().equals(value) && o.namespace().equals(self.namespace()))
          .forEach(matches::add);
      if (matches.isEmpty()) {
        all.stream().filter(o -> o.name().equals(value)).forEach(matches::add);
      }
    }
    if (matches.isEmpty()) {
      List<String> known = all.stream().filter(o -> o != self).map(ServiceSpec::name).distinct().toList();
      String nearest = LandscapeReader.nearest(value, known);
      throw new LandscapeException(field, value, "names no service of the landscape; "
          + (nearest != null ? "did you mean '" + nearest + "'? " : "") + "use one of " + known);
    }
    if (matches.size() > 1) {
      List<String> qualified = matches.stream().map(o -> o.namespace() + "/" + o.name()).toList();
      throw new LandscapeException(field, value, "names services in several namespaces " + qualified
          + "; write namespace/name, e.g. '" + qualified.get(0) + "'");
    }
    ServiceSpec peer = matches.get(0);
    if (peer.name().equals(self.name()) && peer.namespace().equals(self.namespace())) {
      throw new LandscapeException(field, value, "is the service itself; name the service its pods should share"
          + " nodes with");
    }
    return peer.namespace() + "/" + peer.name();
  }

  private static LocalitySpec locality(LandscapeSpec spec, String at, LocalitySpec locality) {
    if (locality == null) {
      return null;
    }
    String field = at + ".locality";
    ClusterSpec cluster = spec.cluster();
    if (cluster != null && (cluster.mesh() == null || cluster.mesh().equals("none"))) {
      throw new LandscapeException(field, "is set but cluster.mesh is 'none', and locality load balancing is done by"
          + " Istio; set cluster.mesh: istio, or remove locality");
    }
    boolean distribute = locality.distribute() != null;
    boolean failover = locality.failover() != null;
    if (distribute && failover) {
      throw new LandscapeException(field, "sets both distribute and failover, which Istio rejects; keep one");
    }
    if (!distribute && !failover) {
      throw new LandscapeException(field, "sets neither distribute nor failover; give distribute weights per zone, or"
          + " failover regions");
    }
    List<String> zones = spec.availabilityZones();
    if (distribute) {
      if (locality.distribute().isEmpty()) {
        throw new LandscapeException(field + ".distribute", "is empty; give the weights of at least one from-zone");
      }
      Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
      for (Map.Entry<String, Map<String, Integer>> from : locality.distribute().entrySet()) {
        String fromField = field + ".distribute." + from.getKey();
        zone(fromField, from.getKey(), zones);
        Map<String, Integer> to = from.getValue() != null ? from.getValue() : Map.of();
        int total = 0;
        for (Map.Entry<String, Integer> weight : to.entrySet()) {
          String toField = fromField + "." + weight.getKey();
          zone(toField, weight.getKey(), zones);
          Integer w = weight.getValue();
          if (w == null || w < 1 || w > 100) {
            throw new LandscapeException(toField, w, "is not a weight; use 1–100 (leave a zone out to send it"
                + " nothing)");
          }
          total += w;
        }
        if (total != 100) {
          throw new LandscapeException(fromField, "weights " + (to.isEmpty() ? "(none)" : String.join(" + ",
              to.values().stream().map(String::valueOf).toList())) + " total " + total + ", not 100; make the"
              + " weights of each from-zone total exactly 100 (Istio rejects the rule otherwise)");
        }
        copy.put(from.getKey(), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(to)));
      }
      return new LocalitySpec(java.util.Collections.unmodifiableMap(copy), null);
    }
    if (locality.failover().isEmpty()) {
      throw new LandscapeException(field + ".failover", "is empty; give at least one from-region and to-region");
    }
    for (int j = 0; j < locality.failover().size(); j++) {
      Failover f = locality.failover().get(j);
      String fField = field + ".failover[" + j + "]";
      String from = f == null ? null : f.from();
      String to = f == null ? null : f.to();
      region(fField + ".from", from);
      region(fField + ".to", to);
      if (from.equals(to)) {
        throw new LandscapeException(fField + ".to", to, "is the from region; fail over to another region");
      }
    }
    return new LocalitySpec(null, List.copyOf(locality.failover()));
  }

  private static void zone(String field, String zone, List<String> zones) {
    if (!zones.contains(zone)) {
      throw new LandscapeException(field, zone, "is not one of the landscape's AZs; use one of " + zones);
    }
  }

  private static void region(String field, String region) {
    if (region == null || !AwsRegions.isRegion(region)) {
      throw new LandscapeException(field, region, "is not an AWS region; use one of " + AwsRegions.names());
    }
  }

  // --------------------------------------------------------------- nodePools

  private static List<NodePoolSpec> nodePools(LandscapeSpec spec) {
    List<NodePoolSpec> raw = spec.nodePools() != null ? spec.nodePools()
        : List.of(new NodePoolSpec("general", null, null, null, null, null, null));
    List<String> azs = spec.availabilityZones();
    int longestZone = azs.stream().mapToInt(String::length).max().orElse(0);
    List<NodePoolSpec> checked = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      NodePoolSpec p = raw.get(i);
      String at = "nodePools[" + i + "]";
      if (p == null) {
        throw new LandscapeException(at, "is empty; give at least a name");
      }
      String name = LandscapeValidator.required(at + ".name", p.name());
      LandscapeValidator.dnsLabel(at + ".name", name);
      if (!names.add(name)) {
        throw new LandscapeException(at + ".name", name, "is listed twice; give each node pool a unique name");
      }
      List<String> zones = poolZones(at + ".zones", p.zones(), azs);
      if (name.length() + 1 + longestZone > 63) {
        throw new LandscapeException(at + ".name", name, "is too long: each zone's NodePool is named " + name
            + "-<zone>, at most 63 characters; use at most " + (62 - longestZone) + " characters");
      }
      List<String> categories = p.instanceCategories() != null ? p.instanceCategories() : List.of("c", "m", "r");
      nonEmpty(at + ".instanceCategories", categories, "e.g. [c, m, r]");
      for (int j = 0; j < categories.size(); j++) {
        String c = categories.get(j);
        if (c == null || !c.matches("[a-z]+")) {
          throw new LandscapeException(at + ".instanceCategories[" + j + "]", c, "is not an instance category; write"
              + " the letters before the generation, e.g. c, m, r");
        }
      }
      List<String> capacity = p.capacityTypes() != null ? p.capacityTypes() : List.of("on-demand");
      known(at + ".capacityTypes", capacity, ZonalNodePoolsProps.CAPACITY_TYPES, "capacity type");
      List<String> architectures = p.architectures() != null ? p.architectures() : List.of("amd64");
      known(at + ".architectures", architectures, ZonalNodePoolsProps.ARCHITECTURES, "CPU architecture");
      int cpuLimit = p.cpuLimit() != null ? p.cpuLimit() : 1000;
      if (cpuLimit < 1) {
        throw new LandscapeException(at + ".cpuLimit", cpuLimit, "is below 1; give the vCPUs each NodePool may"
            + " launch");
      }
      ArrayNode zoneNode = JsonNodeFactory.instance.arrayNode();
      zones.forEach(zoneNode::add);
      checked.add(new NodePoolSpec(name, zoneNode, List.copyOf(categories), List.copyOf(capacity), cpuLimit,
          ami(at + ".ami", p.ami()), List.copyOf(architectures)));
    }
    return List.copyOf(checked);
  }

  private static List<String> poolZones(String field, JsonNode zones, List<String> azs) {
    if (zones == null || zones.isNull() || (zones.isTextual() && zones.asText().equals(EACH))) {
      return azs;
    }
    if (!zones.isArray()) {
      throw new LandscapeException(field, zones.isTextual() ? zones.asText() : zones.toString(), "is neither 'each'"
          + " nor a list of AZs; write each, or a list such as " + azs);
    }
    if (zones.isEmpty()) {
      throw new LandscapeException(field, List.of(), "has no AZ; write each, or list the AZs the pool serves");
    }
    Set<String> seen = new LinkedHashSet<>();
    for (int j = 0; j < zones.size(); j++) {
      String zone = zones.get(j).isTextual() ? zones.get(j).asText() : zones.get(j).toString();
      zone(field + "[" + j + "]", zone, azs);
      if (!seen.add(zone)) {
        throw new LandscapeException(field + "[" + j + "]", zone, "is listed twice; list each AZ once");
      }
    }
    return List.copyOf(seen);
  }

  private static AmiSpec ami(String field, AmiSpec ami) {
    if (ami == null) {
      return new AmiSpec(NodeAmi.DEFAULT_ALIAS, null, null, null);
    }
    List<String> set = new ArrayList<>();
    if (ami.alias() != null) {
      set.add("alias");
    }
    if (ami.id() != null) {
      set.add("id");
    }
    if (ami.ssmParameter() != null) {
      set.add("ssmParameter");
    }
    if (set.size() != 1) {
      throw new LandscapeException(field, (set.isEmpty() ? "sets none" : "sets " + String.join(" and ", set))
          + " of alias, id, ssmParameter; set exactly one");
    }
    if (ami.alias() != null) {
      String problem = NodeAmi.aliasProblem(ami.alias());
      if (problem != null) {
        throw new LandscapeException(field + ".alias", ami.alias(), problem);
      }
      if (ami.family() != null) {
        throw new LandscapeException(field + ".family", ami.family(), "is set with an alias, which names its family;"
            + " remove family");
      }
      return ami;
    }
    String family = ami.family() != null ? ami.family() : "AL2023";
    if (!NodeAmi.CUSTOM_FAMILIES.contains(family)) {
      throw unknown(field + ".family", family, "an AMI family Karpenter boots custom AMIs of", NodeAmi.CUSTOM_FAMILIES);
    }
    try {
      if (ami.id() != null) {
        NodeAmi.id(ami.id(), family);
      } else {
        NodeAmi.ssmParameter(ami.ssmParameter(), family);
      }
    } catch (IllegalArgumentException e) {
      String key = ami.id() != null ? "id" : "ssmParameter";
      String value = ami.id() != null ? ami.id() : ami.ssmParameter();
      throw new LandscapeException(field + "." + key, value, ami.id() != null
          ? "is not an AMI id; write ami- followed by 8 or 17 hex digits"
          : "is not an SSM parameter name; write its name (e.g. /images/orders-node/ami-id) or ARN");
    }
    return new AmiSpec(null, ami.id(), ami.ssmParameter(), family);
  }

  private static void nonEmpty(String field, List<String> values, String example) {
    if (values.isEmpty()) {
      throw new LandscapeException(field, values, "is empty; list at least one, " + example);
    }
  }

  private static void known(String field, List<String> values, List<String> known, String what) {
    nonEmpty(field, values, "e.g. [" + known.get(0) + "]");
    Set<String> seen = new HashSet<>();
    for (int j = 0; j < values.size(); j++) {
      String v = values.get(j);
      if (v == null || !known.contains(v)) {
        throw unknown(field + "[" + j + "]", v, "a " + what, known);
      }
      if (!seen.add(v)) {
        throw new LandscapeException(field + "[" + j + "]", v, "is listed twice; list each " + what + " once");
      }
    }
  }

  // ---------------------------------------------------------------- warnings

  private static void warn(LandscapeSpec spec, List<ServiceSpec> services, List<NodePoolSpec> pools,
      List<String> warnings) {
    Set<String> nodeZones = new LinkedHashSet<>();
    pools.forEach(p -> nodeZones.addAll(p.zoneList()));
    int zones = nodeZones.isEmpty() ? spec.availabilityZones().size() : nodeZones.size();
    for (int i = 0; i < services.size(); i++) {
      ServiceSpec s = services.get(i);
      ZonalRouting routing = ZonalRouting.of(s.routing()).orElseThrow();
      if (routing.isZonal() && s.replicas() < zones) {
        warnings.add("services[" + i + "].replicas: " + s.replicas() + " replicas leave "
            + (zones - s.replicas()) + " of the " + zones + " zones without an endpoint of " + s.name() + ", so "
            + routing + " routing sends that zone's traffic across AZs; run at least " + zones + " replicas");
      }
      if (routing.isNodeLocal()) {
        String self = s.namespace() + "/" + s.name();
        boolean peer = services.stream().anyMatch(o -> self.equals(o.colocateWith()));
        if (!peer) {
          warnings.add("services[" + i + "].routing: nodeLocal (internalTrafficPolicy: Local) has no co-located peer:"
              + " no service sets colocateWith: " + s.name() + ", so a client on a node without a " + s.name()
              + " pod has its traffic dropped; add colocateWith: " + s.name() + " to its clients, or use"
              + " preferSameNode");
        }
      }
    }
  }

  private static LandscapeException unknown(String field, String value, String what, List<String> known) {
    String nearest = value == null ? null : LandscapeReader.nearest(value, known);
    return new LandscapeException(field, value, "is not " + what + "; "
        + (nearest != null ? "did you mean '" + nearest + "'? " : "") + "use one of " + String.join(", ", known));
  }

  private static List<String> names(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
