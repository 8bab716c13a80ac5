package io.github.zonewise.landscape;

import java.util.List;

/** The rules of the {@code traffic and prices} section(s): checks and defaults. */
final class TrafficRules {

  private TrafficRules() {
  }

  /**
   * Checks the section(s) and fills in defaults.
   *
   * @param spec     the landscape, earlier sections already checked
   * @param warnings where warnings go
   * @return the landscape with the section(s) complete
   */
  static LandscapeSpec apply(LandscapeSpec spec, List<String> warnings) {
    return spec;
  }
}
