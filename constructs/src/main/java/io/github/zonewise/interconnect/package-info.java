/**
 * Between VPCs of one region: VPC peering or a Transit Gateway, and the choice between them
 * ({@link io.github.zonewise.interconnect.Interconnect}, {@link io.github.zonewise.design.InterconnectDecision}).
 * {@link io.github.zonewise.interconnect.VpcInterconnect} composes the cluster VPC, created or existing
 * peer VPCs, and {@link io.github.zonewise.interconnect.VpcPeering} or
 * {@link io.github.zonewise.interconnect.TransitGateway}.
 */
package io.github.zonewise.interconnect;

import io.github.zonewise.design.InterconnectDecision;
