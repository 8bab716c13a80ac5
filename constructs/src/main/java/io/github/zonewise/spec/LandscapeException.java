package io.github.zonewise.spec;

import io.github.zonewise.facts.InvalidValue;
import java.util.List;

/**
 * A landscape that cannot be synthesized: one message per problem, each naming the field, showing
 * the value and saying the fix. Thrown before anything is written. {@link #getMessage()} is the first
 * problem; {@link #problems()} has every independent problem the check found. A problem with a field
 * of a landscape file ends with where its value is written: {@code " (line L, column C)"}.
 */
public final class LandscapeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The path of the field the message is about, e.g. {@code services[2].routing}. */
  private final String field;
  private final transient List<LandscapeException> problems;
  /** Whether the message already ends with where the value is written in the file. */
  private final boolean located;

  /**
   * A problem with one field's value.
   *
   * @param field   the field's path in the landscape, e.g. {@code services[2].routing}
   * @param value   the value found (rendered quoted; a collection as a list)
   * @param problem what is wrong and the fix, e.g. {@code "is not a NAT strategy; use one of …"}
   */
  public LandscapeException(String field, Object value, String problem) {
    super(field + ": " + render(value) + " " + problem);
    this.field = field;
    this.problems = List.of(this);
    this.located = false;
  }

  /**
   * A problem that is not about one value (a missing file, malformed YAML).
   *
   * @param field   the field or file the problem is in
   * @param message the whole message after the field
   */
  public LandscapeException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
    this.problems = List.of(this);
    this.located = false;
  }

  /**
   * A problem raised by aws-cdk-lib or cdk8s while building what a field asked for.
   *
   * @param field the landscape field that caused it
   * @param cause the error from the library
   */
  public LandscapeException(String field, Throwable cause) {
    super(field + ": " + firstLine(cause.getMessage()), cause);
    this.field = field;
    this.problems = List.of(this);
    this.located = false;
  }

  /**
   * Several independent problems of one landscape.
   *
   * @param problems the problems, in the order found; at least one
   */
  public LandscapeException(List<LandscapeException> problems) {
    super(problems.get(0).getMessage(), problems.get(0).getCause());
    this.field = problems.get(0).field();
    this.problems = List.copyOf(problems);
    this.located = problems.get(0).located;
  }

  /** A problem whose message already ends with its position. */
  private LandscapeException(String field, String message, Throwable cause, SourcePositions.Position position) {
    super(field + ": " + message + " (" + position + ")", cause);
    this.field = field;
    this.problems = List.of(this);
    this.located = true;
  }

  /**
   * A problem at a place of the file (malformed YAML, a key that should not be there).
   *
   * @param field    the field or file the problem is in
   * @param message  the whole message after the field
   * @param position where in the file
   * @return the problem, its message ending with the position
   */
  static LandscapeException at(String field, String message, SourcePositions.Position position) {
    return new LandscapeException(field, message, null, position);
  }

  /**
   * This problem, and each of several, with the line and column of its field's value appended.
   *
   * @param positions where the landscape's values are written
   * @return the located problems (a problem already located, or of a field the file does not have,
   *         unchanged)
   */
  List<LandscapeException> located(SourcePositions positions) {
    if (problems.size() > 1 || problems.get(0) != this) {
      return problems.stream().flatMap(p -> p.located(positions).stream()).toList();
    }
    if (located) {
      return List.of(this);
    }
    String message = getMessage().substring(field.length() + 2);
    return List.of(positions.of(field).map(p -> new LandscapeException(field, message, getCause(), p))
        .orElse(this));
  }

  /** {@return every problem, in the order found: this one alone, or those a check collected} */
  public List<LandscapeException> problems() {
    return problems;
  }

  /** {@return the path of the field the message is about} */
  public String field() {
    return field;
  }

  /**
   * Renders a value the way messages show it: a string quoted, a collection as a bracketed list.
   *
   * @param value any value
   * @return its rendering
   */
  public static String render(Object value) {
    return InvalidValue.render(value);
  }


  private static String firstLine(String message) {
    if (message == null) {
      return "failed";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
