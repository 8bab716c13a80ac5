package io.github.zonewise.k8s;

import java.util.HashSet;
import java.util.List;

/**
 * Properties of a {@link ZonalDeployment}. Build with {@link #builder()}; name, image and
 * container port are required, everything else has a default.
 */
public final class ZonalDeploymentProps {

  private final String name;
  private final String namespace;
  private final String image;
  private final int containerPort;
  private final int replicas;
  private final String colocateWith;
  private final String colocateWithNamespace;
  private final List<String> zones;
  private final boolean onlyInZones;
  private final String cpu;
  private final String memory;

  private ZonalDeploymentProps(Builder b) {
    this.name = ApiObjects.dnsLabel("ZonalDeploymentProps.name", b.name);
    this.namespace = ApiObjects.dnsLabel("ZonalDeploymentProps.namespace", b.namespace);
    this.image = KubernetesValues.image("ZonalDeploymentProps.image",
        ApiObjects.required("ZonalDeploymentProps.image", b.image));
    this.containerPort = KubernetesValues.port("ZonalDeploymentProps.containerPort",
        ApiObjects.required("ZonalDeploymentProps.containerPort", b.containerPort));
    this.replicas = KubernetesValues.replicas("ZonalDeploymentProps.replicas", b.replicas);
    this.colocateWith = b.colocateWith == null ? null
        : ApiObjects.dnsLabel("ZonalDeploymentProps.colocateWith", b.colocateWith);
    this.colocateWithNamespace = b.colocateWithNamespace == null ? null
        : ApiObjects.dnsLabel("ZonalDeploymentProps.colocateWith namespace", b.colocateWithNamespace);
    if (name.equals(colocateWith) && (colocateWithNamespace == null || colocateWithNamespace.equals(namespace))) {
      throw new IllegalArgumentException("ZonalDeploymentProps.colocateWith: '" + colocateWith + "' is the deployment"
          + " itself; name the workload its pods should share nodes with");
    }
    this.zones = b.zones == null ? List.of() : List.copyOf(b.zones);
    this.onlyInZones = b.onlyInZones;
    if (onlyInZones && zones.isEmpty()) {
      throw new IllegalArgumentException("ZonalDeploymentProps.onlyInZones: true without zones; give the zones the"
          + " pods may run in");
    }
    if (new HashSet<>(zones).size() != zones.size()) {
      throw new IllegalArgumentException("ZonalDeploymentProps.zones: " + zones + " lists a zone twice; list each once");
    }
    this.cpu = ApiObjects.required("ZonalDeploymentProps.cpu", b.cpu);
    this.memory = ApiObjects.required("ZonalDeploymentProps.memory", b.memory);
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the Deployment's name, also its container's name and its pods' {@code app.kubernetes.io/name}}
   * Required.
   */
  public String name() {
    return name;
  }

  /** {@return the namespace} Default {@code default}. */
  public String namespace() {
    return namespace;
  }

  /** {@return the container image} Required. */
  public String image() {
    return image;
  }

  /** {@return the port the container listens on} Required, 1–65535. */
  public int containerPort() {
    return containerPort;
  }

  /**
   * {@return the replica count} Default 3: one per zone of a three-AZ region, the fewest that gives zonal
   * routing endpoints in every zone.
   */
  public int replicas() {
    return replicas;
  }

  /**
   * {@return the workload (its {@code app.kubernetes.io/name}) whose nodes the pods must share, or null}
   * Default: none.
   */
  public String colocateWith() {
    return colocateWith;
  }

  /** {@return the namespace of {@link #colocateWith()}, or null for the deployment's own namespace} */
  public String colocateWithNamespace() {
    return colocateWithNamespace;
  }

  /**
   * {@return the zones the pods spread over; when set, the zone spread requires that many zones ({@code
   * minDomains})} Default: none (spread over the zones that have nodes).
   */
  public List<String> zones() {
    return zones;
  }

  /**
   * {@return whether the pods run only in {@link #zones()} (a required node affinity on {@code
   * topology.kubernetes.io/zone}): for node pools that cover fewer zones than the VPC, whose other zones
   * still have nodes (the system nodes) the scheduler would otherwise spread to} Default false: the zones
   * only size the spread.
   */
  public boolean onlyInZones() {
    return onlyInZones;
  }

  /** {@return the container's CPU request} Default {@code 250m}. */
  public String cpu() {
    return cpu;
  }

  /** {@return the container's memory request} Default {@code 256Mi}. */
  public String memory() {
    return memory;
  }

  /** Builds {@link ZonalDeploymentProps}. */
  public static final class Builder {
    private String name;
    private String namespace = "default";
    private String image;
    private Integer containerPort;
    private int replicas = 3;
    private String colocateWith;
    private String colocateWithNamespace;
    private List<String> zones;
    private boolean onlyInZones;
    private String cpu = "250m";
    private String memory = "256Mi";

    private Builder() {
    }

    /**
     * The name. Required.
     *
     * @param name a DNS-1123 label
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * The namespace. Default {@code default}.
     *
     * @param namespace a DNS-1123 label
     * @return this builder
     */
    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    /**
     * The container image. Required.
     *
     * @param image e.g. {@code 123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2}
     * @return this builder
     */
    public Builder image(String image) {
      this.image = image;
      return this;
    }

    /**
     * The container port. Required.
     *
     * @param port 1–65535
     * @return this builder
     */
    public Builder containerPort(int port) {
      this.containerPort = port;
      return this;
    }

    /**
     * The replica count. Default 3.
     *
     * @param replicas at least 1; at least the number of zones for zonal routing
     * @return this builder
     */
    public Builder replicas(int replicas) {
      this.replicas = replicas;
      return this;
    }

    /**
     * Schedules every pod on a node that runs a pod of another workload in the same namespace
     * (required pod affinity on {@code kubernetes.io/hostname}), so calls between the two stay
     * on the node. Default: no co-location.
     *
     * @param workload the other workload's {@code app.kubernetes.io/name}
     * @return this builder
     */
    public Builder colocateWith(String workload) {
      return colocateWith(null, workload);
    }

    /**
     * Like {@link #colocateWith(String)}, for a workload in another namespace.
     *
     * @param namespace the other workload's namespace, or null for this one's
     * @param workload  the other workload's {@code app.kubernetes.io/name}
     * @return this builder
     */
    public Builder colocateWith(String namespace, String workload) {
      this.colocateWithNamespace = namespace;
      this.colocateWith = workload;
      return this;
    }

    /**
     * Whether the pods run only in the zones given. Default false.
     *
     * @param onlyInZones true to pin the pods to {@link #zones(List)}
     * @return this builder
     */
    public Builder onlyInZones(boolean onlyInZones) {
      this.onlyInZones = onlyInZones;
      return this;
    }

    /**
     * The zones the pods must spread over. Default: none given.
     *
     * @param zones AZ names
     * @return this builder
     */
    public Builder zones(List<String> zones) {
      this.zones = zones;
      return this;
    }

    /**
     * The CPU request, which Karpenter sizes nodes by. Default {@code 250m}.
     *
     * @param cpu a Kubernetes quantity
     * @return this builder
     */
    public Builder cpu(String cpu) {
      this.cpu = cpu;
      return this;
    }

    /**
     * The memory request. Default {@code 256Mi}.
     *
     * @param memory a Kubernetes quantity
     * @return this builder
     */
    public Builder memory(String memory) {
      this.memory = memory;
      return this;
    }

    /**
     * The props.
     *
     * @return the props
     * @throws IllegalArgumentException naming the first property that is missing or invalid
     */
    public ZonalDeploymentProps build() {
      return new ZonalDeploymentProps(this);
    }
  }
}
