package io.github.zonewise.traffic;

import io.github.zonewise.facts.FlowLogField;
import io.github.zonewise.facts.FlowLogQuery;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * The flow-log queries of {@link FlowLogQuery} run locally, with DuckDB: the same SQL as the Athena
 * named queries, over a view {@code flow_logs} of the files — text files read with their header's
 * fields (one {@code read_csv} per header, gzip or not), Parquet files with {@code read_parquet}, all
 * combined by column name (a column a file lacks is NULL, as Athena reads it).
 */
public final class FlowLogSql implements AutoCloseable {

  private final Connection connection;

  /**
   * The rows of a query.
   *
   * @param columns the column names
   * @param rows    the rows, values as DuckDB returns them ({@code Long}, {@code String}, …)
   */
  public record Result(List<String> columns, List<List<Object>> rows) {
  }

  private FlowLogSql(Connection connection) {
    this.connection = connection;
  }

  /**
   * Opens DuckDB with the view {@code flow_logs} over flow-log files.
   *
   * @param inputs files and directories
   * @return the engine; close it
   * @throws TrafficInputException for an input that is not a flow log
   */
  public static FlowLogSql open(List<Path> inputs) {
    List<Path> files = FlowLogReader.files(inputs);
    Map<String, List<Path>> textByHeader = new LinkedHashMap<>();
    List<Path> parquet = new ArrayList<>();
    for (Path f : files) {
      try {
        byte[] head;
        try (InputStream in = Files.newInputStream(f)) {
          head = in.readNBytes(4);
        }
        if (head.length == 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
          parquet.add(f);
          continue;
        }
        boolean gzip = head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        String header;
        try (InputStream raw = Files.newInputStream(f);
             InputStream in = gzip ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
          header = r.readLine();
        }
        if (header == null || !header.strip().matches("[a-z][a-z0-9-]*( +[a-z][a-z0-9-]*)*")) {
          throw TextFlowLogParser.notAFlowLog(f.toString(), header == null ? "" : header);
        }
        List<String> names = List.of(header.strip().split(" +"));
        List<String> missing = TextFlowLogParser.REQUIRED.stream().map(FlowLogField::fieldName)
            .filter(n -> !names.contains(n)).toList();
        if (!missing.isEmpty()) {
          throw TextFlowLogParser.missingFields(f.toString(), missing);
        }
        textByHeader.computeIfAbsent((gzip ? "gzip " : "none ") + header.strip(), h -> new ArrayList<>()).add(f);
      } catch (IOException e) {
        throw new TrafficInputException(f + ": cannot be read (" + e.getMessage() + ")");
      }
    }
    List<String> parts = new ArrayList<>();
    textByHeader.forEach((key, group) -> {
      String compression = key.substring(0, key.indexOf(' '));
      String[] names = key.substring(key.indexOf(' ') + 1).split(" +");
      String columns = java.util.Arrays.stream(names).map(n -> FlowLogQuery.literal(n.replace('-', '_')) + ": "
          + FlowLogQuery.literal(FlowLogField.of(n).map(x -> x.parquetType().duckDb()).orElse("VARCHAR")))
          .collect(Collectors.joining(", ", "{", "}"));
      parts.add("SELECT * FROM read_csv([" + list(group) + "], delim = ' ', header = true, nullstr = '-',"
          + " compression = '" + compression + "', columns = " + columns + ")");
    });
    for (Path f : parquet) {
      try (Connection c = FlowLogReader.duckDb(f + ": reading Parquet"); Statement s = c.createStatement();
           ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + FlowLogQuery.literal(f.toString()) + ")")) {
        List<String> columns = new ArrayList<>();
        while (r.next()) {
          columns.add(r.getString(1));
        }
        List<String> missing = TextFlowLogParser.REQUIRED.stream().filter(x -> !columns.contains(x.column()))
            .map(FlowLogField::fieldName).toList();
        if (!missing.isEmpty()) {
          throw TextFlowLogParser.missingFields(f.toString(), missing);
        }
      } catch (SQLException e) {
        throw new TrafficInputException(f + ": is not a readable Parquet file (" + FlowLogReader.firstLine(e.getMessage())
            + ")");
      }
    }
    if (!parquet.isEmpty()) {
      parts.add("SELECT * FROM read_parquet([" + list(parquet) + "], union_by_name = true)");
    }
    Connection c = FlowLogReader.duckDb("running the flow-log queries locally");
    try (Statement s = c.createStatement()) {
      s.execute("CREATE VIEW " + FlowLogQuery.TABLE + " AS " + String.join(" UNION ALL BY NAME ", parts));
    } catch (SQLException e) {
      close(c);
      throw new TrafficInputException("the flow-log files cannot be read by DuckDB ("
          + FlowLogReader.firstLine(e.getMessage()) + ")");
    }
    return new FlowLogSql(c);
  }

  private static String list(List<Path> files) {
    return files.stream().map(p -> FlowLogQuery.literal(p.toString())).collect(Collectors.joining(", "));
  }

  /**
   * Runs a query.
   *
   * @param query               the query
   * @param endpointByInterface the interface endpoints' network interfaces → endpoint names
   * @return its rows
   */
  public Result run(FlowLogQuery query, Map<String, String> endpointByInterface) {
    try (Statement s = connection.createStatement();
         ResultSet r = s.executeQuery(query.sql(FlowLogQuery.endpointRelation(endpointByInterface)))) {
      ResultSetMetaData meta = r.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnLabel(i));
      }
      List<List<Object>> rows = new ArrayList<>();
      while (r.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns.size(); i++) {
          Object v = r.getObject(i);
          row.add(v instanceof java.math.BigInteger || v instanceof java.math.BigDecimal || v instanceof Integer
              ? Long.valueOf(((Number) v).longValue()) : v);
        }
        rows.add(row);
      }
      return new Result(columns, rows);
    } catch (SQLException e) {
      throw new IllegalStateException(query.queryName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    close(connection);
  }

  private static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // nothing to release
    }
  }
}
