package io.github.zonewise.cluster;

import io.github.zonewise.facts.KubernetesVersions;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.IVpc;

/** Properties of a {@link ZonalCluster}. Build with {@link #builder()}. */
public final class ZonalClusterProps {

  private final String clusterName;
  private final String version;
  private final IVpc vpc;
  private final List<ISubnet> subnets;
  private final ClusterEndpoint endpoint;
  private final SystemNodes systemNodes;
  private final ServiceMesh mesh;
  private final List<org.cdk8s.Chart> charts;

  private ZonalClusterProps(Builder b) {
    this.clusterName = Objects.requireNonNull(b.clusterName, "clusterName is required");
    this.version = b.version;
    this.vpc = Objects.requireNonNull(b.vpc, "vpc is required");
    this.subnets = b.subnets;
    this.endpoint = b.endpoint;
    this.systemNodes = b.systemNodes;
    this.mesh = b.mesh;
    this.charts = List.copyOf(b.charts);
  }

  /** {@return a new builder, with every optional property at its default} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the EKS cluster's name} Required. It is also the Karpenter discovery tag value and
   * the interruption queue's name ({@link KarpenterNames}); at most
   * {@link KarpenterNames#MAX_CLUSTER_NAME_LENGTH} (46) characters.
   */
  public String clusterName() {
    return clusterName;
  }

  /**
   * {@return the Kubernetes minor version} Default {@value KubernetesVersions#DEFAULT} (standard support,
   * $0.10 per cluster-hour). A version in extended support costs $0.60 per cluster-hour.
   */
  public String version() {
    return version;
  }

  /** {@return the VPC the cluster runs in} Required. */
  public IVpc vpc() {
    return vpc;
  }

  /**
   * {@return the subnets of the control-plane ENIs and the system nodes: one per AZ} Null when
   * not set, which means the default: the VPC's private subnets, every AZ.
   */
  public List<ISubnet> subnets() {
    return subnets;
  }

  /** {@return who reaches the API endpoint} Default {@link ClusterEndpoint#privateOnly()}. */
  public ClusterEndpoint endpoint() {
    return endpoint;
  }

  /**
   * {@return the controllers' node capacity} Default {@link SystemNodes#defaults()}: one
   * m7g.large per AZ.
   */
  public SystemNodes systemNodes() {
    return systemNodes;
  }

  /** {@return the service mesh} Default {@link ServiceMesh#NONE}. */
  public ServiceMesh mesh() {
    return mesh;
  }

  /**
   * {@return the cdk8s charts to apply through CloudFormation (the kubectl provider), in order,
   * after the controllers are installed} Default none (manifests left to GitOps): an empty list.
   */
  public List<org.cdk8s.Chart> charts() {
    return charts;
  }

  /** Builds {@link ZonalClusterProps}. */
  public static final class Builder {
    private String clusterName;
    private String version = KubernetesVersions.DEFAULT;
    private IVpc vpc;
    private List<ISubnet> subnets;
    private ClusterEndpoint endpoint = ClusterEndpoint.privateOnly();
    private SystemNodes systemNodes = SystemNodes.defaults();
    private ServiceMesh mesh = ServiceMesh.NONE;
    private List<org.cdk8s.Chart> charts = List.of();

    private Builder() {
    }

    /**
     * The EKS cluster's name. Required.
     *
     * @param name a DNS-1123 label of at most {@link KarpenterNames#MAX_CLUSTER_NAME_LENGTH} (46)
     *     characters
     * @return this builder
     */
    public Builder clusterName(String name) {
      this.clusterName = name;
      return this;
    }

    /**
     * The Kubernetes minor version. Default {@value KubernetesVersions#DEFAULT}.
     *
     * @param version a version of {@link KubernetesVersions#CALENDAR}, e.g. {@code "1.35"}
     * @return this builder
     */
    public Builder version(String version) {
      this.version = Objects.requireNonNull(version);
      return this;
    }

    /**
     * The VPC. Required.
     *
     * @param vpc e.g. {@code ZonalVpc.vpc()}
     * @return this builder
     */
    public Builder vpc(IVpc vpc) {
      this.vpc = vpc;
      return this;
    }

    /**
     * The subnets, one per AZ. Default: the VPC's private subnets.
     *
     * @param subnets private subnets
     * @return this builder
     */
    public Builder subnets(List<ISubnet> subnets) {
      this.subnets = List.copyOf(subnets);
      return this;
    }

    /**
     * Who reaches the API endpoint. Default {@link ClusterEndpoint#privateOnly()}.
     *
     * @param endpoint the endpoint access
     * @return this builder
     */
    public Builder endpoint(ClusterEndpoint endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint);
      return this;
    }

    /**
     * The controllers' node capacity. Default one m7g.large per AZ.
     *
     * @param systemNodes instance type and count per AZ
     * @return this builder
     */
    public Builder systemNodes(SystemNodes systemNodes) {
      this.systemNodes = Objects.requireNonNull(systemNodes);
      return this;
    }

    /**
     * The service mesh. Default {@link ServiceMesh#NONE}.
     *
     * @param mesh the mesh
     * @return this builder
     */
    public Builder mesh(ServiceMesh mesh) {
      this.mesh = Objects.requireNonNull(mesh);
      return this;
    }

    /**
     * cdk8s charts to apply, in order. Default none.
     *
     * @param charts the charts
     * @return this builder
     */
    public Builder charts(List<org.cdk8s.Chart> charts) {
      this.charts = List.copyOf(charts);
      return this;
    }

    /**
     * {@return the props}
     *
     * @throws NullPointerException when the cluster name or the VPC is not set
     */
    public ZonalClusterProps build() {
      return new ZonalClusterProps(this);
    }
  }
}
