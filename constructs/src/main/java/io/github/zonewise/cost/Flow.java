package io.github.zonewise.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One flow of the traffic profile: monthly gigabytes from one end to another, each end classified.
 * Bytes are counted in the direction written; the path (and so the price) depends on the ends:
 * <ul>
 *   <li>service → service: pod to pod through the callee's Service ({@code to});</li>
 *   <li>service ↔ {@code internet}: through the service's load balancer when it is exposed, else
 *       through the NAT gateway (calls and downloads the service makes);</li>
 *   <li>service ↔ an AWS service ({@code s3}, {@code dynamodb}, {@code ecr}, {@code sts},
 *       {@code logs}, or any interface endpoint name): through its VPC endpoint when there is one,
 *       else through the NAT; {@code ecr} is image pulls, whose layers come from S3;</li>
 *   <li>service ↔ a peer VPC: over the peering connection or the Transit Gateway;</li>
 *   <li>service ↔ a region: inter-region data; {@code ecr} → a region is the registry's monthly
 *       replication volume to that region;</li>
 *   <li>peer VPC ↔ peer VPC: through the Transit Gateway (or a peering between the two);</li>
 *   <li>any other flow without a service (e.g. a peer VPC to the internet) does not cross the
 *       landscape's network and is not priced (the report says so).</li>
 * </ul>
 *
 * @param index    the flow's index in {@code traffic} (or in the default profile)
 * @param from     where the bytes come from
 * @param fromKind what {@code from} is
 * @param to       where they go
 * @param toKind   what {@code to} is
 * @param gb       gigabytes per month, ≥ 0
 */
public record Flow(int index, String from, End fromKind, String to, End toKind, double gb) {

  /** The name of the internet as a flow end. */
  public static final String INTERNET = "internet";
  /** The name of the container registry as a flow end (image pulls; replication to a region). */
  public static final String ECR = "ecr";

  /** What a flow end is. */
  public enum End {
    /** A service of the landscape ({@code services[].name}). */
    SERVICE,
    /** The internet. */
    INTERNET,
    /** An AWS service reached through a VPC endpoint or the NAT. */
    AWS,
    /** A peer VPC of {@code interconnect.vpcs}. */
    PEER,
    /** Another AWS region. */
    REGION
  }

  /**
   * Checks the gigabytes are a finite number ≥ 0 and both ends are present.
   *
   * @param index    the flow's index in {@code traffic}
   * @param from     where the bytes come from; not null
   * @param fromKind what {@code from} is; not null
   * @param to       where they go; not null
   * @param toKind   what {@code to} is; not null
   * @param gb       gigabytes per month, finite and ≥ 0
   * @throws IllegalArgumentException when {@code gb} is negative or not finite
   */
  public Flow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(fromKind, "fromKind");
    Objects.requireNonNull(toKind, "toKind");
    if (!Double.isFinite(gb) || gb < 0) {
      throw new IllegalArgumentException("traffic[" + index + "].gb: " + gb + " must be a number >= 0");
    }
  }

  /** {@return true when both ends are peer VPCs} */
  public boolean isBetweenPeers() {
    return fromKind == End.PEER && toKind == End.PEER;
  }

  /**
   * {@return true when the flow crosses the landscape's network: it has a service at one end, runs between
   * two peer VPCs, or is the registry's replication volume}
   */
  public boolean crossesLandscape() {
    return fromKind == End.SERVICE || toKind == End.SERVICE || isBetweenPeers() || isReplication();
  }

  /** {@return true when this flow is the registry's replication volume to a region ({@code ecr} → region)} */
  public boolean isReplication() {
    return fromKind == End.AWS && ECR.equals(from) && toKind == End.REGION;
  }

  /**
   * The service end of the flow: {@code to} for service → service (the callee), else whichever
   * end is a service.
   *
   * @return the service's name, or empty when neither end is a service
   */
  public Optional<String> service() {
    if (toKind == End.SERVICE) {
      return Optional.of(to);
    }
    return fromKind == End.SERVICE ? Optional.of(from) : Optional.empty();
  }

  /**
   * The end that is not the service (for service → service, {@code from}).
   *
   * @return the other end's kind
   */
  public End otherKind() {
    return toKind == End.SERVICE ? fromKind : toKind;
  }

  /** {@return the name of the end that is not the service (for service → service, {@code from})} */
  public String other() {
    return toKind == End.SERVICE ? from : to;
  }

  /** {@return the flow as written, e.g. {@code graphql → orders}} */
  public String label() {
    return from + " → " + to;
  }
}
