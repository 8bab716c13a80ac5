package io.github.zonewise.cost;

import io.github.zonewise.spec.FlowSpec;
import io.github.zonewise.spec.LandscapeSpec;
import io.github.zonewise.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The monthly traffic the cost model prices: the landscape's {@code traffic}, or — when the
 * landscape has none — a documented default profile, which the report says it used.
 *
 * <p>The default profile, per service {@code S} of the landscape (in order):
 * {@value #DEFAULT_INTERNET_IN_GB} GB {@code internet → S} when {@code S} is exposed (through its
 * load balancer); {@value #DEFAULT_CALL_GB} GB {@code S → colocateWith} when it names one;
 * {@value #DEFAULT_S3_GB} GB {@code S → s3}; {@value #DEFAULT_LOGS_GB} GB {@code S → logs};
 * {@value #DEFAULT_ECR_GB} GB {@code S → ecr} (image pulls); {@value #DEFAULT_INTERNET_OUT_GB} GB
 * {@code S → internet}; and {@value #DEFAULT_PEER_GB} GB from the first service to each peer VPC.
 *
 * @param flows     the flows, each classified
 * @param defaulted true when the landscape has no {@code traffic} and the default profile is used
 */
public record TrafficProfile(List<Flow> flows, boolean defaulted) {

  /** Default: GB a month from the internet to each exposed service. */
  public static final double DEFAULT_INTERNET_IN_GB = 500;
  /** Default: GB a month from a service to the service it is co-located with. */
  public static final double DEFAULT_CALL_GB = 1000;
  /** Default: GB a month from each service to S3. */
  public static final double DEFAULT_S3_GB = 100;
  /** Default: GB a month from each service to CloudWatch Logs. */
  public static final double DEFAULT_LOGS_GB = 20;
  /** Default: GB a month of image pulls by each service. */
  public static final double DEFAULT_ECR_GB = 10;
  /** Default: GB a month from each service to the internet. */
  public static final double DEFAULT_INTERNET_OUT_GB = 50;
  /** Default: GB a month from the first service to each peer VPC. */
  public static final double DEFAULT_PEER_GB = 100;
  /**
   * Default: GB a month of images replicated to each region of {@code registry.replicateTo}
   * when no {@code ecr → region} flow says otherwise (also the replica storage, GB-month).
   */
  public static final double DEFAULT_REPLICATION_GB = 10;

  /** Copies the flows. */
  public TrafficProfile {
    flows = List.copyOf(flows);
  }

  /**
   * The profile of a checked landscape.
   *
   * @param spec the landscape, checked (every flow end names something known)
   * @return its traffic, or the default profile when it has none
   * @throws IllegalArgumentException when a flow end names nothing known (the validator reports it first)
   */
  public static TrafficProfile of(LandscapeSpec spec) {
    if (spec.traffic() == null) {
      return new TrafficProfile(classify(defaults(spec), spec), true);
    }
    return new TrafficProfile(classify(spec.traffic(), spec), false);
  }

  /**
   * The default profile of a landscape (see the class comment).
   *
   * @param spec the landscape
   * @return the flows, as a landscape would write them
   */
  public static List<FlowSpec> defaults(LandscapeSpec spec) {
    List<FlowSpec> flows = new ArrayList<>();
    List<ServiceSpec> services = spec.services() == null ? List.of() : spec.services();
    for (ServiceSpec s : services) {
      if (s.expose() != null && !"none".equals(s.expose())) {
        flows.add(new FlowSpec(Flow.INTERNET, s.name(), DEFAULT_INTERNET_IN_GB));
      }
      if (s.colocateWith() != null) {
        // the checked landscape names it namespace/name
        String peer = s.colocateWith().substring(s.colocateWith().indexOf('/') + 1);
        flows.add(new FlowSpec(s.name(), peer, DEFAULT_CALL_GB));
      }
      flows.add(new FlowSpec(s.name(), "s3", DEFAULT_S3_GB));
      flows.add(new FlowSpec(s.name(), "logs", DEFAULT_LOGS_GB));
      flows.add(new FlowSpec(s.name(), Flow.ECR, DEFAULT_ECR_GB));
      flows.add(new FlowSpec(s.name(), Flow.INTERNET, DEFAULT_INTERNET_OUT_GB));
    }
    if (!services.isEmpty()) {
      for (String peer : Flow.peers(spec)) {
        flows.add(new FlowSpec(services.get(0).name(), peer, DEFAULT_PEER_GB));
      }
    }
    return flows;
  }

  private static List<Flow> classify(List<FlowSpec> specs, LandscapeSpec spec) {
    List<Flow> flows = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      FlowSpec f = specs.get(i);
      int index = i;
      Flow.End from = Flow.classify(f.from(), spec).orElseThrow(() -> new IllegalArgumentException(
          "traffic[" + index + "].from: '" + f.from() + "' names nothing in the landscape"));
      Flow.End to = Flow.classify(f.to(), spec).orElseThrow(() -> new IllegalArgumentException(
          "traffic[" + index + "].to: '" + f.to() + "' names nothing in the landscape"));
      flows.add(new Flow(i, f.from(), from, f.to(), to, f.gb() == null ? 0 : f.gb()));
    }
    return flows;
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

  /** The monthly GB of image pulls: every flow with {@code ecr} at one end that is not replication. */
  public double imagePullGb() {
    return flows.stream().filter(f -> !f.isReplication() && (Flow.ECR.equals(f.from()) || Flow.ECR.equals(f.to())))
        .mapToDouble(Flow::gb).sum();
  }
}
