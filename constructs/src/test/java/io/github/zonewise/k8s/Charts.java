package io.github.zonewise.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.cdk8s.App;
import org.cdk8s.AppProps;
import org.cdk8s.Chart;

/** A fresh cdk8s chart per test, and its objects as JSON. */
final class Charts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Charts() {
  }

  /** A new chart in a new app. */
  static Chart chart() {
    return new Chart(app(), "test");
  }

  /**
   * The chart's objects, as the manifest file holds them.
   *
   * @param chart the chart
   * @return one JSON object per Kubernetes object
   */
  static List<JsonNode> objects(Chart chart) {
    return chart.toJson().stream().map(o -> (JsonNode) JSON.valueToTree(o)).toList();
  }

  /**
   * The only object of a kind.
   *
   * @param chart the chart
   * @param kind  e.g. {@code Service}
   * @return the object
   */
  static JsonNode only(Chart chart, String kind) {
    List<JsonNode> found = objects(chart).stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one " + kind + ", found " + found.size() + ": " + found);
    }
    return found.get(0);
  }

  /**
   * The chart as YAML.
   *
   * @param chart the chart
   * @return the manifest text
   */
  static String yaml(Chart chart) {
    return org.cdk8s.Yaml.stringify(chart.toJson().toArray());
  }

  /**
   * A new app for charts the tests read as JSON and never synthesize: unlike {@code Testing.app()},
   * it creates no output directory (that one leaves an empty {@code cdk8s.outdir.*} directory in
   * the temporary directory per call); a synth would write below {@code target/}.
   */
  static App app() {
    return new App(AppProps.builder().outdir("target/cdk8s.out").build());
  }
}
