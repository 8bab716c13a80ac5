/**
 * Between VPCs of one region: VPC peering or a Transit Gateway
 * ({@link io.github.zonewise.interconnect.Interconnect}; a landscape's design step decides between them).
 * {@link io.github.zonewise.interconnect.VpcInterconnect} composes the cluster VPC, created or existing
 * peer VPCs, and {@link io.github.zonewise.interconnect.VpcPeering} or
 * {@link io.github.zonewise.interconnect.TransitGateway}.
 */
package io.github.zonewise.interconnect;
