package io.github.zonewise.k8s;

import io.github.zonewise.facts.NamedChoice;

/** Whether a load balancer is reachable from the VPC only or from the internet. */
public final class LoadBalancerScheme extends NamedChoice {


  private LoadBalancerScheme(String name) {
    super(name);
  }

  /**
   * Private IPs in the private subnets (tagged {@code kubernetes.io/role/internal-elb}); reachable
   * from the VPC and its peers. No public IPv4 charge. The default.
   *
   * @return the internal scheme
   */
  public static LoadBalancerScheme internal() {
    return new LoadBalancerScheme("internal");
  }

  /**
   * Public IPs in the public subnets (tagged {@code kubernetes.io/role/elb}); one public IPv4 per AZ
   * at $0.005/hour each ($3.65/month), and internet egress at internet rates.
   *
   * @return the internet-facing scheme
   */
  public static LoadBalancerScheme internetFacing() {
    return new LoadBalancerScheme("internet-facing");
  }




}
