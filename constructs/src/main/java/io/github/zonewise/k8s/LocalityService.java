package io.github.zonewise.k8s;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.ApiObject;
import software.constructs.Construct;

/**
 * A ClusterIP Service ({@code v1}) with a zonal routing mode ({@link ZonalRouting}): topology-aware
 * routing by annotation, {@code trafficDistribution} ({@code PreferSameZone} / {@code PreferSameNode}
 * where the Kubernetes version runs it), or {@code internalTrafficPolicy: Local}. Exactly one mode,
 * so topology-aware routing and {@code Local} are never combined.
 *
 * <pre>{@code
 * new LocalityService(chart, "Service", LocalityServiceProps.builder()
 *     .name("orders").namespace("ecommerce").selector(orders.selector()).port(3003)
 *     .routing(ZonalRouting.preferSameZone()).build());
 * }</pre>
 */
public class LocalityService extends Construct {

  private final LocalityServiceProps props;
  private final ApiObject resource;

  /**
   * Creates the Service.
   *
   * @param scope the parent, inside a cdk8s chart
   * @param id    the construct id
   * @param props the properties
   */
  public LocalityService(Construct scope, String id, LocalityServiceProps props) {
    super(scope, id);
    this.props = props;
    Map<String, String> annotations = new TreeMap<>(props.annotations());
    annotations.putAll(props.routing().annotations());
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("type", "ClusterIP");
    spec.put("selector", new TreeMap<>(props.selector()));
    spec.put("ports", List.of(ApiObjects.ordered("port", props.port(), "targetPort", props.targetPort(),
        "protocol", "TCP")));
    spec.putAll(props.routing().specFields(props.kubernetesVersion()));
    this.resource = ApiObjects.create(this, "Resource", "v1", "Service", props.name(), props.namespace(),
        new TreeMap<>(props.selector()), annotations, Map.of("spec", spec));
  }

  /** {@return the props this was built with} */
  public LocalityServiceProps props() {
    return props;
  }

  /** {@return the Service object} */
  public ApiObject resource() {
    return resource;
  }

  /** {@return the in-cluster DNS name: {@code <name>.<namespace>.svc.cluster.local}} */
  public String host() {
    return props.name() + "." + props.namespace() + ".svc.cluster.local";
  }
}
