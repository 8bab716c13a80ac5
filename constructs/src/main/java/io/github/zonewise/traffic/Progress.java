package io.github.zonewise.traffic;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the reading of the input has come: the bytes of the files read (compressed, as on disk)
 * out of their total. {@link #NONE} reports nothing; {@link #bar(PrintStream)} draws a bar on one
 * line of a terminal (the command line uses it on stderr, when stderr is a terminal or with
 * {@code --progress}), at most five times a second.
 */
public class Progress {

  /** Reports nothing. */
  public static final Progress NONE = new Progress();

  private final AtomicLong done = new AtomicLong();
  private volatile long total;
  private volatile long started;

  /** A progress that reports nothing; subclasses draw. */
  protected Progress() {
  }

  /**
   * A bar on a terminal line: {@code reading [#########           ]  45%  412 MB of 915 MB  38 s left}.
   *
   * @param err the terminal's stream
   * @return the progress
   */
  public static Progress bar(PrintStream err) {
    return new Bar(err);
  }

  /**
   * Starts counting.
   *
   * @param totalBytes the bytes of all input files
   */
  void start(long totalBytes) {
    this.total = totalBytes;
    this.started = System.nanoTime();
    done.set(0);
  }

  /**
   * Counts bytes read.
   *
   * @param bytes bytes of input read since the last call
   */
  void advance(long bytes) {
    long now = done.addAndGet(bytes);
    draw(now, total, started, false);
  }

  /** Stops counting (clears the bar). */
  void finish() {
    draw(done.get(), total, started, true);
  }

  /**
   * Draws the state; the default draws nothing.
   *
   * @param doneBytes  bytes read
   * @param totalBytes bytes in all
   * @param startNanos when reading started
   * @param last       true once, when reading is over
   */
  protected void draw(long doneBytes, long totalBytes, long startNanos, boolean last) {
  }

  private static final class Bar extends Progress {
    private final PrintStream err;
    private long lastDraw;

    Bar(PrintStream err) {
      this.err = err;
    }

    @Override
    protected synchronized void draw(long doneBytes, long totalBytes, long startNanos, boolean last) {
      long now = System.nanoTime();
      if (last) {
        err.print("\r" + " ".repeat(78) + "\r");
        err.flush();
        return;
      }
      if (now - lastDraw < 200_000_000L) {
        return;
      }
      lastDraw = now;
      double share = totalBytes <= 0 ? 1 : Math.min(1, (double) doneBytes / totalBytes);
      int filled = (int) Math.round(share * 24);
      double seconds = (now - startNanos) / 1e9;
      String left = share > 0.01 ? String.format(Locale.ROOT, "%4.0f s left", seconds / share - seconds) : "";
      err.print(String.format(Locale.ROOT, "\rreading [%s%s] %3.0f%%  %,d MB of %,d MB  %s", "#".repeat(filled),
          " ".repeat(24 - filled), share * 100, doneBytes >> 20, totalBytes >> 20, left));
      err.flush();
    }
  }
}
