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
  private final String certificateArn;

  /** The TLS policy of the HTTPS listener: TLS 1.3 and 1.2 only (the controller's default also allows 1.0). */
  public static final String SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

  private static final java.util.regex.Pattern CERTIFICATE_ARN = java.util.regex.Pattern.compile(
      "arn:aws(-[a-z]+)*:acm:([a-z]{2}(-[a-z]+)+-\\d):(\\d{12}):certificate/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

  /**
   * Checks an ACM certificate ARN for an ALB's HTTPS listener: its form and that it is of the ALB's region.
   *
   * @param property the property or field path it is checked under
   * @param value    the ARN
   * @param region   the ALB's region, or null when not known
   * @return the ARN
   * @throws io.github.zonewise.facts.InvalidValue when it is not an ACM certificate ARN, or of another region
   */
  public static String checkCertificateArn(String property, String value, String region) {
    java.util.regex.Matcher m = CERTIFICATE_ARN.matcher(value);
    if (!m.matches()) {
      throw new io.github.zonewise.facts.InvalidValue(property, value, "is not an ACM certificate ARN; write it as"
          + " arn:aws:acm:<region>:<account>:certificate/<id> (the id a UUID), as the ACM console or"
          + " `aws acm list-certificates` shows it");
    }
    if (region != null && !m.group(2).equals(region)) {
      throw new io.github.zonewise.facts.InvalidValue(property, value, "is a certificate of " + m.group(2)
          + ", and an ALB in " + region + " can only use a certificate of its own region; request or import the"
          + " certificate in ACM in " + region + " and give its ARN");
    }
    return value;
  }

  private IpModeLoadBalancerProps(Builder b) {
    this.service = ApiObjects.required("IpModeLoadBalancerProps.service", b.service);
    this.type = ApiObjects.required("IpModeLoadBalancerProps.type", b.type);
    this.scheme = b.scheme;
    this.listenerPort = ApiObjects.port("IpModeLoadBalancerProps.listenerPort", b.listenerPort != null
        ? b.listenerPort : type.equals(LoadBalancerType.alb()) ? 80 : service.props().port());
    this.certificateArn = b.certificateArn == null ? null
        : checkCertificateArn("IpModeLoadBalancerProps.certificateArn", b.certificateArn, null);
    if (certificateArn != null && !type.equals(LoadBalancerType.alb())) {
      throw new io.github.zonewise.facts.InvalidValue("IpModeLoadBalancerProps.certificateArn", certificateArn,
          "is for an ALB's HTTPS listener, and this is an NLB (it passes TCP through to the pods); use"
          + " LoadBalancerType.alb(), or leave the certificate out");
    }
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

  /**
   * {@return the ACM certificate of an ALB's HTTPS listener on 443} HTTP on the listener port then
   * redirects to it; empty: HTTP only.
   */
  public java.util.Optional<String> certificateArn() {
    return java.util.Optional.ofNullable(certificateArn);
  }

  /** Builds {@link IpModeLoadBalancerProps}. */
  public static final class Builder {
    private LocalityService service;
    private LoadBalancerType type;
    private LoadBalancerScheme scheme = LoadBalancerScheme.internal();
    private Integer listenerPort;
    private String certificateArn;

    private Builder() {
    }

    /**
     * An ALB's TLS: an HTTPS listener on 443 with this ACM certificate (policy {@link #SSL_POLICY}),
     * and HTTP on the listener port redirected to it. Default none: HTTP only.
     *
     * @param arn the certificate's ARN, in the ALB's region
     * @return this builder
     */
    public Builder certificateArn(String arn) {
      this.certificateArn = arn;
      return this;
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
