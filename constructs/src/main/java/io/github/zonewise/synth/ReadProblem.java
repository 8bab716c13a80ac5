package io.github.zonewise.synth;

/**
 * Why a file cannot be read, in plain words, with the line and column where the reader stopped
 * (1-based; 0 when unknown). The message never carries parser internals.
 */
final class ReadProblem extends Exception {

  private final int line;
  private final int column;
  private final String problem;

  /**
   * @param line    1-based line, 0 when unknown
   * @param column  1-based column, 0 when unknown
   * @param problem what is wrong, in plain words
   */
  ReadProblem(int line, int column, String problem) {
    super(where(line, column) + problem, null, false, false);
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  /** {@code line 3, column 7: } (or {@code line 3: }, or nothing when unknown). */
  static String where(int line, int column) {
    if (line <= 0) {
      return "";
    }
    return "line " + line + (column > 0 ? ", column " + column : "") + ": ";
  }

  int line() {
    return line;
  }

  int column() {
    return column;
  }

  String problem() {
    return problem;
  }
}
