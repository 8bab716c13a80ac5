package io.github.zonewise.facts;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules for names and lists of names, shared by the constructs' props and the landscape's checks:
 * each rule is written once and reports under the name its caller gives.
 */
public final class Names {

  /** DNS-1123 label: lower-case alphanumerics and '-', starting and ending alphanumeric, at most 63. */
  public static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /**
   * CloudFormation's rule for a stack name (AWS CloudFormation User Guide, "Create a stack": "A stack name
   * can contain only alphanumeric characters (case-sensitive) and hyphens. It must start with an alphabetic
   * character and can't be longer than 128 characters"), which aws-cdk-lib checks too.
   */
  public static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][-A-Za-z0-9]{0,127}");

  private Names() {
  }

  /**
   * A name that stacks are named after: each stack name it makes must be one CloudFormation takes.
   *
   * @param property   the property or field path of the name
   * @param name       the name
   * @param stackNames the stack names it makes, e.g. {@code [shop-network, shop-cluster]}
   * @return the name
   * @throws InvalidValue for the first stack name CloudFormation refuses
   */
  public static String stackName(String property, String name, List<String> stackNames) {
    for (String stack : stackNames) {
      if (!STACK_NAME.matcher(stack).matches()) {
        throw new InvalidValue(property, name, "makes the stack name " + stack + ", and a CloudFormation stack name "
            + (stack.length() > 128 ? "has at most 128 characters; shorten the name"
            : "starts with a letter and holds only letters, digits and '-'; start the name with a letter"));
      }
    }
    return name;
  }

  /**
   * A DNS-1123 label (Kubernetes names, the landscape's and the peers' names).
   *
   * @param property the property or field path
   * @param value    the name
   * @return the name
   * @throws InvalidValue when it is not one
   */
  public static String dnsLabel(String property, String value) {
    if (value == null || !DNS_LABEL.matcher(value).matches()) {
      throw new InvalidValue(property, value, "is not a DNS-1123 label; use at most 63 lower-case letters,"
          + " digits and '-', starting and ending with a letter or digit");
    }
    return value;
  }

  /**
   * A list whose every item is one of the known names, each once.
   *
   * @param property the list's property or field path; an item is reported as {@code property[i]}
   * @param values   the list
   * @param known    the names allowed
   * @param what     what an item is, e.g. {@code "interface endpoint"}
   * @return the list
   * @throws InvalidValue for the first unknown or repeated item
   */
  public static List<String> knownOnce(String property, List<String> values, List<String> known, String what) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (v == null || !known.contains(v)) {
        String near = v == null ? null : nearest(v, known);
        throw new InvalidValue(property + "[" + i + "]", v, "is not a known " + what + "; "
            + (near != null ? "did you mean '" + near + "'? " : "") + "use one of " + String.join(", ", known));
      }
      if (!seen.add(v)) {
        throw new InvalidValue(property + "[" + i + "]", v, "is listed twice; list each " + what + " once");
      }
    }
    return values;
  }

  /**
   * The known name nearest to an unknown one, if it is near enough to be a typo (or a truncated or
   * extended name).
   *
   * @param unknown the name written
   * @param known   the names allowed there
   * @return the nearest known name, or null
   */
  public static String nearest(String unknown, Collection<String> known) {
    String lower = unknown.toLowerCase();
    // the first part of a dotted or dashed name: 'ecr' for 'ecr.api', 'eks' for 'eks-auth' is exact, not a typo
    String part = known.stream()
        .filter(k -> k.toLowerCase().startsWith(lower + ".") || k.toLowerCase().startsWith(lower + "-"))
        .min(Comparator.comparingInt(String::length).thenComparing(k -> k)).orElse(null);
    if (part != null && !known.contains(unknown)) {
      return part;
    }
    String closest = known.stream()
        .min(Comparator.comparingInt((String k) -> distance(lower, k.toLowerCase())).thenComparing(k -> k))
        .filter(k -> distance(lower, k.toLowerCase()) <= Math.max(2, Math.min(k.length(), unknown.length()) / 2))
        .orElse(null);
    if (closest != null || lower.length() < 3) {
      return closest;
    }
    // a truncated or extended key: 'transit' for 'transitGateway', 'cidrBlock' for 'cidr'
    return known.stream()
        .filter(k -> k.toLowerCase().startsWith(lower) || lower.startsWith(k.toLowerCase()))
        .min(Comparator.comparingInt((String k) -> Math.abs(k.length() - lower.length())).thenComparing(k -> k))
        .orElse(null);
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
