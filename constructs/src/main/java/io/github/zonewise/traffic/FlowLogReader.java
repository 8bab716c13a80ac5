package io.github.zonewise.traffic;

import io.github.zonewise.facts.FlowLogField;
import io.github.zonewise.facts.FlowLogQuery;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads flow-log files as AWS writes them to S3 — text with a header line (gzip or not) and
 * Parquet — from files and directories (recursively), into an {@link Aggregate}. Text files are read
 * in parallel, one file a thread, in plain Java; Parquet files are summed by DuckDB (the optional
 * dependency {@code org.duckdb:duckdb_jdbc}, which the {@code zonewise} jar includes).
 */
final class FlowLogReader {

  private static final byte[] PARQUET = {'P', 'A', 'R', '1'};

  private FlowLogReader() {
  }

  /**
   * The files of the inputs: each file as it is, each directory's files below it (hidden ones left
   * out), in path order.
   *
   * @param inputs files and directories
   * @return the files
   * @throws TrafficInputException for an input that does not exist, or inputs without a file
   */
  static List<Path> files(List<Path> inputs) {
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> walk = Files.walk(input)) {
          List<Path> found = walk.filter(Files::isRegularFile)
              .filter(p -> java.util.stream.StreamSupport.stream(input.relativize(p).spliterator(), false)
                  .noneMatch(part -> part.toString().startsWith(".")))
              .sorted().toList();
          if (found.isEmpty()) {
            throw new TrafficInputException(input + ": has no flow-log files");
          }
          files.addAll(found);
        } catch (IOException e) {
          throw new TrafficInputException(input + ": cannot be listed (" + e.getMessage() + ")");
        }
      } else if (Files.isRegularFile(input)) {
        files.add(input);
      } else {
        throw new TrafficInputException(input + ": does not exist");
      }
    }
    return files;
  }

  /**
   * Reads the files.
   *
   * @param files    the files
   * @param threads  how many files to read at once
   * @param progress what to tell how far reading has come
   * @return the sums
   * @throws TrafficInputException for a file that is not a flow log or lacks needed fields: the first
   *                               such file in path order
   */
  static Aggregate read(List<Path> files, int threads, Progress progress) {
    long total = 0;
    List<Path> text = new ArrayList<>();
    List<Path> parquet = new ArrayList<>();
    for (Path f : files) {
      try {
        total += Files.size(f);
        (isParquet(f) ? parquet : text).add(f);
      } catch (IOException e) {
        throw new TrafficInputException(f + ": cannot be read (" + e.getMessage() + ")");
      }
    }
    progress.start(total);
    Aggregate all = new Aggregate();
    readText(text, Math.max(1, Math.min(threads, text.size())), progress, all);
    if (!parquet.isEmpty()) {
      readParquet(parquet, threads, all);
      parquet.forEach(p -> {
        try {
          progress.advance(Files.size(p));
        } catch (IOException e) {
          // counted already
        }
      });
    }
    progress.finish();
    return all;
  }

  private static boolean isParquet(Path f) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      byte[] head = in.readNBytes(4);
      return java.util.Arrays.equals(head, PARQUET);
    }
  }

  private static void readText(List<Path> files, int threads, Progress progress, Aggregate into) {
    if (files.isEmpty()) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "flow-log-reader");
      t.setDaemon(true);
      return t;
    });
    List<TextFlowLogParser> parsers = java.util.Collections.synchronizedList(new ArrayList<>());
    ThreadLocal<TextFlowLogParser> local = ThreadLocal.withInitial(() -> {
      TextFlowLogParser p = new TextFlowLogParser();
      parsers.add(p);
      return p;
    });
    AtomicBoolean failed = new AtomicBoolean();
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (Path f : files) {
        futures.add(pool.submit(() -> {
          if (failed.get()) {
            return null;
          }
          try {
            readOne(f, local.get(), progress);
          } catch (RuntimeException | IOException e) {
            failed.set(true);
            throw e;
          }
          return null;
        }));
      }
      for (Future<?> future : futures) {
        try {
          future.get();
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof TrafficInputException t) {
            throw t;
          }
          if (cause instanceof IOException io) {
            throw new TrafficInputException(io.getMessage());
          }
          throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    for (TextFlowLogParser p : parsers) {
      p.drainInto(into);
    }
  }

  private static void readOne(Path f, TextFlowLogParser parser, Progress progress) throws IOException {
    try (InputStream raw = new Counting(Files.newInputStream(f), progress);
         BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16)) {
      buffered.mark(2);
      int b1 = buffered.read();
      int b2 = buffered.read();
      buffered.reset();
      if (b1 < 0) {
        throw new TrafficInputException(f + ": is empty; a flow-log file starts with a header line naming the fields");
      }
      if (b1 == 0x1f && b2 == 0x8b) {
        // closed here: its inflater's native memory is freed now, not when the garbage collector runs
        try (InputStream in = new GZIPInputStream(buffered, 1 << 16)) {
          parser.parse(f.toString(), in);
        }
      } else {
        parser.parse(f.toString(), buffered);
      }
    } catch (ZipException | java.io.EOFException e) {
      throw new TrafficInputException(f + ": is not a readable gzip file (" + e.getMessage() + ")");
    }
  }

  /** Counts the bytes read from a file for the progress. */
  private static final class Counting extends FilterInputStream {
    private final Progress progress;

    Counting(InputStream in, Progress progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        progress.advance(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        progress.advance(n);
      }
      return n;
    }
  }

  /**
   * Opens an in-memory DuckDB database.
   *
   * @param what what needs it, for the message when DuckDB is not on the class path
   * @return the connection
   */
  static Connection duckDb(String what) {
    try {
      Class.forName("org.duckdb.DuckDBDriver");
      return DriverManager.getConnection("jdbc:duckdb:");
    } catch (ClassNotFoundException e) {
      throw new TrafficInputException(what + " needs DuckDB (org.duckdb:duckdb_jdbc) on the class path; the"
          + " zonewise jar includes it, a project using the constructs library adds the dependency");
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB cannot start: " + e.getMessage(), e);
    }
  }

  private static void readParquet(List<Path> files, int threads, Aggregate into) {
    try (Connection c = duckDb(files.get(0) + ": reading Parquet"); Statement s = c.createStatement()) {
      s.execute("SET threads TO " + Math.max(1, threads));
      List<String> present = null;
      for (Path f : files) {
        List<String> columns = new ArrayList<>();
        try (ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + FlowLogQuery.literal(f.toString())
            + ")")) {
          while (r.next()) {
            columns.add(r.getString(1));
          }
        } catch (SQLException e) {
          throw new TrafficInputException(f + ": is not a readable Parquet file (" + firstLine(e.getMessage()) + ")");
        }
        List<String> missing = new ArrayList<>();
        for (FlowLogField field : TextFlowLogParser.REQUIRED) {
          if (!columns.contains(field.column())) {
            missing.add(field.fieldName());
          }
        }
        if (!missing.isEmpty()) {
          throw TextFlowLogParser.missingFields(f.toString(), missing);
        }
        List<String> optional = new ArrayList<>();
        for (FlowLogField field : TextFlowLogParser.OPTIONAL) {
          if (!columns.contains(field.column())) {
            optional.add(field.fieldName());
          }
        }
        into.missing(optional, f.toString());
        if (present == null) {
          present = new ArrayList<>(columns);
        } else {
          for (String col : columns) {
            if (!present.contains(col)) {
              present.add(col);
            }
          }
        }
        into.files++;
      }
      List<String> known = present.stream().filter(col -> FlowLogField.of(col.replace('_', '-')).isPresent()).toList();
      String text = known.stream().map(col -> "length(COALESCE(CAST(\"" + col + "\" AS VARCHAR), '-'))")
          .collect(Collectors.joining(" + ")) + " + " + known.size();
      FlowLogField[] keyFields = {FlowLogField.INTERFACE_ID, FlowLogField.INSTANCE_ID, FlowLogField.VPC_ID,
          FlowLogField.SUBNET_ID, FlowLogField.AZ_ID, FlowLogField.FLOW_DIRECTION, FlowLogField.SRCADDR,
          FlowLogField.DSTADDR, FlowLogField.PKT_SRCADDR, FlowLogField.PKT_DSTADDR, FlowLogField.TRAFFIC_PATH,
          FlowLogField.PKT_SRC_AWS_SERVICE, FlowLogField.PKT_DST_AWS_SERVICE};
      List<String> select = new ArrayList<>();
      for (FlowLogField field : keyFields) {
        String col = "\"" + field.column() + "\"";
        select.add(present.contains(field.column()) ? "CAST(" + col + " AS VARCHAR)" : "NULL");
      }
      String packets = present.contains(FlowLogField.PACKETS.column()) ? "SUM(packets)" : "0";
      String list = files.stream().map(p -> FlowLogQuery.literal(p.toString())).collect(Collectors.joining(", "));
      String sql = "SELECT " + String.join(", ", select) + ", action, log_status, COALESCE(SUM(bytes), 0), "
          + "COALESCE(" + packets + ", 0), COUNT(*), MIN(\"start\"), MAX(\"end\"), SUM(" + text + ")"
          + " FROM read_parquet([" + list + "], union_by_name = true) GROUP BY ALL";
      try (ResultSet r = s.executeQuery(sql)) {
        while (r.next()) {
          String[] k = new String[keyFields.length];
          for (int i = 0; i < k.length; i++) {
            String v = r.getString(i + 1);
            k[i] = v == null || v.isEmpty() ? FlowKey.MISSING : v;
          }
          String action = r.getString(14);
          String status = r.getString(15);
          long bytes = r.getLong(16);
          long packetCount = r.getLong(17);
          long records = r.getLong(18);
          into.records += records;
          into.window(r.getLong(19), r.getLong(20));
          into.textBytes += r.getLong(21);
          if (!"OK".equals(status)) {
            if ("NODATA".equals(status)) {
              into.noData += records;
            } else {
              into.skipData += records;
            }
          } else if (!"ACCEPT".equals(action)) {
            into.rejectedRecords += records;
            into.rejectedBytes += bytes;
          } else if (bytes <= 0) {
            into.zeroBytes += records;
          } else {
            into.accepted += records;
            int path = FlowKey.MISSING.equals(k[10]) ? 0 : Integer.parseInt(k[10]);
            into.add(new FlowKey(k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7], k[8], k[9], path, k[11], k[12]),
                bytes, packetCount, records);
          }
        }
      }
    } catch (SQLException e) {
      throw new TrafficInputException("the Parquet files cannot be read (" + firstLine(e.getMessage()) + ")");
    }
  }

  static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("");
  }
}
