package io.github.zonewise.spec;

import io.github.zonewise.cost.Flow;
import io.github.zonewise.facts.PriceBook;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of the {@code traffic} and {@code prices} sections: every flow names known ends with
 * a number of gigabytes ≥ 0 ({@code ecr} → a region only for a region the registry replicates to), and
 * every price override names a price key with a number ≥ 0. {@code traffic} stays absent when the
 * landscape has none (the cost report then prices its default profile and says so);
 * {@code prices} defaults to no override.
 */
final class TrafficRules {

  private TrafficRules() {
  }

  /**
   * Checks the sections and fills in defaults.
   *
   * @param spec     the landscape, earlier sections already checked
   * @param warnings where warnings go
   * @return the landscape with the sections complete
   */
  static LandscapeSpec apply(LandscapeSpec spec, List<String> warnings) {
    if (spec.traffic() != null) {
      for (int i = 0; i < spec.traffic().size(); i++) {
        flow(spec, i, spec.traffic().get(i));
      }
    }
    Map<String, Double> prices = spec.prices() == null ? Map.of() : spec.prices();
    checkPrices("prices.", prices);
    return new LandscapeSpec(spec.name(), spec.region(), spec.account(), spec.availabilityZones(), spec.singleAz(),
        spec.network(), spec.interconnect(), spec.registry(), spec.cluster(), spec.services(), spec.nodePools(),
        spec.traffic() == null ? null : List.copyOf(spec.traffic()), new LinkedHashMap<>(prices));
  }

  private static void flow(LandscapeSpec spec, int i, FlowSpec f) {
    String field = "traffic[" + i + "]";
    if (f == null) {
      throw new LandscapeException(field, "is empty; write a flow such as {from: internet, to: "
          + firstService(spec) + ", gb: 2000}");
    }
    end(spec, field + ".from", f.from());
    Flow.End to = end(spec, field + ".to", f.to());
    if (f.gb() == null) {
      throw new LandscapeException(field + ".gb", "is missing; write the monthly gigabytes, e.g. gb: 2000");
    }
    if (!Double.isFinite(f.gb())) {
      throw new LandscapeException(field + ".gb", f.gb(), "is not a finite number; write the monthly gigabytes,"
          + " e.g. gb: 2000");
    }
    if (f.gb() < 0) {
      throw new LandscapeException(field + ".gb", f.gb(), "is negative; write the monthly gigabytes, 0 or more");
    }
    for (String[] end : new String[][] {{".from", f.from()}, {".to", f.to()}}) {
      if (spec.region().equals(end[1])) {
        throw new LandscapeException(field + end[0], end[1], "is the landscape's own region; name the service,"
            + " AWS service or peer VPC the bytes go to");
      }
    }
    boolean replication = Flow.ECR.equals(f.from()) && to == Flow.End.REGION;
    if (replication) {
      List<String> regions = spec.registry() == null || spec.registry().replicateTo() == null ? List.of()
          : spec.registry().replicateTo();
      if (!regions.contains(f.to())) {
        throw new LandscapeException(field + ".to", f.to(), "is not a region of registry.replicateTo; a flow"
            + " ecr → region gives the monthly replication volume to one of " + LandscapeException.render(regions));
      }
    }
  }

  private static Flow.End end(LandscapeSpec spec, String field, String name) {
    if (name == null || name.isBlank()) {
      throw new LandscapeException(field, "is missing; name a service, internet, a peer VPC, an AWS service"
          + " (s3, dynamodb, ecr, sts, logs, …) or a region");
    }
    return Flow.classify(name, spec).orElseThrow(() -> {
      List<String> known = Flow.knownEnds(spec);
      String nearest = LandscapeReader.nearest(name, known);
      return new LandscapeException(field, name, "is not a service, peer VPC, AWS service or region of the"
          + " landscape; " + (nearest != null ? "did you mean '" + nearest + "'? " : "") + "use one of "
          + String.join(", ", known) + ", or a region");
    });
  }

  private static String firstService(LandscapeSpec spec) {
    return spec.services() == null || spec.services().isEmpty() || spec.services().get(0).name() == null
        ? "web" : spec.services().get(0).name();
  }

  /**
   * Checks price overrides: known keys, numbers ≥ 0.
   *
   * @param prefix the field path before each key, e.g. {@code prices.}
   * @param prices price key → USD
   * @throws LandscapeException naming the first bad entry
   */
  static void checkPrices(String prefix, Map<String, Double> prices) {
    List<String> keys = PriceBook.defaults().keys();
    for (Map.Entry<String, Double> e : prices.entrySet()) {
      String field = prefix + e.getKey();
      if (!keys.contains(e.getKey())) {
        String nearest = LandscapeReader.nearest(e.getKey(), keys);
        throw new LandscapeException(field, "unknown price key; " + (nearest != null ? "did you mean '" + nearest
            + "'? " : "") + "known keys: " + String.join(", ", keys));
      }
      if (e.getValue() == null) {
        throw new LandscapeException(field, "is missing its price; write the price in USD, e.g. "
            + e.getKey() + ": " + PriceBook.defaults().usd(e.getKey()));
      }
      if (!Double.isFinite(e.getValue()) || e.getValue() < 0) {
        throw new LandscapeException(field, e.getValue(), "is not a price; write the price in USD, 0 or more, e.g. "
            + PriceBook.defaults().usd(e.getKey()));
      }
    }
  }
}
