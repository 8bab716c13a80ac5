package io.github.zonewise.k8s;

/**
 * Properties of a {@link LocalityDestinationRule}. Build with {@link #builder()}; name, host and
 * policy are required ({@link Builder#service(LocalityService)} sets name, namespace and host).
 */
public final class LocalityDestinationRuleProps {

  private final String name;
  private final String namespace;
  private final String host;
  private final LocalityPolicy policy;

  private LocalityDestinationRuleProps(Builder b) {
    this.name = ApiObjects.dnsLabel("LocalityDestinationRuleProps.name", b.name);
    this.namespace = ApiObjects.dnsLabel("LocalityDestinationRuleProps.namespace", b.namespace);
    this.host = ApiObjects.required("LocalityDestinationRuleProps.host", b.host);
    this.policy = ApiObjects.required("LocalityDestinationRuleProps.policy", b.policy);
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the rule's name} Required. */
  public String name() {
    return name;
  }

  /** {@return the namespace} Default {@code default}. */
  public String namespace() {
    return namespace;
  }

  /**
   * {@return the service host the rule applies to, e.g. {@code orders.ecommerce.svc.cluster.local}} Required.
   */
  public String host() {
    return host;
  }

  /** {@return distribute or failover} Required. */
  public LocalityPolicy policy() {
    return policy;
  }

  /** Builds {@link LocalityDestinationRuleProps}. */
  public static final class Builder {
    private String name;
    private String namespace = "default";
    private String host;
    private LocalityPolicy policy;

    private Builder() {
    }

    /**
     * Name, namespace and host of a Service.
     *
     * @param service the Service
     * @return this builder
     */
    public Builder service(LocalityService service) {
      this.name = service.props().name();
      this.namespace = service.props().namespace();
      this.host = service.host();
      return this;
    }

    /**
     * The name. Required unless {@link #service(LocalityService)} is given.
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
     * The host. Required unless {@link #service(LocalityService)} is given.
     *
     * @param host a service host
     * @return this builder
     */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /**
     * The locality policy. Required.
     *
     * @param policy distribute or failover
     * @return this builder
     */
    public Builder policy(LocalityPolicy policy) {
      this.policy = policy;
      return this;
    }

    /**
     * The props.
     *
     * @return the props
     * @throws IllegalArgumentException naming the first property that is missing or invalid
     */
    public LocalityDestinationRuleProps build() {
      return new LocalityDestinationRuleProps(this);
    }
  }
}
