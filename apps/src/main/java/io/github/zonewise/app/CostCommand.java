package io.github.zonewise.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.zonewise.cost.AppCoverage;
import io.github.zonewise.cost.CostReport;
import io.github.zonewise.cost.DeclaredLandscape;
import io.github.zonewise.cost.Flow;
import io.github.zonewise.cost.Routing;
import io.github.zonewise.cost.TrafficProfile;
import io.github.zonewise.facts.AwsRegions;
import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.facts.VpcEndpoints;
import io.github.zonewise.spec.LandscapeException;
import io.github.zonewise.spec.PriceFile;
import io.github.zonewise.synth.Assembly;
import io.github.zonewise.synth.KubernetesObject;
import io.github.zonewise.synth.Manifests;
import io.github.zonewise.synth.Note;
import io.github.zonewise.synth.Resource;
import io.github.zonewise.synth.Value;
import io.github.zonewise.traffic.AssemblyNetwork;
import io.github.zonewise.traffic.NetworkMap;
import io.github.zonewise.traffic.TrafficInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zonewise cost cdk.out --traffic traffic.yaml}: the network bill of the cloud assembly of any CDK
 * app, with the cost model and the report renderers of the synth (Markdown, JSON, SVG), read with the one
 * reader of the synth. Flow ends are the Kubernetes Services of the manifests ({@code name} or
 * {@code namespace/name}), subnets (by {@code Name} tag, logical id or CIDR: a workload in that subnet's
 * AZ), AWS services, peer VPCs (as {@code zonewise traffic --assembly} names them), {@code internet} or a
 * region. Exits 0 when the report is written, 2 for input it cannot use.
 */
@Command(name = "cost", mixinStandardHelpOptions = true,
    description = {"Prices the network of any CDK app's cloud assembly for a monthly traffic profile: the same model"
        + " and reports (Markdown, JSON, SVG) as the Zonewise synth.",
        "Exit codes: 0 report written, 2 unreadable input or bad usage."})
final class CostCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "cdk.out", description = "The cloud assembly directory (with manifest.json).")
  private Path assembly;

  @Option(names = "--manifests", paramLabel = "DIR", split = ",",
      description = "Kubernetes manifest files or directories (read recursively); the manifests the templates"
          + " apply are read too.")
  private List<Path> manifests = new ArrayList<>();

  @Option(names = "--traffic", paramLabel = "traffic.yaml", required = true,
      description = "The monthly traffic: traffic: [{from: A, to: B, gb: N}, …] (what zonewise traffic writes).")
  private Path traffic;

  @Option(names = "--prices", paramLabel = "FILE", description = "A YAML map of price key → USD overriding the book.")
  private Path prices;

  @Option(names = "--region", paramLabel = "R",
      description = "The region whose prices apply (default: the stacks' region, else us-east-1).")
  private String region;

  @Option(names = "--out", paramLabel = "DIR", description = "Where the reports go (default: the cloud assembly).")
  private Path out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    try {
      if (!Files.isRegularFile(assembly.resolve("manifest.json"))) {
        throw new TrafficInputException(assembly + ": is not a cloud assembly (no manifest.json); synthesize the app"
            + " first (npx -y aws-cdk@2.1148.1 synth) and pass its output directory");
      }
      Assembly read = Assembly.read(assembly);
      Manifests k8s = Manifests.read(manifests, read);
      Optional<Note> unreadable = java.util.stream.Stream.concat(read.notes().stream(), k8s.notes().stream())
          .filter(n -> n.kind() == Note.Kind.UNREADABLE).findFirst();
      if (unreadable.isPresent()) {
        throw new TrafficInputException("cannot read " + unreadable.get());
      }
      NetworkMap network = network(read);
      String home = region != null ? region : network != null ? network.region()
          : read.templates().stream().map(t -> t.region()).filter(r -> r != null && AwsRegions.isRegion(r)).findFirst()
              .orElse("us-east-1");
      if (!AwsRegions.isRegion(home)) {
        throw new TrafficInputException("--region: '" + home + "' is not an AWS region; use one of " + AwsRegions.names());
      }
      PriceBook book = PriceBook.forRegion(home);
      if (prices != null) {
        book = book.withOverrides(PriceFile.read(prices), prices.toString());
      }
      Ends ends = new Ends(read, k8s, network);
      TrafficProfile profile = profile(ends);
      int zones = network == null ? 1 : (int) network.subnets().stream()
          .filter(s -> clusterVpc(network).map(v -> v.name().equals(s.vpc())).orElse(false))
          .filter(s -> s.tier() == NetworkMap.SubnetTier.PRIVATE).map(NetworkMap.Subnet::az).distinct().count();
      List<DeclaredLandscape.Peer> peers = network == null ? List.of() : network.vpcs().stream()
          .filter(v -> v.role() == NetworkMap.VpcRole.PEER)
          .map(v -> new DeclaredLandscape.Peer(v.name(), v.cidr().toString(), null)).toList();
      List<DeclaredLandscape.DeclaredService> services = new ArrayList<>();
      for (Map.Entry<String, String> s : ends.services.entrySet()) {
        services.add(new DeclaredLandscape.DeclaredService(s.getKey(), s.getValue(), 1, Math.max(1, zones),
            Routing.CLUSTER, Optional.empty(), false));
      }
      String name = Optional.ofNullable(assembly.toAbsolutePath().normalize().getParent())
          .map(p -> p.getFileName() == null ? "app" : p.getFileName().toString()).orElse("app");
      DeclaredLandscape app = new DeclaredLandscape(name, home, Math.max(1, zones),
          network == null ? Optional.empty() : clusterVpc(network).map(v -> v.cidr().toString()), peers, List.of(),
          !read.ofType("AWS::EKS::Cluster").isEmpty(), services);
      List<String> notes = new ArrayList<>(AppCoverage.of(read, k8s).notes());
      notes.addAll(ends.notes);
      CostReport report = CostReport.ofApp(assembly, manifests, app, profile, book, notes);
      Path where = out != null ? out : assembly;
      Files.createDirectories(where);
      report.write(where);
      report.summary(where).forEach(stdout::println);
      notes.forEach(n -> stdout.println("zonewise cost: " + n));
      stdout.flush();
      return 0;
    } catch (TrafficInputException | LandscapeException e) {
      stderr.println("zonewise cost: " + e.getMessage());
      stderr.flush();
      return 2;
    } catch (IllegalArgumentException e) {
      stderr.println("zonewise cost: " + (prices != null ? "--prices " + prices + ": " : "") + e.getMessage());
      stderr.flush();
      return 2;
    } catch (IOException | UncheckedIOException e) {
      stderr.println("zonewise cost: " + e.getMessage());
      stderr.flush();
      return 2;
    }
  }

  /** The assembly's network, or null when it has no VPC to map. */
  private static NetworkMap network(Assembly read) {
    try {
      return AssemblyNetwork.of(read).map();
    } catch (TrafficInputException e) {
      return null;
    }
  }

  private static Optional<NetworkMap.Vpc> clusterVpc(NetworkMap network) {
    return network.vpcs().stream().filter(v -> v.role() == NetworkMap.VpcRole.CLUSTER).findFirst();
  }

  /** The names a flow end may take, and the services (Kubernetes Services and subnets) the flows name. */
  private static final class Ends {
    /** Kubernetes Services: name → namespaces; {@code namespace/name} → namespace. */
    final Map<String, Set<String>> kubernetes = new LinkedHashMap<>();
    /** Subnets: each name (Name tag, logical id, CIDR) → the service name it is priced as. */
    final Map<String, String> subnets = new LinkedHashMap<>();
    final Set<String> peers = new LinkedHashSet<>();
    /** The services the flows name, in order: name → namespace. */
    final Map<String, String> services = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();

    Ends(Assembly read, Manifests k8s, NetworkMap network) {
      for (KubernetesObject o : k8s.unique()) {
        if (o.kind().equals("Service")) {
          kubernetes.computeIfAbsent(o.name(), n -> new LinkedHashSet<>()).add(o.namespace());
        }
      }
      for (Resource s : read.ofType("AWS::EC2::Subnet")) {
        String cidr = s.value("CidrBlock").textWithDefaults().orElse(null);
        String service = "subnet " + tag(s, "Name").orElse(s.logicalId());
        subnets.put(s.logicalId(), service);
        tag(s, "Name").ifPresent(n -> subnets.put(n, service));
        if (cidr != null && !Value.unresolved(cidr)) {
          subnets.put(cidr, service);
        }
      }
      if (network != null) {
        network.vpcs().stream().filter(v -> v.role() == NetworkMap.VpcRole.PEER).forEach(v -> peers.add(v.name()));
      }
    }

    /** An end of {@code traffic[i].field}: its kind and the name the cost model knows it by. */
    Map.Entry<String, Flow.End> end(String field, String text) {
      if (text == null || text.isBlank()) {
        throw new TrafficInputException(field + ": is missing; write a Service of the manifests, a subnet, an AWS"
            + " service, a peer VPC, internet or a region");
      }
      if (text.equals(Flow.INTERNET)) {
        return Map.entry(text, Flow.End.INTERNET);
      }
      if (AwsRegions.isRegion(text)) {
        return Map.entry(text, Flow.End.REGION);
      }
      if (peers.contains(text)) {
        return Map.entry(text, Flow.End.PEER);
      }
      int slash = text.indexOf('/');
      if (slash > 0 && kubernetes.getOrDefault(text.substring(slash + 1), Set.of()).contains(text.substring(0, slash))
          && !subnets.containsKey(text)) {
        return service(text.substring(slash + 1), text.substring(0, slash));
      }
      if (kubernetes.containsKey(text)) {
        Set<String> namespaces = kubernetes.get(text);
        if (namespaces.size() > 1) {
          throw new TrafficInputException(field + ": '" + text + "' names Services in several namespaces "
              + namespaces + "; write namespace/name");
        }
        return service(text, namespaces.iterator().next());
      }
      if (subnets.containsKey(text)) {
        String service = subnets.get(text);
        if (!services.containsKey(service)) {
          notes.add(service + " (" + text + "): priced as a workload in that subnet's AZ, its callers spread over"
              + " the VPC's AZs");
        }
        return service(service, "subnet");
      }
      if (text.equals(Flow.ECR) || VpcEndpoints.GATEWAY.contains(text) || VpcEndpoints.INTERFACE.contains(text)) {
        return Map.entry(text, Flow.End.AWS);
      }
      List<String> known = new ArrayList<>(kubernetes.keySet());
      known.addAll(peers);
      throw new TrafficInputException(field + ": '" + text + "' is not a Service of the manifests, a subnet (Name tag,"
          + " logical id or CIDR), an AWS service, a peer VPC, internet or a region" + (known.isEmpty() ? ""
          : "; Services and peers: " + String.join(", ", known)));
    }

    private Map.Entry<String, Flow.End> service(String name, String namespace) {
      services.putIfAbsent(name, namespace);
      return Map.entry(name, Flow.End.SERVICE);
    }

    private static Optional<String> tag(Resource r, String key) {
      for (Value tag : r.value("Tags").items()) {
        if (tag.template().value(tag.node().path("Key")).knownText().filter(key::equals).isPresent()) {
          return tag.template().value(tag.node().path("Value")).knownText();
        }
      }
      return Optional.empty();
    }
  }

  private TrafficProfile profile(Ends ends) {
    JsonNode root;
    try {
      root = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build()
          .readTree(Files.readString(traffic));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new TrafficInputException("--traffic " + traffic + ": does not exist");
    } catch (IOException e) {
      throw new TrafficInputException("--traffic " + traffic + ": is not YAML ("
          + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
    }
    JsonNode list = root != null && root.isObject() ? root.path("traffic") : root;
    if (list == null || !list.isArray()) {
      throw new TrafficInputException("--traffic " + traffic + ": write traffic: [{from: A, to: B, gb: N}, …]");
    }
    List<Flow> flows = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode f = list.get(i);
      String at = "--traffic " + traffic + ": traffic[" + i + "]";
      Map.Entry<String, Flow.End> from = ends.end(at + ".from", f.path("from").asText(null));
      Map.Entry<String, Flow.End> to = ends.end(at + ".to", f.path("to").asText(null));
      JsonNode gb = f.path("gb");
      if (!gb.isNumber() || !Double.isFinite(gb.asDouble()) || gb.asDouble() < 0) {
        throw new TrafficInputException(at + ".gb: " + (gb.isMissingNode() ? "is missing" : "'" + gb.asText()
            + "' is not a number of GB a month") + "; write a number 0 or more");
      }
      flows.add(new Flow(i, from.getKey(), from.getValue(), to.getKey(), to.getValue(), gb.asDouble()));
    }
    return new TrafficProfile(flows, false);
  }
}
