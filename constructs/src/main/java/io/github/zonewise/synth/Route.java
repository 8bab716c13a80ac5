package io.github.zonewise.synth;

import java.util.Optional;

/**
 * One {@code AWS::EC2::Route} of a route table.
 *
 * @param resource    the route
 * @param table       the key of its route table ({@link RouteTables#tableKey(Value)})
 * @param destination its {@code DestinationCidrBlock} ({@code ""} when it has none, e.g. an IPv6 route)
 * @param target      what it sends to
 * @param targetValue the target property's value ({@code NatGatewayId}, {@code GatewayId}, ...)
 */
public record Route(Resource resource, String table, String destination, Target target, Value targetValue) {

  /** What a route sends to. */
  public enum Target {
    /** {@code NatGatewayId}. */
    NAT_GATEWAY,
    /** {@code GatewayId} of an {@code AWS::EC2::InternetGateway} (or an {@code igw-} id). */
    INTERNET_GATEWAY,
    /** {@code TransitGatewayId}. */
    TRANSIT_GATEWAY,
    /** {@code VpcPeeringConnectionId}. */
    PEERING,
    /** {@code GatewayId} of another gateway (a virtual private gateway, say). */
    GATEWAY,
    /** Anything else (an instance, a network interface, an egress-only gateway, ...). */
    OTHER
  }

  /** {@return the resource the route sends to, when the assembly has it} */
  public Optional<Resource> targetResource() {
    return targetValue.resource();
  }

  /** {@return the target's key ({@link Value#key()}): its resource key, or the id written} */
  public String targetKey() {
    String k = targetValue.key();
    return k == null ? "" : k;
  }
}
