package io.github.zonewise.k8s;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Properties of {@link ZonalNodePools}. Build with {@link #builder()}; name, zones and cluster name
 * are required.
 */
public final class ZonalNodePoolsProps {

  /** The capacity types Karpenter launches. */
  public static final List<String> CAPACITY_TYPES = List.of("on-demand", "spot", "reserved");
  /** The CPU architectures nodes can have. */
  public static final List<String> ARCHITECTURES = List.of("amd64", "arm64");

  private final String name;
  private final List<String> zones;
  private final String clusterName;
  private final NodeAmi ami;
  private final List<String> instanceCategories;
  private final List<String> capacityTypes;
  private final List<String> architectures;
  private final int cpuLimit;

  private ZonalNodePoolsProps(Builder b) {
    this.name = ApiObjects.dnsLabel("ZonalNodePoolsProps.name", b.name);
    this.zones = List.copyOf(ApiObjects.required("ZonalNodePoolsProps.zones", b.zones));
    if (zones.isEmpty()) {
      throw new IllegalArgumentException("ZonalNodePoolsProps.zones: [] has no zone; list the AZs to pin NodePools to");
    }
    if (new HashSet<>(zones).size() != zones.size()) {
      throw new IllegalArgumentException("ZonalNodePoolsProps.zones: " + zones + " lists a zone twice; list each once");
    }
    for (String zone : zones) {
      ApiObjects.dnsLabel("ZonalNodePoolsProps.zones", zone);
      if (nodePoolName(name, zone).length() > 63) {
        throw new IllegalArgumentException("ZonalNodePoolsProps.name: '" + name + "' is too long: the NodePool of"
            + " zone " + zone + " is named " + name + "-" + zone + ", more than 63 characters; use at most "
            + (62 - zone.length()) + " characters");
      }
    }
    this.clusterName = ApiObjects.required("ZonalNodePoolsProps.clusterName", b.clusterName);
    this.ami = b.ami;
    this.instanceCategories = nonEmpty("instanceCategories", b.instanceCategories);
    for (String category : instanceCategories) {
      if (!category.matches("[a-z]+")) {
        throw new IllegalArgumentException("ZonalNodePoolsProps.instanceCategories: '" + category + "' is not an"
            + " instance category; write the letters before the generation, e.g. c, m, r");
      }
    }
    this.capacityTypes = oneOf("capacityTypes", nonEmpty("capacityTypes", b.capacityTypes), CAPACITY_TYPES);
    this.architectures = oneOf("architectures", nonEmpty("architectures", b.architectures), ARCHITECTURES);
    if (b.cpuLimit < 1) {
      throw new IllegalArgumentException("ZonalNodePoolsProps.cpuLimit: " + b.cpuLimit + " is below 1; give the vCPUs"
          + " each NodePool may launch");
    }
    this.cpuLimit = b.cpuLimit;
  }

  private static List<String> nonEmpty(String field, List<String> values) {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("ZonalNodePoolsProps." + field + " is empty; list at least one");
    }
    return List.copyOf(values);
  }

  private static List<String> oneOf(String field, List<String> values, List<String> known) {
    for (String v : values) {
      if (!known.contains(v)) {
        throw new IllegalArgumentException("ZonalNodePoolsProps." + field + ": " + ApiObjects.quoted(v) + " is not"
            + " one of " + known);
      }
    }
    return values;
  }

  /**
   * The name of a zone's NodePool.
   *
   * @param pool the pool's name
   * @param zone the AZ
   * @return {@code <pool>-<zone>}
   */
  public static String nodePoolName(String pool, String zone) {
    return pool + "-" + zone;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the name of the EC2NodeClass and the prefix of the NodePools} Required. */
  public String name() {
    return name;
  }

  /** {@return the AZs, one NodePool each} Required. */
  public List<String> zones() {
    return zones;
  }

  /** {@return the EKS cluster's name: it names the node role and the discovery tag value} Required. */
  public String clusterName() {
    return clusterName;
  }

  /** {@return the node AMI} Default {@link NodeAmi#defaultAlias()}. */
  public NodeAmi ami() {
    return ami;
  }

  /** {@return EC2 instance categories} Default {@code [c, m, r]}. */
  public List<String> instanceCategories() {
    return instanceCategories;
  }

  /** {@return capacity types} Default {@code [on-demand]}; {@code spot} is cheaper but can be interrupted. */
  public List<String> capacityTypes() {
    return capacityTypes;
  }

  /**
   * {@return CPU architectures} Default {@code [amd64]}; {@code arm64} (Graviton) is cheaper per vCPU when
   * the images have it.
   */
  public List<String> architectures() {
    return architectures;
  }

  /** {@return the vCPUs each NodePool may launch} Default 1000. */
  public int cpuLimit() {
    return cpuLimit;
  }

  /** Builds {@link ZonalNodePoolsProps}. */
  public static final class Builder {
    private String name;
    private List<String> zones;
    private String clusterName;
    private NodeAmi ami = NodeAmi.defaultAlias();
    private List<String> instanceCategories = List.of("c", "m", "r");
    private List<String> capacityTypes = List.of("on-demand");
    private List<String> architectures = List.of("amd64");
    private int cpuLimit = 1000;

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
     * The AZs. Required.
     *
     * @param zones AZ names, one NodePool each
     * @return this builder
     */
    public Builder zones(List<String> zones) {
      this.zones = zones;
      return this;
    }

    /**
     * The EKS cluster's name. Required.
     *
     * @param clusterName the name
     * @return this builder
     */
    public Builder clusterName(String clusterName) {
      this.clusterName = clusterName;
      return this;
    }

    /**
     * The node AMI. Default {@link NodeAmi#defaultAlias()}.
     *
     * @param ami the AMI
     * @return this builder
     */
    public Builder ami(NodeAmi ami) {
      this.ami = Objects.requireNonNull(ami);
      return this;
    }

    /**
     * Instance categories. Default {@code [c, m, r]}.
     *
     * @param categories e.g. {@code [c, m]}
     * @return this builder
     */
    public Builder instanceCategories(List<String> categories) {
      this.instanceCategories = categories;
      return this;
    }

    /**
     * Capacity types. Default {@code [on-demand]}.
     *
     * @param types on-demand, spot, reserved
     * @return this builder
     */
    public Builder capacityTypes(List<String> types) {
      this.capacityTypes = types;
      return this;
    }

    /**
     * CPU architectures. Default {@code [amd64]}.
     *
     * @param architectures amd64, arm64
     * @return this builder
     */
    public Builder architectures(List<String> architectures) {
      this.architectures = architectures;
      return this;
    }

    /**
     * The vCPU limit of each NodePool. Default 1000.
     *
     * @param cpuLimit at least 1
     * @return this builder
     */
    public Builder cpuLimit(int cpuLimit) {
      this.cpuLimit = cpuLimit;
      return this;
    }

    /**
     * The props.
     *
     * @return the props
     * @throws IllegalArgumentException naming the first property that is missing or invalid
     */
    public ZonalNodePoolsProps build() {
      return new ZonalNodePoolsProps(this);
    }
  }
}
