package io.github.zonewise.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.zonewise.app.ZonewiseCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.cdk.lambdalayer.kubectl.v32.KubectlV32Layer;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.eks_v2.Cluster;
import software.amazon.awscdk.services.eks_v2.EndpointAccess;
import software.amazon.awscdk.services.eks_v2.KubectlProviderOptions;
import software.amazon.awscdk.services.eks_v2.KubernetesManifest;
import software.amazon.awscdk.services.eks_v2.KubernetesVersion;

/**
 * A naive CDK app (one NAT gateway, no VPC endpoints, a public-only EKS endpoint, plain Services, an
 * NLB in instance mode), synthesized once with the cost lint's cdk-nag pack, then checked by the
 * {@code zonewise lint} command line: both find each planted problem and nothing else.
 */
class NaiveAppLintTest {

  static final String DAY = "2026-11-27";
  static final LocalDate DAY_AS_DATE = LocalDate.parse(DAY);
  static final String LEGACY_REASON = "legacy is retired next quarter; its callers are in one zone";

  static Path cdkOut;
  @TempDir
  static Path dir;
  static CloudAssembly assembly;
  static Run cli;

  /** What the command line printed and returned. */
  record Run(int code, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  @BeforeAll
  static void synthesize() throws IOException {
    cdkOut = dir.resolve("cdk.out");
    App app = new App(AppProps.builder().outdir(cdkOut.toString())
        .context(Map.of("aws:cdk:enable-path-metadata", true)).build());
    Validations.of(app).acknowledge(Acknowledgment.builder().id("CloudFormation-Validate::W3010")
        .reason("the naive app pins its AZs to make findings name them").build());
    Stack stack = new Stack(app, "Naive", StackProps.builder()
        .env(Environment.builder().account("111111111111").region("eu-west-1").build()).build());

    Vpc vpc = Vpc.Builder.create(stack, "Vpc")
        .availabilityZones(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c")).natGateways(1).build();
    Cluster cluster = Cluster.Builder.create(stack, "Cluster").vpc(vpc).version(KubernetesVersion.V1_35)
        .endpointAccess(EndpointAccess.PUBLIC)
        .kubectlProviderOptions(KubectlProviderOptions.builder().kubectlLayer(new KubectlV32Layer(stack, "Kubectl")).build())
        .build();
    KubernetesManifest catalog = cluster.addManifest("Catalog",
        service("catalog", Map.of(), Map.of()),
        service("legacy", Map.of(), Map.of()));
    NagSuppressions.addResourceSuppressions(catalog, List.of(NagPackSuppression.builder().id("ZW-SVC1")
        .reason(LEGACY_REASON).appliesTo(List.of("Service/shop/legacy")).build()), true);
    cluster.addManifest("Web", service("web", Map.of(
        "service.beta.kubernetes.io/aws-load-balancer-type", "external",
        "service.beta.kubernetes.io/aws-load-balancer-scheme", "internet-facing",
        "service.beta.kubernetes.io/aws-load-balancer-additional-resource-tags", "cluster=" + cluster.getClusterName()),
        Map.of("type", "LoadBalancer")));

    CfnParameter replicas = CfnParameter.Builder.create(stack, "Replicas").type("Number").defaultValue(3).build();
    cluster.addManifest("Scaled", Map.of("apiVersion", "apps/v1", "kind", "Deployment",
        "metadata", Map.of("name", "scaled", "namespace", "shop"),
        "spec", Map.of("replicas", replicas.getValueAsNumber(), "selector", Map.of("matchLabels", Map.of("app", "scaled")),
            "template", Map.of("metadata", Map.of("labels", Map.of("app", "scaled")),
                "spec", Map.of("containers", List.of(Map.of("name", "scaled", "image", "scaled:1.0")))))));

    Aspects.of(app).add(new ZonewiseCostChecks(NagPackProps.builder().build(), LocalDate.parse(DAY)));
    assembly = app.synth();
    cli = lint("lint", cdkOut.toString(), "--date", DAY, "--show-suppressed");
  }

  private static Map<String, Object> service(String name, Map<String, String> annotations, Map<String, Object> spec) {
    Map<String, Object> s = new java.util.LinkedHashMap<>(spec);
    s.put("selector", Map.of("app", name));
    s.put("ports", List.of(Map.of("port", 80, "targetPort", 8080)));
    return Map.of("apiVersion", "v1", "kind", "Service",
        "metadata", Map.of("name", name, "namespace", "shop", "annotations", annotations), "spec", s);
  }

  static Run lint(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ZonewiseCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static final List<String> PLANTED = List.of(
      "error ZW-VPCE1 Naive/Vpc/Resource",
      "warning ZW-VPCE2 Naive/Vpc/Resource",
      "error ZW-NAT1 Naive/Vpc/PrivateSubnet2/Subnet",
      "error ZW-NAT1 Naive/Vpc/PrivateSubnet3/Subnet",
      "error ZW-EKS1 Naive/Cluster/Resource",
      "error ZW-SVC1 Naive/Cluster/manifest-Catalog/Resource/Default Service/shop/catalog",
      "error ZW-SVC1 Naive/Cluster/manifest-Web/Resource/Default Service/shop/web",
      "error ZW-LB1 Naive/Cluster/manifest-Web/Resource/Default Service/shop/web");

  @Test
  void commandLineFindsEachPlantedProblemAndNothingElse() {
    List<String> found = cli.lines().stream().filter(l -> l.startsWith("error ") || l.startsWith("warning "))
        .map(l -> l.substring(0, l.indexOf(": "))).toList();
    assertThat(found).containsExactlyInAnyOrderElementsOf(PLANTED);
  }

  @Test
  void commandLineExitsOneOnErrors() {
    assertThat(cli.code()).isEqualTo(1);
    assertThat(cli.lines()).last().isEqualTo("zonewise lint: 7 errors, 1 warning (1 suppressed) in 1 template ("
        + countResources() + " resources) and 0 manifest files (3 Kubernetes objects)");
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void commandLinePrintsWhatItFoundAndTheFix() {
    int at = cli.lines().indexOf("error ZW-NAT1 Naive/Vpc/PrivateSubnet3/Subnet: "
        + "A private subnet's default route goes to a NAT gateway in another AZ.");
    assertThat(at).isNotNegative();
    assertThat(cli.lines().get(at + 1)).isEqualTo("  found: the subnet is in eu-west-1c but its default route goes "
        + "to NAT gateway Vpc/PublicSubnet1/NATGateway in eu-west-1a");
    assertThat(cli.lines().get(at + 2)).isEqualTo("  fix:   " + CostRules.NAT1.fix());
  }

  @Test
  void commandLineReadsTheManifestThatJoinsADeployTimeValue() {
    assertThat(cli.out()).contains("error ZW-LB1 Naive/Cluster/manifest-Web/Resource/Default Service/shop/web: "
        + "A LoadBalancer Service or ALB Ingress sends traffic to instance targets.\n  found: the AWS Load Balancer "
        + "Controller's NLB without service.beta.kubernetes.io/aws-load-balancer-nlb-target-type (default: instance)");
    assertThat(cli.out()).doesNotContain("note: Naive/Cluster/manifest-Web");
  }

  @Test
  void commandLineSaysWhichManifestItCannotRead() {
    assertThat(cli.lines()).contains("note: Naive/Cluster/manifest-Scaled/Resource/Default: its Manifest is an "
        + "Fn::Join with deploy-time values outside JSON strings; its Kubernetes objects are not checked");
  }

  @Test
  void nagPackReportsTheManifestItCannotReadAsValidationFailures() {
    List<String> failures = assembly.getStackByName("Naive").getMessages().stream()
        .filter(m -> m.getId().equals("/Naive/Cluster/manifest-Scaled/Resource/Default"))
        .map(m -> String.valueOf(m.getEntry().getData()))
        .filter(t -> t.startsWith("CdkNagValidationFailure[ZW-"))
        .map(t -> t.substring(0, t.indexOf(']') + 1))
        .toList();
    assertThat(failures).containsExactlyElementsOf(CostRules.all().stream().filter(CostRule::checksKubernetes)
        .map(r -> "CdkNagValidationFailure[" + r.id() + "]").toList());
  }

  @Test
  void commandLineHonoursTheCdkNagSuppression() {
    assertThat(cli.lines()).contains("suppressed ZW-SVC1 Naive/Cluster/manifest-Catalog/Resource/Default "
        + "Service/shop/legacy: [Service/shop/legacy] " + LEGACY_REASON);
  }

  @Test
  void nagPackAnnotatesTheSameProblems() {
    List<String> annotated = new ArrayList<>();
    for (var message : assembly.getStackByName("Naive").getMessages()) {
      String text = String.valueOf(message.getEntry().getData());
      if (text.startsWith("ZW-")) {
        String level = message.getLevel() == SynthesisMessageLevel.ERROR ? "error" : "warning";
        String id = text.substring(0, text.indexOf(':'));
        String rule = id.contains("[") ? id.substring(0, id.indexOf('[')) : id;
        String object = id.contains("[") ? " " + id.substring(id.indexOf('[') + 1, id.length() - 1) : "";
        annotated.add(level + " " + rule + " " + message.getId().substring(1) + object);
      }
    }
    assertThat(annotated).containsExactlyInAnyOrderElementsOf(PLANTED);
  }

  @Test
  void nagReportListsTheRuleIdsWithTheirCompliance() throws IOException {
    List<String> report = Files.readAllLines(cdkOut.resolve("ZW-Naive-NagReport.csv"));
    assertThat(report.get(0)).isEqualTo("Rule ID,Resource ID,Compliance,Exception Reason,Rule Level,Rule Info");
    assertThat(report).contains(
        "\"ZW-NAT1\",\"Naive/Vpc/PrivateSubnet1/Subnet\",\"Compliant\",\"N/A\",\"Error\",\"" + CostRules.NAT1.info() + "\"",
        "\"ZW-NAT1\",\"Naive/Vpc/PrivateSubnet2/Subnet\",\"Non-Compliant\",\"N/A\",\"Error\",\"" + CostRules.NAT1.info() + "\"",
        "\"ZW-EKS2\",\"Naive/Cluster/Resource\",\"Compliant\",\"N/A\",\"Error\",\"" + CostRules.EKS2.info() + "\"",
        "\"ZW-VPCE2\",\"Naive/Vpc/Resource\",\"Non-Compliant\",\"N/A\",\"Warning\",\"" + CostRules.VPCE2.info() + "\"");
  }

  @Test
  void nagReportListsTheSuppressedFindingAsSuppressed() throws IOException {
    assertThat(Files.readAllLines(cdkOut.resolve("ZW-Naive-NagReport.csv"))).contains(
        "\"ZW-SVC1\",\"Naive/Cluster/manifest-Catalog/Resource/Default\",\"Suppressed\",\"[Service/shop/legacy] "
            + LEGACY_REASON + "\",\"Error\",\"" + CostRules.SVC1.info() + "\"");
  }

  private static int countResources() {
    try {
      return new ObjectMapper().readTree(cdkOut.resolve("Naive.template.json").toFile()).path("Resources").size();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
