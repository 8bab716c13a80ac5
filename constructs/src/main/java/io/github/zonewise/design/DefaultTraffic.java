package io.github.zonewise.design;

import io.github.zonewise.cost.Flow;
import io.github.zonewise.cost.Flow.End;
import io.github.zonewise.spec.LandscapeSpec;
import io.github.zonewise.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The traffic priced when a landscape declares none: a documented profile, which the report says it
 * used. Per service {@code S} of the landscape (in order): {@value #INTERNET_IN_GB} GB
 * {@code internet → S} when {@code S} is exposed (through its load balancer); {@value #CALL_GB} GB
 * {@code S → colocateWith} when it names one; {@value #S3_GB} GB {@code S → s3}; {@value #LOGS_GB} GB
 * {@code S → logs}; {@value #ECR_GB} GB {@code S → ecr} (image pulls); {@value #INTERNET_OUT_GB} GB
 * {@code S → internet}; and {@value #PEER_GB} GB from the first service to each peer VPC.
 */
public final class DefaultTraffic {

  /** GB a month from the internet to each exposed service. */
  public static final double INTERNET_IN_GB = 500;
  /** GB a month from a service to the service it is co-located with. */
  public static final double CALL_GB = 1000;
  /** GB a month from each service to S3. */
  public static final double S3_GB = 100;
  /** GB a month from each service to CloudWatch Logs. */
  public static final double LOGS_GB = 20;
  /** GB a month of image pulls by each service. */
  public static final double ECR_GB = 10;
  /** GB a month from each service to the internet. */
  public static final double INTERNET_OUT_GB = 50;
  /** GB a month from the first service to each peer VPC. */
  public static final double PEER_GB = 100;

  private DefaultTraffic() {
  }

  /**
   * The default flows of a landscape.
   *
   * @param spec the checked landscape
   * @return the flows, indexed in order
   */
  public static List<Flow> of(LandscapeSpec spec) {
    List<Flow> flows = new ArrayList<>();
    for (ServiceSpec s : spec.services()) {
      if (s.exposure().isPresent()) {
        add(flows, Flow.INTERNET, End.INTERNET, s.name(), End.SERVICE, INTERNET_IN_GB);
      }
      s.colocateWith().ifPresent(peer -> add(flows, s.name(), End.SERVICE, peer.substring(peer.indexOf('/') + 1),
          End.SERVICE, CALL_GB));
      add(flows, s.name(), End.SERVICE, "s3", End.AWS, S3_GB);
      add(flows, s.name(), End.SERVICE, "logs", End.AWS, LOGS_GB);
      add(flows, s.name(), End.SERVICE, Flow.ECR, End.AWS, ECR_GB);
      add(flows, s.name(), End.SERVICE, Flow.INTERNET, End.INTERNET, INTERNET_OUT_GB);
    }
    if (!spec.services().isEmpty()) {
      for (String peer : spec.peerNames()) {
        add(flows, spec.services().get(0).name(), End.SERVICE, peer, End.PEER, PEER_GB);
      }
    }
    return flows;
  }

  private static void add(List<Flow> flows, String from, End fromKind, String to, End toKind, double gb) {
    flows.add(new Flow(flows.size(), from, fromKind, to, toKind, gb));
  }
}
