package io.github.zonewise.cluster;


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

  private final String label;

  ServiceMesh(String label) {
    this.label = label;
  }

  /** {@return the landscape-file name} */
  public String label() {
    return label;
  }

}
