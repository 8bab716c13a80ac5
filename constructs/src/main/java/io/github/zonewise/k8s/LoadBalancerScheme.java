package io.github.zonewise.k8s;

import io.github.zonewise.facts.NamedChoice;
import java.util.List;
import java.util.Optional;

/** Whether a load balancer is reachable from the VPC only or from the internet. */
public final class LoadBalancerScheme extends NamedChoice {

  /** The names the landscape file accepts, as AWS spells them. */
  public static final List<String> NAMES = List.of("internal", "internet-facing");


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

  /**
   * The scheme of a landscape-file name.
   *
   * @param name one of {@link #NAMES}
   * @return the scheme, or empty for another name
   */
  public static Optional<LoadBalancerScheme> of(String name) {
    return NAMES.contains(name) ? Optional.of(new LoadBalancerScheme(name)) : Optional.empty();
  }




}
