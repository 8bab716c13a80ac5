package io.github.zonewise.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zonewise.synth.Resource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * cdk-nag suppressions as a synthesized template carries them ({@code Metadata.cdk_nag.rules_to_suppress}
 * on a resource or on the template), matched as cdk-nag matches them: by rule id, and for a granular
 * finding by {@code applies_to} (a string or {@code {regex: "/.../"}}).
 */
final class Suppressions {

  private Suppressions() {
  }

  /**
   * The reason a finding is suppressed, or null.
   *
   * @param resource  the resource the finding is on
   * @param ruleId    the rule id
   * @param findingId the granular finding id, or empty
   * @return the reason, or null when no suppression applies
   */
  static String reason(Resource resource, String ruleId, String findingId) {
    String r = reason(resource.metadata().path("cdk_nag").path("rules_to_suppress"), ruleId, findingId);
    return r != null ? r : reason(resource.template().suppressions(), ruleId, findingId);
  }

  private static String reason(JsonNode suppressions, String ruleId, String findingId) {
    for (JsonNode s : suppressions) {
      if (!ruleId.equals(s.path("id").asText())) {
        continue;
      }
      String reason = s.path("reason").asText("");
      if (s.path("is_reason_encoded").asBoolean(false)) {
        reason = new String(Base64.getDecoder().decode(reason), StandardCharsets.UTF_8);
      }
      JsonNode appliesTo = s.path("applies_to");
      if (!appliesTo.isArray()) {
        return reason;
      }
      if (findingId.isEmpty()) {
        continue;
      }
      for (JsonNode a : appliesTo) {
        if (a.isTextual() ? a.asText().equals(findingId) : matches(a.path("regex").asText(""), findingId)) {
          return "[" + findingId + "] " + reason;
        }
      }
    }
    return null;
  }

  /** A cdk-nag {@code appliesTo} regex, written {@code /pattern/flags}. */
  private static boolean matches(String regex, String findingId) {
    int last = regex.lastIndexOf('/');
    if (!regex.startsWith("/") || last <= 0) {
      return false;
    }
    String flags = regex.substring(last + 1);
    try {
      return Pattern.compile(regex.substring(1, last), flags.contains("i") ? Pattern.CASE_INSENSITIVE : 0)
          .matcher(findingId).find();
    } catch (PatternSyntaxException e) {
      return false;
    }
  }
}
