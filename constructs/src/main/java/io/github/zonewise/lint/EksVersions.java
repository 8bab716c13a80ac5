package io.github.zonewise.lint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Amazon EKS's Kubernetes release calendar: the day each minor version leaves standard support
 * ($0.10 per cluster-hour) for extended support ($0.60 per cluster-hour, 12 more months). Source:
 * the Amazon EKS user guide, "Understand the Kubernetes version lifecycle on EKS" (release calendar).
 * A version newer than the newest listed is taken to be in standard support.
 */
final class EksVersions {

  /** End of standard support per version, oldest first. */
  static final Map<String, LocalDate> END_OF_STANDARD = new LinkedHashMap<>();

  static {
    END_OF_STANDARD.put("1.23", LocalDate.of(2023, 10, 11));
    END_OF_STANDARD.put("1.24", LocalDate.of(2024, 1, 31));
    END_OF_STANDARD.put("1.25", LocalDate.of(2024, 5, 1));
    END_OF_STANDARD.put("1.26", LocalDate.of(2024, 6, 11));
    END_OF_STANDARD.put("1.27", LocalDate.of(2024, 7, 24));
    END_OF_STANDARD.put("1.28", LocalDate.of(2024, 11, 26));
    END_OF_STANDARD.put("1.29", LocalDate.of(2025, 3, 23));
    END_OF_STANDARD.put("1.30", LocalDate.of(2025, 7, 23));
    END_OF_STANDARD.put("1.31", LocalDate.of(2025, 11, 26));
    END_OF_STANDARD.put("1.32", LocalDate.of(2026, 3, 23));
    END_OF_STANDARD.put("1.33", LocalDate.of(2026, 7, 29));
    END_OF_STANDARD.put("1.34", LocalDate.of(2026, 12, 2));
    END_OF_STANDARD.put("1.35", LocalDate.of(2027, 3, 27));
  }

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
    LocalDate end = END_OF_STANDARD.get(version);
    if (end != null) {
      return day.isAfter(end);
    }
    return compare(version, END_OF_STANDARD.keySet().iterator().next()) < 0;
  }

  /** The end of standard support of a version, or null when not in the calendar. */
  static LocalDate endOfStandard(String version) {
    return END_OF_STANDARD.get(version);
  }

  /** The listed versions still in standard support on a day. */
  static List<String> inStandard(LocalDate day) {
    List<String> versions = new ArrayList<>();
    END_OF_STANDARD.forEach((v, end) -> {
      if (!day.isAfter(end)) {
        versions.add(v);
      }
    });
    return versions;
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
