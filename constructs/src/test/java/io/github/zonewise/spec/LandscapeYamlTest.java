package io.github.zonewise.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a landscape file is read: anchors, aliases and merge keys as YAML defines them, limits that fail
 * fast, messages that give the real cause, values typed as YAML 1.2 types them, and every message with
 * the value, the fix and the line and column. One test per message, asserting it exactly.
 */
class LandscapeYamlTest {

  static final String HEAD = "name: shop\nregion: eu-west-1\navailabilityZones: [eu-west-1a, eu-west-1b, eu-west-1c]\n";

  static LandscapeSpec spec(String yaml) {
    return LandscapeValidator.validate(LandscapeReader.parse(yaml, "landscape.yaml"), "landscape.yaml").spec();
  }

  static void fails(String yaml, String message) {
    assertThatThrownBy(() -> spec(yaml)).isInstanceOf(LandscapeException.class).hasMessage(message);
  }

  static List<String> problems(String yaml) {
    try {
      spec(yaml);
    } catch (LandscapeException e) {
      return e.problems().stream().map(Throwable::getMessage).toList();
    }
    throw new AssertionError("no problem");
  }

  // ------------------------------------------------------------ anchors, aliases, merge keys

  @Test
  void anAliasIsTheAnchoredNumberNotTheAnchorsName() {
    LandscapeSpec spec = spec(HEAD + "services:\n  - {name: web, image: nginx:1.27, port: &port 8080}\n"
        + "  - {name: api, image: nginx:1.27, port: *port}\n");
    assertThat(spec.services().get(1).port()).isEqualTo(8080);
  }

  @Test
  void anAliasIsTheAnchoredNamespaceNotTheAnchorsName() {
    LandscapeSpec spec = spec(HEAD + "services:\n  - {name: web, namespace: &ns shop, image: nginx:1.27, port: 80}\n"
        + "  - {name: api, namespace: *ns, image: nginx:1.27, port: 81}\n");
    assertThat(spec.services()).extracting(ServiceSpec::namespace).containsExactly("shop", "shop");
  }

  @Test
  void anAliasOfAListIsTheList() {
    LandscapeSpec spec = spec("name: shop\nregion: eu-west-1\navailabilityZones: &zones [eu-west-1a, eu-west-1b]\n"
        + "nodePools:\n  - {name: general, zones: *zones}\n");
    assertThat(spec.nodePools().get(0).zones()).containsExactly("eu-west-1a", "eu-west-1b");
  }

  @Test
  void aMergeKeyMergesTheAnchoredMappingAndTheMappingsOwnKeysWin() {
    LandscapeSpec spec = spec(HEAD + "services:\n"
        + "  - &web {name: web, namespace: shop, image: nginx:1.27, port: 80, replicas: 3}\n"
        + "  - <<: *web\n    name: api\n    port: 81\n");
    ServiceSpec api = spec.services().get(1);
    assertThat(List.of(api.name(), api.namespace(), api.image(), api.port(), api.replicas()))
        .containsExactly("api", "shop", "nginx:1.27", 81, 3);
  }

  @Test
  void aMergeKeyTakesAListOfMappingsTheEarlierWinning() {
    LandscapeSpec spec = spec(HEAD + "services:\n  - &a {name: x, image: a:1, port: 80}\n"
        + "  - &b {name: y, image: b:1, port: 90, replicas: 2}\n  - {<<: [*a, *b], name: z}\n");
    ServiceSpec z = spec.services().get(2);
    assertThat(List.of(z.image(), z.port(), z.replicas())).containsExactly("a:1", 80, 2);
  }

  @Test
  void aValueFromAnAliasIsReportedWhereTheAnchoredValueIsWritten() {
    fails(HEAD + "services:\n  - {name: web, image: nginx:1.27, port: &port '8080'}\n"
        + "  - {name: api, image: nginx:1.27, port: *port}\n",
        "services[0].port: '8080' is a string, not a whole number; write a port, a whole number 1–65535, without"
            + " quotes (line 5, column 42)");
  }

  @Test
  void aSelfReferencingAliasFailsInsteadOfRecursingForever() {
    fails(HEAD + "services: &s\n  - *s\n", "services[0]: is the alias *s inside the value anchored &s, which would"
        + " contain itself; write the value out instead (line 5, column 5)");
  }

  @Test
  void aMappingThatMergesItselfFails() {
    fails(HEAD + "network: &n\n  <<: *n\n", "network.<<: is the alias *n inside the value anchored &n, which would"
        + " contain itself; write the value out instead (line 5, column 7)");
  }

  @Test
  void anAliasOfNoAnchorFails() {
    fails(HEAD + "network: {cidr: *nope}\n", "network.cidr: is the alias *nope, but no anchor &nope comes before it;"
        + " anchor the value (&nope) where it is first written, before every *nope (line 4, column 17)");
  }

  @Test
  void aMergeOfASingleValueFails() {
    fails(HEAD + "network:\n  <<: perAz\n", "network.<<: merges a single value; '<<' takes a mapping or a list of"
        + " mappings, e.g. <<: *defaults (line 5, column 3)");
  }

  /** A 1 KB "billion laughs": nine levels of ten aliases would expand to 10^9 values. */
  @Test
  void aBillionLaughsFailsAtTheExpansionLimitWithinASecond() {
    StringBuilder yaml = new StringBuilder(HEAD + "prices:\n  a: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      yaml.append("  b").append(i).append(": &l").append(i).append(" [").append(("*l" + (i - 1) + ", ").repeat(9))
          .append("*l").append(i - 1).append("]\n");
    }
    assertThat(yaml.length()).isLessThan(1024);
    long start = System.nanoTime();
    fails(yaml.toString(), "prices.b3[7][9][0][1]: is the alias *l2, which makes the aliases of the file expand to"
        + " more than the 10,000 values the reader takes (aliases of aliases grow exponentially, as in a 'billion"
        + " laughs' file); write the values out, or alias fewer of them (line 8, column 47)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void moreAliasesThanTheLimitFail() {
    String aliases = ("*z, ").repeat(YamlDocument.MAX_ALIASES) + "*z";
    fails(HEAD + "network:\n  gatewayEndpoints: &z s3\n  interfaceEndpoints: [" + aliases + "]\n",
        "network.interfaceEndpoints[1000]: uses alias *z, alias number 1001, more than the 1000 aliases the reader"
            + " takes in one file (a limit against alias bombs); write the values out, or use fewer aliases (line 6,"
            + " column 4024)");
  }

  @Test
  void nestingDeeperThanTheLimitFails() {
    fails(HEAD + "network: " + "[".repeat(40) + "]".repeat(40) + "\n", "network" + "[0]".repeat(31) + ": nests more"
        + " than 32 levels deep, the reader's limit (a landscape nests 7 levels); write it flatter (line 4, column 41)");
  }

  @Test
  void nestingThatAliasesMakeDeeperThanTheLimitFails() {
    String deep = "[".repeat(20) + "]".repeat(20);
    fails(HEAD + "prices: {a: &d " + deep + ", b: [[[[[[[[[[[[[[[*d]]]]]]]]]]]]]]]}\n", "prices.b" + "[0]".repeat(15)
        + "[0]".repeat(15) + ": nests more than 32 levels deep with what its aliases expand to, the reader's limit (a"
        + " landscape nests 7 levels); write it flatter (line 4, column 31)");
  }

  @Test
  void aFileLongerThanTheLimitFailsBeforeItIsParsed() {
    String yaml = HEAD + "# " + "x".repeat(YamlDocument.MAX_CODE_POINTS) + "\n";
    assertThat(yaml.length()).isEqualTo(1_048_664);
    fails(yaml, "landscape.yaml: is 1,048,664 characters long, more than the 1,048,576 the reader takes for a landscape"
        + " file (a limit against oversized input, where a landscape is a few kilobytes); check that it is the"
        + " landscape file, or split it");
  }

  // ------------------------------------------------------------ causes and fixes of unreadable files

  @Test
  void aFileThatIsNotUtf8SaysSoAndWhere(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("landscape.yaml");
    Files.write(file, (HEAD + "services:\n  - {name: caf").getBytes(StandardCharsets.UTF_8));
    Files.write(file, new byte[] {(byte) 0xE9, '}', '\n'}, java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> LandscapeReader.read(file)).hasMessage("landscape: file '" + file + "' is not UTF-8 text:"
        + " the byte 0xE9 is not UTF-8 (a file saved in another encoding, such as Latin-1 or Windows-1252, or not a"
        + " text file); save it as UTF-8 (line 5, column 15)");
  }

  @Test
  void aFileOfMoreBytesThanTheLimitCanHoldFailsBeforeItIsRead(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("landscape.yaml");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(5L * 1024 * 1024);
    }
    assertThatThrownBy(() -> LandscapeReader.read(file)).hasMessage("landscape: file '" + file + "' is 5,242,880 bytes"
        + " long, more than the 1,048,576 characters the reader takes for a landscape file (a limit against oversized"
        + " input, where a landscape is a few kilobytes); check that it is the landscape file, or split it");
  }

  @Test
  void aUtf16FileSaysItIsUtf16(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("landscape.yaml");
    Files.write(file, ("\uFEFF" + HEAD).getBytes(StandardCharsets.UTF_16LE));
    assertThatThrownBy(() -> LandscapeReader.read(file)).hasMessage("landscape: file '" + file + "' is UTF-16 text (it"
        + " starts with a UTF-16 byte-order mark), not UTF-8; save it as UTF-8");
  }

  @Test
  void aDirectorySaysItIsADirectory(@TempDir Path dir) {
    assertThatThrownBy(() -> LandscapeReader.read(dir)).hasMessage("landscape: file '" + dir + "' is a directory, not a"
        + " file; pass the landscape file (YAML) with -c landscape=PATH");
  }

  @Test
  void aControlCharacterIsNamedWithWhereItIs() {
    fails(HEAD + "network: {nat: \u0000}\n", "landscape.yaml: holds the character U+0000, which YAML does not allow in a"
        + " file; is it a text file? remove the character (line 4, column 16)");
  }

  @Test
  void aSecondDocumentFails() {
    fails(HEAD + "---\nname: other\n", "landscape.yaml: holds a second YAML document; a landscape file is one document:"
        + " remove the '---' line that starts it, or split the file (line 4, column 1)");
  }

  @Test
  void anUnknownTagFails() {
    fails(HEAD + "network: {cidr: !Ref Cidr}\n", "network.cidr: has the tag !Ref, which a landscape file does not use;"
        + " remove it (line 4, column 17)");
  }

  // ------------------------------------------------------------ values typed as YAML 1.2 types them

  @Test
  void aFloatPortIsNotTruncated() {
    fails(HEAD + "services:\n  - {name: web, image: nginx:1.27, port: 8080.5}\n", "services[0].port: 8080.5 is not a"
        + " whole number; write a port, a whole number 1–65535 (line 5, column 42)");
  }

  @Test
  void aFloatRetentionIsNotTruncated() {
    fails(HEAD + "network: {flowLogs: {retentionDays: 30.5}}\n", "network.flowLogs.retentionDays: 30.5 is not a whole"
        + " number; write days the flow logs are kept, a whole number such as 30 (line 4, column 37)");
  }

  @Test
  void aWholeNumberWrittenAsAFloatIsThatNumber() {
    LandscapeSpec spec = spec(HEAD + "services:\n  - {name: web, image: nginx:1.27, port: 8080.0, replicas: 1e1}\n");
    assertThat(List.of(spec.services().get(0).port(), spec.services().get(0).replicas())).containsExactly(8080, 10);
  }

  @Test
  void aPortWrittenAsAStringFails() {
    fails(HEAD + "services:\n  - {name: web, image: nginx:1.27, port: \"8080\"}\n", "services[0].port: '8080' is a"
        + " string, not a whole number; write a port, a whole number 1–65535, without quotes (line 5, column 42)");
  }

  @Test
  void aNumberThatYamlReadsAsTextSaysHowToWriteIt() {
    fails(HEAD + "traffic:\n  - {from: internet, to: s3, gb: 1_000}\n", "traffic[0].gb: '1_000' is a string, not a"
        + " number; write the monthly gigabytes, a number 0 or more (YAML reads only decimal numbers such as 1000, 0.5"
        + " and 1e3 as numbers) (line 5, column 34)");
  }

  @Test
  void notANumberNamesTheFieldsRange() {
    fails(HEAD + "traffic:\n  - {from: internet, to: s3, gb: .nan}\n", "traffic[0].gb: .nan is not a number (YAML's"
        + " not-a-number); write the monthly gigabytes, a number 0 or more (line 5, column 34)");
  }

  @Test
  void infinityNamesTheFieldsRange() {
    fails(HEAD + "services:\n  - {name: web, image: nginx:1.27, port: .inf}\n", "services[0].port: .inf is infinite;"
        + " write a port, a whole number 1–65535 (line 5, column 42)");
  }

  @Test
  void anIntegerBeyondAnyIntNamesTheFieldsRange() {
    fails(HEAD + "cluster: {systemNodes: {perAz: 99999999999}}\n", "cluster.systemNodes.perAz: 99999999999 is out of"
        + " range; write nodes per AZ, a whole number 1–450 (line 4, column 32)");
  }

  @Test
  void anUnquotedVersionIsANumberToQuote() {
    fails(HEAD + "cluster: {version: 1.30}\n", "cluster.version: 1.30 is a number, not a string; quote it: \"1.30\""
        + " (line 4, column 20)");
  }

  @Test
  void yesIsAStringNotABoolean() {
    fails(HEAD + "singleAz: yes\n", "singleAz: 'yes' is a string, not true or false; write true or false (line 4,"
        + " column 11)");
  }

  @Test
  void noIsAStringAndSoANamespace() {
    assertThat(spec(HEAD + "services:\n  - {name: web, namespace: no, image: nginx:1.27, port: 80}\n").services()
        .get(0).namespace()).isEqualTo("no");
  }

  @Test
  void anEmptySectionIsNotSilentlyLeftOut() {
    fails(HEAD + "cluster:\n", "cluster: is empty (a key without a value is YAML's null); write {} for its defaults,"
        + " or remove the key (line 4, column 9)");
  }

  @Test
  void anEmptyListItemOfNamesFails() {
    fails(HEAD.replace("eu-west-1c]", "~, null]"), "availabilityZones[3]: is empty (YAML's null); write a value, or"
        + " remove the item (line 3, column 48)");
  }

  // ------------------------------------------------------------ wrong shapes show the value and the fix

  @Test
  void aScalarForASectionShowsTheValueAndTheKeysToWrite() {
    fails(HEAD + "network: perAz\n", "network: 'perAz' is a string, not a mapping; write a mapping of its keys: cidr,"
        + " flowLogs, gatewayEndpoints, interfaceEndpoints, nat (line 4, column 10)");
  }

  @Test
  void aScalarForAListShowsTheListToWrite() {
    fails("name: shop\nregion: eu-west-1\navailabilityZones: eu-west-1a\n", "availabilityZones: 'eu-west-1a' is a"
        + " string, not a list; write a list: [eu-west-1a] (or one '- item' per line) (line 3, column 20)");
  }

  @Test
  void aMappingForAListShowsTheMapping() {
    fails(HEAD + "services: {name: web, port: 80}\n", "services: {name: web, port: 80} is a mapping, not a list; write a"
        + " list: [a, b] or one '- item' per line (line 4, column 11)");
  }

  @Test
  void aListForAStringShowsTheList() {
    fails(HEAD + "services:\n  - {name: [web, api], image: nginx:1.27, port: 80}\n", "services[0].name: [web, api] is a"
        + " list, not a string; write a single value (line 5, column 12)");
  }

  @Test
  void aScalarForAMapOfKeysShowsWhatItHolds() {
    fails(HEAD + "prices: cheap\n", "prices: 'cheap' is a string, not a mapping; write a mapping of price key → USD,"
        + " e.g. natGatewayHour: 0.045 (line 4, column 9)");
  }

  @Test
  void aDocumentThatIsAListShowsTheLandscapesKeys() {
    fails("- name: shop\n", "landscape.yaml: […] is a list, not a mapping; write a mapping of its keys: account,"
        + " availabilityZones, cluster, interconnect, name, network, nodePools, prices, region, registry, services,"
        + " singleAz, traffic (line 1, column 1)");
  }

  @Test
  void everyShapeProblemIsReportedAtOnce() {
    assertThat(problems(HEAD + "network: {nat: 1, netwrok: x}\nsingleAz: 'no'\n")).containsExactly(
        "network.nat: 1 is a number, not a string; quote it: \"1\" (line 4, column 16)",
        "network.netwrok: unknown key in network; known keys: cidr, flowLogs, gatewayEndpoints,"
            + " interfaceEndpoints, nat (line 4, column 19)",
        "singleAz: 'no' is a string, not true or false; write true or false (line 5, column 11)");
  }

  // ------------------------------------------------------------ every message has the value's position

  @Test
  void theValidatorsProblemsEndWithTheLineAndColumnOfTheirValue() {
    assertThat(problems(HEAD + "network:\n  nat: perZone\n  cidr: 10.0.0.0/24\n")).containsExactly(
        "network.cidr: '10.0.0.0/24' is too small for the subnet plan (a private subnet of /23 or more per AZ for"
            + " nodes and pods); use a /16 to /20 (line 6, column 9)");
  }

  @Test
  void aMissingFieldIsReportedWhereItsSectionIs() {
    fails(HEAD + "services:\n  - {name: web, image: nginx:1.27}\n", "services[0].port: is missing; give the port the"
        + " service listens on (1–65535) (line 5, column 5)");
  }

  @Test
  void aLandscapeBuiltInCodeHasNoPositions() {
    LandscapeFile file = new LandscapeFile("Shop", "eu-west-1", null, List.of("eu-west-1a", "eu-west-1b"), null, null,
        null, null, null, null, null, null, null);
    assertThatThrownBy(() -> LandscapeValidator.validate(file, "code")).hasMessage("name: 'Shop' is not a DNS-1123"
        + " label; use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit");
  }

  @Test
  void aProblemFoundAfterTheChecksIsLocatedByTheCheckedLandscape() {
    ValidatedLandscape checked = LandscapeValidator.validate(LandscapeReader.parse(HEAD + "network:\n  nat: single\n",
        "landscape.yaml"), "landscape.yaml");
    assertThat(checked.located(new LandscapeException("network.nat", "single", "cannot be built")).getMessage())
        .isEqualTo("network.nat: 'single' cannot be built (line 5, column 8)");
  }
}
