package io.github.zonewise.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of {@code nodePools}: Karpenter NodePools pinned to zones.
 *
 * @param name                DNS-1123 label
 * @param zones               {@code each} (default: one NodePool per AZ) or a list of AZs
 * @param instanceCategories  EC2 instance categories; default {@code [c, m, r]}
 * @param capacityTypes       {@code on-demand} and/or {@code spot}; default {@code [on-demand]}
 * @param cpuLimit            vCPU limit per NodePool; default 1000
 * @param ami                 the AMI the nodes boot; default the pinned alias
 *                            {@code io.github.zonewise.k8s.NodeAmi#DEFAULT_ALIAS}
 * @param architectures       {@code amd64} and/or {@code arm64}; default {@code [amd64]}
 */
public record NodePoolSpec(
    String name,
    JsonNode zones,
    List<String> instanceCategories,
    List<String> capacityTypes,
    Integer cpuLimit,
    AmiSpec ami,
    List<String> architectures) {

  /**
   * The AZs of a checked spec, whose {@code zones} is always the list of AZs.
   *
   * @return the AZs, empty when {@code zones} is not a list
   */
  public List<String> zoneList() {
    List<String> list = new ArrayList<>();
    if (zones != null && zones.isArray()) {
      zones.forEach(z -> list.add(z.asText()));
    }
    return List.copyOf(list);
  }

  /**
   * The node AMI: exactly one of {@code alias}, {@code id}, {@code ssmParameter}. A custom AMI
   * (id or SSM parameter) can carry pre-cached images, the guide's option for large images.
   *
   * @param alias        Karpenter alias pinned to a release, e.g. {@code al2023@v20260818}
   * @param id           an AMI id, {@code ami-…}
   * @param ssmParameter an SSM parameter holding an AMI id
   * @param family       with {@code id} or {@code ssmParameter}: the family the AMI is built on,
   *                     {@code AL2023} (default) | {@code Bottlerocket}
   */
  public record AmiSpec(String alias, String id, String ssmParameter, String family) {
  }
}
