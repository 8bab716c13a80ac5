package io.github.zonewise.cluster;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The service mesh installed in the cluster. */
public enum ServiceMesh {

  /** No mesh (default): zonal routing comes from Kubernetes Services alone. No extra pods. */
  NONE("none"),

  /**
   * Istio: the {@code base} (CRDs) and {@code istiod} Helm charts in {@code istio-system}, so the
   * locality layer's DestinationRules ({@code localityLbSetting}) take effect. istiod asks for 500m
   * CPU and 2 GiB of memory on the system nodes, and every meshed pod gets an Envoy sidecar.
   */
  ISTIO("istio");

  /** The names the landscape file accepts ({@code cluster.mesh}). */
  public static final List<String> NAMES = Arrays.stream(values()).map(ServiceMesh::label).toList();

  private final String label;

  ServiceMesh(String label) {
    this.label = label;
  }

  /** The landscape-file name. */
  public String label() {
    return label;
  }

  /**
   * The mesh of a landscape-file name.
   *
   * @param label one of {@link #NAMES}
   * @return the mesh, or empty for an unknown name
   */
  public static Optional<ServiceMesh> of(String label) {
    return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst();
  }
}
