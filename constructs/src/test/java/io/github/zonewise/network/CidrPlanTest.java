package io.github.zonewise.network;

import io.github.zonewise.facts.Cidr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CidrPlanTest {

  private final CidrPlan plan = new CidrPlan(Cidr.parse("10.0.0.0/16").orElseThrow());

  @Test
  void privateSubnetsAreTheFirstSixNineteensByZoneLetter() {
    assertThat(plan.privateSubnet("eu-west-1a")).hasToString("10.0.0.0/19");
    assertThat(plan.privateSubnet("eu-west-1b")).hasToString("10.0.32.0/19");
    assertThat(plan.privateSubnet("eu-west-1c")).hasToString("10.0.64.0/19");
    assertThat(plan.privateSubnet("us-east-1f")).hasToString("10.0.160.0/19");
  }

  @Test
  void publicSubnetsAreTwentyTwosInTheSeventhBlock() {
    assertThat(plan.publicSubnet("eu-west-1a")).hasToString("10.0.192.0/22");
    assertThat(plan.publicSubnet("eu-west-1b")).hasToString("10.0.196.0/22");
    assertThat(plan.publicSubnet("eu-west-1c")).hasToString("10.0.200.0/22");
  }

  @Test
  void transitSubnetsAreTwentyEightsInTheEighthBlock() {
    assertThat(plan.transitSubnet("eu-west-1a")).hasToString("10.0.224.0/28");
    assertThat(plan.transitSubnet("eu-west-1b")).hasToString("10.0.224.16/28");
  }

  @Test
  void aZonesSubnetsDoNotDependOnTheOtherZones() {
    // the plan has no notion of "the other zones": the same zone letter gives the same block in any VPC
    CidrPlan other = new CidrPlan(Cidr.parse("10.0.0.0/16").orElseThrow());
    for (String zone : List.of("us-east-1a", "us-east-1c", "us-east-1f")) {
      assertThat(other.privateSubnet(zone)).isEqualTo(plan.privateSubnet(zone));
      assertThat(other.publicSubnet(zone)).isEqualTo(plan.publicSubnet(zone));
    }
  }

  @Test
  void everySubnetOfEveryTierLiesInTheVpcAndNoTwoOverlap() {
    for (String vpc : List.of("10.0.0.0/16", "172.16.0.0/17", "192.168.0.0/20")) {
      CidrPlan p = new CidrPlan(Cidr.parse(vpc).orElseThrow());
      List<Cidr> all = new ArrayList<>();
      for (char letter = 'a'; letter <= 'f'; letter++) {
        String zone = "us-east-1" + letter;
        all.add(p.privateSubnet(zone));
        all.add(p.publicSubnet(zone));
        all.add(p.transitSubnet(zone));
      }
      for (int i = 0; i < all.size(); i++) {
        assertThat(p.vpc().contains(all.get(i))).as("%s in %s", all.get(i), vpc).isTrue();
        for (int j = i + 1; j < all.size(); j++) {
          assertThat(all.get(i).overlaps(all.get(j))).as("%s vs %s", all.get(i), all.get(j)).isFalse();
        }
      }
    }
  }

  @Test
  void theSmallestVpcStillGivesEachZoneFiveHundredTwelvePrivateAddresses() {
    CidrPlan small = new CidrPlan(Cidr.parse("10.0.0.0/20").orElseThrow());
    assertThat(small.privateSubnet("eu-west-1a").size()).isEqualTo(512);
    assertThat(small.publicSubnet("eu-west-1a").prefix()).isEqualTo(26);
  }

  @Test
  void aVpcOutsideSixteenToTwentyIsRejected() {
    assertThatThrownBy(() -> new CidrPlan(Cidr.parse("10.0.0.0/21").orElseThrow()))
        .hasMessage("the subnet plan needs a VPC of /16 to /20, not 10.0.0.0/21");
  }

  @Test
  void cidrParsingRejectsHostBitsAndBadOctets() {
    assertThat(Cidr.parse("10.0.0.1/16")).isEmpty();
    assertThat(Cidr.canonicalOf("10.0.0.1/16")).map(Cidr::toString).contains("10.0.0.0/16");
    assertThat(Cidr.parse("10.0.256.0/24")).isEmpty();
    assertThat(Cidr.parse("10.0.0.0")).isEmpty();
    assertThat(Cidr.parse("10.0.0.0/33")).isEmpty();
  }

  @Test
  void overlapAndContainmentFollowTheAddressRanges() {
    Cidr a = Cidr.parse("10.0.0.0/16").orElseThrow();
    assertThat(a.overlaps(Cidr.parse("10.0.128.0/17").orElseThrow())).isTrue();
    assertThat(a.overlaps(Cidr.parse("10.1.0.0/16").orElseThrow())).isFalse();
    assertThat(Cidr.parse("10.0.0.0/8").orElseThrow().contains(a)).isTrue();
  }
}
