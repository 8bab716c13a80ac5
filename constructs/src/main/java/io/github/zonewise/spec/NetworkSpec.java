package io.github.zonewise.spec;

import java.util.List;

/**
 * The {@code network} section: the cluster VPC.
 *
 * @param cidr                the VPC CIDR, /16 to /20; default {@code 10.0.0.0/16}
 * @param nat                 {@code perAz} (default) | {@code single} | {@code regional} | {@code none}
 * @param gatewayEndpoints    gateway endpoints on every private route table; default {@code [s3, dynamodb]}
 * @param interfaceEndpoints  interface endpoints in every AZ; default {@code [ecr.api, ecr.dkr, sts, logs, eks-auth]}
 * @param flowLogRetentionDays days the VPC flow logs are kept in CloudWatch Logs; default 30
 */
public record NetworkSpec(
    String cidr,
    String nat,
    List<String> gatewayEndpoints,
    List<String> interfaceEndpoints,
    Integer flowLogRetentionDays) {
}
