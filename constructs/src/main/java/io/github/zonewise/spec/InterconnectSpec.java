package io.github.zonewise.spec;

import io.github.zonewise.interconnect.Interconnect;
import io.github.zonewise.interconnect.PeerVpc;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code interconnect} section, checked: other VPCs in the home region that the cluster VPC
 * talks to.
 *
 * @param mode the mode the landscape asks for; empty for {@code auto} (or no mode): the design step
 *             decides
 * @param vpcs the peer VPCs, at least one, names and CIDRs unique and not overlapping
 */
public record InterconnectSpec(Optional<Interconnect> mode, List<PeerVpc> vpcs) {

  /** Checks the mode is set and copies the peers. */
  public InterconnectSpec {
    Objects.requireNonNull(mode, "mode");
    vpcs = List.copyOf(vpcs);
  }
}
