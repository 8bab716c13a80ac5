package io.github.zonewise.spec;

import java.util.List;

/**
 * A landscape that passed every check: the spec with every default filled in, and the warnings
 * the checks raised (things that synthesize but deserve a look, such as a Kubernetes version in
 * extended support).
 *
 * @param spec     the complete spec: no section and no field is null, except optional ones
 *                 ({@code cluster}, {@code registry}, {@code interconnect}, a service's
 *                 {@code colocateWith} and {@code locality}, a node pool's {@code ami})
 * @param source   where the landscape came from (a path, or "embedded default landscape")
 * @param warnings the warnings, each naming its field
 */
public record ValidatedLandscape(LandscapeSpec spec, String source, List<String> warnings) {

  /** Copies the warnings. */
  public ValidatedLandscape {
    warnings = List.copyOf(warnings);
  }
}
