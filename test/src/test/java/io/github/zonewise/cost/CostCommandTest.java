package io.github.zonewise.cost;

import static io.github.zonewise.facts.PriceBook.CLOUD_WATCH_LOGS_INGESTION_PER_GB;
import static io.github.zonewise.facts.PriceBook.CROSS_AZ_PER_GB_EACH_WAY;
import static io.github.zonewise.facts.PriceBook.EKS_CLUSTER_HOUR_STANDARD;
import static io.github.zonewise.facts.PriceBook.EKS_CONTROL_PLANE_LOG_GB_PER_TYPE_MONTH;
import static io.github.zonewise.facts.PriceBook.FLOW_LOG_BYTES_PER_RECORD;
import static io.github.zonewise.facts.PriceBook.FLOW_LOG_CLOUD_WATCH_PER_GB;
import static io.github.zonewise.facts.PriceBook.HOURS_PER_MONTH;
import static io.github.zonewise.facts.PriceBook.INTERFACE_ENDPOINT_HOUR_PER_AZ;
import static io.github.zonewise.facts.PriceBook.INTERFACE_ENDPOINT_PER_GB_FIRST_PB;
import static io.github.zonewise.facts.PriceBook.INTERNET_EGRESS_FREE_GB;
import static io.github.zonewise.facts.PriceBook.INTERNET_EGRESS_PER_GB_FIRST_10_TB;
import static io.github.zonewise.facts.PriceBook.NAT_GATEWAY_HOUR;
import static io.github.zonewise.facts.PriceBook.NAT_GATEWAY_PER_GB;
import static io.github.zonewise.facts.PriceBook.PUBLIC_IPV4_HOUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zonewise.app.ZonewiseCli;
import io.github.zonewise.facts.KubernetesVersions;
import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.test.Scratch;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.CfnInstance;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.eks.CfnCluster;

/**
 * {@code zonewise cost} on a CDK app that is not Zonewise's: a plain {@code ec2.Vpc} (two AZs, a NAT
 * gateway in each, an S3 gateway endpoint, an STS interface endpoint, a flow log to CloudWatch Logs), an
 * {@code AWS::EKS::Cluster} with control-plane logging, a NAT instance and a Helm chart, synthesized with
 * aws-cdk-lib in the test; two Kubernetes Services in a manifest. The report's line items are the bill
 * computed here by hand from the price book's keys.
 */
class CostCommandTest {

  static final Offset<Double> CENT = within(1e-6);
  static final PriceBook BOOK = PriceBook.defaults();
  static Path dir;
  static Path cdkOut;
  static Path reports;
  static int code;
  static String out;
  static String err;
  static JsonNode json;
  static String markdown;

  @BeforeAll
  static void synthesizeAndPrice() throws Exception {
    dir = Scratch.directory("zonewise-cost-app");
    cdkOut = dir.resolve("cdk.out");
    App app = App.Builder.create().outdir(cdkOut.toString()).build();
    Stack stack = new Stack(app, "Plain", StackProps.builder()
        .env(Environment.builder().account("123456789012").region("us-east-1").build()).build());
    Vpc vpc = Vpc.Builder.create(stack, "Vpc")
        .ipAddresses(IpAddresses.cidr("10.20.0.0/16"))
        .availabilityZones(List.of("us-east-1a", "us-east-1b"))
        .natGateways(2)
        .build();
    vpc.addGatewayEndpoint("S3", GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.S3).build());
    vpc.addInterfaceEndpoint("Sts", InterfaceVpcEndpointOptions.builder()
        .service(InterfaceVpcEndpointAwsService.STS).build());
    vpc.addFlowLog("FlowLog");
    CfnCluster.Builder.create(stack, "Cluster")
        .name("plain")
        .version(KubernetesVersions.DEFAULT)   // in standard support (the project's default)
        .roleArn("arn:aws:iam::123456789012:role/eks-cluster")
        .resourcesVpcConfig(CfnCluster.ResourcesVpcConfigProperty.builder()
            .subnetIds(vpc.getPrivateSubnets().stream().map(ISubnet::getSubnetId).toList())
            .build())
        .logging(CfnCluster.LoggingProperty.builder()
            .clusterLogging(CfnCluster.ClusterLoggingProperty.builder()
                .enabledTypes(List.of(CfnCluster.LoggingTypeConfigProperty.builder().type("api").build(),
                    CfnCluster.LoggingTypeConfigProperty.builder().type("audit").build()))
                .build())
            .build())
        .build();
    CfnInstance.Builder.create(stack, "NatInstance")
        .imageId("ami-0123456789abcdef0")
        .instanceType("t3.nano")
        .sourceDestCheck(false)
        .subnetId(vpc.getPublicSubnets().get(0).getSubnetId())
        .build();
    CfnResource.Builder.create(stack, "IngressChart")
        .type("Custom::AWSCDK-EKS-HelmChart")
        .properties(Map.of("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:helm", "Chart",
            "ingress-nginx"))
        .build();
    app.synth();

    Path manifests = Files.createDirectories(dir.resolve("dist"));
    Files.writeString(manifests.resolve("shop.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: nginx:1.27}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 80}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: orders, namespace: shop}
        spec:
          replicas: 2
          selector: {matchLabels: {app: orders}}
          template:
            metadata: {labels: {app: orders}}
            spec: {containers: [{name: orders, image: nginx:1.27}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: orders, namespace: shop}
        spec: {selector: {app: orders}, ports: [{port: 80}]}
        """);
    Path traffic = dir.resolve("traffic.yaml");
    Files.writeString(traffic, """
        traffic:
          - {from: web, to: orders, gb: 1000}
          - {from: orders, to: internet, gb: 200}
          - {from: web, to: s3, gb: 500}
          - {from: shop/orders, to: sts, gb: 10}
          - {from: Plain/Vpc/PrivateSubnet1, to: internet, gb: 50}
        """);
    reports = dir.resolve("reports");
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    code = ZonewiseCli.run(new String[] {"cost", cdkOut.toString(), "--manifests", manifests.toString(),
        "--traffic", traffic.toString(), "--out", reports.toString()},
        new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
    out = o.toString(StandardCharsets.UTF_8);
    err = e.toString(StandardCharsets.UTF_8);
    if (code == 0) {
      json = new ObjectMapper().readTree(reports.resolve(CostReport.JSON_FILE).toFile());
      markdown = Files.readString(reports.resolve(CostReport.MARKDOWN_FILE));
    }
  }

  static double hours() {
    return BOOK.usd(HOURS_PER_MONTH);
  }

  static double p(String key) {
    return BOOK.usd(key);
  }

  /** The bill by hand: every non-zero line item of the generated design. */
  static Map<String, Double> handBill() {
    Map<String, Double> bill = new LinkedHashMap<>();
    bill.put("NAT gateway hours", 2 * p(NAT_GATEWAY_HOUR) * hours());
    bill.put("NAT gateway public IPv4 addresses", 2 * p(PUBLIC_IPV4_HOUR) * hours());
    bill.put("interface endpoint sts hours", 2 * p(INTERFACE_ENDPOINT_HOUR_PER_AZ) * hours());
    bill.put("EKS control plane plain", p(EKS_CLUSTER_HOUR_STANDARD) * hours());
    // web → orders: ClusterIP without zonal routing, 2 AZs: half the bytes cross, charged both ways
    bill.put("pod to pod across AZs", 1000 * 0.5 * 2 * p(CROSS_AZ_PER_GB_EACH_WAY));
    // orders → internet and the subnet's workload → internet, each through its own AZ's NAT gateway
    bill.put("NAT gateway processing", (200 + 50) * p(NAT_GATEWAY_PER_GB));
    bill.put("internet egress", (200 + 50 - p(INTERNET_EGRESS_FREE_GB)) * p(INTERNET_EGRESS_PER_GB_FIRST_10_TB));
    bill.put("interface endpoint processing", 10 * p(INTERFACE_ENDPOINT_PER_GB_FIRST_PB));
    // connections: web → orders 2 × 2, orders → internet 2, web → s3 2, orders → sts 2, subnet → internet 1
    double connections = 4 + 2 + 2 + 2 + 1;
    double records = connections * 2 * 2 * hours() * 3600 / 600;
    bill.put("VPC flow logs to CloudWatch Logs", records * p(FLOW_LOG_BYTES_PER_RECORD) / (1L << 30)
        * p(FLOW_LOG_CLOUD_WATCH_PER_GB));
    bill.put("EKS control-plane logs plain", 2 * p(EKS_CONTROL_PLANE_LOG_GB_PER_TYPE_MONTH)
        * p(CLOUD_WATCH_LOGS_INGESTION_PER_GB));
    return bill;
  }

  static Map<String, Double> reportedBill() {
    Map<String, Double> bill = new LinkedHashMap<>();
    JsonNode generated = null;
    for (JsonNode d : json.path("designs")) {
      if ("generated".equals(d.path("name").asText())) {
        generated = d;
      }
    }
    assertThat(generated).as(json.toPrettyString()).isNotNull();
    for (JsonNode i : generated.path("lineItems")) {
      double usd = i.path("usd").asDouble();
      if (usd == 0) {
        continue;
      }
      String key = handBill().keySet().stream().filter(k -> i.path("item").asText().startsWith(k)).findFirst()
          .orElse(i.path("item").asText());
      bill.merge(key, usd, Double::sum);
    }
    return bill;
  }

  @Test
  void theCommandWritesTheThreeReports() {
    assertThat(code).as(err + out).isZero();
    assertThat(reports.resolve(CostReport.JSON_FILE)).exists();
    assertThat(reports.resolve(CostReport.MARKDOWN_FILE)).exists();
    assertThat(reports.resolve(CostReport.SVG_FILE)).exists();
  }

  @Test
  void theLineItemsAreTheBillComputedByHand() {
    Map<String, Double> expected = handBill();
    Map<String, Double> reported = reportedBill();
    assertThat(reported.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((item, usd) -> assertThat(reported.get(item)).as(item).isCloseTo(usd, CENT));
  }

  @Test
  void theTotalIsTheSumOfTheHandBill() {
    double total = handBill().values().stream().mapToDouble(Double::doubleValue).sum();
    JsonNode generated = null;
    for (JsonNode d : json.path("designs")) {
      if ("generated".equals(d.path("name").asText())) {
        generated = d;
      }
    }
    assertThat(generated.path("total").asDouble()).isCloseTo(total, CENT);
  }

  @Test
  void itSaysWhatItReadAndWhatItCouldNotPrice() {
    assertThat(out).contains("zonewise cost: read 1 template, ");
    assertThat(out).contains("1 VPC, 4 subnets, 2 NAT gateways, 2 VPC endpoints, 1 EKS cluster, 1 flow log)");
    assertThat(out).contains("2 NAT gateways");
    assertThat(out).contains("zonewise cost: not priced: NatInstance forwards traffic");
    assertThat(out).contains("a NAT instance?");
    assertThat(out).contains("zonewise cost: not priced: Helm chart ingress-nginx");
    assertThat(markdown).contains("not priced: Helm chart ingress-nginx");
  }

  @Test
  void aSubnetEndIsPricedAsAWorkloadInItsAz() {
    assertThat(out).contains("subnet Plain/Vpc/PrivateSubnet1 (Plain/Vpc/PrivateSubnet1): priced as a workload in"
        + " that subnet's AZ");
  }

  @Test
  void anEndThatNamesNothingExitsTwoNamingTheField() throws Exception {
    Path bad = dir.resolve("bad-traffic.yaml");
    Files.writeString(bad, "traffic:\n  - {from: web, to: ordrs, gb: 5}\n");
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int c = ZonewiseCli.run(new String[] {"cost", cdkOut.toString(), "--manifests", dir.resolve("dist").toString(),
        "--traffic", bad.toString(), "--out", dir.resolve("bad").toString()},
        new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
    assertThat(c).isEqualTo(2);
    assertThat(e.toString(StandardCharsets.UTF_8)).isEqualTo("zonewise cost: --traffic " + bad + ": traffic[0].to:"
        + " 'ordrs' is not a Service of the manifests, a subnet (Name tag, logical id or CIDR), an AWS service, a peer"
        + " VPC, internet or a region; Services and peers: web, orders\n");
  }
}
