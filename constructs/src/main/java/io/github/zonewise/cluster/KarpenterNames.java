package io.github.zonewise.cluster;

/**
 * The names that join Karpenter's AWS side (the cluster stack) to its Kubernetes side (the
 * EC2NodeClass and NodePools of the locality layer). Both sides take them from here.
 */
public final class KarpenterNames {

  /** The tag key Karpenter discovers subnets and security groups by. */
  public static final String DISCOVERY_TAG = "karpenter.sh/discovery";

  private KarpenterNames() {
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
    return "KarpenterNodeRole-" + clusterName;
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
