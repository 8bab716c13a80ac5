package io.github.zonewise.spec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.zonewise.spec.SourcePositions.Position;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads a landscape file into a {@link LandscapeFile} (the file as written; {@link LandscapeValidator}
 * checks it). The YAML is read as YAML 1.2 defines it: anchors, aliases and {@code <<} merge keys are
 * resolved, scalars are typed by YAML's JSON schema (as the JSON Schema {@code landscape.schema.json}
 * sees them), and limits against oversized or alias-bomb input fail fast ({@link YamlDocument}). A file
 * that is not UTF-8 text, malformed YAML, an unknown key (with the nearest known key), a value of the
 * wrong type and an empty value fail with a {@link LandscapeException} that names the field, shows the
 * value, says the fix and ends with the line and column; every problem of the file's shape is reported
 * at once. The file read keeps where each value is written ({@link LandscapeFile#positions()}), so that
 * the validator's messages end with the line and column too.
 */
public final class LandscapeReader {

  /** Where the embedded default landscape lives on the classpath. */
  public static final String DEFAULT_RESOURCE = "/io/github/zonewise/spec/default-landscape.yaml";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .build();

  private LandscapeReader() {
  }

  /**
   * Reads a landscape file.
   *
   * @param file the YAML file
   * @return the spec as written (no defaults applied)
   * @throws LandscapeException if the file is missing, not UTF-8 text, malformed, or has unknown keys or
   *                            values of the wrong type
   */
  public static LandscapeFile read(Path file) {
    String text = text(file, "landscape", "file '" + file + "' ", "landscape", "-c landscape=PATH", "does not exist;"
        + " pass an existing file with -c landscape=PATH, or leave it out to use the embedded default");
    return parse(text, file.toString());
  }

  /**
   * Reads the landscape embedded in the library: eu-west-1, three AZs, the e-commerce example.
   *
   * @return the default spec
   */
  public static LandscapeFile readDefault() {
    return parse(defaultText(), "embedded default landscape");
  }

  /**
   * The text of the embedded default landscape.
   *
   * @return YAML
   */
  public static String defaultText() {
    try (InputStream in = LandscapeReader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      return new String(Objects.requireNonNull(in, DEFAULT_RESOURCE).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses landscape YAML.
   *
   * @param yaml   the text
   * @param source where it came from, for messages
   * @return the spec as written, with where each value is written
   */
  public static LandscapeFile parse(String yaml, String source) {
    YamlDocument.Read read = YamlDocument.read(yaml == null ? "" : yaml, source, "landscape", "");
    if (read.root() == null) {
      throw new LandscapeException("landscape", source + " is empty; start from the embedded default in README.md");
    }
    LandscapeFile file = bind(read, LandscapeFile.class, source, "");
    return file.located(read.positions());
  }

  /**
   * Binds a document whose shape {@link FileShape} checks first.
   *
   * @param read   the document
   * @param type   the type its root binds to
   * @param source the file, for messages
   * @param prefix what field paths are reported after
   * @param <T>    the type
   * @return the bound value
   * @throws LandscapeException with every problem of the document's shape
   */
  static <T> T bind(YamlDocument.Read read, Type type, String source, String prefix) {
    List<LandscapeException> problems = FileShape.check(read, type, source, prefix);
    if (!problems.isEmpty()) {
      throw new LandscapeException(problems);
    }
    try {
      return MAPPER.readerFor(MAPPER.constructType(type)).readValue(read.root());
    } catch (JsonMappingException e) {
      String field = prefix + path(e.getPath());
      throw new LandscapeException(field.isEmpty() ? source : field, "cannot be read: "
          + firstLine(e.getOriginalMessage()) + "; see the landscape format in README.md");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text of a UTF-8 file, or a problem that says why it cannot be read and what to do.
   *
   * @param file    the file
   * @param field   what problems are reported under, e.g. {@code landscape}
   * @param named   how messages start naming the file, e.g. {@code "file 'x.yaml' "} (or {@code ""} when the
   *                field names it)
   * @param what    what the file is, e.g. {@code landscape}
   * @param how     how the file is passed, e.g. {@code -c landscape=PATH}
   * @param missing the message for a file that does not exist
   * @return the text
   * @throws LandscapeException when it is missing, a directory, too large, unreadable or not UTF-8
   */
  static String text(Path file, String field, String named, String what, String how, String missing) {
    if (Files.isDirectory(file)) {
      throw new LandscapeException(field, named + "is a directory, not a file; pass the " + what + " file (YAML) with "
          + how);
    }
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > 4L * YamlDocument.MAX_CODE_POINTS) {
        throw new LandscapeException(field, named + "is " + String.format(Locale.ROOT, "%,d", size) + " bytes long,"
            + " more than the " + String.format(Locale.ROOT, "%,d", YamlDocument.MAX_CODE_POINTS) + " characters the"
            + " reader takes for a " + what + " file (a limit against oversized input, where a " + what + " is a few"
            + " kilobytes); check that it is the " + what + " file, or split it");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new LandscapeException(field, named + missing);
    } catch (AccessDeniedException e) {
      throw new LandscapeException(field, named + "cannot be read: permission denied; check its permissions, or copy"
          + " it somewhere you can read");
    } catch (IOException e) {
      throw new LandscapeException(field, named + "cannot be read (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); check that it is a readable file");
    }
    return utf8(bytes, field, named);
  }

  /** Decodes UTF-8, or says where the first byte that is not UTF-8 is. */
  private static String utf8(byte[] bytes, String field, String named) {
    if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
        || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      throw new LandscapeException(field, named + "is UTF-16 text (it starts with a UTF-16 byte-order mark), not"
          + " UTF-8; save it as UTF-8");
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      out.flip();
      String before = out.toString();
      int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
      String last = before.substring(before.lastIndexOf('\n') + 1);
      int column = 1 + last.codePointCount(0, last.length());
      throw LandscapeException.at(field, named + "is not UTF-8 text: the byte "
          + String.format(Locale.ROOT, "0x%02X", bytes[in.position()] & 0xFF) + " is not UTF-8 (a file saved in"
          + " another encoding, such as Latin-1 or Windows-1252, or not a text file); save it as UTF-8",
          new Position(line, column));
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  static String path(Collection<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }

  /** Joins names for messages: {@code a, b, c}. */
  static String list(Collection<String> names) {
    return names.stream().collect(Collectors.joining(", "));
  }
}
