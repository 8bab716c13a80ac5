package io.github.zonewise.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code zonewise lint} on other people's code: one nested class per problem of the "Hardening"
 * issue, each with the example first and at least one more case.
 */
class LintHardeningTest {

  static Path dir;

  static final String DAY = NaiveAppLintTest.DAY;

  @BeforeAll
  static void directory() throws IOException {
    dir = Files.createTempDirectory("zonewise-hardening");
  }

  static Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  static NaiveAppLintTest.Run lint(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "lint";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--date";
    all[args.length + 2] = DAY;
    return NaiveAppLintTest.lint(all);
  }

  static List<String> findings(NaiveAppLintTest.Run run) {
    return run.lines().stream().filter(l -> l.startsWith("error ") || l.startsWith("warning ")).toList();
  }

  static String service(String name, String annotations) {
    return "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + name + "\n  namespace: shop\n"
        + (annotations.isEmpty() ? "" : "  annotations:\n" + annotations)
        + "spec:\n  selector: {app: " + name + "}\n  ports: [{port: 80}]\n";
  }

  @Nested
  class CloudFormationShortForms {
    static final String SHARED_NAT = """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties: {CidrBlock: 10.0.0.0/16}
          Igw:
            Type: AWS::EC2::InternetGateway
          PublicA:
            Type: AWS::EC2::Subnet
            Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select [0, !GetAZs ""]}
          PublicTable:
            Type: AWS::EC2::RouteTable
            Properties: {VpcId: !Ref Vpc}
          PublicAssociation:
            Type: AWS::EC2::SubnetRouteTableAssociation
            Properties: {SubnetId: !Ref PublicA, RouteTableId: !Ref PublicTable}
          PublicRoute:
            Type: AWS::EC2::Route
            Properties: {RouteTableId: !Ref PublicTable, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}
          NatIp:
            Type: AWS::EC2::EIP
          NatGateway:
            Type: AWS::EC2::NatGateway
            Properties: {SubnetId: !Ref PublicA, AllocationId: !GetAtt NatIp.AllocationId}
        %s
          S3:
            Type: AWS::EC2::VPCEndpoint
            Properties:
              VpcId: !Ref Vpc
              ServiceName: !Sub "com.amazonaws.${AWS::Region}.s3"
              RouteTableIds: [!Ref PrivateATable, !Ref PrivateBTable]
          DynamoDb:
            Type: AWS::EC2::VPCEndpoint
            Properties:
              VpcId: !Ref Vpc
              ServiceName: !Join [".", [com.amazonaws, !Ref "AWS::Region", dynamodb]]
              RouteTableIds: [!GetAtt [PrivateATable, RouteTableId], !Ref PrivateBTable]
        """;

    static String privateSubnet(String zone, int index) {
      return """
            Private%1$s:
              Type: AWS::EC2::Subnet
              Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.%2$d.0/24, AvailabilityZone: !Select [%3$d, !GetAZs ""]}
            Private%1$sTable:
              Type: AWS::EC2::RouteTable
              Properties: {VpcId: !Ref Vpc}
            Private%1$sAssociation:
              Type: AWS::EC2::SubnetRouteTableAssociation
              Properties: {SubnetId: !Ref Private%1$s, RouteTableId: !Ref Private%1$sTable}
            Private%1$sRoute:
              Type: AWS::EC2::Route
              Properties: {RouteTableId: !Ref Private%1$sTable, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref NatGateway}
          """.formatted(zone, 16 + index, index);
    }

    @Test
    void aNatSharedAcrossAzsInAShortFormYamlTemplateIsFound() throws IOException {
      Path template = write("short/net.yaml", SHARED_NAT.formatted(privateSubnet("A", 0) + privateSubnet("B", 1)));
      NaiveAppLintTest.Run run = lint(template.toString());
      assertThat(findings(run)).containsExactly("error ZW-NAT1 net.yaml/PrivateB: " + CostRules.NAT1.info());
      assertThat(run.out()).contains("  found: the subnet is in the region's AZ #2 but its default route goes to NAT "
          + "gateway NatGateway in the region's AZ #1");
      assertThat(run.code()).isEqualTo(1);
    }

    @Test
    void anImportOfAnotherTemplatesExportResolvesAcrossShortFormTemplates() throws IOException {
      Path network = write("short/network.yaml", """
          Resources:
            PublicA:
              Type: AWS::EC2::Subnet
              Properties: {VpcId: vpc-0abc, AvailabilityZone: eu-west-1a}
            Nat:
              Type: AWS::EC2::NatGateway
              Properties: {SubnetId: !Ref PublicA}
          Outputs:
            Nat:
              Value: !Ref Nat
              Export: {Name: shared-nat}
          """);
      Path routes = write("short/routes.yaml", """
          Resources:
            PrivateB:
              Type: AWS::EC2::Subnet
              Properties: {VpcId: vpc-0abc, AvailabilityZone: eu-west-1b}
            Table:
              Type: AWS::EC2::RouteTable
              Properties: {VpcId: vpc-0abc}
            Association:
              Type: AWS::EC2::SubnetRouteTableAssociation
              Properties: {SubnetId: !Ref PrivateB, RouteTableId: !Ref Table}
            Default:
              Type: AWS::EC2::Route
              Properties: {RouteTableId: !Ref Table, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !ImportValue shared-nat}
          """);
      NaiveAppLintTest.Run run = lint(network.toString(), routes.toString());
      assertThat(findings(run)).containsExactly("error ZW-NAT1 routes.yaml/PrivateB: " + CostRules.NAT1.info());
      assertThat(run.out()).contains("  found: the subnet is in eu-west-1b but its default route goes to NAT gateway Nat"
          + " in eu-west-1a");
    }
  }

  @Nested
  class UnreadableFilesAreSkipped {
    @Test
    void aHelmTemplateIsSkippedWithANoteAndTheRestIsLinted() throws IOException {
      write("helm/templates/service.yaml", """
          apiVersion: v1
          kind: Service
          metadata:
            name: {{ include "chart.fullname" . }}
          spec:
            ports: [{port: 80}]
          """);
      write("helm/plain.yaml", service("catalog", ""));
      NaiveAppLintTest.Run run = lint("--manifests", dir.resolve("helm").toString());
      assertThat(findings(run)).containsExactly("error ZW-SVC1 " + dir.resolve("helm/plain.yaml")
          + " Service/shop/catalog: " + CostRules.SVC1.info());
      assertThat(run.lines()).contains("note: " + dir.resolve("helm/templates/service.yaml") + ": a Helm or Go template "
          + "(\"{{\" on line 4), not YAML (line 4, column 9: a mapping is used as a key (a Helm or Jinja \"{{ }}\" outside"
          + " quotes reads as one)): render it first (helm template) and lint the output; not checked");
      assertThat(run.code()).isEqualTo(1);
      assertThat(run.err()).isEmpty();
    }

    @Test
    void aFragmentIsSkippedAndTheExitFollowsTheFindings() throws IOException {
      write("fragment/containers.yaml", "- name: orders\n  image: orders:1.0\n- name: [sidecar\n");
      write("fragment/values.yaml", "replicaCount: 3\nimage: {repository: orders}\n");
      write("fragment/orders.yaml", service("orders", "    service.kubernetes.io/topology-mode: Auto\n"));
      NaiveAppLintTest.Run run = lint("--manifests", dir.resolve("fragment").toString());
      assertThat(run.code()).isZero();
      assertThat(run.lines()).anyMatch(l -> l.startsWith("note: " + dir.resolve("fragment/containers.yaml") + ": not YAML"
          + " (line 4, column 1: expected ',' or ']', but got the end of the file (while parsing a flow sequence that"
          + " starts on line 3)); not checked"));
      assertThat(run.lines()).contains("note: " + dir.resolve("fragment/values.yaml") + ": a document (the first on line"
          + " 1) is not a Kubernetes object (no kind); not checked");
      assertThat(run.lines()).last().isEqualTo("zonewise lint: 0 errors, 0 warnings in 0 templates (0 resources) and 2 "
          + "manifest files (1 Kubernetes object)");
    }

    @Test
    void nothingReadableExitsTwoNamingEachInput() throws IOException {
      Path a = write("nothing/a.yaml", "kind: [\n");
      Path b = write("nothing/b.template.json", "{\"Resources\": ");
      NaiveAppLintTest.Run run = lint(b.toString(), "--manifests", a.toString());
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err().lines().toList()).hasSize(2)
          .anyMatch(l -> l.startsWith("zonewise lint: cannot read " + b + ": not JSON (line 1, column "))
          .anyMatch(l -> l.startsWith("zonewise lint: cannot read " + a + ": not YAML (line "));
    }
  }

  @Nested
  class AliasesAndMergeKeys {
    @Test
    void aServiceWhoseAnnotationsAreMergedFromAnAnchorIsZonal() throws IOException {
      Path file = write("anchors/services.yaml", """
          apiVersion: v1
          kind: List
          items:
            - apiVersion: v1
              kind: Service
              metadata:
                name: catalog
                namespace: shop
                annotations: &zonal
                  service.kubernetes.io/topology-mode: Auto
              spec: {selector: {app: catalog}, ports: [{port: 80}]}
            - apiVersion: v1
              kind: Service
              metadata:
                name: orders
                namespace: shop
                annotations:
                  <<: *zonal
                  team: orders
              spec: {selector: {app: orders}, ports: [{port: 80}]}
          """);
      NaiveAppLintTest.Run run = lint("--manifests", file.toString());
      assertThat(findings(run)).isEmpty();
      assertThat(run.code()).isZero();
    }

    @Test
    void aSpreadConstraintGivenByAnAliasCounts() throws IOException {
      Path file = write("anchors/deployments.yaml", """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: a, namespace: shop}
          spec:
            replicas: 3
            selector: {matchLabels: {app: a}}
            template:
              metadata: {labels: {app: a}}
              spec:
                topologySpreadConstraints: &spread
                  - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway}
                containers: [{name: a, image: a}]
          ---
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: b, namespace: shop}
          spec:
            replicas: 3
            selector: {matchLabels: {app: b}}
            template:
              metadata: {labels: {app: b}}
              spec:
                topologySpreadConstraints: *spread
                containers: [{name: b, image: b}]
          """);
      assertThat(findings(lint("--manifests", file.toString()))).isEmpty();
    }
  }

  @Nested
  class KustomizePatches {
    static final String PATCH = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: orders, namespace: shop}
        spec:
          replicas: 6
        """;

    @Test
    void aPatchListedInAKustomizationIsNotLintedAsAWholeObject() throws IOException {
      write("kustomize/base/deployment.yaml", """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: orders, namespace: shop}
          spec:
            replicas: 3
            selector: {matchLabels: {app: orders}}
            template:
              metadata: {labels: {app: orders}}
              spec:
                topologySpreadConstraints:
                  - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway}
                containers: [{name: orders, image: orders}]
          """);
      write("kustomize/base/kustomization.yaml", "resources: [deployment.yaml]\n");
      write("kustomize/prod/kustomization.yaml", "resources: [../base]\npatches:\n  - path: replicas.yaml\n");
      Path patch = write("kustomize/prod/replicas.yaml", PATCH.replace("spec:\n  replicas: 6\n",
          "spec:\n  replicas: 6\n  template:\n    spec:\n      containers: [{name: orders, resources: {}}]\n"
              + "  selector: {matchLabels: {app: orders}}\n"));
      NaiveAppLintTest.Run run = lint("--manifests", dir.resolve("kustomize").toString());
      assertThat(findings(run)).isEmpty();
      assertThat(run.lines()).contains("note: " + patch + ": a Kustomize patch (listed in "
          + dir.resolve("kustomize/prod/kustomization.yaml") + "), not whole objects; not checked");
    }

    @Test
    void aDocumentLackingFieldsItsKindRequiresIsAPatchWhereverItIs() throws IOException {
      Path patch = write("patches/replicas.yaml", PATCH);
      NaiveAppLintTest.Run run = lint("--manifests", patch.toString());
      assertThat(findings(run)).isEmpty();
      assertThat(run.lines()).contains("note: " + patch + ":1: Deployment shop/orders has no spec.selector and no "
          + "spec.template: a patch or a fragment, not a whole object; not checked");
    }
  }

  @Nested
  class DuplicateKeys {
    @Test
    void aManifestWithADuplicateKeyIsUnreadableWithItsLine() throws IOException {
      Path file = write("duplicates/service.yaml", service("orders", "    service.kubernetes.io/topology-mode: Auto\n")
          .replace("  namespace: shop\n", "  namespace: shop\n  namespace: other\n"));
      write("duplicates/clean.yaml", service("web", "    service.kubernetes.io/topology-mode: Auto\n"));
      NaiveAppLintTest.Run run = lint("--manifests", dir.resolve("duplicates").toString());
      assertThat(run.lines()).contains("note: " + file + ": not YAML (line 6, column 3: duplicate key \"namespace\" "
          + "(first at line 5)); not checked");
      assertThat(run.code()).isZero();
    }

    @Test
    void aJsonTemplateWithADuplicateKeyIsUnreadableWithItsLine() throws IOException {
      Path file = write("duplicates/dup.template.json", "{\"Resources\": {\n  \"A\": {\"Type\": \"AWS::SNS::Topic\"},\n"
          + "  \"A\": {\"Type\": \"AWS::SQS::Queue\"}\n}}\n");
      NaiveAppLintTest.Run run = lint(file.toString());
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).isEqualTo("zonewise lint: cannot read " + file + ": not JSON (line 3, column 6: duplicate "
          + "key 'A')\n");
    }
  }

  @Nested
  class LargeDocuments {
    static Path list(String name, int minBytes, String item, String last) throws IOException {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      try (Writer w = Files.newBufferedWriter(file)) {
        w.write("apiVersion: v1\nitems:\n");
        long written = 0;
        for (int i = 0; written < minBytes; i++) {
          String s = item.replace("NAME", "obj" + i);
          w.write(s);
          written += s.length();
        }
        w.write(last);
        w.write("kind: List\nmetadata: {resourceVersion: \"\"}\n");
      }
      return file;
    }

    static final String ZONAL = """
        - apiVersion: v1
          kind: Service
          metadata:
            name: NAME
            namespace: shop
            annotations: {service.kubernetes.io/topology-mode: Auto, kubectl.kubernetes.io/last-applied-configuration: "%s"}
          spec: {selector: {app: NAME}, ports: [{port: 80}], type: ClusterIP}
        """.formatted("x".repeat(400));

    @Test
    void aKubectlListOverThreeMebibytesIsRead() throws IOException {
      Path file = list("large/all.yaml", 4 * 1024 * 1024, ZONAL, """
          - apiVersion: v1
            kind: Service
            metadata: {name: plain, namespace: shop}
            spec: {selector: {app: plain}, ports: [{port: 80}]}
          """);
      assertThat(Files.size(file)).isGreaterThan(3 * 1024 * 1024);
      NaiveAppLintTest.Run run = lint("--manifests", file.toString());
      assertThat(findings(run)).containsExactly("error ZW-SVC1 " + file + " Service/shop/plain: " + CostRules.SVC1.info());
      assertThat(run.lines()).noneMatch(l -> l.startsWith("note: "));
    }

    @Test
    void everyItemOfALargeListOfWorkloadsIsChecked() throws IOException {
      Path file = list("large/deployments.yaml", 4 * 1024 * 1024, """
          - apiVersion: apps/v1
            kind: Deployment
            metadata: {name: NAME, namespace: shop, annotations: {note: "%s"}}
            spec:
              replicas: 3
              selector: {matchLabels: {app: NAME}}
              template:
                metadata: {labels: {app: NAME}}
                spec:
                  topologySpreadConstraints: [{maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway}]
                  containers: [{name: app, image: app}]
          """.formatted("y".repeat(300)), "");
      NaiveAppLintTest.Run run = lint("--manifests", file.toString());
      assertThat(run.code()).isZero();
      String last = run.lines().get(run.lines().size() - 1);
      int objects = Integer.parseInt(last.replaceAll(".*\\((\\d+) Kubernetes objects\\)$", "$1"));
      assertThat(objects).isGreaterThan(4000);
    }
  }

  @Nested
  class ScalarText {
    static final String CLUSTER = """
        Resources:
          Cluster:
            Type: AWS::EKS::Cluster
            Properties:
              Version: %s
              RoleArn: arn:aws:iam::111111111111:role/eks
              ResourcesVpcConfig: {SubnetIds: [subnet-1, subnet-2], EndpointPrivateAccess: true}
        """;

    @Test
    void anUnquotedVersionKeepsItsTrailingZero() throws IOException {
      Path file = write("versions/old.yaml", CLUSTER.formatted("1.30"));
      NaiveAppLintTest.Run run = lint(file.toString());
      assertThat(findings(run)).containsExactly("error ZW-EKS2 old.yaml/Cluster: " + CostRules.EKS2.info());
      assertThat(run.out()).contains("  found: Kubernetes 1.30 left standard support on ");
    }

    @Test
    void aVersionInStandardSupportIsCompliantAndAJsonNumberKeepsItsTextToo() throws IOException {
      assertThat(findings(lint(write("versions/current.yaml", CLUSTER.formatted("1.35")).toString()))).isEmpty();
      Path json = write("versions/old.template.json", "{\"Resources\": {\"Cluster\": {\"Type\": \"AWS::EKS::Cluster\","
          + " \"Properties\": {\"Version\": 1.30, \"ResourcesVpcConfig\": {\"EndpointPrivateAccess\": true}}}}}");
      assertThat(lint(json.toString()).out()).contains("  found: Kubernetes 1.30 left standard support on ");
    }
  }

  @Nested
  class LoadBalancersAndRouting {
    static final String INGRESS = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
          namespace: shop
          annotations: {%s}
        spec:
          ingressClassName: alb
          rules:
            - http:
                paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
        """;

    @Test
    void anAlbIngressWhoseBackendServiceSetsIpTargetsIsCompliant() throws IOException {
      Path file = write("alb/ip-on-service.yaml", INGRESS.formatted("") + "---\n"
          + service("web", "    service.kubernetes.io/topology-mode: Auto\n    alb.ingress.kubernetes.io/target-type: ip\n"));
      NaiveAppLintTest.Run run = lint("--manifests", file.toString());
      assertThat(findings(run)).isEmpty();
    }

    @Test
    void aBackendServiceInInstanceModeOverridesTheIngress() throws IOException {
      Path file = write("alb/instance-on-service.yaml", service("web",
          "    service.kubernetes.io/topology-mode: Auto\n    alb.ingress.kubernetes.io/target-type: instance\n")
          + "---\n" + INGRESS.formatted("alb.ingress.kubernetes.io/target-type: ip"));
      NaiveAppLintTest.Run run = lint("--manifests", file.toString());
      assertThat(findings(run)).containsExactly("error ZW-LB1 " + file + " Ingress/shop/web: " + CostRules.LB1.info());
      assertThat(run.out()).contains("  found: backend web: alb.ingress.kubernetes.io/target-type: instance on Service"
          + " shop/web\n");
    }

    @Test
    void aDisabledTopologyModeIsReportedAsFound() throws IOException {
      Path file = write("routing/disabled.yaml", service("orders", "    service.kubernetes.io/topology-mode: Disabled\n")
          + "---\n" + service("billing", "").replace("spec:\n", "spec:\n  internalTrafficPolicy: Cluster\n"));
      NaiveAppLintTest.Run run = lint("--manifests", file.toString());
      assertThat(run.out()).contains("  found: service.kubernetes.io/topology-mode: Disabled, no spec.trafficDistribution"
          + " and no internalTrafficPolicy: Local\n");
      assertThat(run.out()).contains("  found: no service.kubernetes.io/topology-mode annotation, no "
          + "spec.trafficDistribution and internalTrafficPolicy: Cluster\n");
    }

    static final String WORKLOAD = """
        apiVersion: apps/v1
        kind: %s
        metadata:
          name: %s
          namespace: shop
        %s
        spec:
          replicas: 3
          serviceName: db
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: db, image: db}]}
        """;

    @Test
    void aStatefulSetIsCheckedForZoneSpread() throws IOException {
      Path file = write("workloads/db.yaml", WORKLOAD.formatted("StatefulSet", "db", ""));
      NaiveAppLintTest.Run run = lint("--manifests", file.toString());
      assertThat(findings(run)).containsExactly("warning ZW-DEP1 " + file + " StatefulSet/shop/db: "
          + CostRules.DEP1.info());
    }

    @Test
    void aReplicaSetIsCheckedUnlessADeploymentOwnsIt() throws IOException {
      Path file = write("workloads/replicasets.yaml", WORKLOAD.formatted("ReplicaSet", "bare", "") + "---\n"
          + WORKLOAD.formatted("ReplicaSet", "owned-7d9f", "  ownerReferences: [{apiVersion: apps/v1, kind: Deployment,"
              + " name: owned, uid: 1}]"));
      assertThat(findings(lint("--manifests", file.toString()))).containsExactly("warning ZW-DEP1 " + file
          + " ReplicaSet/shop/bare: " + CostRules.DEP1.info());
    }
  }

  @Nested
  class PlainMessages {
    @Test
    void aJsonProblemNamesTheFileLineAndColumnWithoutParserInternals() throws IOException {
      Path file = write("messages/bad.template.json", "{\n  \"Resources\": {\n    \"A\": }\n}\n");
      NaiveAppLintTest.Run run = lint(file.toString());
      assertThat(run.err()).startsWith("zonewise lint: cannot read " + file + ": not JSON (line 3, column 10: ")
          .doesNotContain("REDACTED", "Source", "StreamReadFeature", "com.fasterxml");
    }

    @Test
    void aYamlProblemNamesTheFileLineAndColumnWithoutParserInternals() throws IOException {
      Path file = write("messages/bad.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n name: b\n");
      NaiveAppLintTest.Run run = lint("--manifests", file.toString());
      assertThat(run.err()).startsWith("zonewise lint: cannot read " + file + ": not YAML (line 5, column ")
          .doesNotContain("org.yaml", "snakeyaml", "events", "Event", "<block");
    }
  }
}
