package io.github.zonewise.facts;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A value a rule refuses, named by the property or field it was given for: the one exception every
 * shared rule throws, so that a construct's props and a landscape's checks report the same problem
 * with the same words, each under its own name ({@code cidr} for {@code ZonalVpcProps},
 * {@code network.cidr} in a landscape file).
 */
public class InvalidValue extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The property or field path the value was given for, e.g. {@code cidr}. */
  private final String property;
  private final transient Object value;
  /** What is wrong and the fix, as the message says it after the value. */
  private final String problem;
  /** Whether the message shows the value found (false for a missing value). */
  private final boolean shown;

  /**
   * A refused value.
   *
   * @param property the property or field path, e.g. {@code cidr} or {@code services[2].port}
   * @param value    the value found (rendered quoted; a collection as a list)
   * @param problem  what is wrong and the fix, e.g. {@code "is not a port; use 1–65535"}
   */
  public InvalidValue(String property, Object value, String problem) {
    super(property + ": " + render(value) + " " + problem);
    this.property = property;
    this.value = value;
    this.problem = problem;
    this.shown = true;
  }

  /**
   * A problem that is not about a value found (a value that is missing, a section that is empty).
   *
   * @param property the property or field path
   * @param problem  the whole message after the property, e.g. {@code "is missing; list …"}
   */
  public InvalidValue(String property, String problem) {
    super(property + ": " + problem);
    this.property = property;
    this.value = null;
    this.problem = problem;
    this.shown = false;
  }

  /** {@return whether the message shows the value found (false for a missing value)} */
  public boolean showsValue() {
    return shown;
  }

  /** {@return the property or field path the value was given for} */
  public String property() {
    return property;
  }

  /** {@return the value found} */
  public Object value() {
    return value;
  }

  /** {@return what is wrong and the fix} */
  public String problem() {
    return problem;
  }

  /**
   * Renders a value the way messages show it: a string quoted, a collection as a bracketed list,
   * an absent value as {@code (missing)}.
   *
   * @param value any value
   * @return its rendering
   */
  public static String render(Object value) {
    if (value == null) {
      return "(missing)";
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof String s) {
      return "'" + s + "'";
    }
    return String.valueOf(value);
  }
}
