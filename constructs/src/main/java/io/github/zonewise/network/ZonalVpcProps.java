package io.github.zonewise.network;

import io.github.zonewise.facts.InvalidValue;
import io.github.zonewise.facts.VpcEndpoints;
import java.util.List;
import java.util.Objects;

/**
 * Properties of a {@link ZonalVpc}. Build with {@link #builder()}; every property but the
 * availability zones has a default.
 */
public final class ZonalVpcProps {

  /** Log retentions CloudWatch Logs accepts, in days. */
  public static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180,
      365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

  /**
   * A flow-log retention CloudWatch Logs offers.
   *
   * @param property the property or field path
   * @param days     the retention
   * @return the retention
   * @throws InvalidValue for one CloudWatch Logs does not offer
   */
  public static int checkRetention(String property, int days) {
    if (!RETENTION_DAYS.contains(days)) {
      throw new InvalidValue(property, days, "is not a retention CloudWatch Logs offers; use one of " + RETENTION_DAYS);
    }
    return days;
  }

  private final List<String> availabilityZones;
  private final String cidr;
  private final NatStrategy nat;
  private final List<String> gatewayEndpoints;
  private final List<String> interfaceEndpoints;
  private final int flowLogRetentionDays;
  private final FlowLogDestination flowLogDestination;
  private final String karpenterDiscovery;
  private final boolean transitSubnets;
  private final boolean publicSubnets;
  private final boolean allowSingleAz;
  private final String name;

  private ZonalVpcProps(Builder b) {
    this.availabilityZones = List.copyOf(Objects.requireNonNull(b.availabilityZones, "availabilityZones is required"));
    this.cidr = b.cidr;
    this.nat = b.nat;
    this.gatewayEndpoints = List.copyOf(b.gatewayEndpoints);
    this.interfaceEndpoints = List.copyOf(b.interfaceEndpoints);
    this.flowLogRetentionDays = b.flowLogRetentionDays;
    this.flowLogDestination = b.flowLogDestination;
    this.karpenterDiscovery = b.karpenterDiscovery;
    this.transitSubnets = b.transitSubnets;
    this.publicSubnets = b.publicSubnets;
    this.allowSingleAz = b.allowSingleAz;
    this.name = b.name;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the AZs, each with a public and a private subnet} Required; at least two unless {@link
   * #allowSingleAz()}.
   */
  public List<String> availabilityZones() {
    return availabilityZones;
  }

  /** {@return the VPC CIDR, /16 to /20} Default {@code 10.0.0.0/16}. See {@link CidrPlan}. */
  public String cidr() {
    return cidr;
  }

  /** {@return the NAT strategy} Default {@link NatStrategy#perAz()}. */
  public NatStrategy nat() {
    return nat;
  }

  /** {@return gateway endpoints on every private route table} Default {@code [s3, dynamodb]} (free). */
  public List<String> gatewayEndpoints() {
    return gatewayEndpoints;
  }

  /** {@return interface endpoints in every AZ} Default {@link VpcEndpoints#DEFAULT_INTERFACE}. */
  public List<String> interfaceEndpoints() {
    return interfaceEndpoints;
  }

  /** {@return days the flow logs are kept} Default 30. */
  public int flowLogRetentionDays() {
    return flowLogRetentionDays;
  }

  /**
   * {@return where the flow logs go: {@link FlowLogDestination#s3()} (the stack's {@link FlowLogArchive},
   * Parquet, $0.25/GB delivered) or {@link FlowLogDestination#cloudWatch()} ($0.50/GB), both in {@link
   * io.github.zonewise.facts.FlowLogFormat#ZONEWISE}} Default: not chosen, the flow log of earlier versions
   * (CloudWatch Logs, AWS's default format, no retain policy), kept until the landscape file chooses; it will
   * become {@code s3()}.
   */
  public java.util.Optional<FlowLogDestination> flowLogDestination() {
    return java.util.Optional.ofNullable(flowLogDestination);
  }

  /** {@return the {@code karpenter.sh/discovery} tag value of the private subnets} Default: no tag. */
  public String karpenterDiscovery() {
    return karpenterDiscovery;
  }

  /** {@return whether to create the /28 transit subnets for Transit Gateway attachments} Default false. */
  public boolean transitSubnets() {
    return transitSubnets;
  }

  /**
   * {@return whether the VPC has public subnets and an internet gateway} Default true; without them the
   * VPC is private only (a peer reached over an interconnect), and its NAT strategy must be {@code none()}.
   */
  public boolean publicSubnets() {
    return publicSubnets;
  }

  /** {@return whether one AZ is accepted (no high availability)} Default false. */
  public boolean allowSingleAz() {
    return allowSingleAz;
  }

  /** {@return the name used in Name tags} Default: the construct path. */
  public String name() {
    return name;
  }

  /** Builds {@link ZonalVpcProps}. */
  public static final class Builder {
    private List<String> availabilityZones;
    private String cidr = "10.0.0.0/16";
    private NatStrategy nat = NatStrategy.perAz();
    private List<String> gatewayEndpoints = VpcEndpoints.DEFAULT_GATEWAY;
    private List<String> interfaceEndpoints = VpcEndpoints.DEFAULT_INTERFACE;
    private int flowLogRetentionDays = 30;
    private FlowLogDestination flowLogDestination;
    private String karpenterDiscovery;
    private boolean transitSubnets;
    private boolean publicSubnets = true;
    private boolean allowSingleAz;
    private String name;

    private Builder() {
    }

    /**
     * The AZs, e.g. {@code [eu-west-1a, eu-west-1b, eu-west-1c]}. Required.
     *
     * @param zones AZ names of the stack's region
     * @return this builder
     */
    public Builder availabilityZones(List<String> zones) {
      this.availabilityZones = zones;
      return this;
    }

    /**
     * The VPC CIDR. Default {@code 10.0.0.0/16}.
     *
     * @param cidr a /16 to /20 block
     * @return this builder
     */
    public Builder cidr(String cidr) {
      this.cidr = cidr;
      return this;
    }

    /**
     * The NAT strategy. Default {@link NatStrategy#perAz()}.
     *
     * @param nat the strategy
     * @return this builder
     */
    public Builder nat(NatStrategy nat) {
      this.nat = Objects.requireNonNull(nat);
      return this;
    }

    /**
     * Gateway endpoints. Default both S3 and DynamoDB; they are free.
     *
     * @param names names from {@link VpcEndpoints#GATEWAY}
     * @return this builder
     */
    public Builder gatewayEndpoints(List<String> names) {
      this.gatewayEndpoints = Objects.requireNonNull(names);
      return this;
    }

    /**
     * Interface endpoints. Default {@link VpcEndpoints#DEFAULT_INTERFACE}: 5 × $7.30 per AZ a month.
     *
     * @param names names from {@link VpcEndpoints#INTERFACE}
     * @return this builder
     */
    public Builder interfaceEndpoints(List<String> names) {
      this.interfaceEndpoints = Objects.requireNonNull(names);
      return this;
    }

    /**
     * Flow-log retention. Default 30 days.
     *
     * @param days one of {@link #RETENTION_DAYS}
     * @return this builder
     */
    public Builder flowLogRetentionDays(int days) {
      this.flowLogRetentionDays = days;
      return this;
    }

    /**
     * Where the flow logs go. Default: not chosen (see {@link ZonalVpcProps#flowLogDestination()}).
     *
     * @param destination {@link FlowLogDestination#s3()} or {@link FlowLogDestination#cloudWatch()}
     * @return this builder
     */
    public Builder flowLogDestination(FlowLogDestination destination) {
      this.flowLogDestination = Objects.requireNonNull(destination);
      return this;
    }

    /**
     * Tag the private subnets {@code karpenter.sh/discovery: value} so Karpenter finds them.
     * Default: no tag.
     *
     * @param value usually the cluster name
     * @return this builder
     */
    public Builder karpenterDiscovery(String value) {
      this.karpenterDiscovery = value;
      return this;
    }

    /**
     * Create a /28 transit subnet in every AZ for Transit Gateway attachments. Default false.
     *
     * @param transitSubnets whether to create them
     * @return this builder
     */
    public Builder transitSubnets(boolean transitSubnets) {
      this.transitSubnets = transitSubnets;
      return this;
    }

    /**
     * Create the public subnets (tagged {@code kubernetes.io/role/elb}) and the internet gateway.
     * Default true; false makes a private-only VPC, whose NAT strategy must be {@code NatStrategy.none()}.
     *
     * @param publicSubnets whether to create them
     * @return this builder
     */
    public Builder publicSubnets(boolean publicSubnets) {
      this.publicSubnets = publicSubnets;
      return this;
    }

    /**
     * Accept a single AZ. Default false: a one-AZ VPC has no high availability.
     *
     * @param allow whether one AZ is accepted
     * @return this builder
     */
    public Builder allowSingleAz(boolean allow) {
      this.allowSingleAz = allow;
      return this;
    }

    /**
     * The name used in Name tags. Default: the construct's path.
     *
     * @param name a short name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** {@return the props} */
    public ZonalVpcProps build() {
      return new ZonalVpcProps(this);
    }
  }
}
