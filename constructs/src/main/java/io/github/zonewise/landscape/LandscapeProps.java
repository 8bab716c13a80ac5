package io.github.zonewise.landscape;

import io.github.zonewise.spec.LandscapeSpec;
import io.github.zonewise.spec.LandscapeValidator;
import io.github.zonewise.spec.ValidatedLandscape;
import io.github.zonewise.facts.PriceBook;
import java.nio.file.Path;
import java.util.Objects;

/** Properties of a {@link Landscape}. Build with {@link #builder()}. */
public final class LandscapeProps {

  private final ValidatedLandscape landscape;
  private final Path manifestsDir;
  private final PriceBook priceBook;

  private LandscapeProps(Builder b) {
    this.priceBook = b.priceBook;
    this.landscape = Objects.requireNonNull(b.landscape, "landscape is required");
    this.manifestsDir = b.manifestsDir;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the checked landscape} Required. */
  public ValidatedLandscape landscape() {
    return landscape;
  }

  /**
   * {@return where the Kubernetes manifests are written, one {@code *.k8s.yaml} per chart} Default {@code
   * dist}.
   */
  public Path manifestsDir() {
    return manifestsDir;
  }

  /**
   * {@return the prices the synth's choices are explained with (the interconnect line)} Default: null,
   * meaning the list prices with the landscape's {@code prices:} overrides.
   */
  public PriceBook priceBook() {
    return priceBook;
  }

  /** Builds {@link LandscapeProps}. */
  public static final class Builder {
    private ValidatedLandscape landscape;
    private Path manifestsDir = Path.of("dist");
    private PriceBook priceBook;

    private Builder() {
    }

    /**
     * The landscape, checked by {@link LandscapeValidator#validate(io.github.zonewise.spec.LandscapeFile, String)}. Required.
     *
     * @param landscape the checked landscape
     * @return this builder
     */
    public Builder landscape(ValidatedLandscape landscape) {
      this.landscape = landscape;
      return this;
    }

    /**
     * Where manifests go. Default {@code dist} (relative to the working directory).
     *
     * @param dir a directory
     * @return this builder
     */
    public Builder manifestsDir(Path dir) {
      this.manifestsDir = Objects.requireNonNull(dir);
      return this;
    }

    /**
     * The price book, e.g. with a price file's overrides. Default: list prices with the landscape's
     * {@code prices:} overrides.
     *
     * @param priceBook the prices
     * @return this builder
     */
    public Builder priceBook(PriceBook priceBook) {
      this.priceBook = priceBook;
      return this;
    }

    /** {@return the props} */
    public LandscapeProps build() {
      return new LandscapeProps(this);
    }
  }
}
