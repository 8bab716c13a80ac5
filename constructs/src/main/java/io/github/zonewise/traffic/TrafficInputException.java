package io.github.zonewise.traffic;

/**
 * Input {@code zonewise traffic} cannot use: a file that is not a flow log (named, with the line), a
 * log format without the fields a question needs (named, with the format to set), a network map or
 * pod inventory it cannot read. The message is complete: the command prints it as it is.
 */
public class TrafficInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * An input error.
   *
   * @param message what is wrong, where, and the fix
   */
  public TrafficInputException(String message) {
    super(message);
  }
}
