package io.github.zonewise.spec;

/**
 * One entry of {@code traffic}: monthly gigabytes from one end to another. The cost model prices
 * each flow along the path it takes in each design (see {@code io.github.zonewise.cost.Flow}).
 *
 * @param from a service, {@code internet}, a peer VPC name, an AWS service ({@code s3},
 *             {@code dynamodb}, {@code ecr}, {@code sts}, {@code logs} or any interface endpoint
 *             name) or another region
 * @param to   the same kinds of end; {@code ecr} → a region of {@code registry.replicateTo} gives the
 *             registry's monthly replication volume; a flow with no service at either end that is not
 *             between two peer VPCs is not priced
 * @param gb   gigabytes per month, ≥ 0, counted in the direction written
 */
public record FlowSpec(String from, String to, Double gb) {
}
