package io.github.zonewise.spec;

import io.github.zonewise.design.LandscapeDesign;
import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.network.FlowLogDestination;
import io.github.zonewise.network.NatStrategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The top level and the network section: one test per message, asserting it exactly. */
class LandscapeInputTest {

  static final String HEAD = "name: shop\nregion: eu-west-1\n";

  static ValidatedLandscape check(String yaml) {
    return LandscapeValidator.validate(LandscapeReader.parse(yaml, "landscape.yaml"), "landscape.yaml");
  }

  static void fails(String yaml, String message) {
    assertThatThrownBy(() -> check(yaml)).isInstanceOf(LandscapeException.class).hasMessage(message);
  }

  @Test
  void theEmbeddedDefaultIsValid() {
    ValidatedLandscape d = LandscapeValidator.validate(LandscapeReader.readDefault(), "default");
    assertThat(d.spec().name()).isEqualTo("shop");
    assertThat(d.spec().region()).isEqualTo("eu-west-1");
    assertThat(d.spec().availabilityZones()).containsExactly("eu-west-1a", "eu-west-1b", "eu-west-1c");
  }

  @Test
  void networkDefaultsAreFilledIn() {
    ValidatedLandscape checked = check(HEAD + "availabilityZones: [eu-west-1a, eu-west-1b]\n");
    NetworkSpec n = checked.spec().network();
    LandscapeDesign design = LandscapeDesign.of(checked, PriceBook.defaults());
    assertThat(n.cidr()).hasToString("10.0.0.0/16");
    assertThat(design.nat()).isEqualTo(NatStrategy.perAz());
    assertThat(n.gatewayEndpoints()).containsExactly("s3", "dynamodb");
    // left open: the design step keeps the interface endpoints that pay for themselves (none without traffic)
    assertThat(n.interfaceEndpoints()).isEmpty();
    assertThat(design.interfaceEndpoints()).isEmpty();
    assertThat(design.decided()).extracting(LandscapeDesign.Decision::field)
        .contains("network.nat", "network.interfaceEndpoints");
    assertThat(n.flowLogRetentionDays()).isEqualTo(30);
    assertThat(n.flowLogDestination()).isEqualTo(FlowLogDestination.s3());
  }

  @Test
  void cloudwatchIsAFlowLogDestination() {
    NetworkSpec n = check(HEAD + "availabilityZones: [eu-west-1a, eu-west-1b]\nnetwork:\n  flowLogs:\n"
        + "    destination: cloudwatch\n    retentionDays: 90\n").spec().network();
    assertThat(n.flowLogDestination()).isEqualTo(FlowLogDestination.cloudWatch());
    assertThat(n.flowLogRetentionDays()).isEqualTo(90);
  }

  @Test
  void anS3ArchiveKeepsAnyWholeNumberOfDays() {
    assertThat(check(HEAD + "availabilityZones: [eu-west-1a, eu-west-1b]\nnetwork:\n  flowLogs: {retentionDays: 45}\n")
        .spec().network().flowLogRetentionDays()).isEqualTo(45);
  }

  @Test
  void anUnknownFlowLogDestinationIsRejected() {
    fails(HEAD + "availabilityZones: [eu-west-1a, eu-west-1b]\nnetwork:\n  flowLogs:\n    destination: cloudWatch\n",
        "network.flowLogs.destination: 'cloudWatch' is not a flow-log destination; did you mean 'cloudwatch'? use one"
            + " of s3, cloudwatch (line 6, column 18)");
  }

  @Test
  void anS3RetentionBelowADayIsRejected() {
    fails(HEAD + "availabilityZones: [eu-west-1a, eu-west-1b]\nnetwork:\n  flowLogs: {retentionDays: 0}\n",
        "network.flowLogs.retentionDays: 0 keeps no flow log; keep them at least 1 day (line 5, column 29)");
  }

  @Test
  void anAzOfAnotherRegionIsRejected() {
    fails(HEAD + "availabilityZones: [eu-west-1a, us-east-1b]\n",
        "availabilityZones[1]: 'us-east-1b' is not an AZ of region eu-west-1; use one of [eu-west-1a, eu-west-1b, eu-west-1c] (line 3, column 33)");
  }

  @Test
  void anAzTheRegionDoesNotHaveIsRejected() {
    fails(HEAD + "availabilityZones: [eu-west-1a, eu-west-1d]\n",
        "availabilityZones[1]: 'eu-west-1d' is not an AZ of region eu-west-1; use one of [eu-west-1a, eu-west-1b, eu-west-1c] (line 3, column 33)");
  }

  @Test
  void aDuplicateAzIsRejected() {
    fails(HEAD + "availabilityZones: [eu-west-1a, eu-west-1b, eu-west-1a]\n",
        "availabilityZones[2]: 'eu-west-1a' is listed twice; list each AZ once (line 3, column 45)");
  }

  @Test
  void fewerThanTwoAzsAreRejected() {
    fails(HEAD + "availabilityZones: [eu-west-1a]\n",
        "availabilityZones: [eu-west-1a] has fewer than two AZs; list at least two for high availability,"
            + " or set singleAz: true to accept a single AZ (no high availability) (line 3, column 20)");
  }

  @Test
  void missingAzsAreRejected() {
    fails(HEAD, "availabilityZones: is missing; list at least two AZs of eu-west-1, e.g. [eu-west-1a, eu-west-1b, eu-west-1c]");
  }

  @Test
  void oneAzIsAcceptedWithTheSingleAzOptInAndAWarning() {
    ValidatedLandscape v = check(HEAD + "singleAz: true\navailabilityZones: [eu-west-1a]\n");
    assertThat(v.spec().availabilityZones()).containsExactly("eu-west-1a");
    assertThat(v.warnings()).containsExactly("availabilityZones: one AZ (singleAz: true) has no high availability:"
        + " an AZ outage stops every service");
  }

  @Test
  void anInvalidCidrIsRejected() {
    fails(HEAD + "availabilityZones: [eu-west-1a, eu-west-1b]\nnetwork:\n  cidr: 10.0.0/16\n",
        "network.cidr: '10.0.0/16' is not a CIDR block; write one such as 10.0.0.0/16 (line 5, column 9)");
  }

  @Test
  void aCidrWithHostBitsIsRejectedWithItsNetworkAddress() {
    fails(HEAD + "availabilityZones: [eu-west-1a, eu-west-1b]\nnetwork:\n  cidr: 10.0.0.1/16\n",
        "network.cidr: '10.0.0.1/16' has host bits set; write 10.0.0.0/16 (line 5, column 9)");
  }

  @Test
  void aCidrTooSmallForTheSubnetPlanIsRejected() {
    fails(HEAD + "availabilityZones: [eu-west-1a, eu-west-1b]\nnetwork:\n  cidr: 10.0.0.0/24\n",
        "network.cidr: '10.0.0.0/24' is too small for the subnet plan (a private subnet of /23 or more per AZ for"
            + " nodes and pods); use a /16 to /20 (line 5, column 9)");
  }

  @Test
  void aCidrLargerThanAVpcIsRejected() {
    fails(HEAD + "availabilityZones: [eu-west-1a, eu-west-1b]\nnetwork:\n  cidr: 10.0.0.0/8\n",
        "network.cidr: '10.0.0.0/8' is larger than AWS allows for a VPC; use a /16 to /20 (line 5, column 9)");
  }

  @Test
  void anUnknownNatStrategyIsRejected() {
    fails(HEAD + "availabilityZones: [eu-west-1a, eu-west-1b]\nnetwork:\n  nat: perZone\n",
        "network.nat: 'perZone' is not a NAT strategy; use one of perAz, single, regional, none (line 5, column 8)");
  }

  @Test
  void anUnknownGatewayEndpointIsRejectedWithTheNearestName() {
    fails(HEAD + "availabilityZones: [eu-west-1a, eu-west-1b]\nnetwork:\n  gatewayEndpoints: [s4]\n",
        "network.gatewayEndpoints[0]: 's4' is not a known gateway endpoint; did you mean 's3'? use one of s3, dynamodb (line 5, column 22)");
  }

  @Test
  void anUnknownInterfaceEndpointIsRejectedWithTheNearestName() {
    assertThatThrownBy(() -> check(HEAD + "availabilityZones: [eu-west-1a, eu-west-1b]\nnetwork:\n"
        + "  interfaceEndpoints: [sts, ecr-api]\n"))
        .hasMessageStartingWith("network.interfaceEndpoints[1]: 'ecr-api' is not a known interface endpoint;"
            + " did you mean 'ecr.api'? use one of ecr.api, ecr.dkr, sts, logs, eks, eks-auth,");
  }

  @Test
  void aDuplicateEndpointIsRejected() {
    fails(HEAD + "availabilityZones: [eu-west-1a, eu-west-1b]\nnetwork:\n  gatewayEndpoints: [s3, s3]\n",
        "network.gatewayEndpoints[1]: 's3' is listed twice; list each gateway endpoint once (line 5, column 26)");
  }

  @Test
  void aRetentionCloudWatchDoesNotOfferIsRejected() {
    fails(HEAD + "availabilityZones: [eu-west-1a, eu-west-1b]\nnetwork:\n  flowLogs:\n    destination: cloudwatch\n"
            + "    retentionDays: 31\n",
        "network.flowLogs.retentionDays: 31 is not a retention CloudWatch Logs offers; use one of [1, 3, 5, 7, 14, 30,"
            + " 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] (line 7, column 20)");
  }

  @Test
  void anUnknownTopLevelKeyIsRejectedWithWhereAndTheNearestKey() {
    fails(HEAD + "availabilityZones: [eu-west-1a, eu-west-1b]\nnetwrok:\n  nat: single\n",
        "netwrok: unknown key in the landscape; did you mean 'network'? known keys: account,"
            + " availabilityZones, cluster, interconnect, name, network, nodePools, prices, region, registry,"
            + " services, singleAz, traffic (line 4, column 1)");
  }

  @Test
  void anUnknownNestedKeyIsRejectedWithItsPath() {
    fails(HEAD + "availabilityZones: [eu-west-1a, eu-west-1b]\nnetwork:\n  natt: single\n",
        "network.natt: unknown key in network; did you mean 'nat'? known keys: cidr,"
            + " flowLogs, gatewayEndpoints, interfaceEndpoints, nat (line 5, column 3)");
  }

  @Test
  void anUnknownKeyInAListItemIsRejectedWithItsIndex() {
    fails(HEAD + "availabilityZones: [eu-west-1a, eu-west-1b]\nservices:\n  - name: orders\n    replica: 3\n",
        "services[0].replica: unknown key in services[0]; did you mean 'replicas'? known keys: certificateArn, colocateWith, expose,"
            + " image, locality, name, namespace, port, replicas, routing, scheme (line 6, column 5)");
  }

  @Test
  void malformedYamlIsRejectedWithLineAndColumn() {
    fails(HEAD + "availabilityZones: [eu-west-1a, eu-west-1b\nnetwork:\n  nat: single\n",
        "landscape.yaml: malformed YAML: while parsing a flow sequence: expected ',' or ']', but got :; fix the"
            + " indentation or quoting there (line 4, column 8)");
  }

  @Test
  void aValueOfTheWrongTypeIsRejectedWithItsPath() {
    fails(HEAD + "availabilityZones: [eu-west-1a, eu-west-1b]\nnetwork:\n  flowLogs: {retentionDays: thirty}\n",
        "network.flowLogs.retentionDays: 'thirty' is a string, not a whole number; write days the flow logs are kept,"
            + " a whole number such as 30 (line 5, column 29)");
  }

  @Test
  void aMissingLandscapeFileIsRejected() {
    assertThatThrownBy(() -> LandscapeReader.read(Path.of("no/such/landscape.yaml")))
        .isInstanceOf(LandscapeException.class)
        .hasMessage("landscape: file 'no/such/landscape.yaml' does not exist; pass an existing file with"
            + " -c landscape=PATH, or leave it out to use the embedded default");
  }

  @Test
  void anEmptyLandscapeIsRejected() {
    assertThatThrownBy(() -> check("# nothing\n"))
        .hasMessage("landscape: landscape.yaml is empty; start from the embedded default in README.md");
  }

  @Test
  void aMissingNameIsRejected() {
    fails("region: eu-west-1\navailabilityZones: [eu-west-1a, eu-west-1b]\n",
        "name: is missing; it is required (see the landscape format in README.md)");
  }

  @Test
  void aNameThatIsNotADnsLabelIsRejected() {
    fails("name: Shop_1\nregion: eu-west-1\navailabilityZones: [eu-west-1a, eu-west-1b]\n",
        "name: 'Shop_1' is not a DNS-1123 label; use at most 63 lower-case letters, digits and '-', starting and"
            + " ending with a letter or digit (line 1, column 7)");
  }

  @Test
  void aNameOfDigitsIsRejectedForTheStackNamesItMakes() {
    fails("name: '123'\nregion: eu-west-1\navailabilityZones: [eu-west-1a, eu-west-1b]\n",
        "name: '123' makes the stack name 123-network, and a CloudFormation stack name starts with a letter and holds"
            + " only letters, digits and '-'; start the name with a letter (line 1, column 7)");
  }

  @Test
  void aNameStartingWithADigitIsRejectedForTheStackNamesItMakes() {
    fails("name: 1shop\nregion: eu-west-1\navailabilityZones: [eu-west-1a, eu-west-1b]\ncluster: {}\n",
        "name: '1shop' makes the stack name 1shop-network, and a CloudFormation stack name starts with a letter and"
            + " holds only letters, digits and '-'; start the name with a letter (line 1, column 7)");
  }

  @Test
  void anUnknownRegionIsRejected() {
    assertThatThrownBy(() -> check("name: shop\nregion: eu-west-9\navailabilityZones: [eu-west-9a, eu-west-9b]\n"))
        .hasMessageStartingWith("region: 'eu-west-9' is not an AWS region; use one of [af-south-1, ap-east-1,");
  }

  @Test
  void anAccountThatIsNotTwelveDigitsIsRejected() {
    fails(HEAD + "account: '12345'\navailabilityZones: [eu-west-1a, eu-west-1b]\n",
        "account: '12345' is not an AWS account id; write its 12 digits, e.g. '123456789012' (quoted, so YAML keeps"
            + " leading zeros) (line 3, column 10)");
  }

  @Test
  void aDuplicateKeyIsRejected() {
    fails(HEAD + "availabilityZones: [eu-west-1a, eu-west-1b]\nnetwork:\n  nat: single\n  nat: none\n",
        "network.nat: is written twice, first at line 5, column 3; keep one of them (line 6, column 3)");
  }
}
