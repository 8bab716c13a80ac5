package io.github.zonewise.interconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeerVpcTest {

  @Test
  void aCreatedPeerHasNoIdsAndACanonicalCidr() {
    PeerVpc peer = PeerVpc.created("payments", " 10.1.0.0/16");
    assertThat(peer.isExisting()).isFalse();
    assertThat(peer.cidr()).isEqualTo("10.1.0.0/16");
    assertThat(peer.routeTableIds()).isEmpty();
    assertThat(peer.subnetIds()).isEmpty();
  }

  @Test
  void anExistingPeerKeepsItsIds() {
    PeerVpc peer = PeerVpc.existing("ledger", "172.16.0.0/16", "vpc-0a1b2c3d4e5f67890",
        List.of("rtb-0a1b2c3d"), List.of("subnet-0a1b2c3d"));
    assertThat(peer.isExisting()).isTrue();
    assertThat(peer.routeTableIds()).containsExactly("rtb-0a1b2c3d");
  }

  @Test
  void anInvalidVpcIdIsRejected() {
    assertThatThrownBy(() -> PeerVpc.existing("ledger", "172.16.0.0/16", "vpc-XYZ", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("vpcId: 'vpc-XYZ' of peer VPC ledger is not a VPC id; write vpc- and 8 or 17 hex digits");
  }

  @Test
  void idsOfAnExistingVpcNeedItsVpcId() {
    assertThatThrownBy(() -> new PeerVpc("payments", "10.1.0.0/16", null, List.of("rtb-0a1b2c3d"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("peer VPC payments has routeTableIds or subnetIds but no vpcId; they apply only to an existing VPC");
  }

  @Test
  void aCidrWithHostBitsIsRejected() {
    assertThatThrownBy(() -> PeerVpc.created("payments", "10.1.0.1/16"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cidr: '10.1.0.1/16' of peer VPC payments is not a CIDR block; write one such as 10.1.0.0/16");
  }
}
