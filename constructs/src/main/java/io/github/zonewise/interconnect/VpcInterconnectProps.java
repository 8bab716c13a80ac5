package io.github.zonewise.interconnect;

import io.github.zonewise.network.FlowLogDestination;
import io.github.zonewise.network.ZonalVpc;
import io.github.zonewise.network.ZonalVpcProps;
import java.util.List;
import java.util.Objects;

/** Properties of a {@link VpcInterconnect}. Build with {@link #builder()}; the VPC and peers are required. */
public final class VpcInterconnectProps {

  private final ZonalVpc vpc;
  private final String name;
  private final List<PeerVpc> peers;
  private final Interconnect mode;
  private final int flowLogRetentionDays;
  private final FlowLogDestination flowLogDestination;

  private VpcInterconnectProps(Builder b) {
    this.vpc = Objects.requireNonNull(b.vpc, "vpc is required");
    this.name = b.name;
    this.peers = List.copyOf(Objects.requireNonNull(b.peers, "peers is required"));
    this.mode = b.mode != null ? b.mode
        : peers.size() == 1 ? Interconnect.peering() : Interconnect.transitGateway();
    this.flowLogRetentionDays = b.flowLogRetentionDays;
    this.flowLogDestination = b.flowLogDestination;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the cluster VPC} Required. For a Transit Gateway it needs its transit subnets ({@link
   * ZonalVpcProps#transitSubnets()}).
   */
  public ZonalVpc vpc() {
    return vpc;
  }

  /**
   * {@return the cluster VPC's name in the interconnect; also the prefix of created peers' Name tags ({@code
   * <name>-<peer>})} Default {@code cluster}.
   */
  public String name() {
    return name != null ? name : "cluster";
  }

  /** {@return the peer VPCs, at least one} Required. */
  public List<PeerVpc> peers() {
    return peers;
  }

  /**
   * {@return the mode} Default: peering for one peer, a Transit Gateway for two or more (the cheapest design
   * that routes between every pair of VPCs when every pair talks); a landscape passes the mode its design
   * step decided from the traffic.
   */
  public Interconnect mode() {
    return mode;
  }

  /** {@return flow-log retention of the VPCs this creates} Default 30 days. */
  public int flowLogRetentionDays() {
    return flowLogRetentionDays;
  }

  /**
   * {@return where the flow logs of the VPCs this creates go, as {@link ZonalVpcProps#flowLogDestination()}}
   * With {@link FlowLogDestination#s3()}, the stack's one archive, which the cluster VPC delivers to
   * too. Default: not chosen.
   */
  public java.util.Optional<FlowLogDestination> flowLogDestination() {
    return java.util.Optional.ofNullable(flowLogDestination);
  }

  /** Builds {@link VpcInterconnectProps}. */
  public static final class Builder {
    private ZonalVpc vpc;
    private String name;
    private List<PeerVpc> peers;
    private Interconnect mode;
    private int flowLogRetentionDays = 30;
    private FlowLogDestination flowLogDestination;

    private Builder() {
    }

    /**
     * The cluster VPC. Required.
     *
     * @param vpc the VPC
     * @return this builder
     */
    public Builder vpc(ZonalVpc vpc) {
      this.vpc = vpc;
      return this;
    }

    /**
     * The cluster VPC's name in the interconnect. Default {@code cluster}.
     *
     * @param name a DNS-1123 label, different from every peer's name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * The peer VPCs. Required; at least one.
     *
     * @param peers the peers
     * @return this builder
     */
    public Builder peers(List<PeerVpc> peers) {
      this.peers = peers;
      return this;
    }

    /**
     * The mode. Default: peering for one peer, a Transit Gateway for two or more.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder mode(Interconnect mode) {
      this.mode = Objects.requireNonNull(mode);
      return this;
    }

    /**
     * Flow-log retention of created peer VPCs. Default 30 days.
     *
     * @param days one of {@link ZonalVpcProps#RETENTION_DAYS}
     * @return this builder
     */
    public Builder flowLogRetentionDays(int days) {
      this.flowLogRetentionDays = days;
      return this;
    }

    /**
     * Where the flow logs of created peer VPCs go. Default: not chosen.
     *
     * @param destination {@link FlowLogDestination#s3()} or {@link FlowLogDestination#cloudWatch()}
     * @return this builder
     */
    public Builder flowLogDestination(FlowLogDestination destination) {
      this.flowLogDestination = Objects.requireNonNull(destination);
      return this;
    }

    /** {@return the props} */
    public VpcInterconnectProps build() {
      return new VpcInterconnectProps(this);
    }
  }
}
