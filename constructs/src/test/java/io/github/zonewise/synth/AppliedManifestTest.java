package io.github.zonewise.synth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The manifests a template applies: JSON strings, joins with deploy-time values, Helm charts and patches. */
class AppliedManifestTest {

  static Template t;

  @BeforeAll
  static void template() throws Exception {
    t = Template.of("cluster", "eu-west-1", Json.read("""
        {"Resources": {
          "Cluster": {"Type": "AWS::EKS::Cluster"},
          "Plain": {"Type": "Custom::AWSCDK-EKS-KubernetesResource", "Properties": {"Manifest":
            "[{\\"apiVersion\\":\\"v1\\",\\"kind\\":\\"Service\\",\\"metadata\\":{\\"name\\":\\"a\\"},\\"spec\\":{\\"ports\\":[{\\"port\\":80}]}}]"}},
          "Joined": {"Type": "Custom::AWSCDK-EKS-KubernetesResource", "Properties": {"Manifest": {"Fn::Join": ["", [
            "[{\\"apiVersion\\":\\"v1\\",\\"kind\\":\\"Service\\",\\"metadata\\":{\\"name\\":\\"b\\",\\"labels\\":{\\"region\\":\\"",
            {"Ref": "AWS::Region"}, "\\",\\"cluster\\":\\"", {"Ref": "Cluster"},
            "\\"}},\\"spec\\":{\\"ports\\":[{\\"port\\":80}]}}]"]]}}},
          "Outside": {"Type": "Custom::AWSCDK-EKS-KubernetesResource", "Properties": {"Manifest": {"Fn::Join": ["", [
            "[{\\"kind\\":\\"Deployment\\",\\"spec\\":{\\"replicas\\":", {"Ref": "Replicas"}, "}}]"]]}}},
          "Imported": {"Type": "Custom::AWSCDK-EKS-KubernetesResource", "Properties": {"Manifest": {"Fn::ImportValue": "x"}}},
          "Chart": {"Type": "Custom::AWSCDK-EKS-HelmChart", "Properties": {"Chart": "karpenter", "Release": "karpenter"}},
          "Patch": {"Type": "Custom::AWSCDK-EKS-KubernetesPatch", "Properties": {"ResourceName": "deployment/coredns"}}
        },
        "Parameters": {"Replicas": {"Type": "Number", "Default": 3}}}"""));
  }

  static AppliedManifest manifest(String id) {
    Resource r = t.resource(id).orElseThrow();
    return t.manifest(r);
  }

  @Test
  void aJsonStringManifestIsRead() {
    assertThat(manifest("Plain").objects()).extracting(KubernetesObject::id).containsExactly("Service/default/a");
    assertThat(manifest("Plain").objects().get(0).resource().logicalId()).isEqualTo("Plain");
  }

  @Test
  void deployTimeValuesInsideJsonStringsArePlaceholders() {
    KubernetesObject b = manifest("Joined").objects().get(0);
    assertThat(b.node().path("metadata").path("labels").path("region").asText()).isEqualTo("eu-west-1");
    assertThat(Value.unresolved(b.node().path("metadata").path("labels").path("cluster").asText())).isTrue();
  }

  @Test
  void aDeployTimeValueOutsideAJsonStringOrAnotherIntrinsicIsNoted() {
    assertThat(manifest("Outside").problem())
        .isEqualTo("its Manifest is an Fn::Join with deploy-time values outside JSON strings");
    assertThat(manifest("Imported").problem())
        .isEqualTo("its Manifest is an Fn::ImportValue, which cannot be evaluated before deployment");
    assertThat(AppliedManifest.note(t.resource("Outside").orElseThrow())).map(Note::kind).contains(Note.Kind.MANIFEST);
  }

  @Test
  void helmChartsAndPatchesAreNoted() {
    assertThat(AppliedManifest.note(t.resource("Chart").orElseThrow())).map(Note::toString)
        .contains("cluster/Chart: Helm chart karpenter (release karpenter) is rendered in the cluster");
    assertThat(AppliedManifest.note(t.resource("Patch").orElseThrow())).map(Note::toString)
        .contains("cluster/Patch: a patch of deployment/coredns");
  }
}
