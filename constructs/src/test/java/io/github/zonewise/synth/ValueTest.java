package io.github.zonewise.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each intrinsic function as {@link Value} evaluates it, on one template in eu-west-1. */
class ValueTest {

  static Template t;

  @BeforeAll
  static void template() throws Exception {
    t = Template.of("app", "eu-west-1", Json.read("""
        {
          "Parameters": {
            "Replicas": {"Type": "Number", "Default": 3},
            "Env": {"Type": "String", "Default": "prod"},
            "Zones": {"Type": "CommaDelimitedList", "Default": "eu-west-1a,eu-west-1b"}
          },
          "Mappings": {"Regions": {"eu-west-1": {"Ami": "ami-0abc"}}},
          "Conditions": {
            "IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
            "InIreland": {"Fn::Equals": [{"Ref": "AWS::Region"}, "eu-west-1"]},
            "IrelandAndNot": {"Fn::And": [{"Condition": "InIreland"}, {"Fn::Not": [{"Condition": "InIreland"}]}]},
            "IrelandOrProd": {"Fn::Or": [{"Condition": "InIreland"}, {"Condition": "IsProd"}]}
          },
          "Resources": {
            "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
            "Subnet": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}}}
          }
        }"""));
  }

  static Value v(String json) throws Exception {
    return t.value(Json.read(json));
  }

  @Test
  void aRefToAResourceNamesItAndReadsAsAPlaceholder() throws Exception {
    assertThat(v("{\"Ref\": \"Vpc\"}").resource()).map(Resource::logicalId).contains("Vpc");
    assertThat(v("{\"Ref\": \"Vpc\"}").text()).contains("\u00abRef Vpc\u00bb");
    assertThat(v("{\"Ref\": \"Vpc\"}").key()).isEqualTo("app/Vpc");
  }

  @Test
  void aParameterIsADeployTimeValueUnlessDefaultsAreAssumed() throws Exception {
    Value replicas = v("{\"Ref\": \"Replicas\"}");
    assertThat(replicas.text()).contains("\u00abRef Replicas\u00bb");
    assertThat(Value.unresolved(replicas.text().get())).isTrue();
    assertThat(replicas.knownText()).isEmpty();
    assertThat(replicas.textWithDefaults()).contains("3");
    assertThat(v("{\"Ref\": \"Zones\"}").list()).isEmpty();
  }

  @Test
  void pseudoParametersReadFromTheStacksEnvironment() throws Exception {
    assertThat(v("{\"Ref\": \"AWS::Region\"}").text()).contains("eu-west-1");
    assertThat(v("{\"Ref\": \"AWS::Partition\"}").text()).contains("aws");
    assertThat(v("{\"Ref\": \"AWS::URLSuffix\"}").text()).contains("amazonaws.com");
    assertThat(v("{\"Ref\": \"AWS::StackName\"}").text()).contains("app");
    assertThat(v("{\"Ref\": \"AWS::AccountId\"}").text()).contains("\u00abAWS::AccountId\u00bb");
    assertThat(v("{\"Ref\": \"AWS::NoValue\"}").text()).isEmpty();
  }

  @Test
  void getAttInListAndDottedFormNamesTheResource() throws Exception {
    assertThat(v("{\"Fn::GetAtt\": [\"Vpc\", \"CidrBlock\"]}").resource()).map(Resource::logicalId).contains("Vpc");
    assertThat(v("{\"Fn::GetAtt\": \"Vpc.CidrBlock\"}").resource()).map(Resource::logicalId).contains("Vpc");
    assertThat(v("{\"Fn::GetAtt\": \"Vpc.CidrBlock\"}").text()).contains("\u00abVpc.CidrBlock\u00bb");
  }

  @Test
  void joinJoinsKnownPartsAndPlaceholders() throws Exception {
    assertThat(v("{\"Fn::Join\": [\".\", [\"com.amazonaws\", {\"Ref\": \"AWS::Region\"}, \"s3\"]]}").text())
        .contains("com.amazonaws.eu-west-1.s3");
    assertThat(v("{\"Fn::Join\": [\"\", [\"{\\\"name\\\":\\\"\", {\"Ref\": \"Vpc\"}, \"\\\"}\"]]}").text())
        .contains("{\"name\":\"\u00abRef Vpc\u00bb\"}");
    assertThat(v("{\"Fn::Join\": [\",\", {\"Fn::GetAZs\": \"\"}]}").text()).contains("\u00abJoin\u00bb");
  }

  @Test
  void subReplacesVariablesPseudoParametersAttributesAndKeepsEscapes() throws Exception {
    assertThat(v("{\"Fn::Sub\": \"arn:${AWS::Partition}:s3:::${Bucket}-${AWS::Region}\"}").text())
        .contains("arn:aws:s3:::\u00abRef Bucket\u00bb-eu-west-1");
    assertThat(v("{\"Fn::Sub\": [\"${Name}.${Vpc.CidrBlock} ${!Literal}\", {\"Name\": \"orders\"}]}").text())
        .contains("orders.\u00abVpc.CidrBlock\u00bb ${Literal}");
  }

  @Test
  void selectOfGetAzsIsTheNthZoneAndSelectOfAListItsItem() throws Exception {
    assertThat(v("{\"Fn::Select\": [1, {\"Fn::GetAZs\": \"\"}]}").text()).contains("\u00abAZ 1\u00bb");
    assertThat(v("{\"Fn::Select\": [\"1\", [\"a\", \"b\", \"c\"]]}").text()).contains("b");
    assertThat(v("{\"Fn::Select\": [0, [{\"Ref\": \"Vpc\"}]]}").resource()).map(Resource::logicalId).contains("Vpc");
  }

  @Test
  void splitMakesAListOfKnownText() throws Exception {
    List<Value> items = v("{\"Fn::Split\": [\",\", \"a,b,c\"]}").items();
    assertThat(items).extracting(i -> i.text().orElse("")).containsExactly("a", "b", "c");
    assertThat(v("{\"Fn::Split\": [\",\", {\"Ref\": \"Vpc\"}]}").list()).isEmpty();
    assertThat(v("{\"Fn::Select\": [2, {\"Fn::Split\": [\"-\", \"x-y-z\"]}]}").text()).contains("z");
  }

  @Test
  void findInMapLooksUpTheMapping() throws Exception {
    assertThat(v("{\"Fn::FindInMap\": [\"Regions\", {\"Ref\": \"AWS::Region\"}, \"Ami\"]}").text()).contains("ami-0abc");
    assertThat(v("{\"Fn::FindInMap\": [\"Regions\", \"us-east-1\", \"Ami\"]}").text())
        .contains("\u00abFindInMap\u00bb");
  }

  @Test
  void ifAndTheConditionFunctionsEvaluateWhenTheyCanBeDecided() throws Exception {
    assertThat(v("{\"Fn::If\": [\"InIreland\", \"yes\", \"no\"]}").text()).contains("yes");
    assertThat(v("{\"Fn::If\": [\"IsProd\", \"yes\", \"no\"]}").text()).contains("\u00abIf IsProd\u00bb");
    assertThat(v("{\"Fn::If\": [\"IsProd\", \"yes\", \"no\"]}").textWithDefaults()).contains("yes");
    assertThat(v("{\"Condition\": \"IrelandAndNot\"}").bool(true)).isFalse();
    assertThat(v("{\"Condition\": \"IrelandOrProd\"}").bool(false)).isTrue();
    assertThat(v("{\"Fn::Equals\": [\"a\", {\"Ref\": \"Vpc\"}]}").bool(false)).isNull();
  }

  @Test
  void booleansBase64AndLength() throws Exception {
    assertThat(v("\"true\"").bool(false)).isTrue();
    assertThat(t.value(null).bool(true)).isTrue();
    assertThat(v("{\"Fn::Base64\": \"hi\"}").text()).contains("aGk=");
    assertThat(v("{\"Fn::Length\": [1, 2, 3]}").text()).contains("3");
  }

  @Test
  void aListDropsNoValueItems() throws Exception {
    assertThat(v("[\"a\", {\"Ref\": \"AWS::NoValue\"}, \"b\"]").items()).hasSize(2);
    JsonNode absent = t.root().path("Nothing");
    assertThat(t.value(absent).list()).contains(List.of());
  }
}
