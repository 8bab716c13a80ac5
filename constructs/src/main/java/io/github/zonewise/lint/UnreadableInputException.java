package io.github.zonewise.lint;

import java.nio.file.Path;

/** An input the checker cannot read: it names the file and says why. */
public class UnreadableInputException extends Exception {

  private final transient Path path;

  /**
   * @param path   the file or directory
   * @param reason why it cannot be read
   */
  public UnreadableInputException(Path path, String reason) {
    super(path + ": " + reason);
    this.path = path;
  }

  /** The file or directory that cannot be read. */
  public Path path() {
    return path;
  }
}
