package io.github.zonewise.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opening input files: UTF-8 (a byte that is not is an error), reasons in plain words. */
final class InputFiles {

  private InputFiles() {
  }

  /** A buffered UTF-8 reader that reports malformed input instead of replacing it. */
  static Reader open(Path file) throws IOException {
    return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
  }

  /** Why a file cannot be opened or read, in plain words. */
  static String cannotRead(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    return "cannot read it (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
  }

  /**
   * The first line holding a Helm or Go template action ({@code {{}), or 0.
   *
   * @param file a file that failed to read
   * @return its line number (1-based), or 0 when it has none
   */
  static int templateLine(Path file) {
    try (BufferedReader in = new BufferedReader(open(file))) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.contains("{{")) {
          return n;
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }
}
