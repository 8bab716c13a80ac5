package io.github.zonewise.interconnect;

import java.util.Objects;

/** Properties of a {@link VpcPeering}. Build with {@link #builder()}; both sides are required. */
public final class VpcPeeringProps {

  private final ConnectedVpc requester;
  private final ConnectedVpc accepter;

  private VpcPeeringProps(Builder b) {
    this.requester = Objects.requireNonNull(b.requester, "requester is required");
    this.accepter = Objects.requireNonNull(b.accepter, "accepter is required");
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the VPC that requests the connection (in a landscape, the cluster VPC)} Required. */
  public ConnectedVpc requester() {
    return requester;
  }

  /**
   * {@return the VPC that accepts it, in the same account and region (the connection is then accepted
   * automatically)} Required.
   */
  public ConnectedVpc accepter() {
    return accepter;
  }

  /** Builds {@link VpcPeeringProps}. */
  public static final class Builder {
    private ConnectedVpc requester;
    private ConnectedVpc accepter;

    private Builder() {
    }

    /**
     * The requesting VPC. Required.
     *
     * @param vpc the VPC
     * @return this builder
     */
    public Builder requester(ConnectedVpc vpc) {
      this.requester = vpc;
      return this;
    }

    /**
     * The accepting VPC, same account and region. Required.
     *
     * @param vpc the VPC
     * @return this builder
     */
    public Builder accepter(ConnectedVpc vpc) {
      this.accepter = vpc;
      return this;
    }

    /** {@return the props} */
    public VpcPeeringProps build() {
      return new VpcPeeringProps(this);
    }
  }
}
