package io.github.zonewise.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Kubernetes rules on manifests as teams write them (test resources). */
class KubernetesRulesTest {

  static final Manifests SERVICES = Manifests.read("services.yaml");
  static final Manifests LOAD_BALANCERS = Manifests.read("load-balancers.yaml");
  static final Manifests KARPENTER = Manifests.read("karpenter.yaml");
  static final Manifests DEPLOYMENTS = Manifests.read("deployments.yaml");
  static final Manifests DESTINATION_RULES = Manifests.read("destination-rules.yaml");

  @Nested
  class Svc1 {
    @Test
    void compliantWithTopologyModeAuto() {
      assertThat(SERVICES.check(CostRules.SVC1, "Service", "orders").compliant()).isTrue();
    }

    @Test
    void compliantWithTrafficDistributionPreferSameZone() {
      assertThat(SERVICES.check(CostRules.SVC1, "Service", "graphql").compliant()).isTrue();
    }

    @Test
    void compliantWithInternalTrafficPolicyLocal() {
      assertThat(SERVICES.check(CostRules.SVC1, "Service", "cache").compliant()).isTrue();
    }

    @Test
    void compliantWithTheLegacyTopologyAwareHintsAnnotation() {
      assertThat(SERVICES.check(CostRules.SVC1, "Service", "legacy-hints").compliant()).isTrue();
    }

    @Test
    void nonCompliant1PlainService() {
      Outcome o = SERVICES.check(CostRules.SVC1, "Service", "catalog");
      assertThat(o.details()).containsExactly("no service.kubernetes.io/topology-mode annotation, no "
          + "spec.trafficDistribution and no internalTrafficPolicy: Local");
      assertThat(o.findingId()).isEqualTo("Service/shop/catalog");
    }

    @Test
    void nonCompliant2LoadBalancerServiceWithoutZonalRouting() {
      assertThat(LOAD_BALANCERS.check(CostRules.SVC1, "Service", "plain-lb").nonCompliant()).isTrue();
    }

    @Test
    void notApplicableToALoadBalancerServiceThatTargetsPodIps() {
      assertThat(LOAD_BALANCERS.check(CostRules.SVC1, "Service", "nlb-ip-only").applicable()).isFalse();
    }

    @Test
    void notApplicableToHeadlessExternalNameAndSelectorlessServices() {
      assertThat(SERVICES.check(CostRules.SVC1, "Service", "cassandra").applicable()).isFalse();
      assertThat(SERVICES.check(CostRules.SVC1, "Service", "payments-api").applicable()).isFalse();
      assertThat(SERVICES.check(CostRules.SVC1, "Service", "external-db").applicable()).isFalse();
    }
  }

  @Nested
  class Svc2 {
    @Test
    void compliantWithTopologyModeAlone() {
      assertThat(SERVICES.check(CostRules.SVC2, "Service", "orders").compliant()).isTrue();
    }

    @Test
    void nonCompliant1TopologyModeWithLocal() {
      assertThat(SERVICES.check(CostRules.SVC2, "Service", "both").details()).containsExactly(
          "topology-aware routing (service.kubernetes.io/topology-mode: Auto) with internalTrafficPolicy: Local");
    }

    @Test
    void nonCompliant2TopologyAwareHintsWithLocal() {
      assertThat(SERVICES.check(CostRules.SVC2, "Service", "both-legacy").nonCompliant()).isTrue();
    }

    @Test
    void notApplicableWithoutTopologyAwareRouting() {
      assertThat(SERVICES.check(CostRules.SVC2, "Service", "cache").applicable()).isFalse();
    }
  }

  @Nested
  class Lb1 {
    @Test
    void compliantNlbInIpMode() {
      assertThat(LOAD_BALANCERS.check(CostRules.LB1, "Service", "nlb-ip").compliant()).isTrue();
      assertThat(LOAD_BALANCERS.check(CostRules.LB1, "Service", "nlb-ip-deprecated").compliant()).isTrue();
      assertThat(LOAD_BALANCERS.check(CostRules.LB1, "Service", "nlb-class-ip").compliant()).isTrue();
    }

    @Test
    void compliantAlbIngressInIpMode() {
      assertThat(LOAD_BALANCERS.check(CostRules.LB1, "Ingress", "alb-ip").compliant()).isTrue();
    }

    @Test
    void nonCompliant1NlbWithoutTargetType() {
      assertThat(LOAD_BALANCERS.check(CostRules.LB1, "Service", "nlb-no-target-type").details()).containsExactly(
          "the AWS Load Balancer Controller's NLB without service.beta.kubernetes.io/aws-load-balancer-nlb-target-type"
              + " (default: instance)");
    }

    @Test
    void nonCompliant2NlbInInstanceMode() {
      assertThat(LOAD_BALANCERS.check(CostRules.LB1, "Service", "nlb-instance").details())
          .containsExactly("service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: instance");
    }

    @Test
    void nonCompliant3LoadBalancerServiceWithoutAnnotations() {
      assertThat(LOAD_BALANCERS.check(CostRules.LB1, "Service", "plain-lb").details()).containsExactly(
          "no service.beta.kubernetes.io/aws-load-balancer-type annotation: the in-tree controller creates a "
              + "Classic Load Balancer with instance targets");
    }

    @Test
    void nonCompliant4LegacyInTreeNlb() {
      assertThat(LOAD_BALANCERS.check(CostRules.LB1, "Service", "legacy-nlb").nonCompliant()).isTrue();
    }

    @Test
    void nonCompliant5AlbIngressClassWithoutTargetType() {
      assertThat(LOAD_BALANCERS.check(CostRules.LB1, "Ingress", "alb-default-target").details())
          .containsExactly("ALB Ingress without alb.ingress.kubernetes.io/target-type (default: instance)");
    }

    @Test
    void nonCompliant6AlbIngressByAnnotationInInstanceMode() {
      assertThat(LOAD_BALANCERS.check(CostRules.LB1, "Ingress", "alb-by-annotation").details())
          .containsExactly("alb.ingress.kubernetes.io/target-type: instance");
    }

    @Test
    void notApplicableToOtherControllers() {
      assertThat(LOAD_BALANCERS.check(CostRules.LB1, "Ingress", "nginx").applicable()).isFalse();
      assertThat(LOAD_BALANCERS.check(CostRules.LB1, "Service", "other-controller").applicable()).isFalse();
    }
  }

  @Nested
  class Lb2OnKubernetes {
    @Test
    void compliantWithCrossZoneOff() {
      assertThat(LOAD_BALANCERS.check(CostRules.LB2, "Service", "nlb-ip").compliant()).isTrue();
      assertThat(LOAD_BALANCERS.check(CostRules.LB2, "Service", "nlb-no-target-type").compliant()).isTrue();
    }

    @Test
    void nonCompliant1LoadBalancerAttribute() {
      assertThat(LOAD_BALANCERS.check(CostRules.LB2, "Service", "nlb-cross-zone").details()).containsExactly(
          "service.beta.kubernetes.io/aws-load-balancer-attributes sets load_balancing.cross_zone.enabled=true");
    }

    @Test
    void nonCompliant2TargetGroupAttribute() {
      assertThat(LOAD_BALANCERS.check(CostRules.LB2, "Service", "nlb-cross-zone-target-group").nonCompliant())
          .isTrue();
    }

    @Test
    void nonCompliant3LegacyCrossZoneAnnotation() {
      assertThat(LOAD_BALANCERS.check(CostRules.LB2, "Service", "nlb-legacy-cross-zone").details()).containsExactly(
          "service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled: \"true\"");
    }

    @Test
    void notApplicableToClassicLoadBalancers() {
      assertThat(LOAD_BALANCERS.check(CostRules.LB2, "Service", "plain-lb").applicable()).isFalse();
    }
  }

  @Nested
  class Krp1 {
    @Test
    void compliantV1NodePoolAndEc2NodeClass() {
      assertThat(KARPENTER.check(CostRules.KRP1, "NodePool", "general-eu-west-1a").compliant()).isTrue();
      assertThat(KARPENTER.check(CostRules.KRP1, "EC2NodeClass", "default").compliant()).isTrue();
    }

    @Test
    void nonCompliant1V1alpha5Provisioner() {
      assertThat(KARPENTER.check(CostRules.KRP1, "Provisioner", "default").details())
          .containsExactly("karpenter.sh/v1alpha5 Provisioner is removed in Karpenter 1.x");
    }

    @Test
    void nonCompliant2V1beta1NodePool() {
      assertThat(KARPENTER.check(CostRules.KRP1, "NodePool", "beta").nonCompliant()).isTrue();
    }

    @Test
    void nonCompliant3V1beta1Ec2NodeClass() {
      assertThat(KARPENTER.check(CostRules.KRP1, "EC2NodeClass", "beta").nonCompliant()).isTrue();
    }

    @Test
    void nonCompliant4V1alpha1AwsNodeTemplate() {
      assertThat(KARPENTER.check(CostRules.KRP1, "AWSNodeTemplate", "default").nonCompliant()).isTrue();
    }

    @Test
    void notApplicableToOtherObjects() {
      assertThat(SERVICES.check(CostRules.KRP1, "Service", "orders").applicable()).isFalse();
    }
  }

  @Nested
  class Dep1 {
    @Test
    void compliantWithAZoneSpreadConstraint() {
      assertThat(DEPLOYMENTS.check(CostRules.DEP1, "Deployment", "orders").compliant()).isTrue();
    }

    @Test
    void compliantWithZoneAntiAffinity() {
      assertThat(DEPLOYMENTS.check(CostRules.DEP1, "Deployment", "search").compliant()).isTrue();
    }

    @Test
    void nonCompliant1NoSpreadConstraint() {
      assertThat(DEPLOYMENTS.check(CostRules.DEP1, "Deployment", "catalog").details())
          .containsExactly("4 replicas and no topologySpreadConstraints on topology.kubernetes.io/zone");
    }

    @Test
    void nonCompliant2PinnedToOneZoneByNodeSelector() {
      assertThat(DEPLOYMENTS.check(CostRules.DEP1, "Deployment", "pinned").details())
          .containsExactly("3 replicas pinned to one zone (nodeSelector topology.kubernetes.io/zone: eu-west-1a)");
    }

    @Test
    void nonCompliant3PinnedToOneZoneByNodeAffinity() {
      assertThat(DEPLOYMENTS.check(CostRules.DEP1, "Deployment", "pinned-by-affinity").details())
          .containsExactly("2 replicas pinned to one zone (required node affinity to eu-west-1b)");
    }

    @Test
    void notApplicableToASingleReplica() {
      assertThat(DEPLOYMENTS.check(CostRules.DEP1, "Deployment", "singleton").applicable()).isFalse();
    }
  }

  @Nested
  class Ist1 {
    @Test
    void compliantWhenEachFromTotals100() {
      assertThat(DESTINATION_RULES.check(CostRules.IST1, "DestinationRule", "graphql").compliant()).isTrue();
    }

    @Test
    void nonCompliant1WeightsTotal90() {
      assertThat(DESTINATION_RULES.check(CostRules.IST1, "DestinationRule", "short").details())
          .containsExactly("distribute from eu-west-1/eu-west-1a/* totals 90");
    }

    @Test
    void nonCompliant2ZeroWeightInASubset() {
      assertThat(DESTINATION_RULES.check(CostRules.IST1, "DestinationRule", "zero").details()).containsExactly(
          "subset v2: distribute from eu-west-1/eu-west-1a/* has weights below 1 (eu-west-1/eu-west-1b/*: 0)");
    }

    @Test
    void notApplicableWithoutDistribute() {
      assertThat(DESTINATION_RULES.check(CostRules.IST1, "DestinationRule", "failover").applicable()).isFalse();
    }
  }

  @Nested
  class Ist2 {
    @Test
    void compliantFailoverWithOutlierDetection() {
      assertThat(DESTINATION_RULES.check(CostRules.IST2, "DestinationRule", "failover").compliant()).isTrue();
    }

    @Test
    void compliantPortLevelFailoverWithTopLevelOutlierDetection() {
      assertThat(DESTINATION_RULES.check(CostRules.IST2, "DestinationRule", "port-failover").compliant()).isTrue();
    }

    @Test
    void nonCompliant1FailoverWithoutOutlierDetection() {
      assertThat(DESTINATION_RULES.check(CostRules.IST2, "DestinationRule", "failover-no-outlier").details())
          .containsExactly("localityLbSetting with failover and no outlierDetection");
    }

    @Test
    void nonCompliant2DefaultFailoverWithoutOutlierDetection() {
      assertThat(DESTINATION_RULES.check(CostRules.IST2, "DestinationRule", "implicit-failover").details())
          .containsExactly("localityLbSetting (failover by default) and no outlierDetection");
    }

    @Test
    void notApplicableToWeightedDistributionOrNoLocalitySetting() {
      assertThat(DESTINATION_RULES.check(CostRules.IST2, "DestinationRule", "graphql").applicable()).isFalse();
      assertThat(DESTINATION_RULES.check(CostRules.IST2, "DestinationRule", "plain").applicable()).isFalse();
    }
  }
}
