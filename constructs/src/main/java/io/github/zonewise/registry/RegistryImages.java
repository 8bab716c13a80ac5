package io.github.zonewise.registry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves a service's {@code image} to the image its pods pull. An image whose repository is
 * one of the registry's repositories becomes the in-region ECR URI, so pulls never leave the region
 * and go through the ECR interface endpoints (the image layers through the free S3 gateway endpoint).
 *
 * <p>A cluster in the registry's home region pulls from there ({@link #imageUri(String)}). A cluster
 * in one of the replica regions pulls the replica in its own region: {@link #imageUri(String, String)}
 * with that region gives the same image under {@code <account>.dkr.ecr.<that region>.amazonaws.com}.
 * Plain Java.
 *
 * @param account      the AWS account id; without one, URIs carry {@link #ACCOUNT_PLACEHOLDER}, which
 *                     the cluster stack resolves to its account when it applies the manifests
 * @param home         the registry's home region
 * @param repositories the registry's repositories (none: every image stays as written)
 * @param replicateTo  the regions the registry replicates to
 */
public record RegistryImages(Optional<String> account, String home, List<String> repositories,
    List<String> replicateTo) {

  /** What stands for the account id in image URIs when the landscape does not set {@code account}. */
  public static final String ACCOUNT_PLACEHOLDER = "${AWS_ACCOUNT_ID}";

  /**
   * Checks the fields and copies the lists.
   *
   * @param account      the AWS account id, or empty for {@link #ACCOUNT_PLACEHOLDER}; not null
   * @param home         the registry's home region; not null
   * @param repositories the registry's repositories
   * @param replicateTo  the regions the registry replicates to
   */
  public RegistryImages {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(home, "home");
    repositories = List.copyOf(repositories);
    replicateTo = List.copyOf(replicateTo);
  }

  /**
   * No registry: every image is pulled as written.
   *
   * @param home the home region
   * @return the resolver
   */
  public static RegistryImages none(String home) {
    return new RegistryImages(Optional.empty(), home, List.of(), List.of());
  }

  /**
   * The image a service's pods in the home region pull.
   *
   * @param image the service's {@code image}, e.g. {@code orders:1.4.2} or {@code orders@sha256:…}
   * @return the home region's ECR URI for a registry repository, else the image unchanged
   */
  public String imageUri(String image) {
    return imageUri(image, home);
  }

  /**
   * The image pods in a given region pull: the home region or one the registry replicates to.
   *
   * @param image  the service's {@code image}; without a tag or digest it means {@code :latest}
   * @param region the region the pods run in
   * @return that region's ECR URI for a registry repository, else the image unchanged
   * @throws IllegalArgumentException for a registry image and a region that holds no copy of it
   */
  public String imageUri(String image, String region) {
    if (image == null) {
      return null;
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
    if (!repositories.contains(repository)) {
      return image;
    }
    if (!region.equals(home) && !replicateTo.contains(region)) {
      throw new IllegalArgumentException("region: " + region + " holds no copy of " + repository + "; the registry is in "
          + home + " and replicates to " + replicateTo);
    }
    return account.orElse(ACCOUNT_PLACEHOLDER) + ".dkr.ecr." + region + ".amazonaws.com/" + repository + reference;
  }
}
