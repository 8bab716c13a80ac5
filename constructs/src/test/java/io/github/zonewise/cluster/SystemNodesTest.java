package io.github.zonewise.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SystemNodesTest {

  @Test
  void defaultsAreOneGravitonM7gLargePerAz() {
    assertThat(SystemNodes.defaults()).isEqualTo(new SystemNodes("m7g.large", 1));
  }

  @Test
  void fewerThanOneNodePerAzIsRejected() {
    assertThatThrownBy(() -> new SystemNodes("m7g.large", 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("system nodes: 0 per AZ is below one; every AZ needs a node for the controllers");
  }

  @Test
  void moreNodesPerAzThanAManagedNodeGroupTakesAreRejected() {
    assertThatThrownBy(() -> new SystemNodes("m7g.large", 451)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("system nodes: 451 per AZ is more than the 450 nodes an EKS managed node group takes");
  }

  @Test
  void theSharedRuleNamesTheCallersProperty() {
    assertThatThrownBy(() -> SystemNodes.checkPerAz("ZonalClusterProps.systemNodes.perAz", 5000))
        .hasMessage("ZonalClusterProps.systemNodes.perAz: 5000 is more than the 450 nodes an EKS managed node group"
            + " takes (the service quota 'Nodes per managed node group'), and each AZ has one group; the controllers"
            + " need a few nodes per AZ: use 1 to 450 (Karpenter provisions the nodes for workloads)");
  }

  @Test
  void instanceTypeWithoutSizeIsRejected() {
    assertThatThrownBy(() -> new SystemNodes("m7g", 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("system nodes: 'm7g' is not an EC2 instance type; write one such as m7g.large");
  }
}
