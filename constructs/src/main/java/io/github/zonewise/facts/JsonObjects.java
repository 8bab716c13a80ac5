package io.github.zonewise.facts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON objects whose keys keep the order they are written in. {@code Map.of} iterates in an order
 * that changes from one JVM run to the next, and aws-cdk-lib writes objects in iteration order, so
 * anything handed to it (policy conditions, Helm values) is built here to keep synth output
 * byte-identical between runs.
 */
public final class JsonObjects {

  private JsonObjects() {
  }

  /**
   * An insertion-ordered, unmodifiable object.
   *
   * @param keysAndValues key, value, key, value, …
   * @return the object
   */
  public static Map<String, Object> of(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (map.put((String) keysAndValues[i], keysAndValues[i + 1]) != null) {
        throw new IllegalArgumentException("duplicate key " + keysAndValues[i]);
      }
    }
    return Collections.unmodifiableMap(map);
  }
}
