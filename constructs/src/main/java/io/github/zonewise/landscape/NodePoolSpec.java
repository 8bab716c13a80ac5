package io.github.zonewise.landscape;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One entry of {@code nodePools}: Karpenter NodePools pinned to zones.
 *
 * @param name                DNS-1123 label
 * @param zones               {@code each} (default: one NodePool per AZ) or a list of AZs
 * @param instanceCategories  EC2 instance categories; default {@code [c, m, r]}
 * @param capacityTypes       {@code on-demand} and/or {@code spot}; default {@code [on-demand]}
 * @param cpuLimit            vCPU limit per NodePool; default 1000
 * @param ami                 the AMI the nodes boot
 */
public record NodePoolSpec(
    String name,
    JsonNode zones,
    List<String> instanceCategories,
    List<String> capacityTypes,
    Integer cpuLimit,
    AmiSpec ami) {

  /**
   * The node AMI: exactly one of {@code alias}, {@code id}, {@code ssmParameter}. A custom AMI
   * (id or SSM parameter) can carry pre-cached images, the guide's option for large images.
   *
   * @param alias        Karpenter alias, e.g. {@code al2023@v20260801}
   * @param id           an AMI id, {@code ami-…}
   * @param ssmParameter an SSM parameter holding an AMI id
   */
  public record AmiSpec(String alias, String id, String ssmParameter) {
  }
}
