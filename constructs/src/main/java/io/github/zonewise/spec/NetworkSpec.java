package io.github.zonewise.spec;

import io.github.zonewise.facts.Cidr;
import io.github.zonewise.network.FlowLogDestination;
import io.github.zonewise.network.NatStrategy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code network} section, checked: the cluster VPC.
 *
 * @param cidr                 the VPC CIDR, /16 to /20 (default {@code 10.0.0.0/16})
 * @param nat                  the NAT strategy the landscape asks for; empty when it leaves it to the
 *                             design step (which keeps zone-redundant egress: one gateway per AZ)
 * @param gatewayEndpoints     gateway endpoints on every private route table (default {@code [s3, dynamodb]})
 * @param interfaceEndpoints   the interface endpoints the landscape lists; empty when it leaves them to the
 *                             design step
 * @param flowLogDestination   where the VPC flow logs go ({@code network.flowLogs.destination}, default
 *                             {@code s3}: the landscape's archive bucket, half CloudWatch Logs' price per GB)
 * @param flowLogRetentionDays days the VPC flow logs are kept ({@code network.flowLogs.retentionDays}, default 30)
 */
public record NetworkSpec(Cidr cidr, Optional<NatStrategy> nat, List<String> gatewayEndpoints,
    Optional<List<String>> interfaceEndpoints, FlowLogDestination flowLogDestination, int flowLogRetentionDays) {

  /**
   * Checks every field is set and copies the lists.
   *
   * @param cidr                 the VPC CIDR; not null
   * @param nat                  the NAT strategy asked for, or empty for the design step to choose
   * @param gatewayEndpoints     gateway endpoints on every private route table
   * @param interfaceEndpoints   the interface endpoints listed, or empty for the design step to choose
   * @param flowLogDestination   where the VPC flow logs go; not null
   * @param flowLogRetentionDays days the VPC flow logs are kept
   */
  public NetworkSpec {
    Objects.requireNonNull(cidr, "cidr");
    Objects.requireNonNull(nat, "nat");
    Objects.requireNonNull(flowLogDestination, "flowLogDestination");
    gatewayEndpoints = List.copyOf(gatewayEndpoints);
    interfaceEndpoints = interfaceEndpoints.map(List::copyOf);
  }
}
