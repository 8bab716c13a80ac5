package io.github.zonewise.lint;

import java.util.HashSet;
import java.util.Set;

/**
 * What Kubernetes rules know beyond one object: the IngressClasses seen next to it.
 */
final class KubernetesScope {

  /** The AWS Load Balancer Controller's IngressClass controller name. */
  static final String ALB_CONTROLLER = "ingress.k8s.aws/alb";

  private final Set<String> albClasses = new HashSet<>(Set.of("alb"));
  private final Set<String> otherClasses = new HashSet<>();
  private String defaultClass;

  /** An empty scope: only the conventional class name {@code alb} is known as ALB. */
  KubernetesScope() {
  }

  /**
   * Notes an object: IngressClasses tell which class names are ALB and which is the default.
   *
   * @param object an object
   */
  void add(KubernetesObject object) {
    if (object.kind().equals("IngressClass") && object.group().equals("networking.k8s.io")) {
      String name = object.name();
      if (ALB_CONTROLLER.equals(object.spec().path("controller").asText())) {
        albClasses.add(name);
      } else {
        otherClasses.add(name);
        albClasses.remove(name);
      }
      if ("true".equals(object.annotation("ingressclass.kubernetes.io/is-default-class"))) {
        defaultClass = name;
      }
    }
  }

  /**
   * Whether an Ingress of a class is served by the AWS Load Balancer Controller (an ALB).
   *
   * @param ingressClass the class name, or null for none
   * @return true for ALB, false for another or unknown controller
   */
  boolean isAlb(String ingressClass) {
    String c = ingressClass != null ? ingressClass : defaultClass;
    return c != null && albClasses.contains(c);
  }
}
