package io.github.zonewise.cost;

/**
 * Which Kubernetes versions EKS still has in standard support, as of the price book's date (2026):
 * 1.34 and newer. Older versions run in extended support at $0.60 instead of $0.10 per
 * cluster-hour (Amazon EKS pricing; the EKS Kubernetes release calendar: 1.33's standard support
 * ended 29 July 2026).
 */
final class EksSupport {

  /** The oldest minor version of 1.x in standard support. */
  static final int OLDEST_STANDARD_MINOR = 34;

  private EksSupport() {
  }

  /**
   * Whether a version costs the extended-support price.
   *
   * @param version e.g. {@code 1.33}; null or unparsable means EKS's default, in standard support
   * @return true for a version older than 1.34
   */
  static boolean isExtended(String version) {
    if (version == null) {
      return false;
    }
    String[] parts = version.trim().split("\\.");
    if (parts.length < 2 || !"1".equals(parts[0])) {
      return false;
    }
    try {
      return Integer.parseInt(parts[1]) < OLDEST_STANDARD_MINOR;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
