package io.github.zonewise.lint;

import static io.github.zonewise.lint.Synthesized.IN_EU_WEST_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.eks.CfnCluster;

/** The EKS rules on synthesized {@code AWS::EKS::Cluster} resources, one synth for the class. */
class ClusterRulesTest {

  static Synthesized app;

  @BeforeAll
  static void synthesize() {
    app = Synthesized.app(a -> {
      Stack stack = new Stack(a, "Clusters", IN_EU_WEST_1);
      cluster(stack, "Private", "1.35", true, null);
      cluster(stack, "DefaultAccess", "1.34", null, null);
      cluster(stack, "PublicOnly", "1.31", false, null);
      cluster(stack, "ExtendedButAutoUpgraded", "1.31", true, "STANDARD");
      cluster(stack, "LongGone", "1.21", true, null);
      cluster(stack, "Unpinned", null, true, null);
    });
  }

  private static void cluster(Stack stack, String id, String version, Boolean privateAccess, String supportType) {
    CfnCluster.Builder b = CfnCluster.Builder.create(stack, id)
        .roleArn("arn:aws:iam::111111111111:role/eks")
        .resourcesVpcConfig(CfnCluster.ResourcesVpcConfigProperty.builder()
            .subnetIds(List.of("subnet-1", "subnet-2")).endpointPrivateAccess(privateAccess).build());
    if (version != null) {
      b.version(version);
    }
    if (supportType != null) {
      b.upgradePolicy(CfnCluster.UpgradePolicyProperty.builder().supportType(supportType).build());
    }
    b.build();
  }

  @Nested
  class Eks1 {
    @Test
    void compliantWithPrivateEndpointAccessOn() {
      assertThat(app.check(CostRules.EKS1, "Clusters", "Private").compliant()).isTrue();
    }

    @Test
    void nonCompliant1PrivateAccessNotSet() {
      assertThat(app.check(CostRules.EKS1, "Clusters", "DefaultAccess").details())
          .containsExactly("EndpointPrivateAccess is not set (CloudFormation's default: false)");
    }

    @Test
    void nonCompliant2PrivateAccessOff() {
      assertThat(app.check(CostRules.EKS1, "Clusters", "PublicOnly").details())
          .containsExactly("EndpointPrivateAccess is false");
    }
  }

  @Nested
  class Eks2 {
    @Test
    void compliantInStandardSupport() {
      assertThat(app.check(CostRules.EKS2, "Clusters", "Private").compliant()).isTrue();
      assertThat(app.check(CostRules.EKS2, "Clusters", "DefaultAccess").compliant()).isTrue();
    }

    @Test
    void compliantWhenEksUpgradesInsteadOfBillingExtendedSupport() {
      assertThat(app.check(CostRules.EKS2, "Clusters", "ExtendedButAutoUpgraded").compliant()).isTrue();
    }

    @Test
    void nonCompliant1VersionInExtendedSupport() {
      assertThat(app.check(CostRules.EKS2, "Clusters", "PublicOnly").details()).containsExactly(
          "Kubernetes 1.31 left standard support on 2025-11-26 (as of 2026-11-27); versions in standard support: "
              + "1.34, 1.35, 1.36 and newer");
    }

    @Test
    void nonCompliant2VersionOlderThanTheCalendar() {
      assertThat(app.check(CostRules.EKS2, "Clusters", "LongGone").details()).containsExactly(
          "Kubernetes 1.21 is older than every version EKS supports (as of 2026-11-27); versions in standard "
              + "support: 1.34, 1.35, 1.36 and newer");
    }

    @Test
    void aVersionIsInExtendedSupportOnTheDayItsStandardSupportEnds() {
      // 1.34's standard support ends 2026-12-02: that day is already billed at the extended rate
      io.github.zonewise.synth.Resource cluster = app.resource("Clusters", "DefaultAccess");
      assertThat(CostRules.EKS2.check(cluster, LocalDate.of(2026, 12, 1)).compliant()).isTrue();
      assertThat(CostRules.EKS2.check(cluster, LocalDate.of(2026, 12, 2)).nonCompliant()).isTrue();
    }

    @Test
    void notApplicableWithoutAVersion() {
      assertThat(app.check(CostRules.EKS2, "Clusters", "Unpinned").applicable()).isFalse();
    }
  }
}
