package io.github.zonewise.k8s;

import java.util.Map;
import org.cdk8s.ApiObject;
import software.constructs.Construct;

/**
 * A Kubernetes {@code Namespace} for a landscape's workloads, labelled {@code istio-injection: enabled}
 * when the services in it run in the Istio mesh (so their pods get the sidecar that applies the
 * locality rules).
 */
public class WorkloadNamespace extends Construct {

  private final ApiObject resource;

  /**
   * Creates the namespace object.
   *
   * @param scope          a construct inside a cdk8s chart
   * @param id             the construct id
   * @param name           the namespace's name, a DNS-1123 label
   * @param istioInjection whether pods created in it get the Istio sidecar
   */
  public WorkloadNamespace(Construct scope, String id, String name, boolean istioInjection) {
    super(scope, id);
    ApiObjects.dnsLabel("WorkloadNamespace.name", name);
    this.resource = ApiObjects.create(this, "Resource", "v1", "Namespace", name, null,
        istioInjection ? Map.of("istio-injection", "enabled") : Map.of(), Map.of(), Map.of());
  }

  /** {@return the {@code Namespace} object} */
  public ApiObject resource() {
    return resource;
  }
}
