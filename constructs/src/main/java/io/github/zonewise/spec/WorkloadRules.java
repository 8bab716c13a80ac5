package io.github.zonewise.spec;

import io.github.zonewise.facts.Names;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.zonewise.cluster.KarpenterNames;
import io.github.zonewise.cluster.ServiceMesh;
import io.github.zonewise.facts.AwsRegions;
import io.github.zonewise.facts.KubernetesVersions;
import io.github.zonewise.k8s.IpModeLoadBalancerProps;
import io.github.zonewise.k8s.KubernetesValues;
import io.github.zonewise.k8s.LoadBalancerScheme;
import io.github.zonewise.k8s.LoadBalancerType;
import io.github.zonewise.k8s.LocalityPolicy;
import io.github.zonewise.k8s.NodeAmi;
import io.github.zonewise.k8s.ZonalNodePoolsProps;
import io.github.zonewise.k8s.ZonalRouting;
import io.github.zonewise.spec.LandscapeValidator.Sections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  private WorkloadRules() {
  }

  // ---------------------------------------------------------------- services

  /**
   * Checks the {@code services} section and fills in defaults, each service on its own.
   *
   * @param s       the checked top level
   * @param cluster the checked cluster section, if it passed (its version and mesh)
   * @return the services that passed, in file order
   */
  static List<ServiceSpec> services(Sections s, Optional<ClusterSpec> cluster) {
    List<LandscapeFile.Service> raw = s.raw().services() != null ? s.raw().services() : List.of();
    boolean clusterOk = s.raw().cluster() == null || cluster.isPresent();
    Optional<String> version = clusterOk
        ? Optional.of(cluster.map(ClusterSpec::version).orElse(KubernetesVersions.DEFAULT)) : Optional.empty();
    Optional<String> meshName = s.raw().cluster() == null ? Optional.empty()
        : Optional.of(cluster.map(c -> c.mesh().label()).orElseGet(() -> String.valueOf(s.raw().cluster().mesh())));
    Map<String, Integer> seen = new HashMap<>();
    List<ServiceSpec> checked = new ArrayList<>();
    List<LandscapeFile.Service> colocation = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < raw.size(); i++) {
      int index = i;
      Optional<ServiceSpec> service = s.problems().check(() -> service(s, raw.get(index), index, version, meshName,
          seen));
      service.ifPresent(checked::add);
      service.ifPresent(x -> colocation.add(raw.get(index)));
      ok &= service.isPresent();
    }
    if (!ok) {
      return List.of();
    }
    List<ServiceSpec> resolved = new ArrayList<>();
    for (int i = 0; i < checked.size(); i++) {
      ServiceSpec svc = checked.get(i);
      String written = colocation.get(i).colocateWith();
      String field = "services[" + i + "].colocateWith";
      Optional<String> peer = written == null ? Optional.of("")
          : s.problems().check(() -> colocateWith(field, written, svc, checked));
      peer.ifPresent(p -> resolved.add(new ServiceSpec(svc.name(), svc.namespace(), svc.image(), svc.port(),
          svc.replicas(), svc.routing(), p.isEmpty() ? Optional.empty() : Optional.of(p), svc.exposure(),
          svc.locality())));
    }
    if (resolved.size() == checked.size()) {
      List<String> written = colocation.stream().map(LandscapeFile.Service::colocateWith).toList();
      s.problems().run(() -> colocationCycles(resolved, written));
    }
    return List.copyOf(resolved);
  }

  /**
   * Required pod affinity in a circle ({@code a} colocates with {@code b}, {@code b} with {@code a}, or a
   * longer ring) schedules no pod of any of them: each needs a node that already runs the next.
   *
   * @param services the services, their {@code colocateWith} resolved to {@code namespace/name}
   * @param written  their {@code colocateWith} as written
   * @throws LandscapeException naming the first service of the first cycle
   */
  private static void colocationCycles(List<ServiceSpec> services, List<String> written) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < services.size(); i++) {
      index.put(services.get(i).qualifiedName(), i);
    }
    for (int i = 0; i < services.size(); i++) {
      List<Integer> ring = new ArrayList<>(List.of(i));
      Integer next = services.get(i).colocateWith().map(index::get).orElse(null);
      while (next != null && !ring.contains(next)) {
        ring.add(next);
        next = services.get(next).colocateWith().map(index::get).orElse(null);
      }
      if (next != null && next == i) {
        List<String> names = new ArrayList<>(ring.stream().map(j -> services.get(j).qualifiedName()).toList());
        names.add(services.get(i).qualifiedName());
        throw new LandscapeException("services[" + i + "].colocateWith", written.get(i),
            "closes a circle of required pod affinity " + String.join(" → ", names) + ": each pod needs a node that"
            + " already runs the next, so no pod of any of them can ever schedule; remove colocateWith from one of"
            + " them");
      }
    }
  }

  private static ServiceSpec service(Sections spec, LandscapeFile.Service s, int i, Optional<String> version,
      Optional<String> mesh, Map<String, Integer> seen) {
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
    TrafficRules.reservedEnd(name).ifPresent(end -> {
      throw new LandscapeException(at + ".name", name, "is also the traffic end of " + end + ", so a flow naming "
          + name + " could not tell the two apart; give the service another name");
    });
    List<LandscapeFile.PeerVpc> peers = spec.raw().interconnect() == null || spec.raw().interconnect().vpcs() == null
        ? List.of() : spec.raw().interconnect().vpcs();
    for (int p = 0; p < peers.size(); p++) {
      if (peers.get(p) != null && name.equals(peers.get(p).name())) {
        throw new LandscapeException(at + ".name", name, "is also the name of the peer VPC interconnect.vpcs[" + p
            + "], so a flow naming " + name + " could not tell the two apart; give the service or the peer VPC another"
            + " name");
      }
    }
    String namespace = s.namespace() != null ? s.namespace() : "default";
    LandscapeValidator.dnsLabel(at + ".namespace", namespace);
    Integer first = seen.putIfAbsent(namespace + "/" + name, i);
    if (first != null) {
      throw new LandscapeException(at + ".name", name, "is already the name of services[" + first + "] in namespace "
          + namespace + "; give each service a unique name in its namespace");
    }
    String image = KubernetesValues.image(at + ".image", LandscapeValidator.required(at + ".image", s.image()));
    if (s.port() == null) {
      throw new LandscapeException(at + ".port", "is missing; give the port the service listens on (1–65535)");
    }
    KubernetesValues.port(at + ".port", s.port());
    int replicas = KubernetesValues.replicas(at + ".replicas", s.replicas() != null ? s.replicas()
        : spec.zones().size());
    ZonalRouting routing = routing(version, at, s.routing() != null ? s.routing() : ZonalRouting.topologyAware().name());
    String expose = s.expose() != null ? s.expose() : Vocabulary.NOT_EXPOSED;
    Optional<LoadBalancerType> type = expose.equals(Vocabulary.NOT_EXPOSED) ? Optional.empty()
        : Optional.of(Vocabulary.LOAD_BALANCER.require(at + ".expose", expose, Vocabulary.NOT_EXPOSED));
    Optional<LoadBalancerScheme> scheme = scheme(at, type, s.scheme());
    if (type.filter(LoadBalancerType.nlb()::equals).isPresent()
        && name.length() > IpModeLoadBalancerProps.MAX_NLB_SERVICE_NAME) {
      throw new LandscapeException(at + ".name", name, "is too long for expose: nlb (its load balancer Service is"
          + " named " + name + "-nlb, at most 63 characters); use at most "
          + IpModeLoadBalancerProps.MAX_NLB_SERVICE_NAME + " characters");
    }
    Optional<LocalityPolicy> locality = locality(spec, at, mesh, s.locality());
    Optional<String> certificate = Optional.ofNullable(s.certificateArn());
    if (certificate.isPresent()) {
      if (type.filter(LoadBalancerType.alb()::equals).isEmpty()) {
        throw new LandscapeException(at + ".certificateArn", certificate.get(), "is set but expose is '" + expose
            + "'; a certificate is for the HTTPS listener of expose: alb (an NLB passes TCP through to the pods):"
            + " set expose: alb, or remove certificateArn");
      }
      IpModeLoadBalancerProps.checkCertificateArn(at + ".certificateArn", certificate.get(), spec.region());
    }
    Optional<ServiceSpec.Exposure> exposure = type.map(t -> new ServiceSpec.Exposure(t, scheme.orElseThrow(),
        certificate));
    return new ServiceSpec(name, namespace, image, s.port(), replicas, routing,
        Optional.ofNullable(s.colocateWith()), exposure, locality);
  }

  private static ZonalRouting routing(Optional<String> kubernetesVersion, String at, String name) {
    ZonalRouting routing = Vocabulary.ROUTING.require(at + ".routing", name);
    if (kubernetesVersion.isEmpty()) {
      return routing; // the cluster rules report the cluster's problem
    }
    String version = kubernetesVersion.get();
    boolean supported;
    try {
      supported = routing.supportedOn(version);
    } catch (IllegalArgumentException e) {
      return routing; // the cluster rules report a malformed version
    }
    if (!supported) {
      throw new LandscapeException(at + ".routing", name, "needs Kubernetes " + routing.minimumKubernetesVersion()
          + " or newer (before that it is alpha, off by default) and the cluster runs " + version
          + "; set cluster.version to \"" + routing.minimumKubernetesVersion() + "\" or newer, or use topologyAware");
    }
    return routing;
  }

  private static Optional<LoadBalancerScheme> scheme(String at, Optional<LoadBalancerType> type, String scheme) {
    if (type.isEmpty()) {
      if (scheme != null) {
        throw new LandscapeException(at + ".scheme", scheme, "is set but expose is 'none'; set expose: nlb or alb, or"
            + " remove scheme");
      }
      return Optional.empty();
    }
    return Optional.of(scheme == null ? LoadBalancerScheme.internal() : Vocabulary.SCHEME.require(at + ".scheme",
        scheme));
  }

  private static String colocateWith(String field, String value, ServiceSpec self, List<ServiceSpec> all) {
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
      String nearest = Names.nearest(value, known);
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

  private static Optional<LocalityPolicy> locality(Sections spec, String at, Optional<String> mesh,
      LandscapeFile.Locality locality) {
    if (locality == null) {
      return Optional.empty();
    }
    String field = at + ".locality";
    if (mesh.isPresent() && (mesh.get().equals("null") || mesh.get().equals(ServiceMesh.NONE.label()))) {
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
    List<String> zones = spec.zones();
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
      return Optional.of(LocalityPolicy.distribute(spec.region(), copy));
    }
    if (locality.failover().isEmpty()) {
      throw new LandscapeException(field + ".failover", "is empty; give at least one from-region and to-region");
    }
    for (int j = 0; j < locality.failover().size(); j++) {
      LandscapeFile.Failover f = locality.failover().get(j);
      String fField = field + ".failover[" + j + "]";
      String from = f == null ? null : f.from();
      String to = f == null ? null : f.to();
      region(fField + ".from", from);
      region(fField + ".to", to);
      if (!from.equals(spec.region())) {
        throw new LandscapeException(fField + ".from", from, "is not the landscape's region " + spec.region()
            + ", where the service's pods run and so where Istio fails over from; write from: " + spec.region());
      }
      if (from.equals(to)) {
        throw new LandscapeException(fField + ".to", to, "is the from region; fail over to another region");
      }
      if (j > 0) {
        throw new LandscapeException(fField + ".from", from, "is also the from region of " + field + ".failover[0];"
            + " Istio fails over from one region to one other: keep one failover entry");
      }
    }
    Map<String, String> regions = new LinkedHashMap<>();
    locality.failover().forEach(f -> regions.put(f.from(), f.to()));
    return Optional.of(LocalityPolicy.failover(regions));
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

  /**
   * Checks the {@code nodePools} section and fills in defaults, each pool on its own; without the
   * section, one pool {@code general} in every AZ.
   *
   * @param s the checked top level
   * @return the pools that passed, in file order
   */
  static List<NodePoolSpec> nodePools(Sections s) {
    List<LandscapeFile.NodePool> raw = s.raw().nodePools() != null ? s.raw().nodePools()
        : List.of(new LandscapeFile.NodePool("general", null, null, null, null, null, null));
    List<String> azs = s.zones();
    int longestZone = azs.stream().mapToInt(String::length).max().orElse(0);
    List<NodePoolSpec> checked = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      int index = i;
      s.problems().check(() -> nodePool(raw.get(index), index, azs, longestZone, names)).ifPresent(checked::add);
    }
    return List.copyOf(checked);
  }

  private static NodePoolSpec nodePool(LandscapeFile.NodePool p, int i, List<String> azs, int longestZone,
      Set<String> names) {
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
    KarpenterNames.checkInstanceCategories(at + ".instanceCategories", categories);
    List<String> capacity = p.capacityTypes() != null ? p.capacityTypes() : List.of("on-demand");
    known(at + ".capacityTypes", capacity, ZonalNodePoolsProps.CAPACITY_TYPES, "capacity type");
    List<String> architectures = p.architectures() != null ? p.architectures() : List.of("amd64");
    known(at + ".architectures", architectures, ZonalNodePoolsProps.ARCHITECTURES, "CPU architecture");
    int cpuLimit = p.cpuLimit() != null ? p.cpuLimit() : 1000;
    if (cpuLimit < 1) {
      throw new LandscapeException(at + ".cpuLimit", cpuLimit, "is below 1; give the vCPUs each NodePool may"
          + " launch");
    }
    return new NodePoolSpec(name, zones, categories, capacity, cpuLimit, ami(at + ".ami", p.ami()), architectures);
  }

  private static List<String> poolZones(String field, JsonNode zones, List<String> azs) {
    if (zones == null || zones.isNull() || (zones.isTextual() && zones.asText().equals(Vocabulary.EACH_ZONE))) {
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

  private static NodeAmi ami(String field, LandscapeFile.Ami ami) {
    if (ami == null) {
      return NodeAmi.defaultAlias();
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
      return NodeAmi.alias(ami.alias());
    }
    String family = ami.family() != null ? ami.family() : "AL2023";
    if (!NodeAmi.CUSTOM_FAMILIES.contains(family)) {
      throw unknown(field + ".family", family, "an AMI family Karpenter boots custom AMIs of", NodeAmi.CUSTOM_FAMILIES);
    }
    try {
      return ami.id() != null ? NodeAmi.id(ami.id(), family) : NodeAmi.ssmParameter(ami.ssmParameter(), family);
    } catch (IllegalArgumentException e) {
      String key = ami.id() != null ? "id" : "ssmParameter";
      String value = ami.id() != null ? ami.id() : ami.ssmParameter();
      throw new LandscapeException(field + "." + key, value, ami.id() != null
          ? "is not an AMI id; write ami- followed by 8 or 17 hex digits"
          : "is not an SSM parameter name; write its name (e.g. /images/orders-node/ami-id) or ARN");
    }
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

  /**
   * The warnings of checked services: a zone left without an endpoint under zonal routing, node-local
   * routing without a co-located client.
   *
   * @param spec     the checked top level
   * @param services the checked services
   * @param pools    the checked node pools
   */
  static void warn(Sections spec, List<ServiceSpec> services, List<NodePoolSpec> pools) {
    List<String> warnings = spec.warnings();
    Set<String> nodeZones = new LinkedHashSet<>();
    pools.forEach(p -> nodeZones.addAll(p.zones()));
    int zones = nodeZones.isEmpty() ? spec.zones().size() : nodeZones.size();
    for (int i = 0; i < services.size(); i++) {
      ServiceSpec s = services.get(i);
      ZonalRouting routing = s.routing();
      if (routing.isZonal() && s.replicas() < zones) {
        warnings.add("services[" + i + "].replicas: " + s.replicas() + " replicas leave "
            + (zones - s.replicas()) + " of the " + zones + " zones without an endpoint of " + s.name() + ", so "
            + routing + " routing sends that zone's traffic across AZs; run at least " + zones + " replicas");
      }
      if (s.exposure().filter(e -> e.type().equals(LoadBalancerType.alb())
          && e.scheme().equals(LoadBalancerScheme.internetFacing()) && e.certificateArn().isEmpty()).isPresent()) {
        warnings.add("services[" + i + "].certificateArn: not set, so the internet-facing ALB of " + s.name()
            + " listens on HTTP only (port 80) and its requests and responses cross the internet unencrypted; set"
            + " certificateArn to the ARN of an ACM certificate in " + spec.region() + " for its domain (the ALB then"
            + " gets an HTTPS listener on 443 and redirects HTTP to it)");
      }
      if (routing.isNodeLocal()) {
        String self = s.qualifiedName();
        boolean peer = services.stream().anyMatch(o -> o.colocateWith().filter(self::equals).isPresent());
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
    return Vocabulary.unknown(field, value, what, known);
  }

}
