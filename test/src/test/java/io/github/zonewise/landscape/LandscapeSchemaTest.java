package io.github.zonewise.landscape;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.zonewise.cluster.KarpenterNames;
import io.github.zonewise.cluster.SystemNodes;
import io.github.zonewise.k8s.KubernetesValues;
import io.github.zonewise.spec.LandscapeException;
import io.github.zonewise.spec.LandscapeValidator;
import io.github.zonewise.spec.TrafficEnd;
import io.github.zonewise.spec.Vocabulary;
import io.github.zonewise.spec.LandscapeFile;
import io.github.zonewise.facts.AwsRegions;
import io.github.zonewise.spec.LandscapeReader;
import io.github.zonewise.spec.LandscapeSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.zonewise.network.NatStrategy;
import io.github.zonewise.facts.VpcEndpoints;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * landscape.schema.json is in step with the Java binding and accepts what the app accepts: the same
 * inputs, run through the JSON Schema and through the app's reader and validator, get the same verdict.
 */
class LandscapeSchemaTest {

  static final Path SCHEMA = Path.of("..", "landscape.schema.json");
  static JsonNode schema;
  static Schema validator;

  @BeforeAll
  static void load() throws IOException {
    String text = Files.readString(SCHEMA);
    schema = new ObjectMapper().readTree(text);
    validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
  }

  @Test
  void everyObjectOfTheSchemaHasExactlyTheKeysOfItsJavaRecord() {
    List<String> problems = new ArrayList<>();
    compare(LandscapeFile.class, schema, "landscape", problems);
    assertThat(problems).isEmpty();
  }

  @Test
  void theEmbeddedDefaultLandscapeValidatesAgainstTheSchema() {
    assertThat(validator.validate(LandscapeReader.defaultText(), InputFormat.YAML)).isEmpty();
  }

  @Test
  void theSchemaRejectsAnUnknownKeyAsTheAppDoes() {
    assertThat(validator.validate("name: shop\nregion: eu-west-1\navailabilityZones: [eu-west-1a]\nnetwrok: {}\n",
        InputFormat.YAML)).isNotEmpty();
  }

  @Test
  void theSchemasNatStrategiesAreTheAppsNatStrategies() {
    assertThat(strings(schema.at("/properties/network/properties/nat/enum"))).isEqualTo(Vocabulary.NAT.names());
    assertThat(strings(schema.at("/properties/network/properties/flowLogs/properties/destination/enum")))
        .isEqualTo(Vocabulary.FLOW_LOG_DESTINATION.names());
  }

  @Test
  void theSchemasCloudWatchRetentionsAreTheAppsRetentions() {
    assertThat(schema.at("/properties/network/properties/flowLogs/then/properties/retentionDays/enum"))
        .extracting(com.fasterxml.jackson.databind.JsonNode::asInt)
        .isEqualTo(io.github.zonewise.network.ZonalVpcProps.RETENTION_DAYS);
  }

  @Test
  void theSchemasEndpointNamesAreTheAppsEndpointNames() {
    assertThat(strings(schema.at("/properties/network/properties/gatewayEndpoints/items/enum"))).isEqualTo(VpcEndpoints.GATEWAY);
    assertThat(strings(schema.at("/properties/network/properties/interfaceEndpoints/items/enum"))).isEqualTo(VpcEndpoints.INTERFACE);
  }

  @Test
  void theSchemasRegionsAreTheAppsRegions() {
    assertThat(strings(schema.at("/properties/region/enum"))).isEqualTo(AwsRegions.names());
  }

  @Test
  void theSchemasReservedNamesAreTheTrafficEndsOfOtherKinds() {
    List<String> reserved = new ArrayList<>(List.of(TrafficEnd.INTERNET));
    reserved.addAll(TrafficEnd.awsServices());
    reserved.addAll(AwsRegions.names());
    assertThat(strings(schema.at("/properties/services/items/properties/name/not/enum"))).isEqualTo(reserved);
    assertThat(strings(schema.at("/properties/interconnect/properties/vpcs/items/properties/name/not/enum")))
        .isEqualTo(reserved);
  }

  @Test
  void theSchemasRulesForImagesCategoriesAndSystemNodesAreTheApps() {
    assertThat(schema.at("/properties/services/items/properties/image/pattern").asText())
        .isEqualTo("^" + KubernetesValues.IMAGE_REFERENCE.pattern() + "$");
    assertThat(strings(schema.at("/properties/nodePools/items/properties/instanceCategories/items/enum")))
        .isEqualTo(KarpenterNames.INSTANCE_CATEGORIES);
    assertThat(schema.at("/properties/cluster/properties/systemNodes/properties/perAz/maximum").asInt())
        .isEqualTo(SystemNodes.MAX_PER_AZ);
  }

  static final String HEAD = "name: shop\nregion: eu-west-1\navailabilityZones: [eu-west-1a, eu-west-1b, eu-west-1c]\n";

  static String service(String fields) {
    return HEAD + "services:\n  - {name: web, image: nginx:1.27, port: 8080, " + fields + "}\n";
  }

  static String port(String port) {
    return HEAD + "services:\n  - {name: web, image: nginx:1.27, port: " + port + "}\n";
  }

  static final String CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789";

  static String alb(String more) {
    return HEAD + "services:\n  - {name: web, image: nginx:1.27, port: 8080, expose: alb, scheme: internet-facing, "
        + more + "}\n";
  }

  static String image(String image) {
    return HEAD + "services:\n  - {name: web, image: " + image + ", port: 8080}\n";
  }

  static String named(String name) {
    return HEAD + "services:\n  - {name: " + name + ", image: nginx:1.27, port: 8080}\n";
  }

  static String cluster(String fields) {
    return HEAD + "cluster: {" + fields + "}\n";
  }

  static String publicCidrs(String cidrs) {
    return cluster("endpoint: privateAndRestrictedPublic, publicCidrs: [" + cidrs + "]");
  }

  static String flow(String fields) {
    return HEAD + "services:\n  - {name: web, image: nginx:1.27, port: 8080}\ntraffic:\n  - {" + fields + "}\n";
  }

  /**
   * Inputs whose verdict the schema can reach as the app does: types as YAML types them, whole numbers,
   * ranges, patterns, enums, lists of unique items and empty values. (What needs the rest of the landscape
   * — an AZ of the region, overlapping CIDRs, the landscape's region as failover.from, a name of a peer
   * VPC, a colocation circle — only the app checks.)
   */
  static Stream<Arguments> inputs() {
    String hex = "0123456789abcdef".repeat(4);
    String cidrs41 = String.join(", ", java.util.stream.IntStream.range(0, 41).mapToObj(i -> "203.0." + i + ".0/24")
        .toList());
    return Stream.of(
        Arguments.of("a whole port", port("8080"), true),
        Arguments.of("a port written as a whole float", port("8080.0"), true),
        Arguments.of("a port in exponent form", port("1e3"), true),
        Arguments.of("a quoted port", port("'8080'"), false),
        Arguments.of("a port with a fraction", port("8080.5"), false),
        Arguments.of("port 0", port("0"), false),
        Arguments.of("port 65536", port("65536"), false),
        Arguments.of("an infinite port", port(".inf"), false),
        Arguments.of("a not-a-number port", port(".nan"), false),
        Arguments.of("a port beyond any integer", port("99999999999999999999"), false),
        Arguments.of("a boolean port", port("true"), false),
        Arguments.of("a list as port", port("[8080]"), false),
        Arguments.of("an ALB with a certificate", alb("certificateArn: " + CERTIFICATE), true),
        Arguments.of("an ALB with a certificate ARN in GovCloud form", alb("certificateArn: "
            + CERTIFICATE.replace("arn:aws:", "arn:aws-us-gov:")), true),
        Arguments.of("a certificate ARN of IAM", alb("certificateArn: arn:aws:iam::123456789012:server-certificate/web"),
            false),
        Arguments.of("a certificate ARN without its id", alb("certificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/"),
            false),
        Arguments.of("a certificate ARN of a short account", alb("certificateArn: "
            + CERTIFICATE.replace("123456789012", "12345")), false),
        Arguments.of("replicas 2", service("replicas: 2"), true),
        Arguments.of("replicas 0", service("replicas: 0"), false),
        Arguments.of("replicas 2.5", service("replicas: 2.5"), false),
        Arguments.of("singleAz true", HEAD + "singleAz: true\n", true),
        Arguments.of("singleAz quoted", HEAD + "singleAz: 'true'\n", false),
        Arguments.of("singleAz yes (a string in YAML 1.2)", HEAD + "singleAz: yes\n", false),
        Arguments.of("singleAz True (a string in YAML's JSON schema)", HEAD + "singleAz: True\n", false),
        Arguments.of("a quoted version", cluster("version: '1.35'"), true),
        Arguments.of("an unquoted version (a number)", cluster("version: 1.35"), false),
        Arguments.of("a quoted account", HEAD + "account: '123456789012'\n", true),
        Arguments.of("an unquoted account (a number)", HEAD + "account: 123456789012\n", false),
        Arguments.of("a name of letters and digits", HEAD.replace("name: shop", "name: shop1"), true),
        Arguments.of("a name of digits", HEAD.replace("name: shop", "name: '123'"), false),
        Arguments.of("a name starting with a digit", HEAD.replace("name: shop", "name: 1shop"), false),
        Arguments.of("namespace no (a string in YAML 1.2)", service("namespace: no"), true),
        Arguments.of("an empty section", HEAD + "cluster:\n", false),
        Arguments.of("an empty value", service("routing:"), false),
        Arguments.of("a retention of 30", HEAD + "network: {flowLogs: {retentionDays: 30}}\n", true),
        Arguments.of("a retention of 30.5", HEAD + "network: {flowLogs: {retentionDays: 30.5}}\n", false),
        Arguments.of("a retention of 0", HEAD + "network: {flowLogs: {retentionDays: 0}}\n", false),
        Arguments.of("an S3 retention CloudWatch does not offer", HEAD + "network: {flowLogs: {retentionDays: 31}}\n",
            true),
        Arguments.of("a CloudWatch retention of 30", HEAD
            + "network: {flowLogs: {destination: cloudwatch, retentionDays: 30}}\n", true),
        Arguments.of("a retention CloudWatch does not offer", HEAD
            + "network: {flowLogs: {destination: cloudwatch, retentionDays: 31}}\n", false),
        Arguments.of("an unknown flow-log destination", HEAD + "network: {flowLogs: {destination: kinesis}}\n", false),
        Arguments.of("a flow-log destination of the wrong case", HEAD + "network: {flowLogs: {destination: S3}}\n",
            false),
        Arguments.of("gb 0", flow("from: web, to: s3, gb: 0"), true),
        Arguments.of("gb 2.5", flow("from: web, to: s3, gb: 2.5"), true),
        Arguments.of("gb -1", flow("from: web, to: s3, gb: -1"), false),
        Arguments.of("gb .nan", flow("from: web, to: s3, gb: .nan"), false),
        Arguments.of("gb quoted", flow("from: web, to: s3, gb: '5'"), false),
        Arguments.of("an empty flow end", flow("from: '', to: s3, gb: 5"), false),
        Arguments.of("hoursPerMonth 730", HEAD + "prices: {hoursPerMonth: 730}\n", true),
        Arguments.of("hoursPerMonth 0", HEAD + "prices: {hoursPerMonth: 0}\n", false),
        Arguments.of("hoursPerMonth 745", HEAD + "prices: {hoursPerMonth: 745}\n", false),
        Arguments.of("albGbPerLcuHour 0", HEAD + "prices: {albGbPerLcuHour: 0}\n", false),
        Arguments.of("natGatewayHour 0", HEAD + "prices: {natGatewayHour: 0}\n", true),
        Arguments.of("a negative price", HEAD + "prices: {natGatewayHour: -0.01}\n", false),
        Arguments.of("perAz 450", cluster("systemNodes: {perAz: 450}"), true),
        Arguments.of("perAz 451", cluster("systemNodes: {perAz: 451}"), false),
        Arguments.of("perAz 5000", cluster("systemNodes: {perAz: 5000}"), false),
        Arguments.of("a public CIDR", publicCidrs("198.51.100.0/24"), true),
        Arguments.of("a private CIDR", publicCidrs("10.0.0.0/8"), false),
        Arguments.of("a private CIDR of 192.168", publicCidrs("192.168.1.0/24"), false),
        Arguments.of("a carrier-grade NAT CIDR", publicCidrs("100.64.0.0/16"), false),
        Arguments.of("a loopback CIDR", publicCidrs("127.0.0.1/32"), false),
        Arguments.of("the open internet with the opt-in", cluster("endpoint: privateAndRestrictedPublic, publicCidrs:"
            + " [0.0.0.0/0], allowOpenPublicEndpoint: true"), true),
        Arguments.of("41 public CIDRs", publicCidrs(cidrs41), false),
        Arguments.of("a CIDR listed twice", publicCidrs("198.51.100.0/24, 198.51.100.0/24"), false),
        Arguments.of("an image with a tag", image("nginx:1.27"), true),
        Arguments.of("an image of a registry with a path", image("public.ecr.aws/nginx/nginx:1.27"), true),
        Arguments.of("an image of a registry with a port and a digest", image("localhost:5000/team/app@sha256:" + hex),
            true),
        Arguments.of("an image of the registry of the account placeholder",
            image("'${AWS_ACCOUNT_ID}.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2'"), true),
        Arguments.of("an image of an upper-case repository", image("Nginx:1.27"), false),
        Arguments.of("an image with an empty tag", image("'nginx:'"), false),
        Arguments.of("an image with an empty path component", image("team//app"), false),
        Arguments.of("an image with a short digest", image("nginx@sha256:abc"), false),
        Arguments.of("instance categories c and m", HEAD + "nodePools:\n  - {name: general, instanceCategories: [c, m]}\n",
            true),
        Arguments.of("an unknown instance category", HEAD + "nodePools:\n  - {name: general, instanceCategories: [q]}\n",
            false),
        Arguments.of("an instance category twice", HEAD + "nodePools:\n  - {name: general, instanceCategories: [c, c]}\n",
            false),
        Arguments.of("a service named like an AWS service", named("s3"), false),
        Arguments.of("a service named internet", named("internet"), false),
        Arguments.of("a service named like a region", named("us-east-1"), false),
        Arguments.of("one failover", service("locality: {failover: [{from: eu-west-1, to: eu-central-1}]}"), true),
        Arguments.of("two failovers", service("locality: {failover: [{from: eu-west-1, to: eu-central-1},"
            + " {from: eu-west-1, to: us-east-1}]}"), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void theSchemaAndTheAppAgree(String what, String yaml, boolean valid) {
    boolean schemaAccepts = validator.validate(yaml, InputFormat.YAML).isEmpty();
    boolean appAccepts;
    try {
      LandscapeValidator.validate(LandscapeReader.parse(yaml, "landscape.yaml"), "landscape.yaml");
      appAccepts = true;
    } catch (LandscapeException e) {
      appAccepts = false;
    }
    assertThat(List.of(schemaAccepts, appAccepts)).as("schema, app: " + what).containsExactly(valid, valid);
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Walks a record type and its schema object side by side. */
  static void compare(Class<?> type, JsonNode object, String where, List<String> problems) {
    List<String> javaKeys = Arrays.stream(type.getRecordComponents())
        .filter(c -> !c.getAccessor().isAnnotationPresent(JsonIgnore.class)).map(RecordComponent::getName).sorted()
        .toList();
    List<String> schemaKeys = new ArrayList<>();
    for (Iterator<String> it = object.path("properties").fieldNames(); it.hasNext(); ) {
      schemaKeys.add(it.next());
    }
    schemaKeys.sort(null);
    if (!javaKeys.equals(schemaKeys)) {
      problems.add(where + ": Java " + javaKeys + " vs schema " + schemaKeys);
    }
    if (!object.path("additionalProperties").isBoolean() || object.path("additionalProperties").asBoolean()) {
      problems.add(where + ": additionalProperties must be false");
    }
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
        continue;
      }
      JsonNode property = object.path("properties").path(c.getName());
      descend(c.getGenericType(), property, where + "." + c.getName(), problems);
    }
  }

  static void descend(Type type, JsonNode property, String where, List<String> problems) {
    if (type instanceof Class<?> cls && cls.isRecord()) {
      compare(cls, property, where, problems);
    } else if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      descend(p.getActualTypeArguments()[0], property.path("items"), where + "[]", problems);
    } else if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
      descend(p.getActualTypeArguments()[1], property.path("additionalProperties"), where + "{}", problems);
    }
  }
}
