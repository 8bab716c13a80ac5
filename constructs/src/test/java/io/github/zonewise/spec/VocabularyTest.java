package io.github.zonewise.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zonewise.k8s.ZonalRouting;
import io.github.zonewise.network.NatStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The landscape file's names map to the library's choice types, each name to the choice of that name. */
class VocabularyTest {

  static final List<Vocabulary.Choices<?>> ALL = List.of(Vocabulary.NAT, Vocabulary.INTERCONNECT, Vocabulary.ROUTING,
      Vocabulary.LOAD_BALANCER, Vocabulary.SCHEME, Vocabulary.MESH, Vocabulary.MANIFESTS);

  @Test
  void everyNameIsTheChoiceOfThatName() {
    for (Vocabulary.Choices<?> choices : ALL) {
      assertThat(choices.names()).isNotEmpty().doesNotHaveDuplicates()
          .allSatisfy(n -> assertThat(choices.of(n)).isPresent());
    }
    assertThat(Vocabulary.ROUTING.of("topologyAware")).contains(ZonalRouting.topologyAware());
    assertThat(Vocabulary.NAT.of("perAz")).contains(NatStrategy.perAz());
  }

  @Test
  void namesAreCaseSensitive() {
    assertThat(Vocabulary.ROUTING.of("topologyaware")).isEmpty();
  }

  @Test
  void anUnknownNameNamesTheFieldTheNearestNameAndEveryName() {
    assertThatThrownBy(() -> Vocabulary.NAT.require("network.nat", "perAZ"))
        .isInstanceOf(LandscapeException.class)
        .hasMessage("network.nat: 'perAZ' is not a NAT strategy; did you mean 'perAz'? use one of perAz, single,"
            + " regional, none");
  }
}
