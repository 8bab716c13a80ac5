package io.github.zonewise.lint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Kubernetes object, from a manifest file or from a manifest a CDK app applies
 * ({@code Custom::AWSCDK-EKS-KubernetesResource}).
 *
 * @param node     the object
 * @param origin   where it comes from: the file, or the applying resource's construct path
 * @param resource the applying resource, or null for a file
 */
record KubernetesObject(JsonNode node, String origin, ResourceView resource) {

  String apiVersion() {
    return node.path("apiVersion").asText("");
  }

  /** The API group ({@code ""} for the core group). */
  String group() {
    String v = apiVersion();
    int slash = v.indexOf('/');
    return slash < 0 ? "" : v.substring(0, slash);
  }

  /** The version part of the API version. */
  String version() {
    String v = apiVersion();
    int slash = v.indexOf('/');
    return slash < 0 ? v : v.substring(slash + 1);
  }

  String kind() {
    return node.path("kind").asText("");
  }

  String name() {
    return node.path("metadata").path("name").asText("");
  }

  String namespace() {
    return node.path("metadata").path("namespace").asText("");
  }

  /** {@code Kind/namespace/name} ({@code Kind/name} without a namespace): the finding id cdk-nag suppressions name. */
  String id() {
    return kind() + "/" + (namespace().isEmpty() ? "" : namespace() + "/") + name();
  }

  JsonNode spec() {
    return node.path("spec");
  }

  /** An annotation's value, or null. */
  String annotation(String key) {
    JsonNode v = node.path("metadata").path("annotations").path(key);
    return v.isValueNode() && !v.isNull() ? v.asText() : null;
  }

  /** Whether a value came from a deploy-time token, so the checker cannot know it. */
  static boolean unresolved(String value) {
    return value != null && value.contains(Intrinsics.UNRESOLVED);
  }
}
