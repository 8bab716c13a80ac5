package io.github.zonewise.spec;

/** How a landscape's Kubernetes manifests reach the cluster ({@code cluster.manifests}). */
public enum ManifestDelivery {
  /** Applied by the cluster stack through CloudFormation (the default); also written to {@code dist/}. */
  CDK("cdk"),
  /** Written to {@code dist/} only, for a GitOps controller to apply. */
  GITOPS("gitops");

  private final String label;

  ManifestDelivery(String label) {
    this.label = label;
  }

  /** {@return the landscape-file name} */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
