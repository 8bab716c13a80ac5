package io.github.zonewise.spec;

import io.github.zonewise.facts.VpcEndpoints;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One end of a flow of {@code traffic}, as the landscape names it.
 *
 * @param kind      what the name is
 * @param name      the name: a service's name without its namespace ({@code orders}), {@code internet},
 *                  {@code s3}, a peer VPC, a region
 * @param namespace a service's namespace (the flow may write {@code namespace/name}); empty for other ends
 */
public record TrafficEnd(Kind kind, String name, Optional<String> namespace) {

  /** The name of the internet as a flow end. */
  public static final String INTERNET = "internet";
  /** The name of the container registry as a flow end (image pulls; replication to a region). */
  public static final String ECR = "ecr";

  /** What a flow end is. */
  public enum Kind {
    /** A service of the landscape. */
    SERVICE,
    /** The internet. */
    INTERNET,
    /** An AWS service: {@code ecr}, or a gateway or interface endpoint name. */
    AWS_SERVICE,
    /** A peer VPC of {@code interconnect.vpcs}. */
    PEER,
    /** Another AWS region. */
    REGION
  }

  /**
   * Checks every field is set.
   *
   * @param kind      what the name is; not null
   * @param name      the end's name, without a namespace; not null
   * @param namespace a service's namespace, or empty; not null
   */
  public TrafficEnd {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
  }

  /**
   * An end without a namespace.
   *
   * @param kind what the name is
   * @param name the name
   */
  public TrafficEnd(Kind kind, String name) {
    this(kind, name, Optional.empty());
  }

  /**
   * The end as {@code namespace/name} for a service, else its name.
   *
   * @return e.g. {@code ecommerce/orders}
   */
  public String qualifiedName() {
    return namespace.map(ns -> ns + "/" + name).orElse(name);
  }

  /**
   * The AWS services a flow may name: {@code ecr} (image pulls) and every gateway and interface
   * endpoint name.
   *
   * @return the names, in a stable order
   */
  public static List<String> awsServices() {
    Set<String> names = new LinkedHashSet<>();
    names.add(ECR);
    names.addAll(VpcEndpoints.GATEWAY);
    names.addAll(VpcEndpoints.INTERFACE);
    return List.copyOf(names);
  }

  @Override
  public String toString() {
    return name;
  }
}
