/**
 * Container images kept in-region: ECR repositories with scan on push, immutable tags, encryption
 * and lifecycle rules ({@link io.github.zonewise.registry.ImageRegistry}), cross-region replication,
 * ECR's limits ({@link io.github.zonewise.facts.EcrLimits}) and the in-region image URI of a service
 * ({@link io.github.zonewise.registry.RegistryImages}).
 */
package io.github.zonewise.registry;

