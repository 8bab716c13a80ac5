package io.github.zonewise.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import io.github.zonewise.synth.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;

/** cdk-nag suppressions as cdk-nag writes them into a synthesized template, matched by the checker. */
class SuppressionsTest {

  static Synthesized app;

  @BeforeAll
  static void synthesize() {
    app = Synthesized.app(a -> {
      Stack stack = new Stack(a, "Suppressed");
      CfnResource vpc = CfnResource.Builder.create(stack, "Vpc").type("AWS::EC2::VPC")
          .properties(Map.of("CidrBlock", "10.0.0.0/16")).build();
      NagSuppressions.addResourceSuppressions(vpc, List.of(
          NagPackSuppression.builder().id("ZW-VPCE2").reason("nothing here uses DynamoDB – not one table").build(),
          NagPackSuppression.builder().id("ZW-SVC1").reason("the legacy services retire in March")
              .appliesTo(List.of(RegexAppliesTo.builder().regex("/^Service\\/legacy\\//").build())).build()));
      NagSuppressions.addStackSuppressions(stack, List.of(
          NagPackSuppression.builder().id("ZW-TGW1").reason("the second peer VPC comes next quarter").build()));
    });
  }

  @Test
  void matchesByRuleIdAndDecodesAnEncodedReason() {
    assertThat(Suppressions.reason(app.resource("Suppressed", "Vpc"), "ZW-VPCE2", ""))
        .isEqualTo("nothing here uses DynamoDB – not one table");
    assertThat(Suppressions.reason(app.resource("Suppressed", "Vpc"), "ZW-VPCE1", "")).isNull();
  }

  @Test
  void matchesAGranularFindingByAppliesToRegex() {
    Resource vpc = app.resource("Suppressed", "Vpc");
    assertThat(Suppressions.reason(vpc, "ZW-SVC1", "Service/legacy/catalog"))
        .isEqualTo("[Service/legacy/catalog] the legacy services retire in March");
    assertThat(Suppressions.reason(vpc, "ZW-SVC1", "Service/shop/catalog")).isNull();
    assertThat(Suppressions.reason(vpc, "ZW-SVC1", "")).isNull();
  }

  @Test
  void matchesAStackSuppression() {
    assertThat(Suppressions.reason(app.resource("Suppressed", "Vpc"), "ZW-TGW1", ""))
        .isEqualTo("the second peer VPC comes next quarter");
  }
}
