package io.github.zonewise.synth;

import java.util.Optional;

/**
 * An availability zone as a template writes it: a name ({@code eu-west-1a}), a zone id
 * ({@code euw1-az1}) or, in environment-agnostic CDK stacks, the n-th zone of the region
 * ({@code Fn::Select [n, Fn::GetAZs ""]}). Two zones compare only when written the same way.
 *
 * @param kind  how the zone is written
 * @param value the name, the id, or the index in the region's zone list
 */
public record Zone(Kind kind, String value) {

  /** How a zone is written. */
  public enum Kind {
    /** A zone name, e.g. {@code eu-west-1a}. */
    NAME,
    /** A zone id, e.g. {@code euw1-az1}. */
    ID,
    /** The n-th zone of the region ({@code Fn::Select} of {@code Fn::GetAZs}). */
    INDEX
  }

  /**
   * The zone of a subnet or an endpoint: its {@code AvailabilityZone} (a name, or an index into
   * {@code Fn::GetAZs}), else its {@code AvailabilityZoneId}.
   *
   * @param resource an {@code AWS::EC2::Subnet} or similar
   * @return the zone, or empty when it is not written in a way known before deployment
   */
  public static Optional<Zone> of(Resource resource) {
    Value az = resource.value("AvailabilityZone");
    if (az.isPresent()) {
      String text = az.text().orElse("");
      if (text.matches("\u00abAZ \\d+\u00bb")) {
        return Optional.of(new Zone(Kind.INDEX, text.substring(4, text.length() - 1)));
      }
      if (!text.isEmpty() && !Value.unresolved(text)) {
        return Optional.of(new Zone(Kind.NAME, text));
      }
    }
    Optional<String> id = resource.value("AvailabilityZoneId").knownText();
    return id.filter(s -> !s.isEmpty()).map(s -> new Zone(Kind.ID, s));
  }

  /**
   * Whether two zones are the same.
   *
   * @param other another zone
   * @return true or false, or null when they are written differently and cannot be compared
   */
  public Boolean sameAs(Zone other) {
    if (kind != other.kind) {
      return null;
    }
    return value.equals(other.value);
  }

  /** The name or id, or {@code the region's AZ #n} (1-based) for an index. */
  @Override
  public String toString() {
    return kind == Kind.INDEX ? "the region's AZ #" + (Integer.parseInt(value) + 1) : value;
  }
}
