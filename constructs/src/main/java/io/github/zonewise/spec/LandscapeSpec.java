package io.github.zonewise.spec;

import io.github.zonewise.facts.KubernetesVersions;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The landscape file, bound as written: every field is nullable (absent in the file) and
 * defaults are applied by {@link LandscapeValidator}, which turns a spec into a
 * {@link ValidatedLandscape} whose spec has every default filled in. Sections are described field by field in README.md and in
 * {@code landscape.schema.json}.
 *
 * @param name               the landscape's name: a DNS-1123 label, used in stack names and tags
 * @param region             the home AWS region, e.g. {@code eu-west-1}
 * @param account            the AWS account id (12 digits); optional: when set, stacks are bound to it
 *                           and image URIs in the manifests are complete
 * @param availabilityZones  the AZs the landscape serves from, e.g. {@code [eu-west-1a, eu-west-1b]}
 * @param singleAz           opt-in to a one-AZ landscape (no high availability); default false
 * @param network            the cluster VPC
 * @param interconnect       other VPCs the cluster VPC talks to
 * @param registry           ECR repositories and their replication
 * @param cluster            the EKS cluster and its controllers
 * @param services           the workloads and how they route
 * @param nodePools          Karpenter node pools
 * @param traffic            the monthly traffic profile that the cost model prices
 * @param prices             price-book overrides, by price key
 */
@JsonPropertyOrder({"name", "region", "account", "availabilityZones", "singleAz", "network", "interconnect",
    "registry", "cluster", "services", "nodePools", "traffic", "prices"})
public record LandscapeSpec(
    String name,
    String region,
    String account,
    List<String> availabilityZones,
    Boolean singleAz,
    NetworkSpec network,
    InterconnectSpec interconnect,
    RegistrySpec registry,
    ClusterSpec cluster,
    List<ServiceSpec> services,
    List<NodePoolSpec> nodePools,
    List<FlowSpec> traffic,
    Map<String, Double> prices) {

  /**
   * The Kubernetes version the manifests are generated for: {@code cluster.version}, or
   * {@link KubernetesVersions#DEFAULT} (in EKS standard support) when it is not set.
   *
   * @return e.g. {@code "1.35"}
   */
  public String kubernetesVersion() {
    return cluster != null && cluster.version() != null ? cluster.version() : KubernetesVersions.DEFAULT;
  }
}
