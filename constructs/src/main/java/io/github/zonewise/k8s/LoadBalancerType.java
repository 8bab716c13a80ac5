package io.github.zonewise.k8s;

import io.github.zonewise.facts.NamedChoice;

/**
 * Which AWS load balancer an {@link IpModeLoadBalancer} asks the AWS Load Balancer Controller for.
 * Both send straight to pod IPs (IP target mode), never through a NodePort on a random node in
 * another AZ.
 */
public final class LoadBalancerType extends NamedChoice {


  private LoadBalancerType(String name) {
    super(name);
  }

  /**
   * A Network Load Balancer (layer 4) from a Service of type LoadBalancer, IP targets, cross-zone
   * load balancing off and availability-zone-affinity DNS, so a client in a zone reaches the NLB
   * node and the pods of that zone: no cross-AZ byte ($0.01/GB each way saved). $0.0225/hour +
   * $0.006 per NLCU-hour.
   *
   * @return the NLB type
   */
  public static LoadBalancerType nlb() {
    return new LoadBalancerType("nlb");
  }

  /**
   * An Application Load Balancer (HTTP) from an Ingress of class {@code alb} with IP targets.
   * The ALB balances across zones (ALB-to-target traffic across AZs is generally not charged).
   * $0.0225/hour + $0.008 per LCU-hour.
   *
   * @return the ALB type
   */
  public static LoadBalancerType alb() {
    return new LoadBalancerType("alb");
  }




}
