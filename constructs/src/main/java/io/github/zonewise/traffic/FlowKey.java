package io.github.zonewise.traffic;

/**
 * What the attribution needs of a flow-log record, after the records that carried bytes (accepted,
 * status {@code OK}, more than 0 bytes) are summed by it: where it was captured and which way,
 * the addresses at the interface and of the packet, the path and the AWS ranges. Missing values are
 * {@code -} ({@code 0} for the traffic path), as in a text file.
 *
 * @param interfaceId   {@code interface-id}
 * @param instanceId    {@code instance-id}; {@code -} for a requester-managed interface (NAT gateway, endpoint)
 * @param vpcId         {@code vpc-id}
 * @param subnetId      {@code subnet-id}
 * @param azId          {@code az-id}
 * @param direction     {@code flow-direction}: {@code ingress} or {@code egress}
 * @param srcaddr       {@code srcaddr}
 * @param dstaddr       {@code dstaddr}
 * @param pktSrcaddr    {@code pkt-srcaddr}
 * @param pktDstaddr    {@code pkt-dstaddr}
 * @param trafficPath   {@code traffic-path}, 0 when missing
 * @param pktSrcService {@code pkt-src-aws-service}
 * @param pktDstService {@code pkt-dst-aws-service}
 */
record FlowKey(String interfaceId, String instanceId, String vpcId, String subnetId, String azId, String direction,
    String srcaddr, String dstaddr, String pktSrcaddr, String pktDstaddr, int trafficPath, String pktSrcService,
    String pktDstService) {

  /** The value of a missing field. */
  static final String MISSING = "-";

  boolean egress() {
    return "egress".equals(direction);
  }

  boolean ingress() {
    return "ingress".equals(direction);
  }

  /** Whether the record forwards another address's packet (NAT gateway, Transit Gateway attachment). */
  boolean forwarding() {
    return (egress() && !srcaddr.equals(pktSrcaddr)) || (ingress() && !dstaddr.equals(pktDstaddr));
  }
}
