package io.github.zonewise.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The schema validator itself: it must accept valid objects and catch what the API server would reject. */
class ManifestSchemasTest {

  private static final ManifestSchemas SCHEMAS = ManifestSchemas.forVersion("1.35");

  private static final String SERVICE = """
      apiVersion: v1
      kind: Service
      metadata: {name: orders, namespace: ecommerce}
      spec:
        selector: {app: orders}
        ports: [{port: 80, targetPort: %s}]
        %s
      """;

  private static final String NODE_POOL = """
      apiVersion: karpenter.sh/v1
      kind: NodePool
      metadata: {name: general-eu-west-1a%s}
      spec:
        template:
          spec:
            nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: general}
            requirements: [{key: topology.kubernetes.io/zone, operator: In, values: [eu-west-1a]}]
        %s
      """;

  @Test
  void theSchemasComeFromTheClasspath() {
    assertThat(ManifestSchemas.crdResources()).containsExactly("/schemas/crds/karpenter.k8s.aws_ec2nodeclasses.yaml",
        "/schemas/crds/karpenter.sh_nodepools.yaml", "/schemas/crds/networking.istio.io_destinationrules.yaml");
    for (String version : new String[] {"1.33", "1.34", "1.35"}) {
      assertThat(ManifestSchemas.forVersion(version).validateText(SERVICE.formatted("8080", "type: ClusterIP")))
          .as("Kubernetes " + version).isEmpty();
    }
  }

  @Test
  void aVersionWithoutSchemasIsNamed() {
    assertThatThrownBy(() -> ManifestSchemas.forVersion("1.20")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no Kubernetes schema for version 1.20 on the classpath at schemas/kubernetes/v1.20.0/_definitions.json");
  }

  @Test
  void validServiceIsAccepted() {
    assertThat(SCHEMAS.validateText(SERVICE.formatted("8080", "trafficDistribution: PreferSameZone"))).isEmpty();
  }

  @Test
  void intOrStringAcceptsANamedPort() {
    assertThat(SCHEMAS.validateText(SERVICE.formatted("http", "type: ClusterIP"))).isEmpty();
  }

  @Test
  void unknownFieldInAKubernetesObjectIsRejected() {
    assertThat(SCHEMAS.validateText(SERVICE.formatted("8080", "topologyMode: Auto")))
        .singleElement().asString().contains("Service orders").contains("topologyMode");
  }

  @Test
  void wrongTypeIsRejected() {
    assertThat(SCHEMAS.validateText(SERVICE.formatted("8080", "internalTrafficPolicy: [Local]"))).isNotEmpty();
  }

  @Test
  void validNodePoolIsAccepted() {
    assertThat(SCHEMAS.validateText(NODE_POOL.formatted("", "limits: {cpu: 100}"))).isEmpty();
  }

  @Test
  void unknownFieldInACrdObjectIsRejected() {
    assertThat(SCHEMAS.validateText(NODE_POOL.formatted("", "provider: {}"))).singleElement().asString()
        .contains("NodePool general-eu-west-1a").contains("provider");
  }

  @Test
  void crdMetadataIsCheckedAsObjectMeta() {
    assertThat(SCHEMAS.validateText(NODE_POOL.formatted(", label: x", "limits: {cpu: 100}"))).singleElement()
        .asString().contains("label");
  }

  @Test
  void crdEnumIsEnforced() {
    assertThat(SCHEMAS.validateText(NODE_POOL.formatted("", "disruption: {consolidateAfter: 1m,"
        + " consolidationPolicy: WhenUnderutilized}"))).isNotEmpty();
  }

  @Test
  void removedKarpenterApiHasNoSchema() {
    assertThat(SCHEMAS.validateText("""
        apiVersion: karpenter.sh/v1alpha5
        kind: Provisioner
        metadata: {name: default}
        spec: {}
        """)).containsExactly("Provisioner default: no schema for karpenter.sh/v1alpha5 Provisioner in Kubernetes 1.35"
        + " or the CRDs");
  }

  private static final String DESTINATION_RULE = """
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: orders, namespace: ecommerce}
      spec:
        host: orders.ecommerce.svc.cluster.local
        trafficPolicy:
          loadBalancer:
            localityLbSetting:
              %s: [{from: eu-west-1/eu-west-1a/*, to: {"eu-west-1/eu-west-1a/*": 100}}]
      """;

  @Test
  void validDestinationRuleIsAccepted() {
    assertThat(SCHEMAS.validateText(DESTINATION_RULE.formatted("distribute"))).isEmpty();
  }

  @Test
  void misspeltIstioFieldIsRejected() {
    assertThat(SCHEMAS.validateText(DESTINATION_RULE.formatted("distribution"))).singleElement().asString()
        .contains("DestinationRule orders").contains("distribution");
  }
}
