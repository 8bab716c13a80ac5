package io.github.zonewise.cluster;

import io.github.zonewise.facts.InvalidValue;
import java.util.regex.Pattern;

/**
 * The managed node group capacity that runs the cluster's own controllers (CoreDNS, the AWS Load
 * Balancer Controller, Karpenter, istiod): {@code perAz} nodes of {@code instanceType} in every AZ,
 * one managed node group per AZ so each AZ keeps its count exactly. Karpenter provisions the
 * capacity for workloads.
 *
 * <p>Default {@link #DEFAULT_INSTANCE_TYPE} (Graviton, 2 vCPU, 8 GiB), one per AZ: $0.0816/hour
 * each in us-east-1 on demand (2026 list price), about $59.57 a month per node, $178.70 a month
 * for three AZs. An x86 m7i.large costs $0.1008/hour, 24% more.
 *
 * @param instanceType the EC2 instance type, e.g. {@code m7g.large}
 * @param perAz        nodes in each AZ; at least 1
 */
public record SystemNodes(String instanceType, int perAz) {

  /** The default instance type: Graviton {@code m7g.large}. */
  public static final String DEFAULT_INSTANCE_TYPE = "m7g.large";

  /**
   * The most nodes an EKS managed node group takes: the service quota "Nodes per managed node group",
   * 450 by default (Amazon EKS user guide, "Amazon EKS service quotas"; adjustable on request).
   */
  public static final int MAX_PER_AZ = 450;

  /** What an EC2 instance type name looks like: family, generation and options, a dot, the size. */
  public static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*[0-9][a-z0-9-]*\\.[a-z0-9]+");

  /**
   * Checks the values.
   *
   * @param instanceType the EC2 instance type, e.g. {@code m7g.large}
   * @param perAz        nodes in each AZ, 1 to {@value #MAX_PER_AZ}
   * @throws IllegalArgumentException for an instance type that is not one, or fewer than one node per AZ
   *                                  or more than {@value #MAX_PER_AZ}
   */
  public SystemNodes {
    if (instanceType == null || !INSTANCE_TYPE.matcher(instanceType).matches()) {
      throw new IllegalArgumentException("system nodes: '" + instanceType + "' is not an EC2 instance type;"
          + " write one such as " + DEFAULT_INSTANCE_TYPE);
    }
    if (perAz < 1) {
      throw new IllegalArgumentException("system nodes: " + perAz + " per AZ is below one; every AZ needs a"
          + " node for the controllers");
    }
    if (perAz > MAX_PER_AZ) {
      throw new IllegalArgumentException("system nodes: " + perAz + " per AZ is more than the " + MAX_PER_AZ
          + " nodes an EKS managed node group takes");
    }
  }

  /**
   * Nodes per AZ that one managed node group per AZ can run: 1 to {@value #MAX_PER_AZ}.
   *
   * @param property the property or field path
   * @param perAz    nodes in each AZ
   * @return the count
   * @throws InvalidValue below 1 or above {@value #MAX_PER_AZ}
   */
  public static int checkPerAz(String property, int perAz) {
    if (perAz < 1) {
      throw new InvalidValue(property, perAz, "is below one node per AZ; the controllers need at least 1 in every AZ"
          + " (Karpenter provisions the nodes for workloads)");
    }
    if (perAz > MAX_PER_AZ) {
      throw new InvalidValue(property, perAz, "is more than the " + MAX_PER_AZ + " nodes an EKS managed node group"
          + " takes (the service quota 'Nodes per managed node group'), and each AZ has one group; the controllers"
          + " need a few nodes per AZ: use 1 to " + MAX_PER_AZ + " (Karpenter provisions the nodes for workloads)");
    }
    return perAz;
  }

  /**
   * The default: one {@value #DEFAULT_INSTANCE_TYPE} per AZ.
   *
   * @return the default system nodes
   */
  public static SystemNodes defaults() {
    return new SystemNodes(DEFAULT_INSTANCE_TYPE, 1);
  }
}
