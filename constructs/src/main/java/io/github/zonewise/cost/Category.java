package io.github.zonewise.cost;

/** What a line item of the bill pays for; the report and the chart group by it. */
public enum Category {
  /** NAT gateway hours and the bytes they process. */
  NAT("NAT gateways"),
  /** Interface endpoint hours and processing; gateway endpoints (free). */
  ENDPOINTS("VPC endpoints"),
  /** Bytes crossing an AZ inside the VPC: pod to pod, to a NAT in another AZ, the instance-mode hop. */
  CROSS_AZ("Cross-AZ data"),
  /** Load balancer hours and LCUs, and load balancer to target across AZs. */
  LOAD_BALANCERS("Load balancers"),
  /** Public IPv4 addresses: NAT gateway EIPs, internet-facing load balancer nodes. */
  PUBLIC_IPV4("Public IPv4"),
  /** VPC peering and Transit Gateway: attachments and bytes. */
  INTERCONNECT("VPC interconnect"),
  /** Bytes between regions. */
  INTER_REGION("Inter-region data"),
  /** Bytes to the internet, in AWS's monthly tiers. */
  INTERNET_EGRESS("Internet egress"),
  /** ECR replication transfer and replica storage. */
  REGISTRY("Registry replication"),
  /** EKS control plane hours (standard or extended support). */
  CONTROL_PLANE("EKS control plane"),
  /** VPC flow-log delivery and EKS control-plane logs. */
  LOGS("Flow and control-plane logs");

  private final String label;

  Category(String label) {
    this.label = label;
  }

  /** {@return a name a person reads, e.g. {@code NAT gateways}} */
  public String label() {
    return label;
  }
}
