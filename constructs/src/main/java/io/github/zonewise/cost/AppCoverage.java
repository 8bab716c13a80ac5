package io.github.zonewise.cost;

import io.github.zonewise.synth.Assembly;
import io.github.zonewise.synth.KubernetesObject;
import io.github.zonewise.synth.Manifests;
import io.github.zonewise.synth.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the cost report of any CDK app read from its output and what it could not price: the report
 * prices the network (NAT gateways and their addresses, VPC endpoints, peering and Transit Gateways,
 * load balancers of the manifests, inter-region and internet data, ECR replication, the EKS control
 * plane, flow logs and control-plane logs); compute, storage and the rest are listed as not priced, with
 * a word on the ones that carry network traffic (a NAT instance, a Helm chart's load balancers).
 *
 * @param read     what was read, one line each
 * @param unpriced what could not be priced, one line each
 */
public record AppCoverage(List<String> read, List<String> unpriced) {

  /** The resource types the cost model prices (directly or as part of a path). */
  static final Set<String> PRICED = Set.of("AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::RouteTable",
      "AWS::EC2::Route", "AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::NatGateway", "AWS::EC2::EIP",
      "AWS::EC2::InternetGateway", "AWS::EC2::VPCGatewayAttachment", "AWS::EC2::VPCEndpoint",
      "AWS::EC2::VPCPeeringConnection", "AWS::EC2::TransitGateway", "AWS::EC2::TransitGatewayAttachment",
      "AWS::EC2::TransitGatewayVpcAttachment", "AWS::EC2::TransitGatewayPeeringAttachment",
      "AWS::EC2::TransitGatewayRoute", "AWS::EC2::TransitGatewayRouteTable", "AWS::EC2::FlowLog",
      "AWS::EKS::Cluster", "AWS::ECR::ReplicationConfiguration");

  /** Types that cost nothing by themselves, or only what the model already prices. */
  static final Set<String> FREE = Set.of("AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress",
      "AWS::EC2::SecurityGroupEgress", "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy",
      "AWS::IAM::InstanceProfile", "AWS::IAM::OIDCProvider", "AWS::EC2::NetworkAcl", "AWS::EC2::NetworkAclEntry",
      "AWS::EC2::SubnetNetworkAclAssociation", "AWS::CDK::Metadata", "AWS::CloudFormation::Stack",
      "AWS::S3::BucketPolicy", "AWS::ECR::Repository", "AWS::EKS::AccessEntry", "AWS::EKS::PodIdentityAssociation",
      "AWS::EKS::Addon", "AWS::Lambda::Permission", "AWS::SSM::Parameter", "Custom::VpcRestrictDefaultSG");

  /**
   * The coverage of an app's output.
   *
   * @param assembly  the cloud assembly as read
   * @param manifests the Kubernetes objects as read
   * @return what was read and what could not be priced
   */
  public static AppCoverage of(Assembly assembly, Manifests manifests) {
    List<String> read = new ArrayList<>();
    List<Resource> all = assembly.resources();
    read.add("read " + n(assembly.templates().size(), "template") + ", " + n(all.size(), "resource") + " ("
        + n(count(assembly, "AWS::EC2::VPC"), "VPC") + ", " + n(count(assembly, "AWS::EC2::Subnet"), "subnet") + ", "
        + n(count(assembly, "AWS::EC2::NatGateway"), "NAT gateway") + ", "
        + n(count(assembly, "AWS::EC2::VPCEndpoint"), "VPC endpoint") + ", "
        + n(count(assembly, "AWS::EKS::Cluster"), "EKS cluster") + ", " + n(count(assembly, "AWS::EC2::FlowLog"),
        "flow log") + ") and " + n(manifests.unique().size(), "Kubernetes object") + " ("
        + n(manifests.ofKind("Service").size(), "Service") + ")");
    List<String> unpriced = new ArrayList<>();
    Map<String, Integer> others = new TreeMap<>();
    for (Resource r : all) {
      if (PRICED.contains(r.type()) || FREE.contains(r.type())) {
        continue;
      }
      if (r.type().equals("AWS::EC2::Instance") && Boolean.FALSE.equals(r.value("SourceDestCheck").bool(true))) {
        unpriced.add("not priced: " + r.label() + " forwards traffic (SourceDestCheck false: a NAT instance?);"
            + " its instance hours and the bytes through it are not in the bill, and private subnets that route to it"
            + " have no NAT gateway path");
        continue;
      }
      if (r.type().contains("HelmChart")) {
        unpriced.add("not priced: Helm chart " + r.value("Chart").textWithDefaults().orElse(r.label())
            + " (" + r.label() + "): its Kubernetes objects are rendered at deploy time, so load balancers it creates"
            + " are not in the bill");
        continue;
      }
      others.merge(r.type(), 1, Integer::sum);
    }
    for (KubernetesObject o : manifests.ofKind("Service")) {
      if ("LoadBalancer".equals(o.spec().path("type").asText()) && o.annotation(
          "service.beta.kubernetes.io/aws-load-balancer-type") == null && o.spec().path("loadBalancerClass").isMissingNode()) {
        unpriced.add("priced as an NLB of the AWS Load Balancer Controller: Service " + o.namespace() + "/" + o.name()
            + " of type LoadBalancer without its annotations (the in-tree controller would make a Classic LB)");
      }
    }
    if (!others.isEmpty()) {
      List<String> types = new ArrayList<>();
      others.forEach((type, n) -> types.add(type + (n > 1 ? " ×" + n : "")));
      unpriced.add("not priced (compute, storage and other services are outside the network bill): "
          + String.join(", ", types));
    }
    return new AppCoverage(read, unpriced);
  }

  /** {@return every line: what was read, then what could not be priced} */
  public List<String> notes() {
    List<String> all = new ArrayList<>(read);
    all.addAll(unpriced);
    return all;
  }

  private static String n(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static int count(Assembly assembly, String type) {
    return assembly.ofType(type).size();
  }
}
