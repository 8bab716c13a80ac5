package io.github.zonewise.lint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a large cloud assembly and manifests directory for the lint benchmark
 * ({@code tools/bench-lint}): one stack per VPC in the shapes aws-cdk-lib synthesizes (three AZs,
 * public and private subnets, NAT gateways, gateway and interface endpoints, an EKS cluster and a
 * {@code Custom::AWSCDK-EKS-KubernetesResource} manifest), and the Services split between those
 * manifests and YAML files with a Deployment each. Every tenth VPC has a single NAT gateway, every
 * fifth lacks the DynamoDB endpoint, every tenth Service has no zonal routing: the planted findings.
 *
 * <p>Plain Java (Jackson only): {@code java -cp test/target/test-classes:apps/target/zonewise.jar
 * io.github.zonewise.lint.LargeAssembly DIR [VPCS] [SERVICES]} writes {@code DIR/cdk.out} and {@code DIR/dist}.
 */
public final class LargeAssembly {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[] ZONES = {"a", "b", "c"};
  private static final String REGION = "eu-west-1";

  /**
   * The findings a generated assembly plants.
   *
   * @param templates the stacks
   * @param services  the Services
   * @param nat1      ZW-NAT1 findings (two per single-NAT VPC)
   * @param vpce2     ZW-VPCE2 findings
   * @param svc1      ZW-SVC1 findings
   */
  public record Planted(int templates, int services, int nat1, int vpce2, int svc1) {
  }

  private LargeAssembly() {
  }

  /**
   * Writes {@code DIR/cdk.out} and {@code DIR/dist}.
   *
   * @param args {@code DIR [VPCS=50] [SERVICES=500]}
   * @throws IOException when a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int vpcs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int services = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    Planted p = generate(dir, vpcs, services);
    System.out.println("generated " + p.templates() + " stacks and " + p.services() + " Services in " + dir
        + " (planted: " + p.nat1() + " ZW-NAT1, " + p.vpce2() + " ZW-VPCE2, " + p.svc1() + " ZW-SVC1)");
  }

  /**
   * Generates an assembly.
   *
   * @param dir      where {@code cdk.out} and {@code dist} go
   * @param vpcs     stacks, one VPC each
   * @param services Services, spread evenly over the stacks
   * @return what it planted
   * @throws IOException when a file cannot be written
   */
  public static Planted generate(Path dir, int vpcs, int services) throws IOException {
    Path out = Files.createDirectories(dir.resolve("cdk.out"));
    Path dist = Files.createDirectories(dir.resolve("dist"));
    ObjectNode artifacts = F.objectNode();
    int nat1 = 0;
    int vpce2 = 0;
    int svc1 = 0;
    int service = 0;
    for (int i = 0; i < vpcs; i++) {
      String stack = "Landscape" + i;
      boolean singleNat = i % 10 == 9;
      boolean dynamoDb = i % 5 != 4;
      nat1 += singleNat ? 2 : 0;
      vpce2 += dynamoDb ? 0 : 1;
      int perStack = services / vpcs + (i < services % vpcs ? 1 : 0);
      List<ObjectNode> inTemplate = new ArrayList<>();
      StringBuilder yaml = new StringBuilder();
      for (int s = 0; s < perStack; s++, service++) {
        boolean zonal = service % 10 != 9;
        svc1 += zonal ? 0 : 1;
        String name = "svc" + service;
        if (s % 2 == 0) {
          inTemplate.add(service(name, zonal));
        } else {
          yaml.append("---\n").append(yamlService(name, zonal)).append("---\n").append(yamlDeployment(name));
        }
      }
      Files.writeString(out.resolve(stack + ".template.json"),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(template(stack, singleNat, dynamoDb, inTemplate)));
      Files.writeString(dist.resolve("landscape" + i + ".k8s.yaml"), yaml.toString());
      ObjectNode artifact = artifacts.putObject(stack);
      artifact.put("type", "aws:cloudformation:stack");
      artifact.put("environment", "aws://111111111111/" + REGION);
      artifact.putObject("properties").put("templateFile", stack + ".template.json").put("stackName", stack);
      artifact.put("displayName", stack);
    }
    ObjectNode manifest = F.objectNode().put("version", "48.0.0");
    manifest.set("artifacts", artifacts);
    Files.writeString(out.resolve("manifest.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
    return new Planted(vpcs, service, nat1, vpce2, svc1);
  }

  private static ObjectNode template(String stack, boolean singleNat, boolean dynamoDb, List<ObjectNode> services) {
    ObjectNode resources = F.objectNode();
    resource(resources, stack, "Vpc", "AWS::EC2::VPC").put("CidrBlock", "10.0.0.0/16")
        .put("EnableDnsHostnames", true).put("EnableDnsSupport", true);
    resource(resources, stack, "VpcInternetGateway", "AWS::EC2::InternetGateway");
    resource(resources, stack, "VpcInternetGatewayAttachment", "AWS::EC2::VPCGatewayAttachment")
        .<ObjectNode>set("VpcId", ref("Vpc")).set("InternetGatewayId", ref("VpcInternetGateway"));
    ArrayNode privateTables = F.arrayNode();
    ArrayNode privateSubnets = F.arrayNode();
    for (int z = 0; z < ZONES.length; z++) {
      String zone = ZONES[z].toUpperCase();
      subnet(resources, stack, "VpcPublic" + zone, REGION + ZONES[z], "10.0." + z + ".0/24");
      resource(resources, stack, "VpcPublic" + zone + "DefaultRoute", "AWS::EC2::Route")
          .put("DestinationCidrBlock", "0.0.0.0/0").<ObjectNode>set("GatewayId", ref("VpcInternetGateway"))
          .set("RouteTableId", ref("VpcPublic" + zone + "RouteTable"));
      if (!singleNat || z == 0) {
        resource(resources, stack, "VpcPublic" + zone + "NatIp", "AWS::EC2::EIP").put("Domain", "vpc");
        resource(resources, stack, "VpcPublic" + zone + "NatGateway", "AWS::EC2::NatGateway")
            .<ObjectNode>set("SubnetId", ref("VpcPublic" + zone + "Subnet"))
            .set("AllocationId", F.objectNode().set("Fn::GetAtt", F.arrayNode().add("VpcPublic" + zone + "NatIp").add("AllocationId")));
      }
      subnet(resources, stack, "VpcPrivate" + zone, REGION + ZONES[z], "10.0." + (16 * (z + 1)) + ".0/20");
      resource(resources, stack, "VpcPrivate" + zone + "DefaultRoute", "AWS::EC2::Route")
          .put("DestinationCidrBlock", "0.0.0.0/0")
          .<ObjectNode>set("NatGatewayId", ref("VpcPublic" + (singleNat ? "A" : zone) + "NatGateway"))
          .set("RouteTableId", ref("VpcPrivate" + zone + "RouteTable"));
      privateTables.add(ref("VpcPrivate" + zone + "RouteTable"));
      privateSubnets.add(ref("VpcPrivate" + zone + "Subnet"));
    }
    for (String service : dynamoDb ? List.of("s3", "dynamodb") : List.of("s3")) {
      resource(resources, stack, "VpcGateway" + service + "Endpoint", "AWS::EC2::VPCEndpoint")
          .put("VpcEndpointType", "Gateway").put("ServiceName", "com.amazonaws." + REGION + "." + service)
          .<ObjectNode>set("VpcId", ref("Vpc")).set("RouteTableIds", privateTables.deepCopy());
    }
    for (String service : List.of("ecr.api", "ecr.dkr", "sts", "logs", "eks-auth")) {
      resource(resources, stack, "VpcInterface" + service.replaceAll("[^a-z]", "") + "Endpoint", "AWS::EC2::VPCEndpoint")
          .put("VpcEndpointType", "Interface").put("ServiceName", "com.amazonaws." + REGION + "." + service)
          .put("PrivateDnsEnabled", true).<ObjectNode>set("VpcId", ref("Vpc")).set("SubnetIds", privateSubnets.deepCopy());
    }
    ObjectNode cluster = resource(resources, stack, "Cluster", "AWS::EKS::Cluster").put("Version", "1.35")
        .put("RoleArn", "arn:aws:iam::111111111111:role/eks");
    cluster.putObject("ResourcesVpcConfig").put("EndpointPrivateAccess", true).put("EndpointPublicAccess", false)
        .set("SubnetIds", privateSubnets.deepCopy());
    if (!services.isEmpty()) {
      ArrayNode objects = F.arrayNode();
      for (ObjectNode s : services) {
        objects.add(s);
        objects.add(deployment(s.path("metadata").path("name").asText()));
      }
      ObjectNode manifest = resource(resources, stack, "ClusterManifestServices", "Custom::AWSCDK-EKS-KubernetesResource");
      manifest.set("ServiceToken", F.objectNode().set("Fn::GetAtt", F.arrayNode().add("KubectlProvider").add("Arn")));
      // as aws-cdk-lib writes it when an object holds a deploy-time value: an Fn::Join of JSON text
      String text;
      try {
        text = JSON.writeValueAsString(objects);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      int cut = text.indexOf("\"cluster-name\":\"") + "\"cluster-name\":\"".length();
      manifest.set("Manifest", F.objectNode().set("Fn::Join", F.arrayNode().add("").add(F.arrayNode()
          .add(text.substring(0, cut)).add(ref("Cluster")).add(text.substring(cut + "CLUSTER".length())))));
      manifest.put("ClusterName", "shop");
    }
    ObjectNode template = F.objectNode();
    template.set("Resources", resources);
    return template;
  }

  private static void subnet(ObjectNode resources, String stack, String id, String zone, String cidr) {
    resource(resources, stack, id + "Subnet", "AWS::EC2::Subnet").put("AvailabilityZone", zone).put("CidrBlock", cidr)
        .put("MapPublicIpOnLaunch", false).set("VpcId", ref("Vpc"));
    resource(resources, stack, id + "RouteTable", "AWS::EC2::RouteTable").set("VpcId", ref("Vpc"));
    resource(resources, stack, id + "RouteTableAssociation", "AWS::EC2::SubnetRouteTableAssociation")
        .<ObjectNode>set("SubnetId", ref(id + "Subnet")).set("RouteTableId", ref(id + "RouteTable"));
  }

  /** Adds a resource with its construct path and returns its Properties. */
  private static ObjectNode resource(ObjectNode resources, String stack, String id, String type) {
    ObjectNode r = resources.putObject(id);
    r.put("Type", type);
    ObjectNode props = r.putObject("Properties");
    r.putObject("Metadata").put("aws:cdk:path", stack + "/" + id.replaceAll("(?<=[a-z])(?=[A-Z])", "/") + "/Resource");
    return props;
  }

  private static ObjectNode ref(String id) {
    return F.objectNode().put("Ref", id);
  }

  private static ObjectNode service(String name, boolean zonal) {
    ObjectNode s = F.objectNode().put("apiVersion", "v1").put("kind", "Service");
    ObjectNode metadata = s.putObject("metadata").put("name", name).put("namespace", "shop");
    ObjectNode annotations = metadata.putObject("annotations").put("cluster-name", "CLUSTER");
    if (zonal) {
      annotations.put("service.kubernetes.io/topology-mode", "Auto");
    }
    ObjectNode spec = s.putObject("spec");
    spec.putObject("selector").put("app", name);
    spec.putArray("ports").addObject().put("port", 80).put("targetPort", 8080);
    return s;
  }

  private static ObjectNode deployment(String name) {
    ObjectNode d = F.objectNode().put("apiVersion", "apps/v1").put("kind", "Deployment");
    d.putObject("metadata").put("name", name).put("namespace", "shop");
    ObjectNode spec = d.putObject("spec").put("replicas", 3);
    spec.putObject("selector").putObject("matchLabels").put("app", name);
    ObjectNode template = spec.putObject("template");
    template.putObject("metadata").putObject("labels").put("app", name);
    ObjectNode pod = template.putObject("spec");
    ObjectNode spread = pod.putArray("topologySpreadConstraints").addObject().put("maxSkew", 1)
        .put("topologyKey", "topology.kubernetes.io/zone").put("whenUnsatisfiable", "ScheduleAnyway");
    spread.putObject("labelSelector").putObject("matchLabels").put("app", name);
    pod.putArray("containers").addObject().put("name", name).put("image", name + ":1.0");
    return d;
  }

  private static String yamlService(String name, boolean zonal) {
    return "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + name + "\n  namespace: shop\n"
        + (zonal ? "  annotations:\n    service.kubernetes.io/topology-mode: Auto\n" : "")
        + "spec:\n  selector:\n    app: " + name + "\n  ports:\n    - port: 80\n      targetPort: 8080\n";
  }

  private static String yamlDeployment(String name) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\n  namespace: shop\nspec:\n"
        + "  replicas: 3\n  selector:\n    matchLabels:\n      app: " + name + "\n  template:\n    metadata:\n"
        + "      labels:\n        app: " + name + "\n    spec:\n      topologySpreadConstraints:\n"
        + "        - maxSkew: 1\n          topologyKey: topology.kubernetes.io/zone\n"
        + "          whenUnsatisfiable: ScheduleAnyway\n          labelSelector:\n            matchLabels:\n"
        + "              app: " + name + "\n      containers:\n        - name: " + name + "\n          image: "
        + name + ":1.0\n";
  }
}
