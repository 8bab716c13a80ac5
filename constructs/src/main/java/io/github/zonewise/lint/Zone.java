package io.github.zonewise.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * An availability zone as a template writes it: a name ({@code eu-west-1a}), a zone id
 * ({@code euw1-az1}) or, in environment-agnostic CDK stacks, the n-th zone of the region
 * ({@code Fn::Select [n, Fn::GetAZs ""]}). Two zones compare only when written the same way.
 *
 * @param kind  how the zone is written: {@code name}, {@code id} or {@code select}
 * @param value the name, the id, or {@code <n>@<GetAZs argument>}
 */
record Zone(String kind, String value) {

  /**
   * The zone of a subnet or an endpoint.
   *
   * @param properties the resource's resolved properties
   * @return the zone, or empty when it is not written in one of the known ways
   */
  static Optional<Zone> of(JsonNode properties) {
    JsonNode az = properties.path("AvailabilityZone");
    if (az.isTextual()) {
      return Optional.of(new Zone("name", az.asText()));
    }
    JsonNode select = az.path("Fn::Select");
    if (select.isArray() && select.size() == 2 && select.get(1).has("Fn::GetAZs")) {
      JsonNode index = select.get(0);
      if (index.isInt() || (index.isTextual() && index.asText().matches("\\d+"))) {
        return Optional.of(new Zone("select", index.asText() + "@" + select.get(1).get("Fn::GetAZs")));
      }
    }
    JsonNode id = properties.path("AvailabilityZoneId");
    if (id.isTextual()) {
      return Optional.of(new Zone("id", id.asText()));
    }
    return Optional.empty();
  }

  /**
   * Whether two zones are the same.
   *
   * @param other another zone
   * @return true or false, or null when they are written differently and cannot be compared
   */
  Boolean sameAs(Zone other) {
    if (!kind.equals(other.kind)) {
      return null;
    }
    return value.equals(other.value);
  }

  @Override
  public String toString() {
    if (kind.equals("select")) {
      return "the region's AZ #" + (Integer.parseInt(value.substring(0, value.indexOf('@'))) + 1);
    }
    return value;
  }
}
