package io.github.zonewise.spec;

import io.github.zonewise.k8s.LoadBalancerScheme;
import io.github.zonewise.k8s.LoadBalancerType;
import io.github.zonewise.k8s.LocalityPolicy;
import io.github.zonewise.k8s.ZonalRouting;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code services}, checked: a Deployment, its Service and how both keep traffic in
 * its zone.
 *
 * @param name         a DNS-1035 label, unique in its namespace
 * @param namespace    a DNS-1123 label (default {@code default})
 * @param image        the container image as written: a reference, or the name of a registry
 *                     repository (resolved to the in-region ECR URI when the manifests are built)
 * @param port         the service port, 1–65535
 * @param replicas     replica count, at least 1 (default one per AZ)
 * @param routing      the Service's routing mode (default topology-aware)
 * @param colocateWith the service whose nodes the pods share, as {@code namespace/name}
 * @param exposure     the load balancer in front of the service, when it is exposed
 * @param locality     the Istio locality policy, when the service sets one
 */
public record ServiceSpec(String name, String namespace, String image, int port, int replicas, ZonalRouting routing,
    Optional<String> colocateWith, Optional<Exposure> exposure, Optional<LocalityPolicy> locality) {

  /**
   * Checks every field is set.
   *
   * @param name         a DNS-1035 label; not null
   * @param namespace    a DNS-1123 label; not null
   * @param image        the container image as written; not null
   * @param port         the service port
   * @param replicas     the replica count
   * @param routing      the Service's routing mode; not null
   * @param colocateWith {@code namespace/name} of the service whose nodes the pods share, or empty
   * @param exposure     the load balancer in front of the service, or empty when it is not exposed
   * @param locality     the Istio locality policy, or empty
   */
  public ServiceSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(routing, "routing");
    Objects.requireNonNull(colocateWith, "colocateWith");
    Objects.requireNonNull(exposure, "exposure");
    Objects.requireNonNull(locality, "locality");
  }

  /** {@return {@code namespace/name}} */
  public String qualifiedName() {
    return namespace + "/" + name;
  }

  /**
   * How a service is exposed: an AWS load balancer in IP target mode.
   *
   * @param type           NLB or ALB
   * @param scheme         internal (default) or internet-facing
   * @param certificateArn the ACM certificate of an ALB's HTTPS listener, when it has one
   */
  public record Exposure(LoadBalancerType type, LoadBalancerScheme scheme, Optional<String> certificateArn) {

    /**
     * Checks every field is set.
     *
     * @param type           NLB or ALB; not null
     * @param scheme         internal or internet-facing; not null
     * @param certificateArn the ACM certificate of an ALB's HTTPS listener, or empty; not null
     */
    public Exposure {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(scheme, "scheme");
      Objects.requireNonNull(certificateArn, "certificateArn");
    }

    /**
     * An exposure without a certificate.
     *
     * @param type   NLB or ALB
     * @param scheme internal or internet-facing
     */
    public Exposure(LoadBalancerType type, LoadBalancerScheme scheme) {
      this(type, scheme, Optional.empty());
    }
  }
}
