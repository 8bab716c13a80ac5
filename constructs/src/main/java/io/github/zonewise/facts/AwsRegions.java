package io.github.zonewise.facts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The commercial AWS regions and the availability-zone names each has, as published by AWS.
 * Plain Java: checking an AZ or region name needs no AWS call and no credentials.
 */
public final class AwsRegions {

  private static final Map<String, String> ZONE_LETTERS = new TreeMap<>(Map.ofEntries(
      Map.entry("us-east-1", "abcdef"),
      Map.entry("us-east-2", "abc"),
      Map.entry("us-west-1", "abc"),
      Map.entry("us-west-2", "abcd"),
      Map.entry("ca-central-1", "abd"),
      Map.entry("ca-west-1", "abc"),
      Map.entry("mx-central-1", "abc"),
      Map.entry("sa-east-1", "abc"),
      Map.entry("eu-west-1", "abc"),
      Map.entry("eu-west-2", "abc"),
      Map.entry("eu-west-3", "abc"),
      Map.entry("eu-central-1", "abc"),
      Map.entry("eu-central-2", "abc"),
      Map.entry("eu-north-1", "abc"),
      Map.entry("eu-south-1", "abc"),
      Map.entry("eu-south-2", "abc"),
      Map.entry("il-central-1", "abc"),
      Map.entry("me-south-1", "abc"),
      Map.entry("me-central-1", "abc"),
      Map.entry("af-south-1", "abc"),
      Map.entry("ap-south-1", "abc"),
      Map.entry("ap-south-2", "abc"),
      Map.entry("ap-east-1", "abc"),
      Map.entry("ap-east-2", "abc"),
      Map.entry("ap-southeast-1", "abc"),
      Map.entry("ap-southeast-2", "abc"),
      Map.entry("ap-southeast-3", "abc"),
      Map.entry("ap-southeast-4", "abc"),
      Map.entry("ap-southeast-5", "abc"),
      Map.entry("ap-southeast-7", "abc"),
      Map.entry("ap-northeast-1", "acd"),
      Map.entry("ap-northeast-2", "abcd"),
      Map.entry("ap-northeast-3", "abc")));

  private AwsRegions() {
  }

  /** {@return every known region name, sorted} */
  public static List<String> names() {
    return List.copyOf(ZONE_LETTERS.keySet());
  }

  /**
   * Whether a region name is known.
   *
   * @param region e.g. {@code eu-west-1}
   * @return true for a commercial region
   */
  public static boolean isRegion(String region) {
    return region != null && ZONE_LETTERS.containsKey(region);
  }

  /**
   * The AZ names of a region.
   *
   * @param region a known region
   * @return e.g. {@code [eu-west-1a, eu-west-1b, eu-west-1c]}; empty for an unknown region
   */
  public static List<String> zones(String region) {
    String letters = ZONE_LETTERS.getOrDefault(region, "");
    return letters.chars().mapToObj(c -> region + (char) c).toList();
  }

  /**
   * A list of AZs a VPC can span: AZs of one region, each once, at least two unless a single AZ is
   * accepted.
   *
   * @param property    the list's property or field path; an item is reported as {@code property[i]}
   * @param zones       the AZ names as written
   * @param region      the region they must be in; null to take the first AZ's
   * @param allowSingle whether one AZ is accepted (no high availability)
   * @param optIn       how the caller accepts one AZ, for the message (e.g. {@code singleAz: true})
   * @return the AZs
   * @throws InvalidValue for the first problem
   */
  public static List<String> checkZones(String property, List<String> zones, String region, boolean allowSingle,
      String optIn) {
    String r = region;
    if (r == null && zones != null && !zones.isEmpty()) {
      r = regionOf(String.valueOf(zones.get(0))).orElseThrow(() -> new InvalidValue(property + "[0]", zones.get(0),
          "is not an AZ of any region Zonewise knows; write names such as eu-west-1a"));
    }
    if (zones == null || zones.isEmpty()) {
      throw new InvalidValue(property, "is missing; list at least two AZs"
          + (r == null ? ", e.g. [eu-west-1a, eu-west-1b]"
              : " of " + r + ", e.g. " + zones(r).subList(0, Math.min(3, zones(r).size()))));
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < zones.size(); i++) {
      String zone = zones.get(i);
      if (zone == null || !zones(r).contains(zone)) {
        throw new InvalidValue(property + "[" + i + "]", zone, "is not an AZ of region " + r + "; use one of "
            + zones(r));
      }
      if (!seen.add(zone)) {
        throw new InvalidValue(property + "[" + i + "]", zone, "is listed twice; list each AZ once");
      }
    }
    if (zones.size() < 2 && !allowSingle) {
      throw new InvalidValue(property, zones, "has fewer than two AZs; list at least two for high"
          + " availability, or set " + optIn + " to accept a single AZ (no high availability)");
    }
    return List.copyOf(zones);
  }

  /**
   * The region an AZ name belongs to, e.g. {@code eu-west-1} for {@code eu-west-1b}.
   *
   * @param zone an AZ name
   * @return the region, if the name has the shape of an AZ of a known region
   */
  public static Optional<String> regionOf(String zone) {
    if (zone == null || zone.length() < 2) {
      return Optional.empty();
    }
    String region = zone.substring(0, zone.length() - 1);
    return isRegion(region) ? Optional.of(region) : Optional.empty();
  }

  /**
   * The index of an AZ's letter: a → 0, b → 1, … The CIDR plan numbers subnets by it, so a zone
   * keeps its subnets whatever other zones are added or removed.
   *
   * @param zone an AZ name ending in a letter a–f
   * @return 0–5
   */
  public static int letterIndex(String zone) {
    char c = zone.charAt(zone.length() - 1);
    if (c < 'a' || c > 'f') {
      throw new IllegalArgumentException("not an availability zone name: " + zone);
    }
    return c - 'a';
  }

  /**
   * The id part of an AZ in construct ids: its letter, upper case ({@code A} for {@code eu-west-1a}).
   * Construct ids made from it ({@code PrivateA}, {@code SystemNodesB}, …) fix logical ids, so a zone
   * keeps its resources whatever other zones are added or removed.
   *
   * @param zone an AZ name ending in a letter a–f
   * @return {@code A}–{@code F}
   */
  public static String zoneLetter(String zone) {
    return String.valueOf((char) ('A' + letterIndex(zone)));
  }
}
