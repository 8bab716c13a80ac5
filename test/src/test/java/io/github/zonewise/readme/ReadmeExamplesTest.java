package io.github.zonewise.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zonewise.app.LandscapeApp;
import io.github.zonewise.cost.CostReport;
import io.github.zonewise.network.ZonalVpc;
import io.github.zonewise.network.ZonalVpcProps;
import io.github.zonewise.spec.LandscapeReader;
import io.github.zonewise.test.Scratch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.constructs.Construct;

/**
 * Every ```java block of README.md is in {@link ReadmeExamples}, line for line (leading and trailing
 * spaces aside), so the README shows code that compiles; and every example builds and synthesizes.
 */
class ReadmeExamplesTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final List<String> ZONES = List.of("eu-west-1a", "eu-west-1b", "eu-west-1c");

  static List<List<String>> readmeBlocks() throws IOException {
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(ROOT.resolve("README.md")));
    List<List<String>> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(lines(m.group(1)));
    }
    return blocks;
  }

  static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  static Stack stack(App app, String id) {
    return new Stack(app, id, StackProps.builder()
        .env(Environment.builder().account("123456789012").region("eu-west-1").build()).build());
  }

  static App app() {
    return LandscapeApp.app(Scratch.directory("readme").resolve("cdk.out"), Map.of());
  }

  @Test
  void everyJavaBlockOfTheReadmeIsInTheTestedExamples() throws IOException {
    List<String> examples = lines(Files.readString(Path.of("src/test/java/io/github/zonewise/readme/ReadmeExamples.java")));
    List<List<String>> blocks = readmeBlocks();
    assertThat(blocks).hasSize(10);
    for (List<String> block : blocks) {
      assertThat(Collections.indexOfSubList(examples, block)).as("README block%n%s%nin ReadmeExamples.java",
          String.join("\n", block)).isNotNegative();
    }
  }

  @Test
  void theWholeLandscapeAndItsCostReport() throws IOException {
    Path dir = Scratch.directory("readme");
    Path file = Files.writeString(dir.resolve("landscape.yaml"), LandscapeReader.defaultText());
    CostReport report = ReadmeExamples.landscape(LandscapeApp.app(dir.resolve("cdk.out"), Map.of()), file,
        dir.resolve("dist"));
    assertThat(report.generated().total()).isPositive();
    assertThat(dir.resolve("dist").resolve("workloads-ecommerce.k8s.yaml")).isRegularFile();
    assertThat(dir.resolve("cdk.out").resolve("shop-network.template.json")).isRegularFile();
  }

  @Test
  void theNetworkExamplesSynthesize() {
    App app = app();
    Stack vpc = stack(app, "Vpc");
    ReadmeExamples.zonalVpc(vpc);
    Stack flowLogs = stack(app, "FlowLogs");
    ReadmeExamples.flowLogs(flowLogs, ZONES);
    Stack interconnect = stack(app, "Interconnect");
    ZonalVpc clusterVpc = new ZonalVpc(interconnect, "ClusterVpc", ZonalVpcProps.builder().availabilityZones(ZONES)
        .transitSubnets(true).build());
    ReadmeExamples.interconnect(interconnect, clusterVpc);
    Stack registry = stack(app, "Registry");
    ReadmeExamples.registry(registry);

    Template.fromStack(vpc).resourceCountIs("AWS::EC2::NatGateway", 3);
    Template.fromStack(flowLogs).resourceCountIs("AWS::Glue::Table", 1);
    Template.fromStack(flowLogs).resourceCountIs("AWS::EC2::FlowLog", 2);
    Template t = Template.fromStack(interconnect);
    assertThat(t.findResources("AWS::EC2::TransitGateway").size() + t.findResources("AWS::EC2::VPCPeeringConnection").size())
        .isPositive();
    Template.fromStack(registry).resourceCountIs("AWS::ECR::Repository", 2);
  }

  @Test
  void theKubernetesAndClusterExamplesSynthesize() {
    org.cdk8s.App k8s = new org.cdk8s.App();
    org.cdk8s.Chart chart = new org.cdk8s.Chart(k8s, "workloads");
    ReadmeExamples.kubernetes(chart);
    List<Object> objects = chart.toJson();
    assertThat(objects).hasSizeGreaterThanOrEqualTo(7);
    assertThat(String.valueOf(objects)).contains("alb.ingress.kubernetes.io/certificate-arn");

    App app = app();
    Stack stack = stack(app, "Cluster");
    ZonalVpc network = ReadmeExamples.zonalVpc(stack);
    ReadmeExamples.cluster(stack, network, chart);
    Construct manifest = new Construct(stack, "Manifest");
    ReadmeExamples.costLint(app, manifest);
    Template.fromStack(stack).resourceCountIs("AWS::EKS::Cluster", 1);
  }
}
