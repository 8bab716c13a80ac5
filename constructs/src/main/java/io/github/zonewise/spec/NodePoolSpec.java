package io.github.zonewise.spec;

import io.github.zonewise.k8s.NodeAmi;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code nodePools}, checked: Karpenter NodePools pinned to zones.
 *
 * @param name               a DNS-1123 label, unique
 * @param zones              the AZs it has a NodePool in (default every AZ)
 * @param instanceCategories EC2 instance categories (default {@code [c, m, r]})
 * @param capacityTypes      {@code on-demand} and/or {@code spot} (default {@code [on-demand]})
 * @param cpuLimit           vCPU limit per NodePool (default 1000)
 * @param ami                the AMI the nodes boot (default the pinned alias {@link NodeAmi#DEFAULT_ALIAS})
 * @param architectures      {@code amd64} and/or {@code arm64} (default {@code [amd64]})
 */
public record NodePoolSpec(String name, List<String> zones, List<String> instanceCategories,
    List<String> capacityTypes, int cpuLimit, NodeAmi ami, List<String> architectures) {

  /**
   * Checks every field is set and copies the lists.
   *
   * @param name               a DNS-1123 label; not null
   * @param zones              the AZs it has a NodePool in
   * @param instanceCategories EC2 instance categories
   * @param capacityTypes      {@code on-demand} and/or {@code spot}
   * @param cpuLimit           vCPU limit per NodePool
   * @param ami                the AMI the nodes boot; not null
   * @param architectures      {@code amd64} and/or {@code arm64}
   */
  public NodePoolSpec {
    Objects.requireNonNull(name, "name");
    zones = List.copyOf(zones);
    instanceCategories = List.copyOf(instanceCategories);
    capacityTypes = List.copyOf(capacityTypes);
    Objects.requireNonNull(ami, "ami");
    architectures = List.copyOf(architectures);
  }
}
