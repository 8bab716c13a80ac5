package io.github.zonewise.synth;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One Kubernetes object, from a manifest file or from a manifest a template applies
 * ({@code Custom::AWSCDK-EKS-KubernetesResource}).
 *
 * <p><b>Namespaces.</b> An object of a namespaced kind without {@code metadata.namespace} is in
 * {@code default}, as {@code kubectl apply} puts it; an object of a cluster-scoped kind (Namespace,
 * Node, PersistentVolume, ClusterRole(Binding), CustomResourceDefinition, StorageClass, IngressClass,
 * PriorityClass, RuntimeClass, the webhook configurations, Karpenter's NodePool, NodeClaim,
 * EC2NodeClass and their removed Provisioner and AWSNodeTemplate, ...) has none ({@code ""}), whatever
 * its metadata says. A kind the reader does not know is taken as namespaced. {@link #id()} follows:
 * {@code Kind/namespace/name}, or {@code Kind/name} for a cluster-scoped object.
 *
 * @param node     the object as written
 * @param file     the manifest file it was read from, or null for an applied manifest
 * @param line     the line its document starts on in the file (1-based; 0 when unknown)
 * @param resource the template resource that applies it, or null for a file
 */
public record KubernetesObject(JsonNode node, Path file, int line, Resource resource) {

  /** Cluster-scoped kinds, as {@code group/Kind} ({@code /Kind} for the core group). */
  private static final Set<String> CLUSTER_SCOPED = Set.of(
      "/Namespace", "/Node", "/PersistentVolume", "/ComponentStatus",
      "rbac.authorization.k8s.io/ClusterRole", "rbac.authorization.k8s.io/ClusterRoleBinding",
      "apiextensions.k8s.io/CustomResourceDefinition", "apiregistration.k8s.io/APIService",
      "storage.k8s.io/StorageClass", "storage.k8s.io/CSIDriver", "storage.k8s.io/CSINode",
      "storage.k8s.io/VolumeAttachment", "networking.k8s.io/IngressClass", "networking.k8s.io/IPAddress",
      "networking.k8s.io/ServiceCIDR", "scheduling.k8s.io/PriorityClass", "node.k8s.io/RuntimeClass",
      "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
      "admissionregistration.k8s.io/MutatingWebhookConfiguration",
      "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
      "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
      "certificates.k8s.io/CertificateSigningRequest", "flowcontrol.apiserver.k8s.io/FlowSchema",
      "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration", "policy/PodSecurityPolicy",
      "karpenter.sh/NodePool", "karpenter.sh/NodeClaim", "karpenter.sh/Provisioner", "karpenter.sh/Machine",
      "karpenter.k8s.aws/EC2NodeClass", "karpenter.k8s.aws/AWSNodeTemplate",
      "elbv2.k8s.aws/IngressClassParams", "crd.k8s.amazonaws.com/ENIConfig",
      "gateway.networking.k8s.io/GatewayClass", "cert-manager.io/ClusterIssuer", "kyverno.io/ClusterPolicy");

  /** {@return the API version, e.g. {@code apps/v1}} */
  public String apiVersion() {
    return node.path("apiVersion").asText("");
  }

  /** {@return the API group ({@code ""} for the core group)} */
  public String group() {
    String v = apiVersion();
    int slash = v.indexOf('/');
    return slash < 0 ? "" : v.substring(0, slash);
  }

  /** {@return the version part of the API version} */
  public String version() {
    String v = apiVersion();
    int slash = v.indexOf('/');
    return slash < 0 ? v : v.substring(slash + 1);
  }

  /** {@return the kind} */
  public String kind() {
    return node.path("kind").asText("");
  }

  /** {@return the name ({@code metadata.name})} */
  public String name() {
    return node.path("metadata").path("name").asText("");
  }

  /** {@return whether objects of this kind live in a namespace (see the class comment)} */
  public boolean namespaced() {
    return !CLUSTER_SCOPED.contains(group() + "/" + kind());
  }

  /**
   * {@return its namespace: {@code metadata.namespace}, {@code default} when unset, {@code ""} for a
   * cluster-scoped kind}
   */
  public String namespace() {
    if (!namespaced()) {
      return "";
    }
    String ns = node.path("metadata").path("namespace").asText("");
    return ns.isEmpty() ? "default" : ns;
  }

  /** {@return {@code Kind/namespace/name}, or {@code Kind/name} for a cluster-scoped object} */
  public String id() {
    return kind() + "/" + (namespaced() ? namespace() + "/" : "") + name();
  }

  /** {@return its {@code spec} (a missing node when absent)} */
  public JsonNode spec() {
    return node.path("spec");
  }

  /**
   * An annotation's value.
   *
   * @param key the annotation key
   * @return its value, or null when absent
   */
  public String annotation(String key) {
    JsonNode v = node.path("metadata").path("annotations").path(key);
    return v.isValueNode() && !v.isNull() ? v.asText() : null;
  }

  /**
   * {@return where it comes from, for messages: the file (and line), or the applying resource's construct
   * path}
   */
  public String where() {
    if (resource != null) {
      return resource.path();
    }
    return file == null ? "?" : file + (line > 0 ? ":" + line : "");
  }

  /**
   * The fields its kind requires that it lacks: a document without them is a patch or a fragment
   * of an object, not one that could be applied as a whole. Checked for workloads (a Deployment,
   * ReplicaSet, StatefulSet or DaemonSet needs {@code spec.selector} and {@code spec.template}, a
   * Job {@code spec.template}, a CronJob {@code spec.schedule} and {@code spec.jobTemplate}), Services
   * ({@code spec.ports}, except ExternalName and headless ones), Ingresses ({@code spec.rules} or a
   * default backend) and Istio DestinationRules ({@code spec.host}).
   *
   * @return the missing fields, in order; empty for a whole object or a kind not checked
   */
  public List<String> missingFields() {
    List<String> missing = new ArrayList<>();
    JsonNode spec = spec();
    String gk = group() + "/" + kind();
    switch (gk) {
      case "apps/Deployment", "apps/ReplicaSet", "apps/StatefulSet", "apps/DaemonSet" -> {
        require(spec, "selector", missing);
        require(spec, "template", missing);
      }
      case "batch/Job" -> require(spec, "template", missing);
      case "batch/CronJob" -> {
        require(spec, "schedule", missing);
        require(spec, "jobTemplate", missing);
      }
      case "/Service" -> {
        boolean exempt = "ExternalName".equals(spec.path("type").asText()) || "None".equals(spec.path("clusterIP").asText());
        if (!exempt) {
          require(spec, "ports", missing);
        }
      }
      case "networking.k8s.io/Ingress", "extensions/Ingress" -> {
        if (spec.path("rules").isMissingNode() && spec.path("defaultBackend").isMissingNode()
            && spec.path("backend").isMissingNode()) {
          missing.add("spec.rules");
        }
      }
      case "networking.istio.io/DestinationRule" -> require(spec, "host", missing);
      default -> {
      }
    }
    return missing;
  }

  private static void require(JsonNode spec, String field, List<String> missing) {
    JsonNode v = spec.path(field);
    if (v.isMissingNode() || v.isNull()) {
      missing.add("spec." + field);
    }
  }

  /**
   * The objects of a parsed document: an object, a list of objects, or a {@code *List} kind's items
   * (a document that is none of these gives none).
   *
   * @param document the document
   * @param file     its file, or null
   * @param line     its line, or 0
   * @param resource the applying resource, or null
   * @return the objects, in order
   */
  public static List<KubernetesObject> expand(JsonNode document, Path file, int line, Resource resource) {
    List<KubernetesObject> out = new ArrayList<>();
    expand(document, file, line, resource, out, 0);
    return out;
  }

  private static void expand(JsonNode node, Path file, int line, Resource resource, List<KubernetesObject> out,
      int depth) {
    if (node == null || node.isNull() || node.isMissingNode() || depth > 8) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        expand(item, file, line, resource, out, depth + 1);
      }
    } else if (node.isObject()) {
      if (node.path("kind").asText("").endsWith("List") && node.path("items").isArray()) {
        expand(node.get("items"), file, line, resource, out, depth + 1);
      } else if (isObject(node)) {
        out.add(new KubernetesObject(node, file, line, resource));
      }
    }
  }

  /** Whether a document is a Kubernetes object: a mapping with a {@code kind}. */
  static boolean isObject(JsonNode node) {
    return node.isObject() && node.path("kind").isTextual() && !node.path("kind").asText().isEmpty();
  }

  @Override
  public String toString() {
    return id() + " in " + where();
  }
}
