package io.github.zonewise.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Kubernetes objects: the namespace rule, required fields, a Service's routing, a load balancer. */
class KubernetesDecodingTest {

  static KubernetesObject object(String yaml) {
    try {
      List<KubernetesObject> objects = KubernetesObject.expand(Yaml.readFirst(new StringReader(yaml)), null, 0, null);
      assertThat(objects).hasSize(1);
      return objects.get(0);
    } catch (ReadProblem e) {
      throw new AssertionError(e);
    }
  }

  static List<KubernetesObject> objects(String yaml) {
    List<KubernetesObject> out = new ArrayList<>();
    try {
      Yaml.read(new StringReader(yaml), false, d -> out.addAll(KubernetesObject.expand(d.root(), null, d.line(), null)));
    } catch (ReadProblem e) {
      throw new AssertionError(e);
    }
    return out;
  }

  static KubernetesObject service(String annotations, String spec) {
    return object("apiVersion: v1\nkind: Service\nmetadata:\n  name: orders\n  namespace: shop\n  annotations: {"
        + annotations + "}\nspec: {selector: {app: orders}, ports: [{port: 80}]" + (spec.isEmpty() ? "" : ", " + spec)
        + "}\n");
  }

  @Nested
  class Namespaces {
    @Test
    void aNamespacedObjectWithoutANamespaceIsInDefault() {
      KubernetesObject o = object("apiVersion: v1\nkind: Service\nmetadata: {name: web}\n");
      assertThat(o.namespace()).isEqualTo("default");
      assertThat(o.id()).isEqualTo("Service/default/web");
    }

    @Test
    void aClusterScopedObjectHasNoNamespaceWhateverItsMetadataSays() {
      KubernetesObject o = object("apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata: {name: a, namespace: x}\n");
      assertThat(o.namespaced()).isFalse();
      assertThat(o.namespace()).isEmpty();
      assertThat(o.id()).isEqualTo("NodePool/a");
      assertThat(object("apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: alb}\n").id())
          .isEqualTo("IngressClass/alb");
    }

    @Test
    void anUnknownKindIsNamespaced() {
      assertThat(object("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n").id())
          .isEqualTo("Widget/default/w");
    }

    @Test
    void aListKindsItemsAreTheObjects() {
      assertThat(objects("apiVersion: v1\nkind: ServiceList\nitems:\n- {apiVersion: v1, kind: Service, metadata: {name: a}}\n"
          + "- {apiVersion: v1, kind: Service, metadata: {name: b}}\n")).extracting(KubernetesObject::id)
          .containsExactly("Service/default/a", "Service/default/b");
    }
  }

  @Nested
  class RequiredFields {
    @Test
    void aDeploymentWithoutSelectorAndTemplateIsAPatch() {
      assertThat(object("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: 3}\n")
          .missingFields()).containsExactly("spec.selector", "spec.template");
    }

    @Test
    void aServiceWithoutPortsIsAPatchUnlessHeadlessOrExternalName() {
      assertThat(object("apiVersion: v1\nkind: Service\nmetadata: {name: s, annotations: {a: b}}\n").missingFields())
          .containsExactly("spec.ports");
      assertThat(object("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: ExternalName}\n")
          .missingFields()).isEmpty();
    }

    @Test
    void anIngressWithoutRulesOrBackendAndADestinationRuleWithoutHostArePatches() {
      assertThat(object("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\n").missingFields())
          .containsExactly("spec.rules");
      assertThat(object("apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: r}\nspec: {}\n")
          .missingFields()).containsExactly("spec.host");
    }
  }

  @Nested
  class Routing {
    ServiceRouting routing(KubernetesObject s) {
      return ServiceRouting.of(s).orElseThrow();
    }

    @Test
    void eachModeDecodes() {
      assertThat(routing(service("service.kubernetes.io/topology-mode: Auto", "")).mode())
          .isEqualTo(ServiceRouting.Mode.TOPOLOGY_AWARE);
      assertThat(routing(service("service.kubernetes.io/topology-aware-hints: auto", "")).mode())
          .isEqualTo(ServiceRouting.Mode.TOPOLOGY_AWARE);
      assertThat(routing(service("", "trafficDistribution: PreferClose")).mode())
          .isEqualTo(ServiceRouting.Mode.PREFER_SAME_ZONE);
      assertThat(routing(service("", "trafficDistribution: PreferSameZone")).mode())
          .isEqualTo(ServiceRouting.Mode.PREFER_SAME_ZONE);
      assertThat(routing(service("", "trafficDistribution: PreferSameNode")).mode())
          .isEqualTo(ServiceRouting.Mode.PREFER_SAME_NODE);
      assertThat(routing(service("", "internalTrafficPolicy: Local")).mode()).isEqualTo(ServiceRouting.Mode.NODE_LOCAL);
      assertThat(routing(service("", "")).mode()).isEqualTo(ServiceRouting.Mode.CLUSTER);
    }

    @Test
    void localWinsOverTopologyAndTopologyOverTrafficDistribution() {
      ServiceRouting both = routing(service("service.kubernetes.io/topology-mode: Auto", "internalTrafficPolicy: Local"));
      assertThat(both.mode()).isEqualTo(ServiceRouting.Mode.NODE_LOCAL);
      assertThat(both.topologyAware()).isTrue();
      assertThat(routing(service("service.kubernetes.io/topology-mode: Auto", "trafficDistribution: PreferSameNode"))
          .mode()).isEqualTo(ServiceRouting.Mode.TOPOLOGY_AWARE);
    }

    @Test
    void whatWasFoundIsSaid() {
      assertThat(routing(service("", "")).found()).isEqualTo("no service.kubernetes.io/topology-mode annotation, "
          + "no spec.trafficDistribution and no internalTrafficPolicy: Local");
      assertThat(routing(service("service.kubernetes.io/topology-mode: Disabled",
          "trafficDistribution: Bogus, internalTrafficPolicy: Cluster")).found()).isEqualTo(
          "service.kubernetes.io/topology-mode: Disabled, spec.trafficDistribution: Bogus and internalTrafficPolicy: Cluster");
    }

    @Test
    void aDeployTimeAnnotationIsUnresolved() {
      assertThat(routing(service("service.kubernetes.io/topology-mode: \"\u00abRef Mode\u00bb\"", "")).unresolved())
          .isTrue();
    }
  }

  @Nested
  class LoadBalancers {
    KubernetesContext context = new KubernetesContext();

    LoadBalancing lb(KubernetesObject o) {
      return LoadBalancing.of(o, context).orElseThrow();
    }

    KubernetesObject lbService(String annotations, String spec) {
      return service(annotations, "type: LoadBalancer" + (spec.isEmpty() ? "" : ", " + spec));
    }

    @Test
    void theControllersNlbInIpOrInstanceModeAndItsDefaults() {
      LoadBalancing ip = lb(lbService("service.beta.kubernetes.io/aws-load-balancer-type: external, "
          + "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip", ""));
      assertThat(ip.kind()).isEqualTo(LoadBalancing.Kind.NLB);
      assertThat(ip.controller()).isEqualTo(LoadBalancing.Controller.AWS_LOAD_BALANCER_CONTROLLER);
      assertThat(ip.targets()).isEqualTo(LoadBalancing.Targets.IP);
      assertThat(ip.internetFacing()).isFalse();
      LoadBalancing byClass = lb(lbService("", "loadBalancerClass: service.k8s.aws/nlb"));
      assertThat(byClass.targets()).isEqualTo(LoadBalancing.Targets.INSTANCE);
      assertThat(byClass.targetsFound()).isEqualTo("the AWS Load Balancer Controller's NLB without "
          + LoadBalancing.NLB_TARGET_TYPE + " (default: instance)");
      assertThat(lb(lbService("service.beta.kubernetes.io/aws-load-balancer-type: nlb-ip", "")).ipTargets()).isTrue();
    }

    @Test
    void theInTreeNlbAndClassicLoadBalancerAreInstanceModeAndInternetFacing() {
      LoadBalancing nlb = lb(lbService("service.beta.kubernetes.io/aws-load-balancer-type: nlb", ""));
      assertThat(nlb.kind()).isEqualTo(LoadBalancing.Kind.NLB);
      assertThat(nlb.controller()).isEqualTo(LoadBalancing.Controller.IN_TREE);
      assertThat(nlb.targets()).isEqualTo(LoadBalancing.Targets.INSTANCE);
      LoadBalancing classic = lb(lbService("", "externalTrafficPolicy: Local"));
      assertThat(classic.kind()).isEqualTo(LoadBalancing.Kind.CLASSIC);
      assertThat(classic.internetFacing()).isTrue();
      assertThat(classic.localTraffic()).isTrue();
      assertThat(lb(lbService("service.beta.kubernetes.io/aws-load-balancer-internal: \"true\"", "")).internetFacing())
          .isFalse();
    }

    @Test
    void anotherControllersLoadBalancerIsUnknown() {
      LoadBalancing other = lb(lbService("", "loadBalancerClass: example.com/metallb"));
      assertThat(other.kind()).isEqualTo(LoadBalancing.Kind.UNKNOWN);
      assertThat(other.controller()).isEqualTo(LoadBalancing.Controller.OTHER);
    }

    @Test
    void crossZoneFromEitherAttributeAnnotationOrTheLegacyOne() {
      assertThat(lb(lbService("service.beta.kubernetes.io/aws-load-balancer-type: external, "
          + "service.beta.kubernetes.io/aws-load-balancer-target-group-attributes: "
          + "\"load_balancing.cross_zone.enabled=true\"", "")).crossZoneFound())
          .isEqualTo(LoadBalancing.TG_ATTRIBUTES + " sets load_balancing.cross_zone.enabled=true");
      assertThat(lb(lbService("service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled: "
          + "\"true\"", "")).crossZone()).isTrue();
      assertThat(lb(lbService("service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing, "
          + "service.beta.kubernetes.io/aws-load-balancer-subnets: \"a, b\"", ""))).satisfies(x -> {
            assertThat(x.crossZone()).isFalse();
            assertThat(x.internetFacing()).isTrue();
            assertThat(x.subnets()).containsExactly("a", "b");
          });
    }

    @Test
    void aServiceOfAnotherTypeHasNone() {
      assertThat(LoadBalancing.of(service("", ""), context)).isEmpty();
    }

    static final String INGRESS = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n"
        + "  namespace: shop\n  annotations: {%s}\nspec:\n  ingressClassName: %s\n  rules:\n  - http:\n"
        + "      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: orders, port: {number: 80}}}}\n"
        + "      - {path: /b, pathType: Prefix, backend: {service: {name: billing, port: {number: 80}}}}\n";

    @Test
    void anAlbIngressByIngressClassAndItsBackendsTargetModes() {
      context.add(object("apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: public}\n"
          + "spec: {controller: ingress.k8s.aws/alb}\n"));
      context.add(service("alb.ingress.kubernetes.io/target-type: ip", ""));
      LoadBalancing alb = lb(object(INGRESS.formatted("alb.ingress.kubernetes.io/group.name: shop", "public")));
      assertThat(alb.kind()).isEqualTo(LoadBalancing.Kind.ALB);
      assertThat(alb.group()).isEqualTo("shop");
      assertThat(alb.crossZone()).isTrue();
      assertThat(alb.backends()).extracting(LoadBalancing.Backend::service, LoadBalancing.Backend::targets)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("orders", LoadBalancing.Targets.IP),
              org.assertj.core.groups.Tuple.tuple("billing", LoadBalancing.Targets.INSTANCE));
      assertThat(alb.targets()).isEqualTo(LoadBalancing.Targets.INSTANCE);
      assertThat(alb.targetsFound()).isEqualTo("backend billing: no alb.ingress.kubernetes.io/target-type on the "
          + "Ingress or on Service shop/billing (default: instance)");
    }

    @Test
    void anIngressOfAnotherControllerHasNone() {
      assertThat(LoadBalancing.of(object(INGRESS.formatted("", "nginx")), context)).isEmpty();
    }
  }
}
