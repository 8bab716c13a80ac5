package io.github.zonewise.k8s;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.ApiObject;
import software.constructs.Construct;

/**
 * A load balancer that sends straight to pod IPs, provisioned by the AWS Load Balancer Controller.
 * Never instance mode: instance targets add a hop (load balancer → NodePort on any node →
 * kube-proxy → a pod, often in another AZ, charged $0.01/GB each way).
 * <ul>
 *   <li>{@link LoadBalancerType#nlb()}: a Service {@code <name>-nlb} of type LoadBalancer with
 *       {@code aws-load-balancer-type: external}, {@code aws-load-balancer-nlb-target-type: ip},
 *       cross-zone load balancing off and availability-zone-affinity DNS
 *       ({@code load_balancing.cross_zone.enabled=false,dns_record.client_routing_policy=availability_zone_affinity}),
 *       and no node ports ({@code allocateLoadBalancerNodePorts: false}: IP targets do not use them);</li>
 *   <li>{@link LoadBalancerType#alb()}: an Ingress {@code <name>} of class {@code alb} with
 *       {@code alb.ingress.kubernetes.io/target-type: ip}, routing {@code /} to the Service.</li>
 * </ul>
 * Subnets are found by their tags ({@code kubernetes.io/role/elb}, {@code kubernetes.io/role/internal-elb}),
 * which the landscape's VPC sets in every AZ.
 */
public class IpModeLoadBalancer extends Construct {

  /** The NLB attributes: no cross-zone balancing, clients resolve their own zone's NLB node. */
  public static final String NLB_ATTRIBUTES =
      "load_balancing.cross_zone.enabled=false,dns_record.client_routing_policy=availability_zone_affinity";

  private final IpModeLoadBalancerProps props;
  private final ApiObject resource;

  /**
   * Creates the load balancer's Service or Ingress.
   *
   * @param scope the parent, inside a cdk8s chart
   * @param id    the construct id
   * @param props the properties
   */
  public IpModeLoadBalancer(Construct scope, String id, IpModeLoadBalancerProps props) {
    super(scope, id);
    this.props = props;
    LocalityServiceProps target = props.service().props();
    Map<String, String> labels = new TreeMap<>(target.selector());
    Map<String, String> annotations = new TreeMap<>();
    if (props.type().equals(LoadBalancerType.nlb())) {
      annotations.put("service.beta.kubernetes.io/aws-load-balancer-type", "external");
      annotations.put("service.beta.kubernetes.io/aws-load-balancer-nlb-target-type", "ip");
      annotations.put("service.beta.kubernetes.io/aws-load-balancer-scheme", props.scheme().name());
      annotations.put("service.beta.kubernetes.io/aws-load-balancer-attributes", NLB_ATTRIBUTES);
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("type", "LoadBalancer");
      spec.put("selector", new TreeMap<>(target.selector()));
      spec.put("ports", List.of(ApiObjects.ordered("port", props.listenerPort(), "targetPort", target.targetPort(),
          "protocol", "TCP")));
      spec.put("allocateLoadBalancerNodePorts", false);
      this.resource = ApiObjects.create(this, "Resource", "v1", "Service", target.name() + "-nlb",
          target.namespace(), labels, annotations, Map.of("spec", spec));
    } else {
      annotations.put("alb.ingress.kubernetes.io/scheme", props.scheme().name());
      annotations.put("alb.ingress.kubernetes.io/target-type", "ip");
      if (props.certificateArn().isPresent()) {
        // HTTPS on 443 with the certificate; the HTTP listener only redirects to it
        annotations.put("alb.ingress.kubernetes.io/listen-ports", "[{\"HTTP\": " + props.listenerPort()
            + "}, {\"HTTPS\": " + HTTPS_PORT + "}]");
        annotations.put("alb.ingress.kubernetes.io/certificate-arn", props.certificateArn().get());
        annotations.put("alb.ingress.kubernetes.io/ssl-redirect", String.valueOf(HTTPS_PORT));
        annotations.put("alb.ingress.kubernetes.io/ssl-policy", IpModeLoadBalancerProps.SSL_POLICY);
      } else {
        annotations.put("alb.ingress.kubernetes.io/listen-ports", "[{\"HTTP\": " + props.listenerPort() + "}]");
      }
      Map<String, Object> backend = Map.of("service", ApiObjects.ordered("name", target.name(),
          "port", Map.of("number", target.port())));
      Map<String, Object> path = ApiObjects.ordered("path", "/", "pathType", "Prefix", "backend", backend);
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("ingressClassName", "alb");
      spec.put("rules", List.of(Map.of("http", Map.of("paths", List.of(path)))));
      this.resource = ApiObjects.create(this, "Resource", "networking.k8s.io/v1", "Ingress", target.name(),
          target.namespace(), labels, annotations, Map.of("spec", spec));
    }
  }

  /** The port of an ALB's HTTPS listener. */
  public static final int HTTPS_PORT = 443;

  /** {@return the props this was built with} */
  public IpModeLoadBalancerProps props() {
    return props;
  }

  /** {@return the Service (NLB) or Ingress (ALB) object} */
  public ApiObject resource() {
    return resource;
  }
}
