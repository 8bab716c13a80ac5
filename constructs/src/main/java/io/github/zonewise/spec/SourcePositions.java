package io.github.zonewise.spec;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each value of a landscape file was written: field path ({@code services[2].port},
 * {@code network.cidr}) → the line and column of its value in the file (for a value that came from an
 * alias or a {@code <<} merge, where the anchored value is written). Messages about a field end with
 * {@code " (line L, column C)"}; a landscape built in code has no positions.
 */
public final class SourcePositions {

  private static final SourcePositions NONE = new SourcePositions(Map.of(), Map.of());

  private final Map<String, Position> values;
  private final Map<String, Position> keys;

  SourcePositions(Map<String, Position> values, Map<String, Position> keys) {
    this.values = Collections.unmodifiableMap(new HashMap<>(values));
    this.keys = Collections.unmodifiableMap(new HashMap<>(keys));
  }

  /**
   * No positions: a landscape built in code rather than read from a file.
   *
   * @return the empty positions
   */
  public static SourcePositions none() {
    return NONE;
  }

  /**
   * Where a field's value was written, or — for a field the file leaves out — its nearest enclosing
   * field's (never the document itself).
   *
   * @param field a field path, e.g. {@code services[2].port}
   * @return the position, if the file has the field or an enclosing one
   */
  public Optional<Position> of(String field) {
    String path = field;
    while (path != null && !path.isEmpty()) {
      Position p = values.get(path);
      if (p != null) {
        return Optional.of(p);
      }
      path = parent(path);
    }
    return Optional.empty();
  }

  /**
   * Where a field's key was written (for a key that should not be there).
   *
   * @param field a field path
   * @return the key's position, if the file has it
   */
  Optional<Position> key(String field) {
    return Optional.ofNullable(keys.get(field));
  }

  /** The path of the field that holds a field: {@code a.b[2]} for {@code a.b[2].c}, {@code a.b} for {@code a.b[2]}. */
  static String parent(String path) {
    int dot = path.lastIndexOf('.');
    int bracket = path.lastIndexOf('[');
    int cut = Math.max(dot, bracket);
    return cut <= 0 ? null : path.substring(0, cut);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourcePositions p && values.equals(p.values) && keys.equals(p.keys);
  }

  @Override
  public int hashCode() {
    return values.hashCode() * 31 + keys.hashCode();
  }

  @Override
  public String toString() {
    return values.size() + " positions";
  }

  /**
   * A place in a file.
   *
   * @param line   1-based line
   * @param column 1-based column
   */
  public record Position(int line, int column) {

    /** How messages show it: {@code line 5, column 9}. */
    @Override
    public String toString() {
      return "line " + line + ", column " + column;
    }
  }
}
