package io.github.zonewise.synth;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What decoding one Kubernetes object needs to know of the others: which Ingress classes the AWS
 * Load Balancer Controller serves (the conventional {@code alb}, and every IngressClass whose
 * controller is {@value #ALB_CONTROLLER}; the one marked default serves Ingresses without a class),
 * and the {@code alb.ingress.kubernetes.io/*} annotations of Services, which override an Ingress's
 * for that Service's target group. Small whatever the input: it keeps those annotations only.
 */
public final class KubernetesContext {

  /** The AWS Load Balancer Controller's IngressClass controller name. */
  public static final String ALB_CONTROLLER = "ingress.k8s.aws/alb";
  /** The prefix of the AWS Load Balancer Controller's Ingress annotations. */
  public static final String ALB_PREFIX = "alb.ingress.kubernetes.io/";

  private final Set<String> albClasses = new HashSet<>(Set.of("alb"));
  private final Map<String, Map<String, String>> serviceAnnotations = new HashMap<>();
  private String defaultClass;

  /** A context that knows no object yet: only the class name {@code alb} is an ALB. */
  public KubernetesContext() {
  }

  /**
   * A context of objects.
   *
   * @param objects the objects
   * @return their context
   */
  public static KubernetesContext of(Iterable<KubernetesObject> objects) {
    KubernetesContext c = new KubernetesContext();
    objects.forEach(c::add);
    return c;
  }

  /**
   * Notes an object: IngressClasses, and Services' ALB annotations.
   *
   * @param o an object
   */
  public void add(KubernetesObject o) {
    if (o.kind().equals("IngressClass") && o.group().equals("networking.k8s.io")) {
      if (ALB_CONTROLLER.equals(o.spec().path("controller").asText())) {
        albClasses.add(o.name());
      } else {
        albClasses.remove(o.name());
      }
      if ("true".equals(o.annotation("ingressclass.kubernetes.io/is-default-class"))) {
        defaultClass = o.name();
      }
    } else if (o.kind().equals("Service") && o.apiVersion().equals("v1")) {
      Map<String, String> alb = new HashMap<>();
      o.node().path("metadata").path("annotations").fields().forEachRemaining(e -> {
        if (e.getKey().startsWith(ALB_PREFIX) && e.getValue().isValueNode()) {
          alb.put(e.getKey(), e.getValue().asText());
        }
      });
      serviceAnnotations.put(o.namespace() + "/" + o.name(), alb);
    }
  }

  /**
   * Whether an Ingress of a class is served by the AWS Load Balancer Controller (an ALB).
   *
   * @param ingressClass the class name, or null for none
   * @return true for an ALB, false for another or an unknown controller
   */
  public boolean isAlb(String ingressClass) {
    String c = ingressClass != null ? ingressClass : defaultClass;
    return c != null && albClasses.contains(c);
  }

  /**
   * An ALB annotation of a Service.
   *
   * @param namespace the Service's namespace
   * @param name      its name
   * @param key       the annotation, e.g. {@code alb.ingress.kubernetes.io/target-type}
   * @return the value, or null when the Service is unknown or does not set it
   */
  public String serviceAnnotation(String namespace, String name, String key) {
    Map<String, String> a = serviceAnnotations.get(namespace + "/" + name);
    return a == null ? null : a.get(key);
  }
}
