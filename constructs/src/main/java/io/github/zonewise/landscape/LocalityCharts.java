package io.github.zonewise.landscape;

import io.github.zonewise.k8s.IpModeLoadBalancer;
import io.github.zonewise.k8s.IpModeLoadBalancerProps;
import io.github.zonewise.k8s.LoadBalancerScheme;
import io.github.zonewise.k8s.LoadBalancerType;
import io.github.zonewise.k8s.LocalityDestinationRule;
import io.github.zonewise.k8s.LocalityDestinationRuleProps;
import io.github.zonewise.k8s.LocalityPolicy;
import io.github.zonewise.k8s.LocalityService;
import io.github.zonewise.k8s.LocalityServiceProps;
import io.github.zonewise.k8s.NodeAmi;
import io.github.zonewise.k8s.ZonalDeployment;
import io.github.zonewise.k8s.ZonalDeploymentProps;
import io.github.zonewise.k8s.ZonalNodePools;
import io.github.zonewise.k8s.ZonalNodePoolsProps;
import io.github.zonewise.k8s.WorkloadNamespace;
import io.github.zonewise.k8s.ZonalRouting;
import io.github.zonewise.spec.LandscapeSpec;
import io.github.zonewise.spec.NodePoolSpec;
import io.github.zonewise.spec.ServiceSpec;
import io.github.zonewise.registry.RegistryImages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cdk8s.App;
import org.cdk8s.Chart;
import org.cdk8s.ChartProps;
import software.constructs.Construct;

/**
 * The Kubernetes side of a checked landscape as cdk8s charts, in the order they are applied:
 * <ol>
 *   <li>{@value #NODE_POOLS_CHART}, when the landscape has node pools: per pool a
 *       {@link ZonalNodePools} (its EC2NodeClass and one NodePool per zone, construct id = pool name);</li>
 *   <li>{@value #WORKLOADS_CHART_PREFIX}{@code <namespace>} per namespace, in the order services name
 *       them: the Namespace (not for {@code default} and the {@code kube-*} namespaces; labelled
 *       {@code istio-injection: enabled} when the mesh is Istio) and per service (construct id = the
 *       service name) a {@link ZonalDeployment} {@code Deployment}, a {@link LocalityService}
 *       {@code Service}, an {@link IpModeLoadBalancer} {@code LoadBalancer} when exposed and a
 *       {@link LocalityDestinationRule} {@code DestinationRule} with locality.</li>
 * </ol>
 * Charts hold plain values only (no CDK tokens), so they can be written to files for GitOps and
 * applied by the cluster stack alike. Every object carries {@code app.kubernetes.io/managed-by: zonewise}.
 */
public final class LocalityCharts {

  /** The id (and file name) of the Karpenter chart. */
  public static final String NODE_POOLS_CHART = "nodepools";
  /** The id prefix of a namespace's chart. */
  public static final String WORKLOADS_CHART_PREFIX = "workloads-";
  /** The label every generated object carries. */
  public static final Map<String, String> MANAGED_BY = Map.of("app.kubernetes.io/managed-by", "zonewise");

  private static final Set<String> BUILT_IN_NAMESPACES = Set.of("default", "kube-system", "kube-public",
      "kube-node-lease");

  private LocalityCharts() {
  }

  /**
   * Adds the landscape's charts to a cdk8s app.
   *
   * @param app         the cdk8s app (its charts become files {@code <chart id>.k8s.yaml})
   * @param spec        the checked landscape (every default filled in)
   * @param clusterName the EKS cluster's name, for the Karpenter role and discovery tag
   * @return the charts, in the order they are applied
   */
  public static List<Chart> build(App app, LandscapeSpec spec, String clusterName) {
    List<Chart> charts = new ArrayList<>();
    if (!spec.nodePools().isEmpty()) {
      Chart nodes = chart(app, NODE_POOLS_CHART);
      for (NodePoolSpec pool : spec.nodePools()) {
        new ZonalNodePools(nodes, pool.name(), ZonalNodePoolsProps.builder()
            .name(pool.name())
            .zones(pool.zoneList())
            .clusterName(clusterName)
            .ami(ami(pool.ami()))
            .instanceCategories(pool.instanceCategories())
            .capacityTypes(pool.capacityTypes())
            .architectures(pool.architectures())
            .cpuLimit(pool.cpuLimit())
            .build());
      }
      charts.add(nodes);
    }
    Map<String, List<ServiceSpec>> byNamespace = new LinkedHashMap<>();
    spec.services().forEach(s -> byNamespace.computeIfAbsent(s.namespace(), n -> new ArrayList<>()).add(s));
    boolean istio = spec.cluster() != null ? "istio".equals(spec.cluster().mesh())
        : spec.services().stream().anyMatch(s -> s.locality() != null);
    List<String> podZones = podZones(spec);
    byNamespace.forEach((namespace, services) -> {
      Chart chart = chart(app, WORKLOADS_CHART_PREFIX + namespace);
      if (!BUILT_IN_NAMESPACES.contains(namespace)) {
        new WorkloadNamespace(chart, "Namespace", namespace, istio);
      }
      services.forEach(s -> workload(chart, spec, s, podZones));
      charts.add(chart);
    });
    return List.copyOf(charts);
  }

  private static Chart chart(App app, String id) {
    return new Chart(app, id, ChartProps.builder().labels(MANAGED_BY).disableResourceNameHashes(true).build());
  }

  private static void workload(Chart chart, LandscapeSpec spec, ServiceSpec s, List<String> podZones) {
    Construct group = new Construct(chart, s.name());
    ZonalDeploymentProps.Builder deployment = ZonalDeploymentProps.builder()
        .name(s.name())
        .namespace(s.namespace())
        .image(RegistryImages.imageUri(spec, s.image()))
        .containerPort(s.port())
        .replicas(s.replicas())
        .zones(podZones);
    if (s.colocateWith() != null) {
      String[] peer = s.colocateWith().split("/", 2);
      deployment.colocateWith(peer[0], peer[1]);
    }
    ZonalDeployment pods = new ZonalDeployment(group, "Deployment", deployment.build());
    LocalityService service = new LocalityService(group, "Service", LocalityServiceProps.builder()
        .name(s.name())
        .namespace(s.namespace())
        .selector(pods.selector())
        .port(s.port())
        .routing(ZonalRouting.of(s.routing()).orElseThrow())
        .kubernetesVersion(spec.kubernetesVersion())
        .build());
    LoadBalancerType.of(s.expose()).ifPresent(type -> new IpModeLoadBalancer(group, "LoadBalancer",
        IpModeLoadBalancerProps.builder()
            .service(service)
            .type(type)
            .scheme(LoadBalancerScheme.of(s.scheme()).orElseThrow())
            .build()));
    if (s.locality() != null) {
      new LocalityDestinationRule(group, "DestinationRule", LocalityDestinationRuleProps.builder()
          .service(service)
          .policy(policy(spec, s.locality()))
          .build());
    }
  }

  private static LocalityPolicy policy(LandscapeSpec spec, ServiceSpec.LocalitySpec locality) {
    if (locality.distribute() != null) {
      return LocalityPolicy.distribute(spec.region(), locality.distribute());
    }
    Map<String, String> failover = new LinkedHashMap<>();
    locality.failover().forEach(f -> failover.put(f.from(), f.to()));
    return LocalityPolicy.failover(failover);
  }

  private static NodeAmi ami(NodePoolSpec.AmiSpec ami) {
    if (ami.alias() != null) {
      return NodeAmi.alias(ami.alias());
    }
    return ami.id() != null ? NodeAmi.id(ami.id(), ami.family()) : NodeAmi.ssmParameter(ami.ssmParameter(),
        ami.family());
  }

  /** The zones pods can run in: those of the node pools, or every AZ when there are none. */
  private static List<String> podZones(LandscapeSpec spec) {
    Set<String> zones = new LinkedHashSet<>();
    spec.nodePools().forEach(p -> zones.addAll(p.zoneList()));
    return zones.isEmpty() ? spec.availabilityZones() : List.copyOf(zones);
  }
}
