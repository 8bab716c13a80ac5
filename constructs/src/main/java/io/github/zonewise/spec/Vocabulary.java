package io.github.zonewise.spec;

import io.github.zonewise.facts.Names;
import io.github.zonewise.cluster.ServiceMesh;
import io.github.zonewise.interconnect.Interconnect;
import io.github.zonewise.k8s.LoadBalancerScheme;
import io.github.zonewise.k8s.LoadBalancerType;
import io.github.zonewise.k8s.ZonalRouting;
import io.github.zonewise.network.FlowLogDestination;
import io.github.zonewise.network.NatStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The landscape file's names for the library's choice types, in one place: {@code network.nat}
 * {@code perAz} is {@link NatStrategy#perAz()}, {@code services[].routing} {@code topologyAware} is
 * {@link ZonalRouting#topologyAware()}, and so on. The JSON Schema's enums are kept equal to these
 * lists by a test.
 */
public final class Vocabulary {

  /** {@code network.nat}. */
  public static final Choices<NatStrategy> NAT = new Choices<>("a NAT strategy",
      List.of(NatStrategy.perAz(), NatStrategy.single(), NatStrategy.regional(), NatStrategy.none()),
      NatStrategy::name);

  /** {@code network.flowLogs.destination}. */
  public static final Choices<FlowLogDestination> FLOW_LOG_DESTINATION = new Choices<>("a flow-log destination",
      List.of(FlowLogDestination.s3(), FlowLogDestination.cloudWatch()), FlowLogDestination::name);

  /** {@code interconnect.mode}, besides {@link #AUTO}. */
  public static final Choices<Interconnect> INTERCONNECT = new Choices<>("an interconnect mode",
      List.of(Interconnect.peering(), Interconnect.transitGateway()), Interconnect::name);

  /** The {@code interconnect.mode} that leaves the choice to the design step (also the default). */
  public static final String AUTO = "auto";

  /** {@code services[].routing}. */
  public static final Choices<ZonalRouting> ROUTING = new Choices<>("a routing mode",
      List.of(ZonalRouting.topologyAware(), ZonalRouting.preferSameZone(), ZonalRouting.preferSameNode(),
          ZonalRouting.nodeLocal(), ZonalRouting.cluster()), ZonalRouting::name);

  /** {@code services[].expose}, besides {@link #NOT_EXPOSED}. */
  public static final Choices<LoadBalancerType> LOAD_BALANCER = new Choices<>("an exposure",
      List.of(LoadBalancerType.nlb(), LoadBalancerType.alb()), LoadBalancerType::name);

  /** The {@code services[].expose} of a service without a load balancer (the default). */
  public static final String NOT_EXPOSED = "none";

  /** {@code services[].scheme}. */
  public static final Choices<LoadBalancerScheme> SCHEME = new Choices<>("a load balancer scheme",
      List.of(LoadBalancerScheme.internal(), LoadBalancerScheme.internetFacing()), LoadBalancerScheme::name);

  /** {@code cluster.mesh}. */
  public static final Choices<ServiceMesh> MESH = new Choices<>("a service mesh Zonewise installs",
      Arrays.asList(ServiceMesh.values()), ServiceMesh::label);

  /** {@code cluster.manifests}. */
  public static final Choices<ManifestDelivery> MANIFESTS = new Choices<>("a way to deliver the manifests",
      Arrays.asList(ManifestDelivery.values()), ManifestDelivery::label);

  /** {@code cluster.endpoint}: private only. */
  public static final String PRIVATE_ENDPOINT = "private";
  /** {@code cluster.endpoint}: private plus a public endpoint restricted to {@code publicCidrs}. */
  public static final String RESTRICTED_PUBLIC_ENDPOINT = "privateAndRestrictedPublic";
  /** {@code cluster.endpoint}'s names. */
  public static final List<String> ENDPOINTS = List.of(PRIVATE_ENDPOINT, RESTRICTED_PUBLIC_ENDPOINT);

  /** {@code nodePools[].zones}: one NodePool in every AZ. */
  public static final String EACH_ZONE = "each";

  private Vocabulary() {
  }

  /**
   * The names of one choice type.
   *
   * @param what   the choice for messages, e.g. {@code "a NAT strategy"}
   * @param values the choices, in the order the file format lists them
   * @param name   a choice's name in the file
   * @param <T>    the choice type
   */
  public record Choices<T>(String what, List<T> values, Function<T, String> name) {

    /** {@return the names, in order} */
    public List<String> names() {
      return values.stream().map(name).toList();
    }

    /**
     * The choice of a name.
     *
     * @param text a name as written
     * @return the choice, or empty for an unknown name
     */
    public Optional<T> of(String text) {
      return values.stream().filter(v -> name.apply(v).equals(text)).findFirst();
    }

    /**
     * The choice of a field's name, or a problem naming the field, the value, the nearest name and
     * every name.
     *
     * @param field the field path
     * @param text  the name as written
     * @param extra names the field also accepts besides the choices (e.g. {@code none}), listed first
     * @return the choice
     * @throws LandscapeException for an unknown name
     */
    public T require(String field, String text, String... extra) {
      return of(text).orElseThrow(() -> unknown(field, text, what, withExtra(extra)));
    }

    private List<String> withExtra(String... extra) {
      List<String> all = new ArrayList<>(Arrays.asList(extra));
      all.addAll(names());
      return all;
    }
  }

  /**
   * A problem for a name that is not one of a field's names: the nearest name when it looks like a
   * typo, and every name.
   *
   * @param field the field path
   * @param value the name as written
   * @param what  what the field holds, e.g. {@code "a NAT strategy"}
   * @param known every name the field accepts
   * @return the problem
   */
  static LandscapeException unknown(String field, String value, String what, List<String> known) {
    String nearest = value == null ? null : Names.nearest(value, known);
    return new LandscapeException(field, value, "is not " + what + "; "
        + (nearest != null ? "did you mean '" + nearest + "'? " : "") + "use one of " + String.join(", ", known));
  }
}
