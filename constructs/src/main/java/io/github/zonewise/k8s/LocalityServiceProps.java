package io.github.zonewise.k8s;

import io.github.zonewise.facts.KubernetesVersions;
import java.util.Map;
import java.util.TreeMap;

/**
 * Properties of a {@link LocalityService}. Build with {@link #builder()}; name, selector and port
 * are required.
 */
public final class LocalityServiceProps {

  private final String name;
  private final String namespace;
  private final Map<String, String> selector;
  private final int port;
  private final int targetPort;
  private final ZonalRouting routing;
  private final String kubernetesVersion;
  private final Map<String, String> annotations;

  private LocalityServiceProps(Builder b) {
    this.name = serviceName("LocalityServiceProps.name", b.name);
    this.namespace = ApiObjects.dnsLabel("LocalityServiceProps.namespace", b.namespace);
    this.selector = Map.copyOf(ApiObjects.required("LocalityServiceProps.selector", b.selector));
    if (selector.isEmpty()) {
      throw new IllegalArgumentException("LocalityServiceProps.selector: {} selects no pods; give the pods' labels,"
          + " e.g. ZonalDeployment.selector()");
    }
    this.port = ApiObjects.port("LocalityServiceProps.port", ApiObjects.required("LocalityServiceProps.port", b.port));
    this.targetPort = ApiObjects.port("LocalityServiceProps.targetPort", b.targetPort != null ? b.targetPort : port);
    this.routing = b.routing;
    this.kubernetesVersion = b.kubernetesVersion;
    ZonalRouting.minor(kubernetesVersion);
    if (!routing.supportedOn(kubernetesVersion)) {
      throw new IllegalArgumentException("LocalityServiceProps.routing: '" + routing + "' needs Kubernetes "
          + routing.minimumKubernetesVersion() + " or newer, and kubernetesVersion is " + kubernetesVersion
          + "; choose topologyAware or a newer version");
    }
    this.annotations = new TreeMap<>(b.annotations);
    for (String key : annotations.keySet()) {
      if (key.equals(ZonalRouting.TOPOLOGY_MODE_ANNOTATION) || key.equals(ZonalRouting.TOPOLOGY_HINTS_ANNOTATION)) {
        if (routing.isNodeLocal()) {
          throw new IllegalArgumentException("LocalityServiceProps.annotations: '" + key + "' (topology-aware routing)"
              + " cannot be combined with routing nodeLocal (internalTrafficPolicy: Local): topology hints are not used"
              + " with a Local traffic policy, so the guide says never to combine them; choose one routing mode");
        }
        throw new IllegalArgumentException("LocalityServiceProps.annotations: '" + key + "' is set by the routing"
            + " mode; drop it and use routing(ZonalRouting.topologyAware())");
      }
    }
  }

  static String serviceName(String field, String value) {
    ApiObjects.dnsLabel(field, value);
    if (!Character.isLetter(value.charAt(0))) {
      throw new IllegalArgumentException(field + ": '" + value + "' does not start with a letter; a Service name"
          + " is a DNS-1035 label");
    }
    return value;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the Service's name (a DNS-1035 label: starts with a letter)} Required. */
  public String name() {
    return name;
  }

  /** {@return the namespace} Default {@code default}. */
  public String namespace() {
    return namespace;
  }

  /**
   * {@return the labels of the pods the Service sends to} Required, e.g. {@link ZonalDeployment#selector()}.
   */
  public Map<String, String> selector() {
    return selector;
  }

  /** {@return the Service port} Required, 1–65535. */
  public int port() {
    return port;
  }

  /** {@return the pods' port} Default: {@link #port()}. */
  public int targetPort() {
    return targetPort;
  }

  /** {@return the routing mode} Default {@link ZonalRouting#topologyAware()}. */
  public ZonalRouting routing() {
    return routing;
  }

  /**
   * {@return the Kubernetes version the Service is written for} Default {@value KubernetesVersions#DEFAULT}.
   */
  public String kubernetesVersion() {
    return kubernetesVersion;
  }

  /**
   * {@return extra annotations (not the routing annotations, which {@link #routing()} sets)} Default: none.
   */
  public Map<String, String> annotations() {
    return annotations;
  }

  /** Builds {@link LocalityServiceProps}. */
  public static final class Builder {
    private String name;
    private String namespace = "default";
    private Map<String, String> selector;
    private Integer port;
    private Integer targetPort;
    private ZonalRouting routing = ZonalRouting.topologyAware();
    private String kubernetesVersion = KubernetesVersions.DEFAULT;
    private Map<String, String> annotations = Map.of();

    private Builder() {
    }

    /**
     * The name. Required.
     *
     * @param name a DNS-1035 label
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
     * The pods' labels. Required.
     *
     * @param selector e.g. {@link ZonalDeployment#selector()}
     * @return this builder
     */
    public Builder selector(Map<String, String> selector) {
      this.selector = selector;
      return this;
    }

    /**
     * The Service port. Required.
     *
     * @param port 1–65535
     * @return this builder
     */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * The pods' port. Default: the Service port.
     *
     * @param port 1–65535
     * @return this builder
     */
    public Builder targetPort(int port) {
      this.targetPort = port;
      return this;
    }

    /**
     * The routing mode. Default {@link ZonalRouting#topologyAware()}.
     *
     * @param routing the mode
     * @return this builder
     */
    public Builder routing(ZonalRouting routing) {
      this.routing = java.util.Objects.requireNonNull(routing);
      return this;
    }

    /**
     * The cluster's Kubernetes version, which decides the routing modes on offer. Default
     * {@value KubernetesVersions#DEFAULT}.
     *
     * @param version {@code 1.<minor>}
     * @return this builder
     */
    public Builder kubernetesVersion(String version) {
      this.kubernetesVersion = version;
      return this;
    }

    /**
     * Extra annotations. Default: none. The routing annotations are rejected: routing is a choice
     * ({@link #routing(ZonalRouting)}), so it cannot be combined with a contradicting mode.
     *
     * @param annotations the annotations
     * @return this builder
     */
    public Builder annotations(Map<String, String> annotations) {
      this.annotations = java.util.Objects.requireNonNull(annotations);
      return this;
    }

    /**
     * The props.
     *
     * @return the props
     * @throws IllegalArgumentException naming the first property that is missing or invalid
     */
    public LocalityServiceProps build() {
      return new LocalityServiceProps(this);
    }
  }
}
