package io.github.zonewise.k8s;

import java.util.Objects;

/**
 * Properties of an {@link IpModeLoadBalancer}. Build with {@link #builder()}; the target service
 * and the type are required.
 */
public final class IpModeLoadBalancerProps {

  /** The longest Service name an NLB can front: its LoadBalancer Service is named {@code <name>-nlb}. */
  public static final int MAX_NLB_SERVICE_NAME = 63 - "-nlb".length();

  private final LocalityService service;
  private final LoadBalancerType type;
  private final LoadBalancerScheme scheme;
  private final int listenerPort;

  private IpModeLoadBalancerProps(Builder b) {
    this.service = ApiObjects.required("IpModeLoadBalancerProps.service", b.service);
    this.type = ApiObjects.required("IpModeLoadBalancerProps.type", b.type);
    this.scheme = b.scheme;
    this.listenerPort = ApiObjects.port("IpModeLoadBalancerProps.listenerPort", b.listenerPort != null
        ? b.listenerPort : type.equals(LoadBalancerType.alb()) ? 80 : service.props().port());
    if (type.equals(LoadBalancerType.nlb()) && service.props().name().length() > MAX_NLB_SERVICE_NAME) {
      throw new IllegalArgumentException("IpModeLoadBalancerProps.service: '" + service.props().name() + "' is too"
          + " long to front with an NLB (its Service is named <name>-nlb, at most 63 characters); use a name of at"
          + " most " + MAX_NLB_SERVICE_NAME + " characters");
    }
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the Service whose pods the load balancer targets} Required. */
  public LocalityService service() {
    return service;
  }

  /** {@return NLB or ALB} Required. */
  public LoadBalancerType type() {
    return type;
  }

  /** {@return internal or internet-facing} Default {@link LoadBalancerScheme#internal()}. */
  public LoadBalancerScheme scheme() {
    return scheme;
  }

  /** {@return the port clients connect to} Default: the Service port for an NLB, 80 for an ALB. */
  public int listenerPort() {
    return listenerPort;
  }

  /** Builds {@link IpModeLoadBalancerProps}. */
  public static final class Builder {
    private LocalityService service;
    private LoadBalancerType type;
    private LoadBalancerScheme scheme = LoadBalancerScheme.internal();
    private Integer listenerPort;

    private Builder() {
    }

    /**
     * The target. Required.
     *
     * @param service the Service whose pods receive the traffic
     * @return this builder
     */
    public Builder service(LocalityService service) {
      this.service = service;
      return this;
    }

    /**
     * NLB or ALB. Required.
     *
     * @param type the type
     * @return this builder
     */
    public Builder type(LoadBalancerType type) {
      this.type = type;
      return this;
    }

    /**
     * The scheme. Default {@link LoadBalancerScheme#internal()}.
     *
     * @param scheme the scheme
     * @return this builder
     */
    public Builder scheme(LoadBalancerScheme scheme) {
      this.scheme = Objects.requireNonNull(scheme);
      return this;
    }

    /**
     * The listener port. Default: the Service port (NLB) or 80 (ALB).
     *
     * @param port 1–65535
     * @return this builder
     */
    public Builder listenerPort(int port) {
      this.listenerPort = port;
      return this;
    }

    /**
     * The props.
     *
     * @return the props
     * @throws IllegalArgumentException naming the first property that is missing or invalid
     */
    public IpModeLoadBalancerProps build() {
      return new IpModeLoadBalancerProps(this);
    }
  }
}
