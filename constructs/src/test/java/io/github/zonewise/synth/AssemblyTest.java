package io.github.zonewise.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hand-written cloud assembly as CDK writes one: a stage (nested assembly) with a network stack
 * that exports its subnet, a cluster stack that imports it, and a nested stack found once by its
 * asset metadata and once through the asset manifest; plus a YAML template and unreadable files.
 */
class AssemblyTest {

  static Path dir;
  static Assembly assembly;

  @BeforeAll
  static void write() throws IOException {
    dir = Files.createTempDirectory("zonewise-synth-assembly");
    Path out = Files.createDirectories(dir.resolve("cdk.out"));
    Files.writeString(out.resolve("manifest.json"), """
        {"version": "48.0.0", "artifacts": {
          "assembly-Prod": {"type": "cdk:cloud-assembly", "properties": {"directoryName": "assembly-Prod"}}}}""");
    Path stage = Files.createDirectories(out.resolve("assembly-Prod"));
    Files.writeString(stage.resolve("manifest.json"), """
        {"version": "48.0.0", "artifacts": {
          "ProdNet": {"type": "aws:cloudformation:stack", "environment": "aws://111111111111/eu-west-1",
                      "properties": {"templateFile": "ProdNet.template.json", "stackName": "prod-net"}},
          "ProdCluster": {"type": "aws:cloudformation:stack", "environment": "aws://111111111111/eu-west-1",
                          "properties": {"templateFile": "ProdCluster.template.json", "stackName": "prod-cluster"}},
          "ProdCluster.assets": {"type": "cdk:asset-manifest", "properties": {"file": "ProdCluster.assets.json"}}}}""");
    Files.writeString(stage.resolve("ProdNet.template.json"), """
        {"Resources": {
           "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
           "SubnetA": {"Type": "AWS::EC2::Subnet",
                       "Properties": {"VpcId": {"Ref": "Vpc"}, "AvailabilityZone": "eu-west-1a"}}},
         "Outputs": {
           "Subnet": {"Value": {"Ref": "SubnetA"}, "Export": {"Name": {"Fn::Sub": "${AWS::StackName}-SubnetA"}}},
           "Cidr": {"Value": {"Fn::GetAtt": ["Vpc", "CidrBlock"]}, "Export": {"Name": "prod-cidr"}},
           "Plain": {"Value": "literal", "Export": {"Name": "prod-plain"}}}}""");
    Files.writeString(stage.resolve("ProdCluster.template.json"), """
        {"Resources": {
           "Eks": {"Type": "AWS::EKS::Cluster", "Properties": {"ResourcesVpcConfig": {
             "SubnetIds": [{"Fn::ImportValue": "prod-net-SubnetA"}]}}},
           "Addons": {"Type": "AWS::CloudFormation::Stack", "Metadata": {"aws:asset:path": "Addons.nested.template.json"},
                      "Properties": {"Parameters": {"SubnetParam": {"Fn::ImportValue": "prod-net-SubnetA"},
                                                    "NameParam": "orders"}}},
           "Extras": {"Type": "AWS::CloudFormation::Stack",
                      "Properties": {"TemplateURL": {"Fn::Join": ["", ["https://s3.", {"Ref": "AWS::Region"},
                        ".amazonaws.com/cdk-assets/", "0123abcd.json"]]}}},
           "Uses": {"Type": "AWS::SSM::Parameter", "Properties": {
             "Value": {"Fn::GetAtt": ["Addons", "Outputs.EndpointSubnet"]},
             "Name": {"Fn::ImportValue": "prod-plain"}}}}}""");
    Files.writeString(stage.resolve("ProdCluster.assets.json"), """
        {"version": "48.0.0", "files": {"0123abcd": {"source": {"path": "Extras.nested.template.json",
          "packaging": "file"}, "destinations": {"current": {"bucketName": "cdk-assets", "objectKey": "0123abcd.json"}}}}}""");
    Files.writeString(stage.resolve("Addons.nested.template.json"), """
        {"Parameters": {"SubnetParam": {"Type": "String"}, "NameParam": {"Type": "String"}},
         "Resources": {"Endpoint": {"Type": "AWS::EC2::VPCEndpoint", "Properties": {
           "SubnetIds": [{"Ref": "SubnetParam"}], "ServiceName": {"Fn::Sub": "com.amazonaws.${AWS::Region}.${NameParam}"}}}},
         "Outputs": {"EndpointSubnet": {"Value": {"Ref": "SubnetParam"}}}}""");
    Files.writeString(stage.resolve("Extras.nested.template.json"), """
        {"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}""");
    Files.writeString(stage.resolve("Orphan.nested.template.json"), """
        {"Resources": {"Topic": {"Type": "AWS::SNS::Topic"}}}""");
    Files.writeString(dir.resolve("net.yaml"), """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Gateway:
            Type: AWS::EC2::NatGateway
            Properties:
              SubnetId: !Ref Public
          Public:
            Type: AWS::EC2::Subnet
            Properties:
              AvailabilityZone: !Select [0, !GetAZs ""]
        """);
    Files.writeString(dir.resolve("broken.json"), "{\"Resources\": {");
    Files.writeString(dir.resolve("hello.json"), "{\"hello\": 1}");
    Files.createDirectories(dir.resolve("empty"));
    assembly = Assembly.read(List.of(out, dir.resolve("net.yaml"), dir.resolve("broken.json"),
        dir.resolve("hello.json"), dir.resolve("empty"), dir.resolve("missing.json")));
  }

  static Resource resource(String template, String id) {
    return assembly.templates().stream().filter(t -> t.name().equals(template)).findFirst().orElseThrow()
        .resource(id).orElseThrow();
  }

  @Test
  void readsTheStacksOfANestedAssemblyEachFollowedByItsNestedStacks() {
    assertThat(assembly.templates()).extracting(Template::name).containsExactly("prod-net", "prod-cluster",
        "prod-cluster/Addons", "prod-cluster/Extras", "Orphan", "net.yaml");
    assertThat(resource("prod-cluster", "Eks").template().region()).isEqualTo("eu-west-1");
  }

  @Test
  void anImportResolvesToTheResourceAnotherStackExports() {
    Value subnet = resource("prod-cluster", "Eks").template()
        .value(resource("prod-cluster", "Eks").prop("ResourcesVpcConfig").path("SubnetIds").get(0));
    assertThat(subnet.resource()).map(Resource::key).contains("prod-net/SubnetA");
    assertThat(resource("prod-cluster", "Uses").value("Name").text()).contains("literal");
  }

  @Test
  void aNestedStacksParameterResolvesThroughItsParentAndItsOutputThroughItsTemplate() {
    Resource endpoint = resource("prod-cluster/Addons", "Endpoint");
    assertThat(endpoint.value("SubnetIds").items().get(0).resource()).map(Resource::key).contains("prod-net/SubnetA");
    assertThat(endpoint.value("ServiceName").text()).contains("com.amazonaws.eu-west-1.orders");
    assertThat(resource("prod-cluster", "Uses").value("Value").resource()).map(Resource::key)
        .contains("prod-net/SubnetA");
    assertThat(endpoint.template().parent()).map(Template::name).contains("prod-cluster");
  }

  @Test
  void aYamlTemplatesShortFormsReadAsLongForms() {
    Resource gateway = resource("net.yaml", "Gateway");
    assertThat(gateway.value("SubnetId").resource()).map(Resource::logicalId).contains("Public");
    assertThat(Zone.of(resource("net.yaml", "Public"))).contains(new Zone(Zone.Kind.INDEX, "0"));
  }

  @Test
  void whatCannotBeReadIsANoteNamingTheFileAndWhy() {
    assertThat(assembly.notes()).extracting(Note::toString).containsExactly(
        dir.resolve("broken.json") + ": not JSON (line 1, column 16: the file ends inside an object (opened on line 1,"
            + " column 15))",
        dir.resolve("hello.json") + ": not a CloudFormation template (no Resources)",
        dir.resolve("empty") + ": not a cloud assembly (no manifest.json); give the cdk.out directory or template files",
        dir.resolve("missing.json") + ": no such file");
    assertThat(assembly.notes()).allMatch(n -> n.kind() == Note.Kind.UNREADABLE)
        .noneMatch(n -> n.problem().contains("REDACTED") || n.problem().contains("Source"));
  }

  @Test
  void resourcesOfATypeSpanTheAssembly() {
    assertThat(assembly.ofType("AWS::EC2::Subnet")).extracting(Resource::key)
        .containsExactly("prod-net/SubnetA", "net.yaml/Public");
  }
}
