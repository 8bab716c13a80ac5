package io.github.zonewise.cost;

import io.github.zonewise.cluster.KubernetesVersions;
import io.github.zonewise.cluster.KubernetesVersions.Support;
import java.time.LocalDate;

/**
 * Whether a cluster's Kubernetes version costs the extended-support price ($0.60 instead of $0.10
 * per cluster-hour), read from the one EKS release calendar of {@link KubernetesVersions} on the
 * day the calendar is read at ({@link KubernetesVersions#today()}).
 */
final class EksSupport {

  private EksSupport() {
  }

  /**
   * Whether a version costs the extended-support price today.
   *
   * @param version e.g. {@code 1.33}; null or unparsable means EKS's default, in standard support
   * @return true in extended support (or past it: EKS upgrades such clusters, priced as extended)
   */
  static boolean isExtended(String version) {
    return isExtended(version, KubernetesVersions.today());
  }

  /**
   * Whether a version costs the extended-support price on a day.
   *
   * @param version e.g. {@code 1.33}
   * @param day     the day
   * @return true in extended support (or past it); a version older than the calendar's oldest is
   *         extended, one newer than its newest standard
   */
  static boolean isExtended(String version, LocalDate day) {
    if (version == null) {
      return false;
    }
    var entry = KubernetesVersions.find(version.trim());
    if (entry.isPresent()) {
      Support s = entry.get().supportOn(day);
      return s == Support.EXTENDED || s == Support.ENDED;
    }
    int minor = minor(version);
    return minor >= 0 && minor < minor(KubernetesVersions.CALENDAR.get(0).version());
  }

  /**
   * The oldest version in standard support on the calendar's day, for advice.
   *
   * @return e.g. {@code 1.34}
   */
  static String oldestStandard() {
    var standard = KubernetesVersions.standardOn(KubernetesVersions.today());
    return standard.isEmpty() ? KubernetesVersions.DEFAULT : standard.get(0);
  }

  private static int minor(String version) {
    String[] parts = version.trim().split("\\.");
    if (parts.length < 2 || !"1".equals(parts[0])) {
      return -1;
    }
    try {
      return Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
