package io.github.zonewise.cluster;

import java.util.List;

/**
 * The EKS control-plane logs a {@link ZonalCluster} sends to CloudWatch Logs, named as CloudFormation
 * writes them ({@code Logging.ClusterLogging.EnabledTypes[].Type}): the API server, audit and
 * authenticator logs, the ones that answer who did what to the cluster. The controller manager and
 * scheduler logs are left off: they are rarely read and add ingestion.
 *
 * <p>Cost: each type is billed as CloudWatch Logs standard ingestion per GB (the price book's
 * {@code cloudWatchLogsIngestionPerGb}); the cost report estimates {@code eksControlPlaneLogGbPerTypeMonth}
 * GB a month for each.
 */
public final class ControlPlaneLogs {

  /** The enabled types, in the order the template lists them. */
  public static final List<String> TYPES = List.of("api", "audit", "authenticator");

  private ControlPlaneLogs() {
  }
}
