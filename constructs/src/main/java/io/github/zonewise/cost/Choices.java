package io.github.zonewise.cost;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the generated design's choices came from, so that the report speaks with the generator's
 * voice: advice about a choice the landscape wrote down names the field to change; advice against a
 * choice the design step made itself is not given (the design step already priced it); and the
 * decisions are listed with their alternatives' costs.
 *
 * @param decisions the design step's decisions, in order
 * @param written   advice topic (e.g. {@code NAT gateways}) → the landscape field that set it
 * @param decided   advice topics the design step decided
 */
public record Choices(List<ReportedDecision> decisions, Map<String, String> written, Set<String> decided) {

  /**
   * Copies the collections.
   *
   * @param decisions the design step's decisions, in order
   * @param written   advice topic → the landscape field that set it
   * @param decided   the advice topics the design step decided
   */
  public Choices {
    decisions = List.copyOf(decisions);
    written = Collections.unmodifiableMap(new LinkedHashMap<>(written));
    decided = Collections.unmodifiableSet(new LinkedHashSet<>(decided));
  }

  /**
   * {@return choices of which nothing is known: no decision, no written field, every piece of advice
   * given as found}
   */
  public static Choices unknown() {
    return new Choices(List.of(), Map.of(), Set.of());
  }

  /**
   * The landscape field that set a topic's choice.
   *
   * @param topic an advice topic
   * @return the field, when the landscape wrote it
   */
  public Optional<String> field(String topic) {
    return Optional.ofNullable(written.get(topic));
  }

  /**
   * One decision the design step made, as the report lists it.
   *
   * @param field        the landscape field it decides, e.g. {@code interconnect.mode}
   * @param chosen       the option built
   * @param alternatives every option considered → its monthly cost of the whole design at this traffic
   *                     (USD), the chosen one included
   * @param reason       why, in one line
   * @param written      true when the landscape set it (built as written, priced as written)
   */
  public record ReportedDecision(String field, String chosen, Map<String, Double> alternatives, String reason,
      boolean written) {

    /**
     * Copies the alternatives, keeping their order.
     *
     * @param field        the landscape field it decides
     * @param chosen       the option built
     * @param alternatives every option considered → monthly USD of the whole design with it
     * @param reason       why, in one line
     * @param written      true when the landscape set it
     */
    public ReportedDecision {
      alternatives = Collections.unmodifiableMap(new LinkedHashMap<>(alternatives));
    }
  }
}
