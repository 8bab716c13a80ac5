package io.github.zonewise.k8s;

import io.github.zonewise.facts.InvalidValue;

/**
 * Rules for the values of a workload, shared by the props of the Kubernetes constructs and the
 * landscape's {@code services} checks: each rule is written once and reports under the name its
 * caller gives ({@code ZonalDeploymentProps.replicas}, {@code services[2].replicas}).
 */
public final class KubernetesValues {

  private KubernetesValues() {
  }

  /**
   * A container port or Service port.
   *
   * @param property the property or field path
   * @param port     the port
   * @return the port
   * @throws InvalidValue outside 1–65535
   */
  public static int port(String property, int port) {
    if (port < 1 || port > 65535) {
      throw new InvalidValue(property, port, "is not a port; use 1–65535");
    }
    return port;
  }

  /**
   * A replica count.
   *
   * @param property the property or field path
   * @param replicas the count
   * @return the count
   * @throws InvalidValue below 1
   */
  public static int replicas(String property, int replicas) {
    if (replicas < 1) {
      throw new InvalidValue(property, replicas, "is below 1; run at least one replica (one per AZ for zonal"
          + " routing)");
    }
    return replicas;
  }

  /**
   * A container image reference.
   *
   * @param property the property or field path
   * @param image    the reference
   * @return the reference
   * @throws InvalidValue when it is blank or holds whitespace
   */
  public static String image(String property, String image) {
    if (image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
      throw new InvalidValue(property, image, "is not an image reference; write repository[:tag], e.g. orders:1.4.2");
    }
    return image;
  }
}
