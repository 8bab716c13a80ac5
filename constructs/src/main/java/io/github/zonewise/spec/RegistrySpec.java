package io.github.zonewise.spec;

import java.util.List;

/**
 * The {@code registry} section: ECR repositories in the home region and their replication.
 *
 * @param repositories repository names, created in the home region
 * @param replicateTo  other regions that also run the workload and get replicas
 */
public record RegistrySpec(List<String> repositories, List<String> replicateTo) {
}
