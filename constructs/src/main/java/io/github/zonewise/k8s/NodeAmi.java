package io.github.zonewise.k8s;

import java.util.List;
import java.util.Map;

/**
 * The AMI an {@code EC2NodeClass} boots its nodes from. Always pinned: an alias with
 * {@code @latest} drifts (and replaces every node) on each AMI release, so it is refused.
 * <ul>
 *   <li>{@link #alias(String)}: an EKS-optimized AMI release, e.g. {@code al2023@v20260818} (the default,
 *       {@link #DEFAULT_ALIAS}); the release must be published for the cluster's Kubernetes version;</li>
 *   <li>{@link #id(String)} / {@link #ssmParameter(String)}: a custom AMI, e.g. one with large images
 *       pre-cached (the guide's option for large images: no pull on a new node, no pull traffic).</li>
 * </ul>
 */
public final class NodeAmi {

  /** The pinned EKS-optimized Amazon Linux 2023 release the node classes use by default. */
  public static final String DEFAULT_ALIAS = "al2023@v20260818";

  /** The alias families that can be pinned to a release. */
  public static final List<String> ALIAS_FAMILIES = List.of("al2023", "bottlerocket");

  /** The AMI families a custom AMI can be built on ({@code amiFamily}: the user-data format). */
  public static final List<String> CUSTOM_FAMILIES = List.of("AL2023", "Bottlerocket");

  private final String kind;
  private final String value;
  private final String family;

  private NodeAmi(String kind, String value, String family) {
    this.kind = kind;
    this.value = value;
    this.family = family;
  }

  /**
   * An EKS-optimized AMI release by Karpenter alias.
   *
   * @param alias {@code family@version}, family one of {@link #ALIAS_FAMILIES}, version pinned
   *              (e.g. {@code v20260818} for al2023, {@code v1.44.0} for bottlerocket)
   * @return the AMI
   * @throws IllegalArgumentException for another family or an unpinned version
   */
  public static NodeAmi alias(String alias) {
    String problem = aliasProblem(alias);
    if (problem != null) {
      throw new IllegalArgumentException("NodeAmi.alias: " + ApiObjects.quoted(alias) + " " + problem);
    }
    return new NodeAmi("alias", alias, null);
  }

  /**
   * What is wrong with an alias, for messages.
   *
   * @param alias the alias
   * @return the problem and fix, or null when the alias is fine
   */
  public static String aliasProblem(String alias) {
    if (alias == null || !alias.matches("[a-z0-9]+@\\S+") || alias.length() > 30) {
      return "is not a Karpenter alias; write family@version, e.g. " + DEFAULT_ALIAS;
    }
    String[] parts = alias.split("@", 2);
    if (!ALIAS_FAMILIES.contains(parts[0])) {
      return "is not a pinnable AMI family; use one of " + ALIAS_FAMILIES + ", e.g. " + DEFAULT_ALIAS;
    }
    if (parts[1].equals("latest")) {
      return "drifts to every new AMI release (and replaces every node); pin a release, e.g. " + DEFAULT_ALIAS;
    }
    if (!parts[1].matches("v\\d+(\\.\\d+)*")) {
      return "has no release version; pin one, e.g. " + DEFAULT_ALIAS;
    }
    return null;
  }

  /**
   * A custom AMI by id, built on Amazon Linux 2023.
   *
   * @param id {@code ami-…}
   * @return the AMI
   */
  public static NodeAmi id(String id) {
    return id(id, "AL2023");
  }

  /**
   * A custom AMI by id.
   *
   * @param id     {@code ami-…}
   * @param family the family it is built on, one of {@link #CUSTOM_FAMILIES}
   * @return the AMI
   */
  public static NodeAmi id(String id, String family) {
    if (id == null || !id.matches("ami-([0-9a-f]{8}|[0-9a-f]{17})")) {
      throw new IllegalArgumentException("NodeAmi.id: " + ApiObjects.quoted(id) + " is not an AMI id; write ami-"
          + " followed by 8 or 17 hex digits");
    }
    return new NodeAmi("id", id, family(family));
  }

  /**
   * A custom AMI whose id an SSM parameter holds (e.g. one a pipeline updates), built on Amazon Linux 2023.
   *
   * @param parameter the parameter's name or ARN
   * @return the AMI
   */
  public static NodeAmi ssmParameter(String parameter) {
    return ssmParameter(parameter, "AL2023");
  }

  /**
   * A custom AMI whose id an SSM parameter holds.
   *
   * @param parameter the parameter's name or ARN
   * @param family    the family it is built on, one of {@link #CUSTOM_FAMILIES}
   * @return the AMI
   */
  public static NodeAmi ssmParameter(String parameter, String family) {
    if (parameter == null || parameter.isBlank() || parameter.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("NodeAmi.ssmParameter: " + ApiObjects.quoted(parameter) + " is not an SSM"
          + " parameter name; write its name (e.g. /images/orders-node/ami-id) or ARN");
    }
    return new NodeAmi("ssmParameter", parameter, family(family));
  }

  /** {@return the default: {@link #DEFAULT_ALIAS}} */
  public static NodeAmi defaultAlias() {
    return alias(DEFAULT_ALIAS);
  }

  private static String family(String family) {
    if (!CUSTOM_FAMILIES.contains(family)) {
      throw new IllegalArgumentException("NodeAmi family: " + ApiObjects.quoted(family) + " is not a family Karpenter"
          + " can boot a custom AMI of; use one of " + CUSTOM_FAMILIES);
    }
    return family;
  }

  /** {@return {@code alias}, {@code id} or {@code ssmParameter}} */
  public String kind() {
    return kind;
  }

  /** {@return the alias, id or parameter} */
  public String value() {
    return value;
  }

  /** {@return the {@code amiFamily} of a custom AMI, or null for an alias (Karpenter infers it)} */
  public String family() {
    return family;
  }

  /** {@return whether this is a custom AMI (id or SSM parameter)} */
  public boolean isCustom() {
    return family != null;
  }

  Map<String, Object> selectorTerm() {
    return Map.of(kind, value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NodeAmi a && a.kind.equals(kind) && a.value.equals(value)
        && java.util.Objects.equals(a.family, family);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(kind, value, family);
  }

  @Override
  public String toString() {
    return kind + ": " + value + (family != null ? " (" + family + ")" : "");
  }
}
