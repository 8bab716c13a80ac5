package io.github.zonewise.interconnect;

import java.util.List;
import java.util.Objects;

/** Properties of a {@link TransitGateway}. Build with {@link #builder()}; the VPCs are required. */
public final class TransitGatewayProps {

  private final String name;
  private final List<ConnectedVpc> vpcs;

  private TransitGatewayProps(Builder b) {
    this.name = b.name;
    this.vpcs = List.copyOf(Objects.requireNonNull(b.vpcs, "vpcs is required"));
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the name used in Name tags and the description} Default: the first VPC's name. */
  public String name() {
    return name != null ? name : vpcs.isEmpty() ? "zonewise" : vpcs.get(0).name();
  }

  /**
   * {@return the VPCs to attach, at least two, each with {@link ConnectedVpc#attachmentSubnets()} (one subnet
   * per AZ)} Each costs one attachment: $0.05/hour, $36.50/month. Required.
   */
  public List<ConnectedVpc> vpcs() {
    return vpcs;
  }

  /** Builds {@link TransitGatewayProps}. */
  public static final class Builder {
    private String name;
    private List<ConnectedVpc> vpcs;

    private Builder() {
    }

    /**
     * The name in Name tags. Default: the first VPC's name.
     *
     * @param name a short name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * The VPCs to attach. Required; at least two.
     *
     * @param vpcs the VPCs
     * @return this builder
     */
    public Builder vpcs(List<ConnectedVpc> vpcs) {
      this.vpcs = vpcs;
      return this;
    }

    /** {@return the props} */
    public TransitGatewayProps build() {
      return new TransitGatewayProps(this);
    }
  }
}
