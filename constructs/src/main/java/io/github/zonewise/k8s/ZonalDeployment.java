package io.github.zonewise.k8s;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdk8s.ApiObject;
import software.constructs.Construct;

/**
 * A Deployment ({@code apps/v1}) spread for zonal routing: its pods spread evenly over
 * {@code topology.kubernetes.io/zone} ({@code maxSkew} 1, {@code DoNotSchedule}, so every zone gets
 * endpoints) and, best effort, over nodes ({@code kubernetes.io/hostname}, {@code ScheduleAnyway});
 * both constraints count per ReplicaSet ({@code matchLabelKeys: [pod-template-hash]}) so a rollout
 * stays spread. With {@link ZonalDeploymentProps#colocateWith()} every pod also requires a node
 * that runs the named workload (pod affinity on {@code kubernetes.io/hostname}), so a chatty pair
 * talks on the node, free and without a network hop.
 *
 * <pre>{@code
 * ZonalDeployment graphql = new ZonalDeployment(chart, "Deployment", ZonalDeploymentProps.builder()
 *     .name("graphql").namespace("ecommerce").image("graphql:2.7.0").containerPort(4000)
 *     .replicas(6).colocateWith("orders").build());
 * }</pre>
 */
public class ZonalDeployment extends Construct {

  /** The zone topology key. */
  public static final String ZONE_KEY = "topology.kubernetes.io/zone";
  /** The node topology key. */
  public static final String HOSTNAME_KEY = "kubernetes.io/hostname";

  private final ZonalDeploymentProps props;
  private final ApiObject resource;

  /**
   * Creates the Deployment.
   *
   * @param scope the parent, inside a cdk8s chart
   * @param id    the construct id
   * @param props the properties
   */
  public ZonalDeployment(Construct scope, String id, ZonalDeploymentProps props) {
    super(scope, id);
    this.props = props;
    Map<String, String> labels = selector();
    this.resource = ApiObjects.create(this, "Resource", "apps/v1", "Deployment", props.name(), props.namespace(),
        labels, Map.of(), Map.of("spec", spec(props, labels)));
  }

  private static Map<String, Object> spec(ZonalDeploymentProps props, Map<String, String> labels) {
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("name", props.name());
    container.put("image", props.image());
    container.put("ports", List.of(ApiObjects.ordered("containerPort", props.containerPort(), "protocol", "TCP")));
    container.put("resources", Map.of("requests", ApiObjects.ordered("cpu", props.cpu(), "memory", props.memory())));

    Map<String, Object> podSpec = new LinkedHashMap<>();
    podSpec.put("containers", List.of(container));
    podSpec.put("topologySpreadConstraints", List.of(zoneSpread(props, labels), spread(HOSTNAME_KEY, "ScheduleAnyway",
        labels)));
    Map<String, Object> affinity = new LinkedHashMap<>();
    if (props.onlyInZones()) {
      affinity.put("nodeAffinity", Map.of("requiredDuringSchedulingIgnoredDuringExecution", Map.of(
          "nodeSelectorTerms", List.of(Map.of("matchExpressions", List.of(ApiObjects.ordered(
              "key", ZONE_KEY, "operator", "In", "values", props.zones())))))));
    }
    if (props.colocateWith() != null) {
      Map<String, Object> term = new LinkedHashMap<>();
      term.put("labelSelector", Map.of("matchLabels", Map.of(ApiObjects.NAME_LABEL, props.colocateWith())));
      if (props.colocateWithNamespace() != null && !props.colocateWithNamespace().equals(props.namespace())) {
        term.put("namespaces", List.of(props.colocateWithNamespace()));
      }
      term.put("topologyKey", HOSTNAME_KEY);
      affinity.put("podAffinity", Map.of("requiredDuringSchedulingIgnoredDuringExecution", List.of(term)));
    }
    if (!affinity.isEmpty()) {
      podSpec.put("affinity", affinity);
    }

    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("replicas", props.replicas());
    spec.put("selector", Map.of("matchLabels", labels));
    spec.put("template", ApiObjects.ordered("metadata", Map.of("labels", labels), "spec", podSpec));
    return spec;
  }

  private static Map<String, Object> zoneSpread(ZonalDeploymentProps props, Map<String, String> labels) {
    Map<String, Object> zone = spread(ZONE_KEY, "DoNotSchedule", labels);
    if (!props.zones().isEmpty() && props.replicas() > 1) {
      zone.put("minDomains", Math.min(props.zones().size(), props.replicas()));
    }
    return zone;
  }

  private static Map<String, Object> spread(String key, String whenUnsatisfiable, Map<String, String> labels) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("maxSkew", 1);
    c.put("topologyKey", key);
    c.put("whenUnsatisfiable", whenUnsatisfiable);
    c.put("labelSelector", Map.of("matchLabels", labels));
    c.put("matchLabelKeys", List.of("pod-template-hash"));
    return c;
  }

  /**
   * {@return the labels the pods carry and a Service selects them by: {@code app.kubernetes.io/name: <name>}}
   */
  public Map<String, String> selector() {
    return Map.of(ApiObjects.NAME_LABEL, props.name());
  }

  /** {@return the props this was built with} */
  public ZonalDeploymentProps props() {
    return props;
  }

  /** {@return the Deployment object} */
  public ApiObject resource() {
    return resource;
  }

}
