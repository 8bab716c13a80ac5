package io.github.zonewise.spec;

import io.github.zonewise.cluster.ServiceMesh;
import io.github.zonewise.facts.KubernetesVersions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A checked landscape, typed: choices are the library's choice types, numbers are numbers, and
 * every field is set after defaults. An {@link Optional} is a section the landscape does not have,
 * or a choice it leaves to the design step ({@code io.github.zonewise.design}), never a missing
 * default. Built by {@link LandscapeValidator} from a {@link LandscapeFile}.
 *
 * @param name              the landscape's name: a DNS-1123 label, used in stack names and tags
 * @param region            the home AWS region, e.g. {@code eu-west-1}
 * @param account           the AWS account id (12 digits), when the landscape binds its stacks to one
 * @param availabilityZones the AZs the landscape serves from
 * @param singleAz          true when the landscape opted into one AZ (no high availability)
 * @param network           the cluster VPC
 * @param interconnect      the peer VPCs, when the landscape has an {@code interconnect} section
 * @param registry          the ECR repositories, when the landscape has a {@code registry} section
 * @param cluster           the EKS cluster, when the landscape has a {@code cluster} section
 * @param services          the workloads, in file order
 * @param nodePools         the Karpenter node pools (one {@code general} pool per AZ by default)
 * @param traffic           the declared monthly traffic; empty when the landscape declares none (the
 *                          design step then prices its default profile and says so)
 * @param prices            price-book overrides by price key, checked
 */
public record LandscapeSpec(
    String name,
    String region,
    Optional<String> account,
    List<String> availabilityZones,
    boolean singleAz,
    NetworkSpec network,
    Optional<InterconnectSpec> interconnect,
    Optional<RegistrySpec> registry,
    Optional<ClusterSpec> cluster,
    List<ServiceSpec> services,
    List<NodePoolSpec> nodePools,
    Optional<List<FlowSpec>> traffic,
    Map<String, Double> prices) {

  /**
   * Checks every field is set and copies the collections.
   *
   * @param name              the landscape's name; not null
   * @param region            the home AWS region; not null
   * @param account           the AWS account id, or empty
   * @param availabilityZones the AZs
   * @param singleAz          true when the landscape opted into one AZ
   * @param network           the cluster VPC; not null
   * @param interconnect      the peer VPCs, or empty
   * @param registry          the ECR repositories, or empty
   * @param cluster           the EKS cluster, or empty
   * @param services          the workloads, in file order
   * @param nodePools         the Karpenter node pools
   * @param traffic           the declared traffic, or empty when none is declared
   * @param prices            price-book overrides by price key, in file order
   * @throws NullPointerException when a field other than a collection is null
   */
  public LandscapeSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(account, "account");
    availabilityZones = List.copyOf(availabilityZones);
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(interconnect, "interconnect");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(cluster, "cluster");
    services = List.copyOf(services);
    nodePools = List.copyOf(nodePools);
    traffic = traffic.map(List::copyOf);
    prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
  }

  /**
   * The Kubernetes version the manifests are generated for: {@code cluster.version}, or
   * {@link KubernetesVersions#DEFAULT} (in EKS standard support) without a cluster.
   *
   * @return e.g. {@code "1.35"}
   */
  public String kubernetesVersion() {
    return cluster.map(ClusterSpec::version).orElse(KubernetesVersions.DEFAULT);
  }

  /**
   * Whether the services run in the Istio mesh: {@code cluster.mesh: istio}, or — without a cluster
   * section (the manifests go to a cluster run elsewhere) — when a service sets {@code locality}.
   *
   * @return true for Istio
   */
  public boolean istio() {
    return cluster.map(c -> c.mesh() == ServiceMesh.ISTIO)
        .orElseGet(() -> services.stream().anyMatch(s -> s.locality().isPresent()));
  }

  /** {@return the peer VPCs' names, in file order (empty without an interconnect)} */
  public List<String> peerNames() {
    return interconnect.map(i -> i.vpcs().stream().map(io.github.zonewise.interconnect.PeerVpc::name).toList())
        .orElse(List.of());
  }

  /** {@return the regions the registry replicates to (empty without a registry)} */
  public List<String> replicaRegions() {
    return registry.map(RegistrySpec::replicateTo).orElse(List.of());
  }

  /**
   * The service a name refers to: {@code namespace/name}, or a name unique across namespaces.
   *
   * @param name as written
   * @return the service, if exactly one matches
   */
  public Optional<ServiceSpec> service(String name) {
    List<ServiceSpec> matches = services.stream()
        .filter(s -> name.contains("/") ? s.qualifiedName().equals(name) : s.name().equals(name)).toList();
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }
}
