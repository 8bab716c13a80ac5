package io.github.zonewise.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zonewise.spec.LandscapeSpec;
import io.github.zonewise.spec.RegistrySpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryImagesTest {

  static LandscapeSpec spec(String account) {
    return new LandscapeSpec("shop", "eu-west-1", account, List.of("eu-west-1a", "eu-west-1b"), false, null, null,
        new RegistrySpec(List.of("orders", "shop/graphql"), List.of("us-west-2")), null, null, null, null, null);
  }

  @Test
  void aRegistryImageBecomesTheHomeRegionsUri() {
    assertThat(RegistryImages.imageUri(spec("123456789012"), "orders:1.4.2"))
        .isEqualTo("123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2");
  }

  @Test
  void withoutAnAccountTheUriHasThePlaceholder() {
    assertThat(RegistryImages.imageUri(spec(null), "shop/graphql:2.7.0"))
        .isEqualTo("${AWS_ACCOUNT_ID}.dkr.ecr.eu-west-1.amazonaws.com/shop/graphql:2.7.0");
  }

  @Test
  void aReplicaRegionPullsItsOwnCopy() {
    assertThat(RegistryImages.imageUri(spec("123456789012"), "orders:1.4.2", "us-west-2"))
        .isEqualTo("123456789012.dkr.ecr.us-west-2.amazonaws.com/orders:1.4.2");
  }

  @Test
  void digestsAndMissingTagsAreKept() {
    assertThat(RegistryImages.imageUri(spec("123456789012"), "orders@sha256:abc"))
        .isEqualTo("123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders@sha256:abc");
    assertThat(RegistryImages.imageUri(spec("123456789012"), "orders"))
        .isEqualTo("123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:latest");
  }

  @Test
  void otherImagesAreUnchanged() {
    assertThat(RegistryImages.imageUri(spec("123456789012"), "nginx:1.27")).isEqualTo("nginx:1.27");
    assertThat(RegistryImages.imageUri(spec("123456789012"), "registry.example.com:5000/orders"))
        .isEqualTo("registry.example.com:5000/orders");
  }

  @Test
  void aRegionWithoutACopyIsRejected() {
    assertThatThrownBy(() -> RegistryImages.imageUri(spec("123456789012"), "orders:1.4.2", "ap-south-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("region: ap-south-1 holds no copy of orders; the registry is in eu-west-1 and replicates to"
            + " [us-west-2]");
  }
}
