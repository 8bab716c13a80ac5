package io.github.zonewise.synth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The load balancer a Kubernetes object asks for, decoded once: a Service of type LoadBalancer
 * (the AWS Load Balancer Controller's NLB, the in-tree controller's NLB or Classic Load Balancer, or
 * another controller's) or an Ingress an ALB serves; its kind, target mode, scheme, cross-zone
 * load balancing, subnets and, for an ALB, the target mode of each backend Service (a Service's
 * {@code alb.ingress.kubernetes.io/target-type} overrides the Ingress's: the controller's
 * annotations on a Service take precedence over the Ingress's).
 *
 * @param object         the Service or Ingress
 * @param kind           NLB, ALB, Classic, or unknown (another controller's)
 * @param controller     which controller provisions it
 * @param targets        IP (straight to pods), instance (through a NodePort), or unknown
 * @param targetsFound   what sets the target mode, in words naming the annotation and its value
 * @param internetFacing true for an internet-facing scheme
 * @param crossZone      true when cross-zone load balancing is on
 * @param crossZoneFound what turns cross-zone on (null when it is the kind's default)
 * @param subnets        the subnets its annotation lists (empty: the controller discovers them)
 * @param localTraffic   {@code externalTrafficPolicy: Local}
 * @param group          an ALB's {@code group.name}, or null
 * @param backends       an ALB's backend Services and their target modes (empty for a Service)
 */
public record LoadBalancing(KubernetesObject object, Kind kind, Controller controller, Targets targets,
    String targetsFound, boolean internetFacing, boolean crossZone, String crossZoneFound, List<String> subnets,
    boolean localTraffic, String group, List<Backend> backends) {

  /** {@code service.beta.kubernetes.io/aws-load-balancer-type}. */
  public static final String LB_TYPE = "service.beta.kubernetes.io/aws-load-balancer-type";
  /** {@code service.beta.kubernetes.io/aws-load-balancer-nlb-target-type}. */
  public static final String NLB_TARGET_TYPE = "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type";
  /** {@code service.beta.kubernetes.io/aws-load-balancer-scheme}. */
  public static final String SCHEME = "service.beta.kubernetes.io/aws-load-balancer-scheme";
  /** {@code service.beta.kubernetes.io/aws-load-balancer-internal} (in-tree, deprecated). */
  public static final String INTERNAL = "service.beta.kubernetes.io/aws-load-balancer-internal";
  /** {@code service.beta.kubernetes.io/aws-load-balancer-attributes}. */
  public static final String LB_ATTRIBUTES = "service.beta.kubernetes.io/aws-load-balancer-attributes";
  /** {@code service.beta.kubernetes.io/aws-load-balancer-target-group-attributes}. */
  public static final String TG_ATTRIBUTES = "service.beta.kubernetes.io/aws-load-balancer-target-group-attributes";
  /** The in-tree controller's cross-zone annotation. */
  public static final String LEGACY_CROSS_ZONE =
      "service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled";
  /** {@code service.beta.kubernetes.io/aws-load-balancer-subnets}. */
  public static final String SUBNETS = "service.beta.kubernetes.io/aws-load-balancer-subnets";
  /** The AWS Load Balancer Controller's {@code loadBalancerClass}. */
  public static final String LBC_NLB_CLASS = "service.k8s.aws/nlb";
  /** {@code alb.ingress.kubernetes.io/target-type} (on an Ingress or its backend Service). */
  public static final String ALB_TARGET_TYPE = "alb.ingress.kubernetes.io/target-type";
  /** {@code alb.ingress.kubernetes.io/scheme}. */
  public static final String ALB_SCHEME = "alb.ingress.kubernetes.io/scheme";
  /** {@code alb.ingress.kubernetes.io/subnets}. */
  public static final String ALB_SUBNETS = "alb.ingress.kubernetes.io/subnets";
  /** {@code alb.ingress.kubernetes.io/group.name}. */
  public static final String ALB_GROUP = "alb.ingress.kubernetes.io/group.name";
  /** {@code alb.ingress.kubernetes.io/target-group-attributes}. */
  public static final String ALB_TG_ATTRIBUTES = "alb.ingress.kubernetes.io/target-group-attributes";
  /** The legacy Ingress class annotation. */
  public static final String INGRESS_CLASS = "kubernetes.io/ingress.class";

  private static final String CROSS_ZONE = "load_balancing.cross_zone.enabled";

  /** A load balancer kind. */
  public enum Kind {
    /** Network Load Balancer. */
    NLB,
    /** Application Load Balancer. */
    ALB,
    /** Classic Load Balancer (the in-tree controller's default). */
    CLASSIC,
    /** Another controller's load balancer. */
    UNKNOWN
  }

  /** Which controller provisions a load balancer. */
  public enum Controller {
    /** The AWS Load Balancer Controller. */
    AWS_LOAD_BALANCER_CONTROLLER,
    /** The in-tree cloud provider's service controller. */
    IN_TREE,
    /** Another controller ({@code loadBalancerClass} of another). */
    OTHER
  }

  /** A target mode. */
  public enum Targets {
    /** Pod IPs: straight to pods. */
    IP,
    /** Instances: a NodePort on any node, then kube-proxy. */
    INSTANCE,
    /** Not known before deployment, or another controller's. */
    UNKNOWN
  }

  /**
   * A backend Service of an ALB.
   *
   * @param service the Service's name
   * @param targets its target mode
   * @param found   what sets it, in words
   * @param overridden true when the Service's own annotation sets it
   */
  public record Backend(String service, Targets targets, String found, boolean overridden) {
  }

  /**
   * Copies the lists.
   *
   * @param object         the Service or Ingress
   * @param kind           NLB, ALB, Classic, or unknown
   * @param controller     which controller provisions it
   * @param targets        IP, instance, or unknown
   * @param targetsFound   what sets the target mode, in words
   * @param internetFacing true for an internet-facing scheme
   * @param crossZone      true when cross-zone load balancing is on
   * @param crossZoneFound what turns cross-zone on, or null for the kind's default
   * @param subnets        the subnets its annotation lists; empty when the controller discovers them
   * @param localTraffic   true for {@code externalTrafficPolicy: Local}
   * @param group          an ALB's {@code group.name}, or null
   * @param backends       an ALB's backend Services; empty for a Service
   */
  public LoadBalancing {
    subnets = List.copyOf(subnets);
    backends = List.copyOf(backends);
  }

  /**
   * The load balancer an object asks for.
   *
   * @param o       a Service or an Ingress
   * @param context the objects around it (IngressClasses, backend Services)
   * @return the load balancer; empty for a Service of another type, an Ingress no ALB serves, or another object
   */
  public static Optional<LoadBalancing> of(KubernetesObject o, KubernetesContext context) {
    if (o.kind().equals("Service") && o.apiVersion().equals("v1")) {
      return "LoadBalancer".equals(o.spec().path("type").asText("")) ? Optional.of(service(o)) : Optional.empty();
    }
    if (o.kind().equals("Ingress") && Set.of("networking.k8s.io", "extensions").contains(o.group())) {
      String cls = o.spec().path("ingressClassName").asText(null);
      if (cls == null) {
        cls = o.annotation(INGRESS_CLASS);
      }
      return context.isAlb(cls) ? Optional.of(ingress(o, context)) : Optional.empty();
    }
    return Optional.empty();
  }

  private static LoadBalancing service(KubernetesObject o) {
    String type = o.annotation(LB_TYPE);
    String lbClass = o.spec().path("loadBalancerClass").asText(null);
    String target = o.annotation(NLB_TARGET_TYPE);
    Kind kind;
    Controller controller;
    if (lbClass != null && !lbClass.equals(LBC_NLB_CLASS)) {
      kind = Kind.UNKNOWN;
      controller = Controller.OTHER;
    } else if (lbClass != null || "external".equals(type) || "nlb-ip".equals(type)) {
      kind = Kind.NLB;
      controller = Controller.AWS_LOAD_BALANCER_CONTROLLER;
    } else if ("nlb".equals(type)) {
      kind = Kind.NLB;
      controller = Controller.IN_TREE;
    } else {
      kind = Kind.CLASSIC;
      controller = Controller.IN_TREE;
    }
    Targets targets;
    String found;
    if (Value.unresolved(type) || Value.unresolved(target)) {
      targets = Targets.UNKNOWN;
      found = "a target type known only at deploy time";
    } else if (controller == Controller.OTHER) {
      targets = "ip".equals(target) ? Targets.IP : Targets.INSTANCE;
      found = "another controller's load balancer (loadBalancerClass " + lbClass + ")";
    } else if ("nlb-ip".equals(type)) {
      targets = Targets.IP;
      found = LB_TYPE + ": nlb-ip";
    } else if (controller == Controller.AWS_LOAD_BALANCER_CONTROLLER) {
      targets = "ip".equals(target) ? Targets.IP : Targets.INSTANCE;
      found = target == null ? "the AWS Load Balancer Controller's NLB without " + NLB_TARGET_TYPE + " (default: instance)"
          : NLB_TARGET_TYPE + ": " + target;
    } else if (kind == Kind.NLB) {
      targets = Targets.INSTANCE;
      found = LB_TYPE + ": nlb (the legacy in-tree NLB registers instance targets)";
    } else {
      targets = Targets.INSTANCE;
      found = (type == null ? "no " + LB_TYPE + " annotation" : LB_TYPE + ": " + type)
          + ": the in-tree controller creates a Classic Load Balancer with instance targets";
    }
    String scheme = o.annotation(SCHEME);
    boolean internetFacing = scheme != null ? scheme.equalsIgnoreCase("internet-facing")
        : controller != Controller.AWS_LOAD_BALANCER_CONTROLLER && !"true".equalsIgnoreCase(o.annotation(INTERNAL));
    String crossZoneFound = null;
    for (String key : new String[] {LB_ATTRIBUTES, TG_ATTRIBUTES}) {
      if (crossZoneFound == null && "true".equalsIgnoreCase(attribute(o.annotation(key), CROSS_ZONE))) {
        crossZoneFound = key + " sets " + CROSS_ZONE + "=true";
      }
    }
    if (crossZoneFound == null && "true".equalsIgnoreCase(o.annotation(LEGACY_CROSS_ZONE))) {
      crossZoneFound = LEGACY_CROSS_ZONE + ": \"true\"";
    }
    return new LoadBalancing(o, kind, controller, targets, found, internetFacing, crossZoneFound != null,
        crossZoneFound, list(o.annotation(SUBNETS)), "Local".equals(o.spec().path("externalTrafficPolicy").asText()),
        null, List.of());
  }

  private static LoadBalancing ingress(KubernetesObject o, KubernetesContext context) {
    String ingressTarget = o.annotation(ALB_TARGET_TYPE);
    String ingressFound = ingressTarget == null ? "ALB Ingress without " + ALB_TARGET_TYPE + " (default: instance)"
        : ALB_TARGET_TYPE + ": " + ingressTarget;
    List<Backend> backends = new ArrayList<>();
    for (String name : backendNames(o)) {
      String own = context.serviceAnnotation(o.namespace(), name, ALB_TARGET_TYPE);
      String effective = own != null ? own : ingressTarget;
      String found = own != null ? ALB_TARGET_TYPE + ": " + own + " on Service " + o.namespace() + "/" + name
          : ingressTarget != null ? ingressFound
          : "no " + ALB_TARGET_TYPE + " on the Ingress or on Service " + o.namespace() + "/" + name + " (default: instance)";
      backends.add(new Backend(name, targets(effective), found, own != null));
    }
    Targets targets;
    String found;
    if (backends.isEmpty()) {
      targets = targets(ingressTarget);
      found = ingressFound;
    } else {
      boolean instance = backends.stream().anyMatch(b -> b.targets() == Targets.INSTANCE);
      boolean unknown = backends.stream().anyMatch(b -> b.targets() == Targets.UNKNOWN);
      targets = instance ? Targets.INSTANCE : unknown ? Targets.UNKNOWN : Targets.IP;
      List<Backend> notIp = backends.stream().filter(b -> b.targets() == Targets.INSTANCE).toList();
      boolean anyOverride = backends.stream().anyMatch(Backend::overridden);
      if (notIp.isEmpty()) {
        found = anyOverride ? "every backend Service in IP mode" : ingressFound;
      } else if (!anyOverride) {
        found = ingressFound;
      } else {
        found = String.join("; ", notIp.stream().map(b -> "backend " + b.service() + ": " + b.found()).toList());
      }
    }
    String tg = o.annotation(ALB_TG_ATTRIBUTES);
    boolean crossZone = !"false".equalsIgnoreCase(attribute(tg, CROSS_ZONE));
    return new LoadBalancing(o, Kind.ALB, Controller.AWS_LOAD_BALANCER_CONTROLLER, targets, found,
        "internet-facing".equalsIgnoreCase(o.annotation(ALB_SCHEME)), crossZone,
        crossZone ? null : ALB_TG_ATTRIBUTES + " sets " + CROSS_ZONE + "=false", list(o.annotation(ALB_SUBNETS)), false,
        o.annotation(ALB_GROUP), backends);
  }

  private static Targets targets(String targetType) {
    if (Value.unresolved(targetType)) {
      return Targets.UNKNOWN;
    }
    return "ip".equals(targetType) ? Targets.IP : Targets.INSTANCE;
  }

  /** The backend Service names of an Ingress, in order: its default backend, then its rules' paths. */
  private static Set<String> backendNames(KubernetesObject o) {
    Set<String> names = new LinkedHashSet<>();
    JsonNode spec = o.spec();
    addName(spec.path("defaultBackend").path("service").path("name"), names);
    addName(spec.path("backend").path("serviceName"), names);
    for (JsonNode rule : spec.path("rules")) {
      for (JsonNode path : rule.path("http").path("paths")) {
        addName(path.path("backend").path("service").path("name"), names);
        addName(path.path("backend").path("serviceName"), names);
      }
    }
    return names;
  }

  private static void addName(JsonNode name, Set<String> names) {
    if (name.isTextual() && !name.asText().isEmpty()) {
      names.add(name.asText());
    }
  }

  /** A key's value in a {@code k1=v1,k2=v2} annotation, or null. */
  private static String attribute(String attributes, String key) {
    if (attributes == null) {
      return null;
    }
    for (String pair : attributes.split(",")) {
      String[] kv = pair.trim().split("=", 2);
      if (kv.length == 2 && kv[0].trim().equals(key)) {
        return kv[1].trim();
      }
    }
    return null;
  }

  private static List<String> list(String annotation) {
    List<String> items = new ArrayList<>();
    if (annotation != null) {
      for (String s : annotation.split(",")) {
        if (!s.trim().isEmpty()) {
          items.add(s.trim());
        }
      }
    }
    return items;
  }

  /** {@return whether it targets pod IPs} */
  public boolean ipTargets() {
    return targets == Targets.IP;
  }
}
