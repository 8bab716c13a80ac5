package io.github.zonewise.app;

import software.amazon.awscdk.App;

/**
 * An empty CDK app: the baseline the synth benchmark ({@code tools/bench-synth}) measures the
 * landscape app against, run the same way (CDK CLI, cdk.json's command, Maven, jsii).
 */
public final class EmptyApp {

  private EmptyApp() {
  }

  /**
   * Synthesizes nothing.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    new App().synth();
    System.exit(0);
  }
}
