package io.github.zonewise.network;

import io.github.zonewise.facts.InvalidValue;
import io.github.zonewise.facts.Cidr;
import io.github.zonewise.facts.AwsRegions;

/**
 * The explicit subnet plan of a {@link ZonalVpc}. Each subnet's block depends only on the VPC
 * CIDR, its tier and its zone's letter, never on how many zones or tiers there are, so adding an
 * AZ or a tier never renumbers an existing subnet (which CloudFormation would replace).
 *
 * <p>For a VPC of prefix /p (p from 16 to 20), split into eight blocks of /p+3:
 * <ul>
 *   <li>blocks 0–5: the <b>private</b> subnets of zones a–f, one /p+3 each (a /19 of a /16: 8,192
 *       addresses for nodes and pods, which the VPC CNI gives VPC addresses);</li>
 *   <li>block 6: the <b>public</b> subnets of zones a–f, one /p+6 each (a /22 of a /16), for load
 *       balancers and NAT gateways;</li>
 *   <li>block 7: the <b>transit</b> subnets of zones a–f, one /28 each, for Transit Gateway
 *       attachments; the rest of block 7 is reserved for later tiers.</li>
 * </ul>
 * For 10.0.0.0/16: private a = 10.0.0.0/19, b = 10.0.32.0/19, c = 10.0.64.0/19; public a =
 * 10.0.192.0/22, b = 10.0.196.0/22, c = 10.0.200.0/22; transit a = 10.0.224.0/28, b = 10.0.224.16/28.
 *
 * @param vpc the VPC block
 */
public record CidrPlan(Cidr vpc) {

  /** The longest VPC prefix the plan fits in (/20: 512 addresses per private subnet). */
  public static final int SMALLEST_PREFIX = 20;
  /** The shortest VPC prefix AWS allows. */
  public static final int LARGEST_PREFIX = 16;

  /**
   * A VPC block the plan can split: a CIDR block without host bits, /16 to /20.
   *
   * @param property the property or field path
   * @param text     the block as written
   * @param example  an example block for the message
   * @return the block
   * @throws InvalidValue for anything else
   */
  public static Cidr checkVpcCidr(String property, String text, String example) {
    Cidr cidr = Cidr.check(property, text, example);
    if (cidr.prefix() > SMALLEST_PREFIX) {
      throw new InvalidValue(property, text, "is too small for the subnet plan (a private subnet of /"
          + (SMALLEST_PREFIX + 3) + " or more per AZ for nodes and pods); use a /16 to /" + SMALLEST_PREFIX);
    }
    if (cidr.prefix() < LARGEST_PREFIX) {
      throw new InvalidValue(property, text, "is larger than AWS allows for a VPC; use a /16 to /" + SMALLEST_PREFIX);
    }
    return cidr;
  }

  /**
   * Checks the VPC prefix is between /16 and /20.
   *
   * @param vpc the VPC block, /16 to /20
   * @throws IllegalArgumentException for a larger or smaller block
   */
  public CidrPlan {
    if (vpc.prefix() < LARGEST_PREFIX || vpc.prefix() > SMALLEST_PREFIX) {
      throw new IllegalArgumentException("the subnet plan needs a VPC of /16 to /20, not " + vpc);
    }
  }

  /**
   * The private subnet of a zone.
   *
   * @param zone an AZ name ending in a–f
   * @return its block
   */
  public Cidr privateSubnet(String zone) {
    return vpc.subnet(vpc.prefix() + 3, AwsRegions.letterIndex(zone));
  }

  /**
   * The public subnet of a zone.
   *
   * @param zone an AZ name ending in a–f
   * @return its block
   */
  public Cidr publicSubnet(String zone) {
    return vpc.subnet(vpc.prefix() + 3, 6).subnet(vpc.prefix() + 6, AwsRegions.letterIndex(zone));
  }

  /**
   * The transit (Transit Gateway attachment) subnet of a zone.
   *
   * @param zone an AZ name ending in a–f
   * @return its /28 block
   */
  public Cidr transitSubnet(String zone) {
    return vpc.subnet(vpc.prefix() + 3, 7).subnet(28, AwsRegions.letterIndex(zone));
  }
}
