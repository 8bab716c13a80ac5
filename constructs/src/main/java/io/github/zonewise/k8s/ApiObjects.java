package io.github.zonewise.k8s;

import io.github.zonewise.facts.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdk8s.ApiObject;
import org.cdk8s.ApiObjectMetadata;
import org.cdk8s.ApiObjectProps;
import org.cdk8s.JsonPatch;
import software.constructs.Construct;

/**
 * Creates Kubernetes objects with cdk8s {@link ApiObject}: the object is built as plain Java maps
 * first and crosses into cdk8s once (the constructor and one patch that adds the body).
 */
final class ApiObjects {

  /** The label every object of a workload carries and selectors match. */
  static final String NAME_LABEL = "app.kubernetes.io/name";

  private ApiObjects() {
  }

  /**
   * Creates one object.
   *
   * @param scope       the parent construct, inside a cdk8s chart
   * @param id          the construct id
   * @param apiVersion  e.g. {@code apps/v1}
   * @param kind        e.g. {@code Deployment}
   * @param name        {@code metadata.name}
   * @param namespace   {@code metadata.namespace}, or null for a cluster-scoped object
   * @param labels      {@code metadata.labels}, possibly empty
   * @param annotations {@code metadata.annotations}, possibly empty
   * @param body        the top-level fields after {@code metadata}, e.g. {@code spec}, in order
   * @return the object
   */
  static ApiObject create(Construct scope, String id, String apiVersion, String kind, String name, String namespace,
      Map<String, String> labels, Map<String, String> annotations, Map<String, Object> body) {
    ApiObjectMetadata.Builder metadata = ApiObjectMetadata.builder().name(name);
    if (namespace != null) {
      metadata.namespace(namespace);
    }
    if (!labels.isEmpty()) {
      metadata.labels(labels);
    }
    if (!annotations.isEmpty()) {
      metadata.annotations(annotations);
    }
    ApiObject object = new ApiObject(scope, id, ApiObjectProps.builder()
        .apiVersion(apiVersion).kind(kind).metadata(metadata.build()).build());
    List<JsonPatch> patches = new ArrayList<>();
    body.forEach((field, value) -> patches.add(JsonPatch.add("/" + field, value)));
    if (!patches.isEmpty()) {
      object.addJsonPatch(patches.toArray(JsonPatch[]::new));
    }
    return object;
  }

  /**
   * Fails with a message naming a props field when a name is not a DNS-1123 label.
   *
   * @param field the props field, e.g. {@code LocalityServiceProps.name}
   * @param value the value
   * @return the value
   */
  static String dnsLabel(String field, String value) {
    return Names.dnsLabel(field, value);
  }


  /**
   * Fails when a required value is missing.
   *
   * @param field the props field
   * @param value the value
   * @param <T>   its type
   * @return the value
   */
  static <T> T required(String field, T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  /**
   * Fails when a port is outside 1–65535.
   *
   * @param field the props field
   * @param port  the port
   * @return the port
   */
  static int port(String field, int port) {
    return KubernetesValues.port(field, port);
  }


  /**
   * A map that keeps the order its entries are given in, so manifests are byte-identical run to run.
   *
   * @param keyValues key, value, key, value, …
   * @return the map
   */
  static Map<String, Object> ordered(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  static String quoted(String value) {
    return value == null ? "(missing)" : "'" + value + "'";
  }
}
