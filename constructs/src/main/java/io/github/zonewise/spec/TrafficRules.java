package io.github.zonewise.spec;

import io.github.zonewise.facts.Names;
import io.github.zonewise.facts.AwsRegions;
import io.github.zonewise.facts.PriceBook;
import io.github.zonewise.interconnect.Interconnect;
import io.github.zonewise.spec.LandscapeValidator.Sections;
import io.github.zonewise.spec.TrafficEnd.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of the {@code traffic} and {@code prices} sections: every flow names known ends with
 * a number of gigabytes ≥ 0 ({@code ecr} → a region only for a region the registry replicates to), and
 * every price override names a price key with a number ≥ 0. {@code traffic} stays absent when the
 * landscape has none (the design step then prices its default profile and says so);
 * {@code prices} defaults to no override.
 */
final class TrafficRules {

  private TrafficRules() {
  }

  /**
   * Checks the {@code traffic} section, each flow on its own; with {@code interconnect.mode: peering}
   * also that no flow runs between two peers.
   *
   * @param s            the checked top level
   * @param interconnect the checked interconnect section, if it passed
   * @return the flows; empty when the landscape declares none
   */
  static Optional<List<FlowSpec>> flows(Sections s, Optional<InterconnectSpec> interconnect) {
    List<LandscapeFile.Flow> raw = s.raw().traffic();
    if (raw == null) {
      return Optional.empty();
    }
    List<FlowSpec> flows = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      int index = i;
      s.problems().check(() -> flow(s, index, raw.get(index))).ifPresent(flows::add);
    }
    interconnect.filter(ic -> ic.mode().filter(Interconnect.peering()::equals).isPresent())
        .ifPresent(ic -> s.problems().run(() -> InterconnectRules.peerToPeer(ic, flows)));
    return Optional.of(List.copyOf(flows));
  }

  /**
   * Checks the {@code prices} section.
   *
   * @param s the checked top level
   * @return the overrides, in file order (empty without the section)
   */
  static Map<String, Double> prices(Sections s) {
    Map<String, Double> prices = s.raw().prices() == null ? Map.of() : s.raw().prices();
    s.problems().run(() -> checkPrices("prices.", prices));
    return new LinkedHashMap<>(prices);
  }

  private static FlowSpec flow(Sections spec, int i, LandscapeFile.Flow f) {
    String field = "traffic[" + i + "]";
    if (f == null) {
      throw new LandscapeException(field, "is empty; write a flow such as {from: internet, to: "
          + firstService(spec) + ", gb: 2000}");
    }
    TrafficEnd from = end(spec, field + ".from", f.from());
    TrafficEnd to = end(spec, field + ".to", f.to());
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
    boolean replication = TrafficEnd.ECR.equals(f.from()) && to.kind() == Kind.REGION;
    if (replication) {
      List<String> regions = spec.raw().registry() == null || spec.raw().registry().replicateTo() == null ? List.of()
          : spec.raw().registry().replicateTo();
      if (!regions.contains(f.to())) {
        throw new LandscapeException(field + ".to", f.to(), "is not a region of registry.replicateTo; a flow"
            + " ecr → region gives the monthly replication volume to one of " + LandscapeException.render(regions));
      }
    }
    return new FlowSpec(i, from, to, f.gb());
  }

  /**
   * What a name is as a flow end: a service ({@code name}, or {@code namespace/name} for a name that
   * several namespaces have), {@code internet}, a peer VPC, an AWS service, a region. A service may not
   * take the name of another kind of end ({@link #reservedEnd}), nor of a peer VPC, so a name is one end.
   */
  private static TrafficEnd end(Sections spec, String field, String name) {
    if (name == null || name.isBlank()) {
      throw new LandscapeException(field, "is missing; name a service, internet, a peer VPC, an AWS service"
          + " (s3, dynamodb, ecr, sts, logs, …) or a region");
    }
    List<LandscapeFile.Service> services = namedServices(spec);
    if (name.contains("/")) {
      List<LandscapeFile.Service> match = services.stream().filter(s -> qualified(s).equals(name)).toList();
      if (match.isEmpty()) {
        List<String> known = services.stream().map(TrafficRules::qualified).toList();
        String nearest = Names.nearest(name, known);
        throw new LandscapeException(field, name, "names no service of the landscape; "
            + (nearest != null ? "did you mean '" + nearest + "'? " : "") + "use one of " + known);
      }
      return new TrafficEnd(Kind.SERVICE, match.get(0).name(), Optional.of(namespace(match.get(0))));
    }
    List<LandscapeFile.Service> byName = services.stream().filter(s -> s.name().equals(name)).toList();
    if (byName.size() > 1) {
      List<String> qualified = byName.stream().map(TrafficRules::qualified).toList();
      throw new LandscapeException(field, name, "names services in several namespaces " + qualified
          + "; write namespace/name, e.g. '" + qualified.get(0) + "'");
    }
    if (byName.size() == 1) {
      return new TrafficEnd(Kind.SERVICE, name, Optional.of(namespace(byName.get(0))));
    }
    Kind kind;
    if (TrafficEnd.INTERNET.equals(name)) {
      kind = Kind.INTERNET;
    } else if (peers(spec).contains(name)) {
      kind = Kind.PEER;
    } else if (TrafficEnd.awsServices().contains(name)) {
      kind = Kind.AWS_SERVICE;
    } else if (AwsRegions.isRegion(name)) {
      kind = Kind.REGION;
    } else {
      List<String> known = knownEnds(spec);
      String nearest = Names.nearest(name, known);
      throw new LandscapeException(field, name, "is not a service, peer VPC, AWS service or region of the"
          + " landscape; " + (nearest != null ? "did you mean '" + nearest + "'? " : "") + "use one of "
          + String.join(", ", known) + ", or a region");
    }
    return new TrafficEnd(kind, name);
  }

  private static List<String> services(Sections spec) {
    return namedServices(spec).stream().map(LandscapeFile.Service::name).distinct().toList();
  }

  private static List<LandscapeFile.Service> namedServices(Sections spec) {
    return spec.raw().services() == null ? List.of() : spec.raw().services().stream().filter(Objects::nonNull)
        .filter(s -> s.name() != null).toList();
  }

  private static String namespace(LandscapeFile.Service s) {
    return s.namespace() != null ? s.namespace() : "default";
  }

  private static String qualified(LandscapeFile.Service s) {
    return namespace(s) + "/" + s.name();
  }

  /**
   * The end of another kind than a service or a peer VPC that a flow names so: {@code internet}, an AWS
   * service ({@link TrafficEnd#awsServices()}) or a region. A service or a peer VPC of that name would
   * make the flow ambiguous.
   *
   * @param name a service's or peer VPC's name
   * @return what the name already is as a flow end, e.g. {@code "the AWS service s3"}
   */
  static Optional<String> reservedEnd(String name) {
    if (TrafficEnd.INTERNET.equals(name)) {
      return Optional.of("the internet");
    }
    if (TrafficEnd.awsServices().contains(name)) {
      return Optional.of("the AWS service " + name);
    }
    if (AwsRegions.isRegion(name)) {
      return Optional.of("the region " + name);
    }
    return Optional.empty();
  }

  private static List<String> peers(Sections spec) {
    LandscapeFile.Interconnect ic = spec.raw().interconnect();
    return ic == null || ic.vpcs() == null ? List.of() : ic.vpcs().stream().filter(Objects::nonNull)
        .map(LandscapeFile.PeerVpc::name).filter(Objects::nonNull).toList();
  }

  /** Every name a flow end may take, for messages: services, internet, peer VPCs, AWS services. */
  private static List<String> knownEnds(Sections spec) {
    List<String> names = new ArrayList<>(services(spec));
    names.add(TrafficEnd.INTERNET);
    names.addAll(peers(spec));
    names.addAll(TrafficEnd.awsServices());
    return names;
  }

  private static String firstService(Sections spec) {
    List<String> services = services(spec);
    return services.isEmpty() ? "web" : services.get(0);
  }

  /**
   * The prices the cost report divides by or counts hours with, for which 0 makes no sense: the hours of
   * a month (at most {@value #MAX_HOURS_PER_MONTH}) and the GB a load balancer capacity unit carries an hour.
   */
  static final List<String> POSITIVE_PRICES = List.of(PriceBook.HOURS_PER_MONTH, PriceBook.ALB_GB_PER_LCU_HOUR,
      PriceBook.NLB_GB_PER_LCU_HOUR);

  /** The hours of the longest month, 31 × 24. */
  static final int MAX_HOURS_PER_MONTH = 744;

  /**
   * Checks price overrides: known keys, numbers ≥ 0 ({@link #POSITIVE_PRICES} &gt; 0, and at most
   * {@value #MAX_HOURS_PER_MONTH} hours a month).
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
        String nearest = Names.nearest(e.getKey(), keys);
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
      String usual = java.math.BigDecimal.valueOf(PriceBook.defaults().usd(e.getKey())).stripTrailingZeros()
          .toPlainString();
      if (e.getKey().equals(PriceBook.HOURS_PER_MONTH) && (e.getValue() <= 0 || e.getValue() > MAX_HOURS_PER_MONTH)) {
        throw new LandscapeException(field, e.getValue(), "is not the hours of a month, which every hourly price is"
            + " multiplied by; write more than 0 and at most " + MAX_HOURS_PER_MONTH + " (31 days), e.g. " + usual);
      }
      if (POSITIVE_PRICES.contains(e.getKey()) && e.getValue() <= 0) {
        throw new LandscapeException(field, e.getValue(), "is not the GB a capacity unit carries an hour, which the"
            + " report divides a load balancer's GB by; write more than 0, e.g. " + usual);
      }
    }
  }
}
