package io.github.zonewise.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The monthly traffic the cost model prices: the landscape's {@code traffic}, or — when the
 * landscape has none — the design step's default profile, which the report says it used.
 *
 * @param flows     the flows, each classified
 * @param defaulted true when the landscape has no {@code traffic} and the default profile is used
 */
public record TrafficProfile(List<Flow> flows, boolean defaulted) {

  /**
   * Default: GB a month of images replicated to each region of {@code registry.replicateTo}
   * when no {@code ecr → region} flow says otherwise (also the replica storage, GB-month).
   */
  public static final double DEFAULT_REPLICATION_GB = 10;

  /**
   * Copies the flows.
   *
   * @param flows     the flows, each classified
   * @param defaulted true when the default profile stands in for a missing {@code traffic}
   */
  public TrafficProfile {
    flows = List.copyOf(flows);
  }

  /**
   * The flows that pass a test.
   *
   * @param keep the test
   * @return a profile of those flows (same {@link #defaulted()})
   */
  public TrafficProfile filter(Predicate<Flow> keep) {
    return new TrafficProfile(flows.stream().filter(keep).toList(), defaulted);
  }

  /**
   * The registry's replication volume to a region: the {@code ecr → region} flow, or
   * {@link #DEFAULT_REPLICATION_GB}.
   *
   * @param region a region of {@code registry.replicateTo}
   * @return GB a month
   */
  public double replicationGb(String region) {
    return flows.stream().filter(f -> f.isReplication() && f.to().equals(region)).mapToDouble(Flow::gb)
        .reduce(Double::sum).orElse(DEFAULT_REPLICATION_GB);
  }

  /** True when the replication volume to a region is the default, not a flow of the profile. */
  boolean replicationDefaulted(String region) {
    return flows.stream().noneMatch(f -> f.isReplication() && f.to().equals(region));
  }

  /**
   * {@return the monthly GB of image pulls: every flow with {@code ecr} at one end that is not replication}
   */
  public double imagePullGb() {
    return flows.stream().filter(f -> !f.isReplication() && (Flow.ECR.equals(f.from()) || Flow.ECR.equals(f.to())))
        .mapToDouble(Flow::gb).sum();
  }
}
