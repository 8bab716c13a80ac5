package io.github.zonewise.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.spec.LandscapeException;
import io.github.zonewise.spec.LandscapeReader;
import io.github.zonewise.spec.LandscapeValidator;
import io.github.zonewise.spec.ValidatedLandscape;
import io.github.zonewise.test.Synth;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CloudFormation's limits a stack are known before synthesizing: the network stack's resource count is
 * estimated exactly (the same as the synthesized template's), and a landscape over 500 resources fails
 * in plain Java with the field that grew it and the fix, before any construct is built.
 */
class StackLimitsTest {

  static final String SIX_AZS = "name: big\nregion: us-east-1\navailabilityZones: [us-east-1a, us-east-1b, us-east-1c,"
      + " us-east-1d, us-east-1e, us-east-1f]\n";

  static String peers(int n, String mode) {
    return "interconnect:\n  mode: " + mode + "\n  vpcs:\n" + IntStream.range(0, n)
        .mapToObj(i -> "    - {name: peer" + i + ", cidr: 10." + (100 + i) + ".0.0/16}\n").collect(Collectors.joining());
  }

  static LandscapeDesign design(String yaml) {
    ValidatedLandscape checked = LandscapeValidator.validate(LandscapeReader.parse(yaml, "test"), "test");
    return LandscapeDesign.of(checked, checked.priceBook(java.util.Map.of(), null));
  }

  static Synth.Synthesized transitGateway;
  static Synth.Synthesized peering;
  static Synth.Synthesized cloudWatch;

  @BeforeAll
  static void synthesize() {
    // the example: six AZs and five peers were 596 resources while created peers had public subnets
    transitGateway = Synth.landscape(SIX_AZS + "network:\n  interfaceEndpoints: [ecr.api, ecr.dkr, sts, logs, eks-auth]\n"
        + "services: []\n" + peers(5, "transitGateway"));
    peering = Synth.defaultLandscape();
    // flow logs to CloudWatch Logs: a log group and a role per VPC instead of the archive and Athena
    cloudWatch = Synth.landscape(SIX_AZS + "network:\n  flowLogs: {destination: cloudwatch}\nservices: []\n"
        + peers(2, "peering"));
  }

  @Test
  void theNetworkStacksEstimateIsTheSynthesizedResourceCount() {
    for (Synth.Synthesized s : List.of(transitGateway, peering, cloudWatch)) {
      assertThat(StackLimits.networkResources(s.landscape().design()))
          .as(s.landscape().landscape().spec().name())
          .isEqualTo(s.templateJson("network").path("Resources").size());
    }
  }

  @Test
  void sixAzsAndFivePeersOverATransitGatewayNowFitAndEightFailNamingThePeersAndTheFix() {
    assertThat(StackLimits.networkResources(transitGateway.landscape().design())).isEqualTo(460 + 6)
        .isLessThan(StackLimits.MAX_RESOURCES);
    LandscapeDesign design = design(SIX_AZS + "services: []\n" + peers(8, "transitGateway"));
    assertThat(StackLimits.networkResources(design)).isEqualTo(823);
    assertThatThrownBy(() -> StackLimits.check(design)).isInstanceOf(LandscapeException.class)
        .hasMessage("interconnect.vpcs: [peer0, peer1, peer2, peer3, peer4, peer5, peer6, peer7] with 6 AZs make the"
            + " network stack big-network 823 CloudFormation resources, over CloudFormation's limit of 500 a stack (the"
            + " cluster VPC 78, the flow-log archive and its Athena queries 12, the 8 peer VPCs and their transitGateway"
            + " 733); list fewer peers, or build the created"
            + " peers in a landscape of their own and list them here with their vpcId (an existing peer adds no VPC to"
            + " this stack)");
  }

  @Test
  void theAppFailsWithThatMessageAndTheFieldsLineBeforeWritingAnything() {
    String yaml = SIX_AZS + "services: []\n" + peers(8, "transitGateway");
    assertThatThrownBy(() -> Synth.landscape(yaml)).isInstanceOf(LandscapeException.class)
        .hasMessageStartingWith("interconnect.vpcs: [peer0, peer1, peer2, peer3, peer4, peer5, peer6, peer7] with 6"
            + " AZs make the network stack big-network 823 ").hasMessageEndingWith(" (line 8, column 5)");
  }

  @Test
  void thirteenPeersOverPeeringFailTooAndTheDefaultLandscapeIsWellWithinEveryLimit() {
    LandscapeDesign design = design(SIX_AZS + "services: []\n" + peers(13, "peering"));
    int total = StackLimits.networkResources(design);
    assertThat(total).isEqualTo(533);
    assertThatThrownBy(() -> StackLimits.check(design)).hasMessage("interconnect.vpcs: [peer0, peer1, peer2, peer3,"
        + " peer4, peer5, peer6, peer7, peer8, peer9, peer10, peer11, peer12] with 6 AZs make the network stack"
        + " big-network " + total + " CloudFormation resources, over CloudFormation's limit of 500 a stack (the cluster"
        + " VPC 66, the flow-log archive and its Athena queries 12, the 13 peer VPCs and their peering "
        + (total - 66 - 12) + "); list fewer peers, or build the created peers in a landscape of their own and list"
        + " them here with their vpcId (an existing peer adds no VPC to this stack)");
    assertThat(StackLimits.estimate(design(LandscapeReader.defaultText()))).hasSize(4).allSatisfy(e -> {
      assertThat(e.resources()).isLessThan(StackLimits.MAX_RESOURCES);
      assertThat(e.bytes()).isLessThan(StackLimits.MAX_TEMPLATE_BYTES);
    });
  }

  @Test
  void theClusterStacksSizeEstimateIsAnUpperBound() throws Exception {
    long actual = java.nio.file.Files.size(peering.outdir().resolve(peering.stack("cluster").getTemplateFile()));
    StackLimits.Estimate cluster = StackLimits.estimate(peering.landscape().design()).get(3);
    assertThat(cluster.stack()).isEqualTo("shop-cluster");
    assertThat(cluster.bytes()).isBetween(actual, actual * 2);
  }
}
