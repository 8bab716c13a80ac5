package io.github.zonewise.k8s;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an Istio {@code localityLbSetting} does: {@link #distribute(String, Map)} weights or
 * {@link #failover(Map)} regions. A choice: Istio rejects a rule that sets both.
 */
public final class LocalityPolicy {

  private final String region;
  private final Map<String, Map<String, Integer>> distribute;
  private final Map<String, String> failover;

  private LocalityPolicy(String region, Map<String, Map<String, Integer>> distribute, Map<String, String> failover) {
    this.region = region;
    this.distribute = distribute;
    this.failover = failover;
  }

  /**
   * Weighted distribution by zone: traffic from a zone goes to the listed zones in proportion to
   * their weights (e.g. 80% same zone, 10% to each other zone keeps most bytes free of the cross-AZ
   * charge while warming the other zones). Each weight is 1–100 and the weights of each from-zone
   * total exactly 100 (Istio's rule: "total locality weight N != 100").
   *
   * @param region  the AWS region of the zones, the first part of each locality
   * @param weights from-zone → (to-zone → weight), zone names such as {@code eu-west-1a}
   * @return the policy
   * @throws IllegalArgumentException for an empty map, a weight outside 1–100, or totals other than 100
   */
  public static LocalityPolicy distribute(String region, Map<String, Map<String, Integer>> weights) {
    ApiObjects.required("LocalityPolicy.distribute region", region);
    if (weights == null || weights.isEmpty()) {
      throw new IllegalArgumentException("LocalityPolicy.distribute: {} has no from-zone; give at least one");
    }
    Map<String, Map<String, Integer>> copy = new TreeMap<>();
    weights.forEach((from, to) -> {
      if (to == null || to.isEmpty()) {
        throw new IllegalArgumentException("LocalityPolicy.distribute[" + from + "]: {} has no to-zone; give"
            + " weights totalling 100");
      }
      int total = 0;
      for (Map.Entry<String, Integer> e : to.entrySet()) {
        Integer w = e.getValue();
        if (w == null || w < 1 || w > 100) {
          throw new IllegalArgumentException("LocalityPolicy.distribute[" + from + "][" + e.getKey() + "]: " + w
              + " is not a weight; use 1–100");
        }
        total += w;
      }
      if (total != 100) {
        throw new IllegalArgumentException("LocalityPolicy.distribute[" + from + "]: " + to + " totals " + total
            + ", not 100; make the weights of each from-zone total exactly 100");
      }
      copy.put(from, Collections.unmodifiableMap(new TreeMap<>(to)));
    });
    return new LocalityPolicy(region, Collections.unmodifiableMap(copy), null);
  }

  /**
   * Regional failover: when the endpoints of a from-region become unhealthy (outlier detection
   * ejects them), traffic goes to the to-region. Until then it stays in the client's zone, then
   * region.
   *
   * @param fromTo from-region → to-region, each pair different regions
   * @return the policy
   * @throws IllegalArgumentException for an empty map or a region failing over to itself
   */
  public static LocalityPolicy failover(Map<String, String> fromTo) {
    if (fromTo == null || fromTo.isEmpty()) {
      throw new IllegalArgumentException("LocalityPolicy.failover: {} has no region; give from-region → to-region");
    }
    fromTo.forEach((from, to) -> {
      if (from == null || from.equals(to) || from.contains("/") || to == null || to.contains("/")) {
        throw new IllegalArgumentException("LocalityPolicy.failover[" + from + "]: " + ApiObjects.quoted(to)
            + " is not another region; fail over between two different bare regions");
      }
    });
    return new LocalityPolicy(null, null, Collections.unmodifiableMap(new TreeMap<>(fromTo)));
  }

  /** {@return the distribute weights (from-zone → to-zone → weight), or null for a failover policy} */
  public Map<String, Map<String, Integer>> distribute() {
    return distribute;
  }

  /** {@return the failover regions (from → to), or null for a distribute policy} */
  public Map<String, String> failover() {
    return failover;
  }

  /**
   * The {@code localityLbSetting} object.
   *
   * @return the setting
   */
  Map<String, Object> localityLbSetting() {
    Map<String, Object> setting = new LinkedHashMap<>();
    setting.put("enabled", true);
    List<Object> rules = new ArrayList<>();
    if (distribute != null) {
      distribute.forEach((from, to) -> {
        Map<String, Object> weights = new LinkedHashMap<>();
        to.forEach((zone, weight) -> weights.put(locality(zone), weight));
        rules.add(ApiObjects.ordered("from", locality(from), "to", weights));
      });
      setting.put("distribute", rules);
    } else {
      failover.forEach((from, to) -> rules.add(ApiObjects.ordered("from", from, "to", to)));
      setting.put("failover", rules);
    }
    return setting;
  }

  private String locality(String zone) {
    return region + "/" + zone + "/*";
  }
}
