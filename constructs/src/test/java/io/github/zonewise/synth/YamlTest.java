package io.github.zonewise.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML as CloudFormation and Kubernetes read it: short forms, anchors, merges, duplicates, scalar text. */
class YamlTest {

  static JsonNode read(String yaml) throws ReadProblem {
    return Yaml.readFirst(new StringReader(yaml));
  }

  @Test
  void cloudFormationShortFormsAreTheirLongForms() throws Exception {
    JsonNode t = read("""
        A: !Ref NatGateway
        B: !GetAtt Vpc.CidrBlock
        C: !GetAtt [Stack, Outputs.Subnet]
        D: !Sub "${AWS::Region}-x"
        E: !Join [",", [a, !Ref B]]
        F: !Select [0, !GetAZs ""]
        G: !ImportValue shared-vpc
        H: !If [IsProd, !Equals [a, b], !Not [!Condition C]]
        I: !Split [",", "a,b"]
        J: !FindInMap [M, K, V]
        K: !Base64 text
        L: !Cidr [10.0.0.0/16, 2, 8]
        M: !And [!Or [!Condition A, !Condition B], !Condition C]
        """);
    assertThat(t.get("A").toString()).isEqualTo("{\"Ref\":\"NatGateway\"}");
    assertThat(t.get("B").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Vpc\",\"CidrBlock\"]}");
    assertThat(t.get("C").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Stack\",\"Outputs.Subnet\"]}");
    assertThat(t.get("D").toString()).isEqualTo("{\"Fn::Sub\":\"${AWS::Region}-x\"}");
    assertThat(t.get("E").toString()).isEqualTo("{\"Fn::Join\":[\",\",[\"a\",{\"Ref\":\"B\"}]]}");
    assertThat(t.get("F").toString()).isEqualTo("{\"Fn::Select\":[0,{\"Fn::GetAZs\":\"\"}]}");
    assertThat(t.get("G").toString()).isEqualTo("{\"Fn::ImportValue\":\"shared-vpc\"}");
    assertThat(t.get("H").toString()).isEqualTo(
        "{\"Fn::If\":[\"IsProd\",{\"Fn::Equals\":[\"a\",\"b\"]},{\"Fn::Not\":[{\"Condition\":\"C\"}]}]}");
    assertThat(t.get("I").toString()).isEqualTo("{\"Fn::Split\":[\",\",\"a,b\"]}");
    assertThat(t.get("J").toString()).isEqualTo("{\"Fn::FindInMap\":[\"M\",\"K\",\"V\"]}");
    assertThat(t.get("K").toString()).isEqualTo("{\"Fn::Base64\":\"text\"}");
    assertThat(t.get("L").toString()).isEqualTo("{\"Fn::Cidr\":[\"10.0.0.0/16\",2,8]}");
    assertThat(t.get("M").toString()).isEqualTo(
        "{\"Fn::And\":[{\"Fn::Or\":[{\"Condition\":\"A\"},{\"Condition\":\"B\"}]},{\"Condition\":\"C\"}]}");
  }

  @Test
  void anUnknownTagIsAnErrorWithItsLine() {
    assertThatThrownBy(() -> read("a: 1\nb: !Foo x\n")).isInstanceOf(ReadProblem.class)
        .hasMessageStartingWith("line 2, column 4: unknown tag !Foo");
  }

  @Test
  void aliasesAndMergeKeysAreResolved() throws Exception {
    JsonNode t = read("""
        base: &base {service.kubernetes.io/topology-mode: Auto, team: shop}
        annotations:
          <<: *base
          team: orders
        list: [*base, *base]
        many:
          <<: [{a: 1, b: 1}, {b: 2, c: 2}]
        """);
    assertThat(t.get("annotations").toString())
        .isEqualTo("{\"team\":\"orders\",\"service.kubernetes.io/topology-mode\":\"Auto\"}");
    assertThat(t.get("list").get(1).path("team").asText()).isEqualTo("shop");
    assertThat(t.get("many").toString()).isEqualTo("{\"a\":1,\"b\":1,\"c\":2}");
  }

  @Test
  void aRecursiveOrUndefinedAliasIsAnError() {
    assertThatThrownBy(() -> read("a: &x [1, *x]\n")).hasMessageContaining("refers to the collection that contains it");
    assertThatThrownBy(() -> read("a: *nowhere\n")).hasMessage("line 1, column 4: the alias *nowhere names no anchor"
        + " (&nowhere) before it");
  }

  @Test
  void aDuplicateKeyIsAnErrorNamingBothLines() {
    assertThatThrownBy(() -> read("metadata:\n  name: a\n  name: b\n")).isInstanceOf(ReadProblem.class)
        .hasMessage("line 3, column 3: duplicate key \"name\" (first at line 2)");
  }

  @Test
  void aPlainScalarKeepsItsText() throws Exception {
    JsonNode t = read("version: 1.30\nreplicas: 3\nport: 0x1F\nflag: true\nyes: yes\nnone: ~\nquoted: \"1.30\"\n");
    assertThat(t.get("version").isNumber()).isTrue();
    assertThat(t.get("version").asText()).isEqualTo("1.30");
    assertThat(t.get("replicas").isInt()).isTrue();
    assertThat(t.get("port").asInt()).isEqualTo(31);
    assertThat(t.get("port").asText()).isEqualTo("0x1F");
    assertThat(t.get("flag").isBoolean()).isTrue();
    assertThat(t.get("yes").isTextual()).isTrue();
    assertThat(t.get("none").isNull()).isTrue();
    assertThat(t.get("quoted").isTextual()).isTrue();
  }

  @Test
  void theItemsOfAListDocumentAreStreamedOneByOne() throws Exception {
    List<Yaml.Document> docs = new ArrayList<>();
    Yaml.read(new StringReader("""
        apiVersion: v1
        items:
          - {kind: Service, metadata: {name: a}}
          - {kind: Service, metadata: {name: b}}
        kind: List
        ---
        kind: Service
        metadata: {name: c}
        """), true, docs::add);
    assertThat(docs).extracting(d -> d.root().path("metadata").path("name").asText(""), Yaml.Document::listItem)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", true), org.assertj.core.groups.Tuple.tuple("b", true),
            org.assertj.core.groups.Tuple.tuple("", false), org.assertj.core.groups.Tuple.tuple("c", false));
    assertThat(docs.get(2).root().path("items").isEmpty()).isTrue();
    assertThat(docs.get(3).line()).isEqualTo(7);
  }

  @Test
  void aSingleDocumentOverThreeMebibytesIsRead() throws Exception {
    StringBuilder big = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
    int n = 0;
    while (big.length() < 4 * 1024 * 1024) {
      big.append("  - {apiVersion: v1, kind: ConfigMap, metadata: {name: cm").append(n++).append("}, data: {k: \"")
          .append("x".repeat(200)).append("\"}}\n");
    }
    int[] count = {0};
    Yaml.read(new StringReader(big.toString()), true, d -> count[0] += d.listItem() ? 1 : 0);
    assertThat(count[0]).isEqualTo(n);
  }

  @Test
  void problemsAreInPlainWordsWithLineAndColumn() {
    assertThatThrownBy(() -> read("kind: Service\nmetadata: {name: [unclosed\n"))
        .isInstanceOf(ReadProblem.class)
        .satisfies(e -> {
          assertThat(e.getMessage()).startsWith("line 3, column 1: ");
          assertThat(e.getMessage()).doesNotContain("org.yaml", "snakeyaml", "<", "Event");
        });
    assertThatThrownBy(() -> read("metadata:\n  name: {{ .Values.name }}\n"))
        .hasMessageStartingWith("line 2, column 9: a mapping is used as a key");
  }

  @Test
  void tooDeepANestingIsAnErrorNotAStackOverflow() {
    String deep = "[".repeat(Yaml.DEPTH_LIMIT + 5) + "]".repeat(Yaml.DEPTH_LIMIT + 5);
    assertThatThrownBy(() -> read(deep)).hasMessageContaining("nested more than " + Yaml.DEPTH_LIMIT + " levels deep");
  }

  static Reader reader(String s) {
    return new StringReader(s);
  }
}
