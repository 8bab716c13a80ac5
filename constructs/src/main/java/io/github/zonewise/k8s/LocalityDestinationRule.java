package io.github.zonewise.k8s;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cdk8s.ApiObject;
import software.constructs.Construct;

/**
 * An Istio {@code DestinationRule} ({@code networking.istio.io/v1}) with locality load balancing:
 * {@code trafficPolicy.loadBalancer.localityLbSetting} from a {@link LocalityPolicy}, and the
 * {@code outlierDetection} that locality failover needs to work at all (without it, unhealthy
 * endpoints are never ejected and traffic never leaves the zone): an endpoint with 5 consecutive
 * 5xx responses within 10 s checks is ejected for 30 s, up to all endpoints of a zone so the
 * whole zone can fail over (Envoy's panic threshold still balances over every endpoint when most
 * are ejected).
 */
public class LocalityDestinationRule extends Construct {

  /** Istio's DestinationRule API version. */
  public static final String API_VERSION = "networking.istio.io/v1";

  private final LocalityDestinationRuleProps props;
  private final ApiObject resource;

  /**
   * Creates the DestinationRule.
   *
   * @param scope the parent, inside a cdk8s chart
   * @param id    the construct id
   * @param props the properties
   */
  public LocalityDestinationRule(Construct scope, String id, LocalityDestinationRuleProps props) {
    super(scope, id);
    this.props = props;
    Map<String, Object> trafficPolicy = new LinkedHashMap<>();
    trafficPolicy.put("loadBalancer", Map.of("localityLbSetting", props.policy().localityLbSetting()));
    trafficPolicy.put("outlierDetection", ApiObjects.ordered("consecutive5xxErrors", 5, "interval", "10s",
        "baseEjectionTime", "30s", "maxEjectionPercent", 100));
    Map<String, Object> spec = ApiObjects.ordered("host", props.host(), "trafficPolicy", trafficPolicy);
    this.resource = ApiObjects.create(this, "Resource", API_VERSION, "DestinationRule", props.name(),
        props.namespace(), Map.of(), Map.of(), Map.of("spec", spec));
  }

  /** {@return the props this was built with} */
  public LocalityDestinationRuleProps props() {
    return props;
  }

  /** {@return the DestinationRule object} */
  public ApiObject resource() {
    return resource;
  }
}
