package io.github.zonewise.k8s;

import io.github.zonewise.facts.InvalidValue;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rules for the values of a workload, shared by the props of the Kubernetes constructs and the
 * landscape's {@code services} checks: each rule is written once and reports under the name its
 * caller gives ({@code ZonalDeploymentProps.replicas}, {@code services[2].replicas}).
 */
public final class KubernetesValues {

  // The image reference grammar of github.com/distribution/reference (regexp.go), which the kubelet and
  // container runtimes parse images with: [domain[:port]/]path-component[/path-component]*[:tag][@digest]
  private static final String ALPHANUMERIC = "[a-z0-9]+";
  private static final String SEPARATOR = "(?:[._]|__|[-]+)";
  private static final String PATH_COMPONENT = ALPHANUMERIC + "(?:" + SEPARATOR + ALPHANUMERIC + ")*";
  // a registry host component may also be a ${NAME} placeholder filled in at deploy time (RegistryImages writes
  // ${AWS_ACCOUNT_ID}.dkr.ecr.<region>.amazonaws.com when the landscape sets no account)
  private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]"
      + "|\\$\\{[A-Za-z_][A-Za-z0-9_]*\\})";
  private static final String HOST = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])";
  private static final String DOMAIN = HOST + "(?::[0-9]+)?";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";

  /** A whole image reference: {@code [registry[:port]/]repository[:tag][@digest]}. */
  public static final Pattern IMAGE_REFERENCE = Pattern.compile("(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/"
      + PATH_COMPONENT + ")*(?::" + TAG + ")?(?:@" + DIGEST + ")?");

  /** The longest repository name (registry and path, without tag and digest) a reference may have. */
  public static final int MAX_IMAGE_NAME = 255;

  private static final Pattern PATH = Pattern.compile(PATH_COMPONENT);
  private static final Pattern DOMAIN_PATTERN = Pattern.compile(DOMAIN);
  private static final Pattern TAG_PATTERN = Pattern.compile(TAG);
  private static final Pattern DIGEST_PATTERN = Pattern.compile(DIGEST);
  private static final String IMAGE_FIX = "write [registry[:port]/]repository[:tag][@digest], e.g. orders:1.4.2 or"
      + " public.ecr.aws/nginx/nginx:1.27";

  private KubernetesValues() {
  }

  /**
   * A container port or Service port.
   *
   * @param property the property or field path
   * @param port     the port
   * @return the port
   * @throws InvalidValue outside 1–65535
   */
  public static int port(String property, int port) {
    if (port < 1 || port > 65535) {
      throw new InvalidValue(property, port, "is not a port; use 1–65535");
    }
    return port;
  }

  /**
   * A replica count.
   *
   * @param property the property or field path
   * @param replicas the count
   * @return the count
   * @throws InvalidValue below 1
   */
  public static int replicas(String property, int replicas) {
    if (replicas < 1) {
      throw new InvalidValue(property, replicas, "is below 1; run at least one replica (one per AZ for zonal"
          + " routing)");
    }
    return replicas;
  }

  /**
   * A container image reference, as the kubelet parses it (the grammar of
   * {@code github.com/distribution/reference}): an optional registry host with an optional port, a
   * repository path of lower-case components ({@code [a-z0-9]} separated by {@code .}, {@code _},
   * {@code __} or dashes) of at most {@value #MAX_IMAGE_NAME} characters with the host (whose components may be
   * {@code ${NAME}} placeholders filled in at deploy time, as {@code ${AWS_ACCOUNT_ID}}), an optional tag
   * ({@code [\w][\w.-]{0,127}}) and an optional digest ({@code algorithm:hex}, 32 hex digits or more).
   *
   * @param property the property or field path
   * @param image    the reference
   * @return the reference
   * @throws InvalidValue when it is not one, saying which part is wrong
   */
  public static String image(String property, String image) {
    String why = imageProblem(image);
    if (why != null) {
      throw new InvalidValue(property, image, "is not an image reference: " + why);
    }
    return image;
  }

  /** What is wrong with an image reference, and the fix; null for a valid one. */
  private static String imageProblem(String image) {
    if (image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
      return "it holds " + (image.isBlank() ? "nothing but " : "") + "whitespace; " + IMAGE_FIX;
    }
    String name = image;
    int at = name.indexOf('@');
    if (at >= 0) {
      String digest = name.substring(at + 1);
      if (!DIGEST_PATTERN.matcher(digest).matches()) {
        return "'" + digest + "' after '@' is not a digest; write algorithm:hex, e.g. @sha256: and its 64 hex digits";
      }
      name = name.substring(0, at);
    }
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/')) {
      String tag = name.substring(colon + 1);
      if (tag.isEmpty()) {
        return "the tag after ':' is empty; write a tag, e.g. " + name.substring(0, colon) + ":1.0.0, or leave out"
            + " the ':'";
      }
      if (!TAG_PATTERN.matcher(tag).matches()) {
        return "'" + tag + "' is not a tag; a tag is 1 to 128 letters, digits, '_', '.' and '-', not starting with"
            + " '.' or '-'";
      }
      name = name.substring(0, colon);
    }
    if (name.length() > MAX_IMAGE_NAME) {
      return "its repository name is " + name.length() + " characters long; use at most " + MAX_IMAGE_NAME;
    }
    String[] parts = name.split("/", -1);
    int first = parts.length > 1 && DOMAIN_PATTERN.matcher(parts[0]).matches() ? 1 : 0;
    for (int i = first; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty()) {
        return "its repository path has an empty component (a '/' at the start or end, or '//'); " + IMAGE_FIX;
      }
      if (!PATH.matcher(part).matches()) {
        String lower = part.toLowerCase(Locale.ROOT);
        if (!lower.equals(part) && PATH.matcher(lower).matches()) {
          return "the repository '" + part + "' has upper-case letters, and repository names are lower case; write '"
              + lower + "'";
        }
        return "'" + part + "' is not a repository name: lower-case letters and digits, separated by '.', '_', '__'"
            + " or '-'; " + IMAGE_FIX;
      }
    }
    return IMAGE_REFERENCE.matcher(image).matches() ? null : "it does not follow the image grammar; " + IMAGE_FIX;
  }
}
