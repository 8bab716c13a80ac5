package io.github.zonewise.facts;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Amazon EKS Kubernetes version calendar: which minor versions EKS offers, and until when in
 * standard and in extended support. Plain Java: the validator, the cluster construct and the cost
 * model read it without crossing into aws-cdk-lib.
 *
 * <p>A minor version gets 14 months of standard support from its EKS release, then 12 months of
 * extended support, then EKS upgrades the control plane by itself. Extended support costs
 * six times as much per cluster-hour as standard support (the price book's
 * {@code eksClusterHourExtended} and {@code eksClusterHourStandard}).
 *
 * <p>Sources: the Amazon EKS user guide, "Understand the Kubernetes version lifecycle on EKS",
 * release calendar (1.29–1.34); endoflife.date/amazon-eks for 1.35; the EKS release notes and a
 * secondary source for 1.36 (EKS release June 2, 2026; the end dates follow the 14 + 12 month rule).
 * Dates are UTC; billing for extended support starts on the end-of-standard-support day. Update
 * {@link #CALENDAR} when EKS publishes a new version.
 */
public final class KubernetesVersions {

  /**
   * The default cluster version: 1.35, in standard support until 2027-03-27. 1.36 is newer, but
   * the locality layer's manifests are validated against the Kubernetes 1.35 OpenAPI schemas, so
   * the default stays on the version they are checked against.
   */
  public static final String DEFAULT = "1.35";

  /** The system property that pins the date the calendar is read at (ISO, e.g. {@code 2026-11-27}). */
  public static final String DATE_PROPERTY = "zonewise.date";

  /** Where a version stands on a given day. */
  public enum Support {
    /** EKS has not released it yet. */
    NOT_YET_RELEASED,
    /** Standard support. */
    STANDARD,
    /** Extended support, billed at six times the standard price per cluster-hour. */
    EXTENDED,
    /** Past extended support: EKS no longer creates clusters of this version. */
    ENDED
  }

  /**
   * One minor version on the EKS calendar.
   *
   * @param version              the minor version, e.g. {@code "1.35"}
   * @param eksRelease           the day EKS released it
   * @param endOfStandardSupport the first day of extended support (billing at the extended rate)
   * @param endOfExtendedSupport the day extended support ends
   */
  public record EksVersion(String version, LocalDate eksRelease, LocalDate endOfStandardSupport,
      LocalDate endOfExtendedSupport) {

    /**
     * Checks the dates are in order.
     *
     * @param version              the minor version
     * @param eksRelease           the day EKS released it, before the end of standard support
     * @param endOfStandardSupport the first day of extended support, before its end
     * @param endOfExtendedSupport the day extended support ends
     * @throws IllegalArgumentException when they are not
     */
    public EksVersion {
      if (!eksRelease.isBefore(endOfStandardSupport) || !endOfStandardSupport.isBefore(endOfExtendedSupport)) {
        throw new IllegalArgumentException("version " + version + ": release, end of standard and end of extended"
            + " support must be in that order");
      }
    }

    /**
     * Where this version stands on a day.
     *
     * @param day the day
     * @return its support status
     */
    public Support supportOn(LocalDate day) {
      if (day.isBefore(eksRelease)) {
        return Support.NOT_YET_RELEASED;
      }
      if (day.isBefore(endOfStandardSupport)) {
        return Support.STANDARD;
      }
      if (day.isBefore(endOfExtendedSupport)) {
        return Support.EXTENDED;
      }
      return Support.ENDED;
    }
  }

  /** The calendar, oldest first. */
  public static final List<EksVersion> CALENDAR = List.of(
      version("1.29", "2024-01-23", "2025-03-23", "2026-03-23"),
      version("1.30", "2024-05-23", "2025-07-23", "2026-07-23"),
      version("1.31", "2024-09-26", "2025-11-26", "2026-11-26"),
      version("1.32", "2025-01-23", "2026-03-23", "2027-03-23"),
      version("1.33", "2025-05-29", "2026-07-29", "2027-07-29"),
      version("1.34", "2025-10-02", "2026-12-02", "2027-12-02"),
      version("1.35", "2026-01-27", "2027-03-27", "2028-03-27"),
      version("1.36", "2026-06-02", "2027-08-02", "2028-08-02"));

  /** A Kubernetes version as written: {@code 1.<minor>}, optionally with a patch ({@code 1.35.2}). */
  private static final Pattern VERSION = Pattern.compile("1\\.(\\d{1,3})(\\.\\d{1,3})?");

  private KubernetesVersions() {
  }

  /**
   * The minor number of a Kubernetes version: the one parser of version strings.
   *
   * @param version {@code 1.<minor>}, optionally with a patch, e.g. {@code "1.35"}
   * @return the minor number, or empty when the text is not a Kubernetes 1.x version
   */
  public static OptionalInt minor(String version) {
    if (version == null) {
      return OptionalInt.empty();
    }
    Matcher m = VERSION.matcher(version.trim());
    return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }

  /**
   * Whether a cluster of a version is billed at the extended-support price on a day: in extended
   * support, or past it (EKS upgrades such clusters; priced as extended until it does). A version
   * older than the calendar's oldest is past standard support; one newer than its newest is taken
   * to be in it; text that is not a version (e.g. EKS's default) is in standard support.
   *
   * @param version e.g. {@code "1.33"}
   * @param day     the day; the end of standard support is already the first day billed as extended
   * @return true when billed at the extended-support price
   */
  public static boolean billedAsExtended(String version, LocalDate day) {
    if (version == null) {
      return false;
    }
    Optional<EksVersion> entry = find(version.trim());
    if (entry.isPresent()) {
      Support s = entry.get().supportOn(day);
      return s == Support.EXTENDED || s == Support.ENDED;
    }
    OptionalInt minor = minor(version);
    return minor.isPresent() && minor.getAsInt() < minor(CALENDAR.get(0).version()).getAsInt();
  }

  /**
   * A version EKS creates clusters of on a day (in standard or extended support).
   *
   * @param property the property or field path
   * @param version  e.g. {@code "1.35"}
   * @param today    the day
   * @return its calendar entry
   * @throws InvalidValue for a version EKS does not offer that day, with the versions it offers
   */
  public static EksVersion checkOffered(String property, String version, LocalDate today) {
    Optional<EksVersion> entry = find(version);
    Support support = entry.map(v -> v.supportOn(today)).orElse(Support.ENDED);
    if (support == Support.NOT_YET_RELEASED || support == Support.ENDED) {
      String why = entry.isEmpty() ? "is not a Kubernetes version EKS offers"
          : support == Support.ENDED ? "is past the end of EKS extended support (" + entry.get().endOfExtendedSupport()
              + "): EKS no longer creates clusters of it"
          : "is not released on EKS yet (EKS release " + entry.get().eksRelease() + ")";
      throw new InvalidValue(property, version, why + "; use one of " + offeredOn(today)
          + " (standard support on " + today + ": " + standardOn(today) + ")");
    }
    return entry.orElseThrow();
  }

  /**
   * The oldest version in standard support on a day, for advice ("upgrade to … or newer").
   *
   * @param day the day
   * @return e.g. {@code "1.34"}; {@link #DEFAULT} when the calendar has none in standard support
   */
  public static String oldestStandard(LocalDate day) {
    List<String> standard = standardOn(day);
    return standard.isEmpty() ? DEFAULT : standard.get(0);
  }

  private static EksVersion version(String version, String release, String endStandard, String endExtended) {
    return new EksVersion(version, LocalDate.parse(release), LocalDate.parse(endStandard), LocalDate.parse(endExtended));
  }

  /**
   * A version of the calendar.
   *
   * @param version e.g. {@code "1.35"}
   * @return its calendar entry, or empty when the calendar does not know it
   */
  public static Optional<EksVersion> find(String version) {
    return CALENDAR.stream().filter(v -> v.version().equals(version)).findFirst();
  }

  /**
   * The versions EKS creates clusters of on a day: those in standard or extended support.
   *
   * @param day the day
   * @return the versions, oldest first
   */
  public static List<String> offeredOn(LocalDate day) {
    return CALENDAR.stream().filter(v -> v.supportOn(day) == Support.STANDARD || v.supportOn(day) == Support.EXTENDED)
        .map(EksVersion::version).toList();
  }

  /**
   * The versions in standard support on a day.
   *
   * @param day the day
   * @return the versions, oldest first
   */
  public static List<String> standardOn(LocalDate day) {
    return CALENDAR.stream().filter(v -> v.supportOn(day) == Support.STANDARD).map(EksVersion::version).toList();
  }

  /**
   * The day the calendar is read at: the system property {@value #DATE_PROPERTY} when set (for
   * reproducible builds and tests), else today in UTC.
   *
   * @return the day
   * @throws IllegalArgumentException when the property is not an ISO date
   */
  public static LocalDate today() {
    String pinned = System.getProperty(DATE_PROPERTY);
    if (pinned == null || pinned.isBlank()) {
      return LocalDate.now(ZoneOffset.UTC);
    }
    try {
      return LocalDate.parse(pinned.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("system property " + DATE_PROPERTY + "='" + pinned
          + "' is not a date; write it as YYYY-MM-DD", e);
    }
  }
}
