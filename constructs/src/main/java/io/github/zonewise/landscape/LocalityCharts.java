package io.github.zonewise.landscape;

import io.github.zonewise.design.LandscapeDesign;
import io.github.zonewise.k8s.IpModeLoadBalancer;
import io.github.zonewise.k8s.IpModeLoadBalancerProps;
import io.github.zonewise.k8s.LocalityDestinationRule;
import io.github.zonewise.k8s.LocalityDestinationRuleProps;
import io.github.zonewise.k8s.LocalityService;
import io.github.zonewise.k8s.LocalityServiceProps;
import io.github.zonewise.k8s.ZonalDeployment;
import io.github.zonewise.k8s.ZonalDeploymentProps;
import io.github.zonewise.k8s.ZonalNodePools;
import io.github.zonewise.k8s.ZonalNodePoolsProps;
import io.github.zonewise.k8s.WorkloadNamespace;
import io.github.zonewise.spec.LandscapeSpec;
import io.github.zonewise.spec.NodePoolSpec;
import io.github.zonewise.spec.ServiceSpec;
import io.github.zonewise.registry.RegistryImages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
  public static final String NODE_POOLS_CHART = ZonalNodePools.CHART;
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
   * @param design      the design of the checked landscape (its pods' zones)
   * @param clusterName the EKS cluster's name, for the Karpenter role and discovery tag
   * @return the charts, in the order they are applied
   */
  public static List<Chart> build(App app, LandscapeDesign design, String clusterName) {
    LandscapeSpec spec = design.landscape().spec();
    List<String> podZones = design.podZones();
    RegistryImages images = spec.registry().map(r -> new RegistryImages(spec.account(), spec.region(),
        r.repositories(), r.replicateTo())).orElse(RegistryImages.none(spec.region()));
    List<Chart> charts = new ArrayList<>();
    if (!spec.nodePools().isEmpty()) {
      Chart nodes = chart(app, NODE_POOLS_CHART);
      for (NodePoolSpec pool : spec.nodePools()) {
        new ZonalNodePools(nodes, pool.name(), ZonalNodePoolsProps.builder()
            .name(pool.name())
            .zones(pool.zones())
            .clusterName(clusterName)
            .ami(pool.ami())
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
    boolean istio = spec.istio();
    byNamespace.forEach((namespace, services) -> {
      Chart chart = chart(app, WORKLOADS_CHART_PREFIX + namespace);
      if (!BUILT_IN_NAMESPACES.contains(namespace)) {
        new WorkloadNamespace(chart, "Namespace", namespace, istio);
      }
      services.forEach(s -> workload(chart, spec, s, podZones, images));
      charts.add(chart);
    });
    return List.copyOf(charts);
  }

  private static Chart chart(App app, String id) {
    return new Chart(app, id, ChartProps.builder().labels(MANAGED_BY).disableResourceNameHashes(true).build());
  }

  private static void workload(Chart chart, LandscapeSpec spec, ServiceSpec s, List<String> podZones,
      RegistryImages images) {
    Construct group = new Construct(chart, s.name());
    ZonalDeploymentProps.Builder deployment = ZonalDeploymentProps.builder()
        .name(s.name())
        .namespace(s.namespace())
        .image(images.imageUri(s.image()))
        .containerPort(s.port())
        .replicas(s.replicas())
        .zones(podZones)
        .onlyInZones(!podZones.containsAll(spec.availabilityZones()));
    s.colocateWith().ifPresent(qualified -> {
      String[] peer = qualified.split("/", 2);
      deployment.colocateWith(peer[0], peer[1]);
    });
    ZonalDeployment pods = new ZonalDeployment(group, "Deployment", deployment.build());
    LocalityService service = new LocalityService(group, "Service", LocalityServiceProps.builder()
        .name(s.name())
        .namespace(s.namespace())
        .selector(pods.selector())
        .port(s.port())
        .routing(s.routing())
        .kubernetesVersion(spec.kubernetesVersion())
        .build());
    s.exposure().ifPresent(exposure -> new IpModeLoadBalancer(group, "LoadBalancer",
        IpModeLoadBalancerProps.builder()
            .service(service)
            .type(exposure.type())
            .scheme(exposure.scheme())
            .certificateArn(exposure.certificateArn().orElse(null))
            .build()));
    s.locality().ifPresent(policy -> new LocalityDestinationRule(group, "DestinationRule",
        LocalityDestinationRuleProps.builder()
            .service(service)
            .policy(policy)
            .build()));
  }
}
