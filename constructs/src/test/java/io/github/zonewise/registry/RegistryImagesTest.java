package io.github.zonewise.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryImagesTest {

  static RegistryImages spec(String account) {
    return new RegistryImages(Optional.ofNullable(account), "eu-west-1", List.of("orders", "shop/graphql"),
        List.of("us-west-2"));
  }

  @Test
  void aRegistryImageBecomesTheHomeRegionsUri() {
    assertThat(spec("123456789012").imageUri("orders:1.4.2"))
        .isEqualTo("123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2");
  }

  @Test
  void withoutAnAccountTheUriHasThePlaceholder() {
    assertThat(spec(null).imageUri("shop/graphql:2.7.0"))
        .isEqualTo("${AWS_ACCOUNT_ID}.dkr.ecr.eu-west-1.amazonaws.com/shop/graphql:2.7.0");
  }

  @Test
  void aReplicaRegionPullsItsOwnCopy() {
    assertThat(spec("123456789012").imageUri("orders:1.4.2", "us-west-2"))
        .isEqualTo("123456789012.dkr.ecr.us-west-2.amazonaws.com/orders:1.4.2");
  }

  @Test
  void digestsAndMissingTagsAreKept() {
    assertThat(spec("123456789012").imageUri("orders@sha256:abc"))
        .isEqualTo("123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders@sha256:abc");
    assertThat(spec("123456789012").imageUri("orders"))
        .isEqualTo("123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:latest");
  }

  @Test
  void otherImagesAreUnchanged() {
    assertThat(spec("123456789012").imageUri("nginx:1.27")).isEqualTo("nginx:1.27");
    assertThat(spec("123456789012").imageUri("registry.example.com:5000/orders"))
        .isEqualTo("registry.example.com:5000/orders");
  }

  @Test
  void aRegionWithoutACopyIsRejected() {
    assertThatThrownBy(() -> spec("123456789012").imageUri("orders:1.4.2", "ap-south-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("region: ap-south-1 holds no copy of orders; the registry is in eu-west-1 and replicates to"
            + " [us-west-2]");
  }
}
