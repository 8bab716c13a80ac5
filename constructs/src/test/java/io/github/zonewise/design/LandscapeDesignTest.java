package io.github.zonewise.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.interconnect.Interconnect;
import io.github.zonewise.network.NatStrategy;
import io.github.zonewise.spec.LandscapeException;
import io.github.zonewise.spec.LandscapeReader;
import io.github.zonewise.spec.LandscapeValidator;
import io.github.zonewise.spec.ValidatedLandscape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The design step's decisions, computed by hand on both sides of each break-even (us-east-1 list
 * prices: NAT $0.045/GB and $0.045/h, interface endpoint $0.01/h per AZ and $0.01/GB, Transit Gateway
 * $0.05 per attachment-hour and $0.02/GB, cross-AZ $0.01/GB each way, 730 h a month).
 */
class LandscapeDesignTest {

  static final String HEAD = """
      name: shop
      region: us-east-1
      availabilityZones: [us-east-1a, us-east-1b]
      services:
        - {name: orders, image: orders:1.0.0, port: 8080, replicas: 2}
      """;

  static LandscapeDesign design(String yaml) {
    ValidatedLandscape v = LandscapeValidator.validate(LandscapeReader.parse(yaml, "test"), "test");
    return LandscapeDesign.of(v, PriceBook.forRegion("us-east-1"));
  }

  static LandscapeDesign.Decision decision(LandscapeDesign d, String field) {
    return d.decisions().stream().filter(x -> x.field().equals(field)).findFirst().orElseThrow();
  }

  // ---------------------------------------------------------------- interface endpoints

  @Test
  void anInterfaceEndpointAboveItsBreakEvenIsCreated() {
    // 2 AZs × $0.01 × 730 h = $14.60 a month; it saves $0.045 − $0.01 = $0.035/GB of NAT processing:
    // break-even 14.60 / 0.035 = 417.1 GB. At 500 GB: NAT 500 × $0.045 = $22.50 against $14.60 + $5 = $19.60
    LandscapeDesign d = design(HEAD + "traffic:\n  - {from: orders, to: sts, gb: 500}\n");
    assertThat(d.interfaceEndpoints()).containsExactly("sts");
    assertThat(decision(d, "network.interfaceEndpoints").reason()).contains("sts (saves $2.90)");
  }

  @Test
  void anInterfaceEndpointBelowItsBreakEvenIsLeftToTheNat() {
    // at 400 GB: NAT 400 × $0.045 = $18.00 against $14.60 + $4.00 = $18.60: $0.60 more with the endpoint
    LandscapeDesign d = design(HEAD + "traffic:\n  - {from: orders, to: sts, gb: 400}\n");
    assertThat(d.interfaceEndpoints()).isEmpty();
    assertThat(decision(d, "network.interfaceEndpoints").reason()).contains("sts (would cost $0.60 more)");
  }

  @Test
  void withoutANatGatewayTheEndpointsTrafficNeedsAreCreatedAtAnyVolume() {
    LandscapeDesign d = design(HEAD.replace("services:", "network: {nat: none}\nservices:")
        + "traffic:\n  - {from: orders, to: sts, gb: 1}\n  - {from: orders, to: ecr, gb: 1}\n");
    assertThat(d.interfaceEndpoints()).containsExactly("ecr.api", "ecr.dkr", "sts");
  }

  @Test
  void withoutANatGatewayAClusterGetsTheEndpointsItsNodesNeed() {
    LandscapeDesign d = design(HEAD.replace("services:", "network: {nat: none}\ncluster: {}\nservices:")
        + "traffic: []\n");
    assertThat(d.interfaceEndpoints()).containsExactly("ecr.api", "ecr.dkr", "sts", "eks-auth");
  }

  @Test
  void aClusterWithANatGatewayGetsNoEndpointItsTrafficDoesNotPayFor() {
    LandscapeDesign d = design(HEAD.replace("services:", "cluster: {}\nservices:") + "traffic: []\n");
    assertThat(d.interfaceEndpoints()).isEmpty();
  }

  @Test
  void aWrittenEndpointListIsBuiltAsWritten() {
    LandscapeDesign d = design(HEAD.replace("services:", "network: {interfaceEndpoints: [logs]}\nservices:")
        + "traffic: []\n");
    assertThat(d.interfaceEndpoints()).containsExactly("logs");
    assertThat(decision(d, "network.interfaceEndpoints").written()).isTrue();
    assertThat(d.decided()).extracting(LandscapeDesign.Decision::field).doesNotContain("network.interfaceEndpoints");
  }

  // ---------------------------------------------------------------- interconnect

  static final String PEERS = HEAD + """
      interconnect:
        vpcs:
          - {name: payments, cidr: 10.1.0.0/16}
          - {name: analytics, cidr: 10.2.0.0/16}
      """;

  @Test
  void twoPeersThatDoNotTalkToEachOtherArePeered() {
    // peering: no hourly charge; 100 GB to payments with 1/2 crossing an AZ: 100 × 1/2 × 2 × $0.01 = $1.00.
    // Transit Gateway: 3 attachments × $0.05 × 730 h = $109.50 + 100 × $0.02 = $111.50: $110.50 more
    LandscapeDesign d = design(PEERS + "traffic:\n  - {from: orders, to: payments, gb: 100}\n");
    assertThat(d.interconnectMode()).contains(Interconnect.peering());
    LandscapeDesign.Decision x = decision(d, "interconnect.mode");
    assertThat(x.options().get("transitGateway") - x.options().get("peering")).isCloseTo(110.50, within(1e-9));
    assertThat(x.reason()).isEqualTo("no flow runs between two peers, so a star of peering connections routes every"
        + " flow, for $110.50 a month less than a Transit Gateway");
  }

  @Test
  void aFlowBetweenTwoPeersNeedsATransitGatewayAndTheLineNamesIt() {
    LandscapeDesign d = design(PEERS + "traffic:\n  - {from: payments, to: analytics, gb: 1}\n");
    assertThat(d.interconnectMode()).contains(Interconnect.transitGateway());
    assertThat(decision(d, "interconnect.mode").reason()).isEqualTo("traffic[0] (payments → analytics) between two"
        + " peers need routing peering cannot give (it is not transitive)");
    assertThat(d.transitSubnets()).isTrue();
  }

  @Test
  void aWrittenInterconnectIsBuiltAsWritten() {
    LandscapeDesign d = design(PEERS.replace("interconnect:\n", "interconnect:\n  mode: transitGateway\n")
        + "traffic: []\n");
    assertThat(d.interconnectMode()).contains(Interconnect.transitGateway());
    assertThat(decision(d, "interconnect.mode").written()).isTrue();
  }

  // ---------------------------------------------------------------- NAT

  @Test
  void theNatStaysOnePerAzEvenWhereOneWouldBeCheaper() {
    // one NAT saves a gateway ($32.85 + $3.65 IPv4 = $36.50) against 100 GB × 1/2 × 2 × $0.01 = $1 of cross-AZ
    // bytes, but gives up zone-redundant egress: the design step never does that on its own
    LandscapeDesign d = design(HEAD + "traffic:\n  - {from: orders, to: internet, gb: 100}\n");
    assertThat(d.nat()).isEqualTo(NatStrategy.perAz());
    LandscapeDesign.Decision x = decision(d, "network.nat");
    assertThat(x.options().get("perAz") - x.options().get("single (not zone-redundant)")).isCloseTo(35.50,
        within(1e-9));
    assertThat(x.options().get("regional")).isEqualTo(x.options().get("perAz"));
  }

  @Test
  void aWrittenSingleNatIsWarnedWithWhatItSavesAndWhatItGivesUp() {
    LandscapeDesign d = design(HEAD.replace("services:", "network: {nat: single}\nservices:")
        + "traffic:\n  - {from: orders, to: internet, gb: 100}\n");
    assertThat(d.nat()).isEqualTo(NatStrategy.single());
    assertThat(d.warnings()).containsExactly("network.nat: single, chosen in the landscape: saves $35.50 a month"
        + " against perAz at this traffic; the other AZs' egress crosses an AZ to the gateway in us-east-1a, and"
        + " egress of the whole VPC stops when that AZ fails");
    assertThat(d.suppressions()).extracting(LandscapeDesign.Suppression::rule).containsExactly("ZW-NAT1");
  }

  // ---------------------------------------------------------------- what cannot be honoured

  @Test
  void anInternetFlowIntoAServiceBehindAnInternalLoadBalancerFailsNamingTheFlow() {
    assertThatThrownBy(() -> design(HEAD.replace("replicas: 2}", "replicas: 2, expose: nlb}")
        + "traffic:\n  - {from: internet, to: orders, gb: 10}\n"))
        .isInstanceOf(LandscapeException.class)
        .hasMessage("traffic[0].to: 'orders' is exposed through an internal load balancer (services[0].scheme:"
            + " internal), which nothing on the internet reaches; set services[0].scheme: internet-facing, or remove"
            + " the flow (line 7, column 26)");
  }

  @Test
  void anInternetFlowWithoutANatAndWithoutALoadBalancerFailsNamingTheFlow() {
    assertThatThrownBy(() -> design(HEAD.replace("services:", "network: {nat: none}\nservices:")
        + "traffic:\n  - {from: orders, to: internet, gb: 10}\n"))
        .isInstanceOf(LandscapeException.class)
        .hasMessage("traffic[0]: 'orders → internet' has no path: network.nat is none and orders has no"
            + " internet-facing load balancer; set network.nat: perAz, or expose orders (services[0].expose with"
            + " scheme: internet-facing) (line 8, column 5)");
  }

  // ---------------------------------------------------------------- stability

  @Test
  void theSameLandscapeAndTrafficGiveTheSameDesign() {
    String yaml = PEERS + "traffic:\n  - {from: orders, to: sts, gb: 500}\n  - {from: orders, to: payments, gb: 5}\n";
    List<LandscapeDesign.Decision> first = design(yaml).decisions();
    for (int i = 0; i < 3; i++) {
      assertThat(design(yaml).decisions()).isEqualTo(first);
    }
  }

  @Test
  void theDefaultTrafficProfileIsSaidToBeTheDefault() {
    assertThat(design(HEAD).traffic().defaulted()).isTrue();
    assertThat(design(HEAD + "traffic: []\n").traffic().defaulted()).isFalse();
  }

  // ---------------------------------------------------------------- flips

  @Test
  void aFlipOfTheInterconnectSaysWhatItAddsRemovesAndThatItReplacesTheConnections() {
    LandscapeDesign d = design(PEERS + "traffic:\n  - {from: orders, to: payments, gb: 100}\n");
    assertThat(d.changesFrom(java.util.Map.of("interconnect.mode", "transitGateway"))).containsExactly(
        "decision changed: interconnect.mode transitGateway → peering at this traffic: adds 2 peering connections,"
            + " removes the Transit Gateway, its 3 attachments and the transit subnets; switching replaces the"
            + " connections: traffic between the VPCs stops while CloudFormation replaces them, so deploy it in a"
            + " maintenance window");
  }

  @Test
  void aFlipOfTheInterfaceEndpointsSaysWhichAreAddedAndRemoved() {
    LandscapeDesign d = design(HEAD + "traffic:\n  - {from: orders, to: sts, gb: 500}\n");
    assertThat(d.changesFrom(java.util.Map.of("network.interfaceEndpoints", "logs"))).containsExactly(
        "decision changed: network.interfaceEndpoints logs → sts at this traffic: adds sts; removes logs (their"
            + " traffic goes through the NAT gateway)");
    assertThat(d.changesFrom(java.util.Map.of("network.interfaceEndpoints", "sts"))).isEmpty();
  }
}
