package io.github.zonewise.registry;

import io.github.zonewise.facts.EcrLimits;
import java.util.List;
import java.util.Objects;

/** Properties of an {@link ImageRegistry}. Build with {@link #builder()}; the repositories are required. */
public final class ImageRegistryProps {

  private final List<String> repositories;
  private final List<String> replicateTo;
  private final RepositoryLifecycle lifecycle;

  private ImageRegistryProps(Builder b) {
    this.repositories = List.copyOf(Objects.requireNonNull(b.repositories, "repositories is required"));
    this.replicateTo = List.copyOf(b.replicateTo);
    this.lifecycle = b.lifecycle;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return repository names ({@link EcrLimits#REPOSITORY_NAME}), created in the stack's region} Required;
   * at least one.
   */
  public List<String> repositories() {
    return repositories;
  }

  /**
   * {@return regions the repositories replicate to: each image pushed is copied there (destination storage
   * $0.10/GB-month plus inter-region transfer $0.02/GB per copy), so pulls there stay in-region} Default:
   * none (no replication configuration).
   */
  public List<String> replicateTo() {
    return replicateTo;
  }

  /** {@return the lifecycle policy of every repository} Default {@link RepositoryLifecycle#defaults()}. */
  public RepositoryLifecycle lifecycle() {
    return lifecycle;
  }

  /** Builds {@link ImageRegistryProps}. */
  public static final class Builder {
    private List<String> repositories;
    private List<String> replicateTo = List.of();
    private RepositoryLifecycle lifecycle = RepositoryLifecycle.defaults();

    private Builder() {
    }

    /**
     * The repository names. Required.
     *
     * @param names names ECR accepts, e.g. {@code orders} or {@code shop/orders}
     * @return this builder
     */
    public Builder repositories(List<String> names) {
      this.repositories = names;
      return this;
    }

    /**
     * The regions to replicate to. Default none.
     *
     * @param regions region names other than the stack's, at most {@link EcrLimits#MAX_DESTINATIONS_PER_RULE}
     * @return this builder
     */
    public Builder replicateTo(List<String> regions) {
      this.replicateTo = Objects.requireNonNull(regions);
      return this;
    }

    /**
     * The lifecycle policy. Default {@link RepositoryLifecycle#defaults()}.
     *
     * @param lifecycle the policy
     * @return this builder
     */
    public Builder lifecycle(RepositoryLifecycle lifecycle) {
      this.lifecycle = Objects.requireNonNull(lifecycle);
      return this;
    }

    /** {@return the props} */
    public ImageRegistryProps build() {
      return new ImageRegistryProps(this);
    }
  }
}
