package io.github.zonewise.spec;

import io.github.zonewise.facts.VpcEndpoints;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One end of a flow of {@code traffic}, as the landscape names it.
 *
 * @param kind what the name is
 * @param name the name as written ({@code orders}, {@code internet}, {@code s3}, a peer VPC, a region)
 */
public record TrafficEnd(Kind kind, String name) {

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

  /** Checks both are set. */
  public TrafficEnd {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
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
