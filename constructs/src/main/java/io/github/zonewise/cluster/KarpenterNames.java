package io.github.zonewise.cluster;

import io.github.zonewise.facts.InvalidValue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names that join Karpenter's AWS side (the cluster stack) to its Kubernetes side (the
 * EC2NodeClass and NodePools of the locality layer). Both sides take them from here.
 */
public final class KarpenterNames {

  /** The tag key Karpenter discovers subnets and security groups by. */
  public static final String DISCOVERY_TAG = "karpenter.sh/discovery";

  /** The namespace the Karpenter controller runs in (the Helm release's namespace). */
  public static final String NAMESPACE = "kube-system";

  /** The controller's service account, bound to its IAM role through EKS Pod Identity. */
  public static final String SERVICE_ACCOUNT = "karpenter";

  /** The prefix of {@link #nodeRoleName(String)}. */
  public static final String NODE_ROLE_PREFIX = "KarpenterNodeRole-";

  /**
   * The longest cluster name whose {@link #nodeRoleName(String)} fits IAM's 64-character limit
   * on role names.
   */
  public static final int MAX_CLUSTER_NAME_LENGTH = 64 - NODE_ROLE_PREFIX.length();

  /**
   * The values of Karpenter's {@code karpenter.k8s.aws/instance-category} label: the letters of an EC2
   * instance type before its generation ({@code c} for {@code c7i.large}, {@code inf} for
   * {@code inf2.xlarge}, {@code u} for {@code u-6tb1.metal}), for every instance type Karpenter's
   * instance-type reference lists (karpenter-provider-aws, {@code website/content/en/docs/reference/instance-types.md},
   * 2026-08-21).
   */
  public static final List<String> INSTANCE_CATEGORIES = List.of("a", "c", "d", "dl", "f", "g", "gr", "h", "hpc", "i",
      "im", "inf", "is", "m", "p", "r", "t", "trn", "u", "vt", "x", "z");

  private KarpenterNames() {
  }

  /**
   * Instance categories a NodePool can require: each a category Karpenter labels instance types with,
   * listed once.
   *
   * @param property the list's property or field path; an item is reported as {@code property[i]}
   * @param categories the categories
   * @return the categories
   * @throws InvalidValue for the first unknown or repeated category
   */
  public static List<String> checkInstanceCategories(String property, List<String> categories) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < categories.size(); i++) {
      String c = categories.get(i);
      if (c == null || !INSTANCE_CATEGORIES.contains(c)) {
        String letters = c == null ? "" : c.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z].*$", "");
        String near = INSTANCE_CATEGORIES.contains(letters) ? letters : null;
        throw new InvalidValue(property + "[" + i + "]", c, "is not an EC2 instance category Karpenter knows (the"
            + " letters before the generation, as c in c7i.large); " + (near != null ? "did you mean '" + near + "'? "
            : "") + "use one of " + String.join(", ", INSTANCE_CATEGORIES));
      }
      if (!seen.add(c)) {
        throw new InvalidValue(property + "[" + i + "]", c, "is listed twice; list each instance category once");
      }
    }
    return categories;
  }

  /**
   * A cluster name whose Karpenter node role fits IAM's limit.
   *
   * @param property the property or field path
   * @param name     the cluster name
   * @return the name
   * @throws InvalidValue when it is longer than {@link #MAX_CLUSTER_NAME_LENGTH}
   */
  public static String checkClusterName(String property, String name) {
    if (name.length() > MAX_CLUSTER_NAME_LENGTH) {
      throw new InvalidValue(property, name, "is too long for the cluster: Karpenter's node role "
          + NODE_ROLE_PREFIX + "<name> must fit IAM's 64 characters; use at most " + MAX_CLUSTER_NAME_LENGTH
          + " characters");
    }
    return name;
  }

  /**
   * The value of the discovery tag on the private subnets and the cluster security group.
   *
   * @param clusterName the EKS cluster's name
   * @return the tag value: the cluster name
   */
  public static String discoveryValue(String clusterName) {
    return clusterName;
  }

  /**
   * The IAM role the nodes Karpenter launches assume; the EC2NodeClass names it in {@code spec.role}.
   *
   * @param clusterName the EKS cluster's name
   * @return {@code KarpenterNodeRole-<cluster>}
   */
  public static String nodeRoleName(String clusterName) {
    return NODE_ROLE_PREFIX + clusterName;
  }

  /**
   * The SQS queue Karpenter reads interruption events from (Helm value {@code settings.interruptionQueue}).
   *
   * @param clusterName the EKS cluster's name
   * @return the queue name: the cluster name
   */
  public static String interruptionQueueName(String clusterName) {
    return clusterName;
  }
}
