package io.github.zonewise.spec;

import java.util.List;

/**
 * The {@code registry} section, checked: ECR repositories in the home region and their replication.
 *
 * @param repositories repository names ECR accepts, each once
 * @param replicateTo  other regions that run the workload and get replicas (may be empty)
 */
public record RegistrySpec(List<String> repositories, List<String> replicateTo) {

  /**
   * Copies the lists.
   *
   * @param repositories repository names, each once
   * @param replicateTo  the replica regions; empty for none
   */
  public RegistrySpec {
    repositories = List.copyOf(repositories);
    replicateTo = List.copyOf(replicateTo);
  }
}
