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
 * @param availabilityZones the landscape's AZs, which a Transit Gateway attachment of an existing peer
 *             needs a subnet in each of; empty when not known (then the count is not checked)
 */
public record InterconnectSpec(Optional<Interconnect> mode, List<PeerVpc> vpcs, List<String> availabilityZones) {

  /**
   * Checks the mode is set and copies the peers and zones.
   *
   * @param mode              the mode asked for, or empty for the design step to choose; not null
   * @param vpcs              the peer VPCs
   * @param availabilityZones the landscape's AZs
   */
  public InterconnectSpec {
    Objects.requireNonNull(mode, "mode");
    vpcs = List.copyOf(vpcs);
    availabilityZones = List.copyOf(availabilityZones);
  }

  /**
   * The section without the landscape's AZs.
   *
   * @param mode the mode the landscape asks for; empty for {@code auto}
   * @param vpcs the peer VPCs
   */
  public InterconnectSpec(Optional<Interconnect> mode, List<PeerVpc> vpcs) {
    this(mode, vpcs, List.of());
  }
}
