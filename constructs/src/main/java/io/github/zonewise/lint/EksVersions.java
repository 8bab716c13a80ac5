package io.github.zonewise.lint;

import io.github.zonewise.cluster.KubernetesVersions;
import io.github.zonewise.cluster.KubernetesVersions.EksVersion;
import java.time.LocalDate;
import java.util.List;

/**
 * Amazon EKS's Kubernetes release calendar as the lint reads it: the one calendar of
 * {@link KubernetesVersions} (the cluster stack warns from the same dates). A version older than the
 * oldest listed is past standard support; one newer than the newest listed is taken to be in it.
 */
final class EksVersions {

  private EksVersions() {
  }

  /**
   * Whether a version is past its standard support on a day.
   *
   * @param version a minor version such as {@code 1.31}
   * @param day     the day
   * @return true when in extended support (or out of support altogether)
   */
  static boolean pastStandard(String version, LocalDate day) {
    LocalDate end = endOfStandard(version);
    if (end != null) {
      return day.isAfter(end);
    }
    return compare(version, KubernetesVersions.CALENDAR.get(0).version()) < 0;
  }

  /** The end of standard support of a version, or null when not in the calendar. */
  static LocalDate endOfStandard(String version) {
    return KubernetesVersions.find(version).map(EksVersion::endOfStandardSupport).orElse(null);
  }

  /** The listed versions still in standard support on a day. */
  static List<String> inStandard(LocalDate day) {
    return KubernetesVersions.CALENDAR.stream().filter(v -> !day.isAfter(v.endOfStandardSupport()))
        .map(EksVersion::version).toList();
  }

  /** Whether a string is a minor version ({@code 1.31}). */
  static boolean isVersion(String s) {
    return s != null && s.matches("\\d+\\.\\d+");
  }

  private static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
    return major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
  }
}
