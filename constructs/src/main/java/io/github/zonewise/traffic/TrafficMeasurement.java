package io.github.zonewise.traffic;

import java.util.Collections;
import java.util.Map;

/**
 * What the flow logs show, in bytes over the measured window (not scaled): each byte counted once
 * (see {@link TrafficAnalysis}), attributed to the ends of the network map and pod inventory, and
 * the hops and paths the price book charges.
 *
 * @param files             files read
 * @param records           records read
 * @param accepted          records that carried bytes (accepted, status OK)
 * @param rejectedRecords   records of rejected traffic (not counted)
 * @param rejectedBytes     their bytes
 * @param noData            NODATA records
 * @param skipData          SKIPDATA records (flows the flow log could not capture)
 * @param windowStart       the first record's start, Unix seconds (0 when none)
 * @param windowEnd         the last record's end, Unix seconds (0 when none)
 * @param logTextBytes      the records' size as text (what flow-log delivery is billed on)
 * @param crossAz           hops across AZs
 * @param nat               bytes a NAT gateway processed
 * @param endpoints         bytes through each interface endpoint: name → {in, out}
 * @param betweenVpcs       bytes between VPCs
 * @param transitGateway    bytes sent into a Transit Gateway
 * @param peering           bytes over VPC peering
 * @param interRegion       bytes to or from another region, by region
 * @param internetEgress    bytes to the internet
 * @param internetIngress   bytes from the internet
 * @param gatewayEndpoints  bytes to or from S3 and DynamoDB that no NAT gateway processed, by service
 * @param profile           bytes from one end to another, for the landscape's {@code traffic}
 * @param unattributed      bytes whose end has no landscape name: reason → {bytes, example address}
 * @param topTalkers        bytes by address pair
 * @param rules             what each counting and attribution rule took: rule → {records, bytes}
 * @param missingOptional   optional fields some files lack → "first file (n files)"
 * @param endpointInterfaces the network interfaces of interface endpoints → the endpoint's name (from the
 *                          map's ids, and the interfaces whose address the map lists)
 */
public record TrafficMeasurement(long files, long records, long accepted, long rejectedRecords, long rejectedBytes,
    long noData, long skipData, long windowStart, long windowEnd, long logTextBytes,
    Map<Hop, Long> crossAz, Map<NatBytes, Long> nat, Map<String, long[]> endpoints,
    Map<VpcPair, Long> betweenVpcs, long transitGateway, long peering, Map<String, Long> interRegion,
    long internetEgress, long internetIngress, Map<String, Long> gatewayEndpoints,
    Map<FlowEnds, Long> profile, Map<String, Object[]> unattributed, Map<FlowEnds, Long> topTalkers,
    Map<String, long[]> rules, Map<String, String> missingOptional, Map<String, String> endpointInterfaces) {

  /**
   * Wraps every map in a read-only view (the endpoint interfaces in a sorted copy).
   *
   * @param files              files read
   * @param records            records read
   * @param accepted           records that carried bytes
   * @param rejectedRecords    records of rejected traffic
   * @param rejectedBytes      the rejected records' bytes
   * @param noData             NODATA records
   * @param skipData           SKIPDATA records
   * @param windowStart        the first record's start, Unix seconds (0 when none)
   * @param windowEnd          the last record's end, Unix seconds (0 when none)
   * @param logTextBytes       the records' size as text
   * @param crossAz            bytes of each hop across AZs
   * @param nat                bytes each NAT gateway processed
   * @param endpoints          interface endpoint name → {in, out} bytes
   * @param betweenVpcs        bytes of each pair of VPCs
   * @param transitGateway     bytes sent into a Transit Gateway
   * @param peering            bytes over VPC peering
   * @param interRegion        region → bytes to or from it
   * @param internetEgress     bytes to the internet
   * @param internetIngress    bytes from the internet
   * @param gatewayEndpoints   service → bytes no NAT gateway processed
   * @param profile            bytes from one end to another
   * @param unattributed       reason → {bytes, example address}
   * @param topTalkers         bytes by address pair
   * @param rules              rule → {records, bytes}
   * @param missingOptional    optional field → "first file (n files)"
   * @param endpointInterfaces network interface → interface endpoint name
   */
  public TrafficMeasurement {
    crossAz = Collections.unmodifiableMap(crossAz);
    nat = Collections.unmodifiableMap(nat);
    endpoints = Collections.unmodifiableMap(endpoints);
    betweenVpcs = Collections.unmodifiableMap(betweenVpcs);
    interRegion = Collections.unmodifiableMap(interRegion);
    gatewayEndpoints = Collections.unmodifiableMap(gatewayEndpoints);
    profile = Collections.unmodifiableMap(profile);
    unattributed = Collections.unmodifiableMap(unattributed);
    topTalkers = Collections.unmodifiableMap(topTalkers);
    rules = Collections.unmodifiableMap(rules);
    missingOptional = Collections.unmodifiableMap(missingOptional);
    endpointInterfaces = Collections.unmodifiableMap(new java.util.TreeMap<>(endpointInterfaces));
  }

  /**
   * A hop across AZs.
   *
   * @param srcZone   the sender's AZ id (or name)
   * @param srcSubnet the sender's subnet id (or CIDR)
   * @param dstZone   the receiver's AZ id (or name)
   * @param dstSubnet the receiver's subnet id (or CIDR)
   * @param via       {@code vpc} (inside a VPC), {@code nat} (to or from a NAT gateway), {@code peering},
   *                  {@code endpoint} (an interface endpoint), {@code transit-gateway}
   * @param charged   false for PrivateLink and Transit Gateway hops, which AWS does not charge across AZs
   */
  public record Hop(String srcZone, String srcSubnet, String dstZone, String dstSubnet, String via, boolean charged) {
  }

  /**
   * Bytes one NAT gateway processed.
   *
   * @param gateway     the gateway (its private address, or its subnet)
   * @param destination {@code aws-service}, {@code internet} or {@code other}
   * @param service     the AWS range of the remote end, {@code -} for none
   * @param direction   {@code outbound} (to the remote end) or {@code inbound} (the replies)
   */
  public record NatBytes(String gateway, String destination, String service, String direction) {
  }

  /**
   * A pair of VPCs.
   *
   * @param from the sending VPC's id (its name when the map has no id), {@code outside} for none of the map
   * @param to   the receiving VPC, likewise
   * @param via  {@code peering}, {@code transitGateway}, {@code inter-region peering} or {@code unknown}
   */
  public record VpcPair(String from, String to, String via) {
  }

  /**
   * The two ends of a flow.
   *
   * @param from where the bytes come from
   * @param to   where they go
   */
  public record FlowEnds(String from, String to) {
  }

  /** {@return the seconds between the window's start and end; 0 when the input held no record} */
  public long windowSeconds() {
    return windowEnd > windowStart ? windowEnd - windowStart : 0;
  }

  /** {@return the bytes of all flows, each byte once} */
  public long flowBytes() {
    return topTalkers.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Bytes across AZs, charged or not.
   *
   * @param charged true for the hops AWS charges, false for PrivateLink and Transit Gateway hops
   * @return the bytes of those hops, all AZ pairs
   */
  public long crossAzBytes(boolean charged) {
    return crossAz.entrySet().stream().filter(e -> e.getKey().charged() == charged).mapToLong(Map.Entry::getValue).sum();
  }

  /** {@return the bytes a NAT gateway processed, all gateways and both directions} */
  public long natBytes() {
    return nat.values().stream().mapToLong(Long::longValue).sum();
  }

  /** {@return the bytes through interface endpoints, all endpoints, in and out} */
  public long endpointBytes() {
    return endpoints.values().stream().mapToLong(v -> v[0] + v[1]).sum();
  }

  /** {@return the bytes with an end that has no landscape name, all reasons} */
  public long unattributedBytes() {
    return unattributed.values().stream().mapToLong(v -> (Long) v[0]).sum();
  }
}
