package io.github.zonewise.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's command, {@code java -jar apps/target/zonewise.jar lint ...}, on the jar the build
 * packages: Java alone, no CDK on the class path.
 */
class RunnableJarTest {

  static final Path JAR = Path.of("..", "apps", "target", "zonewise.jar");

  @Test
  void builtJarLintsManifestsOnJavaAlone(@TempDir Path dir) throws Exception {
    assertThat(JAR).as("built by the apps module's package phase").exists();
    Files.writeString(dir.resolve("catalog.yaml"), """
        apiVersion: v1
        kind: Service
        metadata: {name: catalog, namespace: shop}
        spec:
          selector: {app: catalog}
          ports: [{port: 80}]
        """);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString(), "lint", "--manifests", dir.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(out).isEqualTo(1);
    assertThat(out).startsWith("error ZW-SVC1 " + dir.resolve("catalog.yaml") + " Service/shop/catalog: "
        + CostRules.SVC1.info() + "\n");
  }

  @Test
  void builtJarChecksALandscapeOnJavaAlone(@TempDir Path dir) throws Exception {
    Run good = jar("check");
    assertThat(good.status()).as(good.output()).isZero();
    assertThat(good.output()).startsWith("zonewise: landscape 'shop' read from embedded default landscape and validated")
        .contains("\nzonewise: decided network.nat: perAz").contains("\nzonewise: predicted network cost a month");
    Path bad = dir.resolve("landscape.yaml");
    Files.writeString(bad, "name: shop\nregion: eu-west-1\navailabilityZones: [eu-west-1a, us-east-1b]\n");
    Run refused = jar("check", bad.toString());
    assertThat(refused.status()).as(refused.output()).isEqualTo(1);
    assertThat(refused.output()).isEqualTo("zonewise: error: availabilityZones[1]: 'us-east-1b' is not an AZ of region"
        + " eu-west-1; use one of [eu-west-1a, eu-west-1b, eu-west-1c] (line 3, column 33)\n");
    Run unreadable = jar("check", dir.toString());
    assertThat(unreadable.status()).as(unreadable.output()).isEqualTo(2);
    assertThat(unreadable.output()).isEqualTo("zonewise: error: landscape: " + dir + " is a directory, not a landscape"
        + " file; give the path of a landscape YAML file\n");
  }

  @Test
  void launcherStartsTheJarWithItsClassDataArchive() throws Exception {
    Path archive = JAR.resolveSibling("zonewise.jsa");
    assertThat(archive).as("dumped by the apps module's package phase").exists();
    // -Xshare:on fails the start instead of falling back: the archive maps onto this JDK and this jar
    Run mapped = jar(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on"), "--version");
    assertThat(mapped.status()).as(mapped.output()).isZero();
    assertThat(mapped.output()).isEqualTo("zonewise 0.1.0\n");
    Process process = new ProcessBuilder(Path.of("..", "bin", "zonewise").toString(), "check")
        .redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(out).isZero();
    assertThat(out).isEqualTo(jar("check").output());
  }

  /** A landscape with every section and most options: what check loads for it holds no CDK class. */
  static final String EVERY_SECTION = """
        name: lab
        region: eu-west-1
        account: "123456789012"
        availabilityZones: [eu-west-1a, eu-west-1b, eu-west-1c]
        network:
          cidr: 10.0.0.0/16
          nat: single
          gatewayEndpoints: [s3, dynamodb]
          interfaceEndpoints: [ecr.api, ecr.dkr, sts]
          flowLogs: {destination: cloudwatch, retentionDays: 30}
        interconnect:
          mode: transitGateway
          vpcs:
            - {name: payments, cidr: 10.1.0.0/16}
            - {name: ledger, cidr: 172.16.0.0/16, vpcId: vpc-0a1b2c3d, subnetIds: [subnet-0a1b2c3d, subnet-1a1b2c3d, subnet-2a1b2c3d]}
        registry:
          repositories: [api, cache]
        cluster:
          version: "1.34"
          mesh: istio
        services:
          - name: api
            namespace: shop
            image: api:3.1.0
            port: 8080
            replicas: 6
            routing: preferSameZone
            expose: alb
            scheme: internet-facing
            locality:
              distribute:
                eu-west-1a: {eu-west-1a: 90, eu-west-1b: 10}
          - {name: cache, namespace: shop, image: "cache:7.2", port: 6379, replicas: 6, routing: nodeLocal}
          - {name: worker, namespace: shop, image: "public.ecr.aws/docker/library/busybox:1.36", port: 9000, replicas: 6, routing: preferSameNode, colocateWith: cache}
          - {name: gateway, namespace: edge, image: "gateway:1.0.0", port: 443, expose: nlb, scheme: internal, colocateWith: shop/api, locality: {failover: [{from: eu-west-1, to: eu-central-1}]}}
          - {name: batch, image: "batch:0.9", port: 7000, routing: cluster}
        nodePools:
          - {name: general, zones: each}
          - {name: spot-arm, zones: [eu-west-1a, eu-west-1b], instanceCategories: [c, m], capacityTypes: [spot, on-demand], architectures: [arm64], cpuLimit: 64, ami: {ssmParameter: /zonewise/images/spot-arm/ami-id, family: Bottlerocket}}
        traffic:
          - {from: internet, to: api, gb: 100}
          - {from: api, to: cache, gb: 500}
          - {from: api, to: payments, gb: 50}
          - {from: payments, to: ledger, gb: 20}
          - {from: worker, to: s3, gb: 100}
          - {from: api, to: internet, gb: 30}
          - {from: api, to: eu-central-1, gb: 5}
        prices:
          hoursPerMonth: 730
        """;

  @Test
  void builtJarChecksALandscapeOfEverySectionOnJavaAlone(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("every.yaml"), EVERY_SECTION);
    Run run = jar("check", "--date", "2026-06-01", file.toString());
    assertThat(run.status()).as(run.output()).isZero();
    assertThat(run.output()).startsWith("zonewise: landscape 'lab' read from " + file + " and validated (eu-west-1, 3"
        + " AZs, 5 services)\n").contains("\nzonewise: predicted network cost a month").doesNotContain("Exception");
  }

  record Run(int status, String output) {
  }

  static Run jar(String... args) throws IOException, InterruptedException {
    return jar(List.of(), args);
  }

  static Run jar(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), out);
  }

  @Test
  void builtJarHoldsNoCdkClasses() throws IOException {
    try (var jar = new java.util.jar.JarFile(JAR.toFile())) {
      assertThat(jar.stream().map(java.util.jar.JarEntry::getName))
          .anyMatch(n -> n.equals("io/github/zonewise/lint/Linter.class"))
          .noneMatch(n -> n.startsWith("software/amazon/awscdk/"));
    }
  }
}
