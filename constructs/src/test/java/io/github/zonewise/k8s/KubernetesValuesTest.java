package io.github.zonewise.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The image reference grammar the kubelet parses images with, as the shared rule applies it. */
class KubernetesValuesTest {

  @ParameterizedTest
  @ValueSource(strings = {"nginx", "nginx:1.27", "library/nginx:1.27-alpine", "public.ecr.aws/nginx/nginx:1.27",
      "localhost:5000/team/app:v1", "registry.example.com:443/a.b/c__d/e--f:Tag_1.0",
      "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      "[::1]:5000/app:1", "${AWS_ACCOUNT_ID}.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2", "Registry.Example.com/app"})
  void aReferenceOfTheGrammarIsAccepted(String image) {
    assertThat(KubernetesValues.image("image", image)).isEqualTo(image);
    assertThat(KubernetesValues.IMAGE_REFERENCE.matcher(image).matches()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Nginx:1.27", "nginx:", "nginx:.x", "team//app", "/app", "app/", "a..b", "a_-b",
      "nginx@sha256:abc", "nginx@:0123456789abcdef0123456789abcdef", "ngi nx"})
  void aReferenceOutsideTheGrammarIsRejected(String image) {
    assertThatThrownBy(() -> KubernetesValues.image("image", image)).hasMessageStartingWith("image: '" + image
        + "' is not an image reference: ");
    assertThat(KubernetesValues.IMAGE_REFERENCE.matcher(image).matches()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {129})
  void aTagLongerThan128CharactersIsRejected(int length) {
    String image = "nginx:" + "a".repeat(length);
    assertThatThrownBy(() -> KubernetesValues.image("image", image)).hasMessage("image: '" + image + "' is not an"
        + " image reference: '" + "a".repeat(length) + "' is not a tag; a tag is 1 to 128 letters, digits, '_', '.' and"
        + " '-', not starting with '.' or '-'");
  }

  @ParameterizedTest
  @ValueSource(ints = {256})
  void aRepositoryNameLongerThan255CharactersIsRejected(int length) {
    String image = "a".repeat(length) + ":1";
    assertThatThrownBy(() -> KubernetesValues.image("image", image)).hasMessage("image: '" + image + "' is not an"
        + " image reference: its repository name is 256 characters long; use at most 255");
  }
}
