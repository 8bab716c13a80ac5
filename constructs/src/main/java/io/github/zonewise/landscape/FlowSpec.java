package io.github.zonewise.landscape;

/**
 * One entry of {@code traffic}: monthly gigabytes from one endpoint to another.
 *
 * @param from a service, {@code internet}, or another endpoint (see README)
 * @param to   a service, {@code internet}, {@code s3}, {@code dynamodb}, {@code ecr}, {@code sts},
 *             {@code logs}, a peer VPC name or a region
 * @param gb   gigabytes per month, ≥ 0
 */
public record FlowSpec(String from, String to, Double gb) {
}
