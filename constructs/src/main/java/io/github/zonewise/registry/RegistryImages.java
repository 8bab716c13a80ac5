package io.github.zonewise.registry;

import io.github.zonewise.landscape.LandscapeSpec;

/**
 * Resolves a service's {@code image} to the image its pods pull. An image whose repository is
 * one of the landscape's registry repositories becomes the in-region ECR URI, so pulls never
 * leave the region and go through the ECR interface endpoints.
 */
public final class RegistryImages {

  /** What stands for the account id in image URIs when the landscape does not set {@code account}. */
  public static final String ACCOUNT_PLACEHOLDER = "${AWS_ACCOUNT_ID}";

  private RegistryImages() {
  }

  /**
   * The image a service's pods pull.
   *
   * @param spec  the checked landscape
   * @param image the service's {@code image}, e.g. {@code orders:1.4.2}
   * @return the ECR URI for a registry repository, else the image unchanged
   */
  public static String imageUri(LandscapeSpec spec, String image) {
    if (image == null || spec.registry() == null || spec.registry().repositories() == null) {
      return image;
    }
    int colon = image.lastIndexOf(':');
    String repository = colon < 0 ? image : image.substring(0, colon);
    String tag = colon < 0 ? "latest" : image.substring(colon + 1);
    if (!spec.registry().repositories().contains(repository)) {
      return image;
    }
    String account = spec.account() != null ? spec.account() : ACCOUNT_PLACEHOLDER;
    return account + ".dkr.ecr." + spec.region() + ".amazonaws.com/" + repository + ":" + tag;
  }
}
