package io.github.zonewise.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zonewise.test.Snapshots;
import io.github.zonewise.test.Synth;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

class DefaultNetworkTest {

  static Synth.Synthesized synth;
  static Template network;

  @BeforeAll
  static void synthesize() {
    synth = Synth.defaultLandscape();
    network = synth.template("network");
  }

  @Test
  void perAzStrategyCreatesOneNatGatewayPerAz() {
    network.resourceCountIs("AWS::EC2::NatGateway", 3);
  }

  @Test
  void networkStackHasNoUnsuppressedNagError() {
    assertThat(synth.nagFindings("network", true)).isEmpty();
  }

  @Test
  void defaultLandscapeMatchesSnapshot() {
    Snapshots.assertMatches("default-network", synth.templateJson("network"));
  }
}
