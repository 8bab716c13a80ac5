package io.github.zonewise.registry;

import io.github.zonewise.spec.LandscapeSpec;
import java.util.List;

/**
 * Resolves a service's {@code image} to the image its pods pull. An image whose repository is
 * one of the landscape's registry repositories becomes the in-region ECR URI, so pulls never
 * leave the region and go through the ECR interface endpoints (the image layers through the free
 * S3 gateway endpoint).
 *
 * <p>The landscape's cluster runs in its home region and pulls from there
 * ({@link #imageUri(LandscapeSpec, String)}). A cluster in one of {@code registry.replicateTo}'s
 * regions pulls the replica in its own region: {@link #imageUri(LandscapeSpec, String, String)} with
 * that region gives the same image under {@code <account>.dkr.ecr.<that region>.amazonaws.com}.
 */
public final class RegistryImages {

  /** What stands for the account id in image URIs when the landscape does not set {@code account}. */
  public static final String ACCOUNT_PLACEHOLDER = "${AWS_ACCOUNT_ID}";

  private RegistryImages() {
  }

  /**
   * The image a service's pods in the home region pull.
   *
   * @param spec  the checked landscape
   * @param image the service's {@code image}, e.g. {@code orders:1.4.2} or {@code orders@sha256:…}
   * @return the home region's ECR URI for a registry repository, else the image unchanged
   */
  public static String imageUri(LandscapeSpec spec, String image) {
    return imageUri(spec, image, spec.region());
  }

  /**
   * The image pods in a given region pull: the home region or one the registry replicates to.
   *
   * @param spec   the checked landscape
   * @param image  the service's {@code image}; without a tag or digest it means {@code :latest}
   * @param region the region the pods run in
   * @return that region's ECR URI for a registry repository, else the image unchanged
   * @throws IllegalArgumentException for a registry image and a region that holds no copy of it
   */
  public static String imageUri(LandscapeSpec spec, String image, String region) {
    if (image == null || spec.registry() == null || spec.registry().repositories() == null) {
      return image;
    }
    String repository;
    String reference;
    int at = image.indexOf('@');
    int colon = image.lastIndexOf(':');
    if (at >= 0) {
      repository = image.substring(0, at);
      reference = image.substring(at);
    } else if (colon > image.lastIndexOf('/')) {
      repository = image.substring(0, colon);
      reference = image.substring(colon);
    } else {
      repository = image;
      reference = ":latest";
    }
    if (!spec.registry().repositories().contains(repository)) {
      return image;
    }
    List<String> replicas = spec.registry().replicateTo() == null ? List.of() : spec.registry().replicateTo();
    if (!region.equals(spec.region()) && !replicas.contains(region)) {
      throw new IllegalArgumentException("region: " + region + " holds no copy of " + repository + "; the registry is in "
          + spec.region() + " and replicates to " + replicas);
    }
    String account = spec.account() != null ? spec.account() : ACCOUNT_PLACEHOLDER;
    return account + ".dkr.ecr." + region + ".amazonaws.com/" + repository + reference;
  }
}
