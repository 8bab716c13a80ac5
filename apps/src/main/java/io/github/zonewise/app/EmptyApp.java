package io.github.zonewise.app;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;

/**
 * An empty CDK app (one empty stack, since the CDK CLI refuses an app with none): the baseline the synth benchmark ({@code tools/bench-synth}) measures the
 * landscape app against, run the conventional way (copied into a one-module Maven project whose cdk.json runs
 * {@code mvn -e -q compile exec:java}, through the same CDK CLI).
 */
public final class EmptyApp {

  private EmptyApp() {
  }

  /**
   * Synthesizes one empty stack.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    App app = new App();
    new Stack(app, "Empty");
    app.synth();
    System.exit(0);
  }
}
