package io.github.zonewise.traffic;

import io.github.zonewise.facts.FlowLogField;
import io.github.zonewise.facts.FlowLogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads text flow-log files as AWS writes them to S3 — a header line naming the fields, then one
 * record a line, values separated by spaces, {@code -} for a missing value — into sums by
 * {@link FlowKey}, without a String or an object per record: values are interned from the bytes of
 * the line, and sums are kept in flat arrays keyed by the interned ids. One parser a thread; its sums
 * go into an {@link Aggregate} at the end ({@link #drainInto}).
 */
final class TextFlowLogParser {

  /** The fields every question needs. */
  static final List<FlowLogField> REQUIRED = List.of(FlowLogField.INTERFACE_ID, FlowLogField.SRCADDR,
      FlowLogField.DSTADDR, FlowLogField.BYTES, FlowLogField.START, FlowLogField.END, FlowLogField.ACTION,
      FlowLogField.LOG_STATUS, FlowLogField.FLOW_DIRECTION, FlowLogField.PKT_SRCADDR, FlowLogField.PKT_DSTADDR);
  /** Fields whose absence degrades an answer (a note says how). */
  static final List<FlowLogField> OPTIONAL = List.of(FlowLogField.INSTANCE_ID, FlowLogField.TRAFFIC_PATH,
      FlowLogField.PKT_SRC_AWS_SERVICE, FlowLogField.PKT_DST_AWS_SERVICE);

  // the key fields, in FlowKey order; TRAFFIC_PATH is a number
  private static final FlowLogField[] KEY = {FlowLogField.INTERFACE_ID, FlowLogField.INSTANCE_ID,
      FlowLogField.VPC_ID, FlowLogField.SUBNET_ID, FlowLogField.AZ_ID, FlowLogField.FLOW_DIRECTION,
      FlowLogField.SRCADDR, FlowLogField.DSTADDR, FlowLogField.PKT_SRCADDR, FlowLogField.PKT_DSTADDR,
      FlowLogField.TRAFFIC_PATH, FlowLogField.PKT_SRC_AWS_SERVICE, FlowLogField.PKT_DST_AWS_SERVICE};
  private static final int K = KEY.length;
  private static final int TRAFFIC_PATH = 10;
  private static final byte[] OK = "OK".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ACCEPT = "ACCEPT".getBytes(StandardCharsets.US_ASCII);

  private final Interner strings = new Interner();
  private final KeyTable table = new KeyTable(K);
  private final Aggregate counts = new Aggregate();
  private final int[] key = new int[K];

  // per file
  private int columns;
  private final int[] keyColumn = new int[K];
  private int bytesColumn;
  private int packetsColumn;
  private int startColumn;
  private int endColumn;
  private int actionColumn;
  private int statusColumn;
  private int[] from = new int[32];
  private int[] to = new int[32];
  private String file;
  private long line;

  /**
   * Reads one file.
   *
   * @param name the file's name, for messages
   * @param in   its text (already decompressed)
   * @throws TrafficInputException for a file that is not a flow log, or a format without the fields needed
   * @throws IOException           when the file cannot be read
   */
  void parse(String name, InputStream in) throws IOException {
    this.file = name;
    this.line = 0;
    counts.files++;
    byte[] buf = new byte[1 << 20];
    int len = 0;
    boolean header = true;
    boolean eof = false;
    while (!eof) {
      int n = in.read(buf, len, buf.length - len);
      if (n < 0) {
        eof = true;
        if (len == 0) {
          break;
        }
        if (buf[len - 1] != '\n') {
          if (len == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
          }
          buf[len++] = '\n';
        }
      } else {
        len += n;
      }
      int pos = 0;
      while (true) {
        int nl = indexOf(buf, pos, len, (byte) '\n');
        if (nl < 0) {
          break;
        }
        int end = nl > pos && buf[nl - 1] == '\r' ? nl - 1 : nl;
        line++;
        if (header) {
          header(buf, pos, end);
          header = false;
        } else if (end > pos) {
          record(buf, pos, end);
        }
        pos = nl + 1;
      }
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, len - pos);
        len -= pos;
      } else if (len == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
    }
    if (header) {
      throw new TrafficInputException(file + ": is empty; a flow-log file starts with a header line naming the fields");
    }
  }

  private static int indexOf(byte[] buf, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private void header(byte[] buf, int start, int end) {
    String text = new String(buf, start, end - start, StandardCharsets.UTF_8).strip();
    String[] names = text.isEmpty() ? new String[0] : text.split(" +");
    boolean shaped = names.length > 0;
    boolean known = false;
    for (String n : names) {
      shaped &= n.matches("[a-z][a-z0-9-]*");
      known |= FlowLogField.of(n).isPresent();
    }
    if (!shaped || !known) {
      throw notAFlowLog(file, text);
    }
    List<String> present = Arrays.asList(names);
    List<String> missing = new ArrayList<>();
    for (FlowLogField f : REQUIRED) {
      if (!present.contains(f.fieldName())) {
        missing.add(f.fieldName());
      }
    }
    if (!missing.isEmpty()) {
      throw missingFields(file, missing);
    }
    List<String> optional = new ArrayList<>();
    for (FlowLogField f : OPTIONAL) {
      if (!present.contains(f.fieldName())) {
        optional.add(f.fieldName());
      }
    }
    counts.missing(optional, file);
    columns = names.length;
    if (from.length < columns) {
      from = new int[columns];
      to = new int[columns];
    }
    for (int i = 0; i < K; i++) {
      keyColumn[i] = present.indexOf(KEY[i].fieldName());
    }
    bytesColumn = present.indexOf(FlowLogField.BYTES.fieldName());
    packetsColumn = present.indexOf(FlowLogField.PACKETS.fieldName());
    startColumn = present.indexOf(FlowLogField.START.fieldName());
    endColumn = present.indexOf(FlowLogField.END.fieldName());
    actionColumn = present.indexOf(FlowLogField.ACTION.fieldName());
    statusColumn = present.indexOf(FlowLogField.LOG_STATUS.fieldName());
  }

  static TrafficInputException notAFlowLog(String file, String firstLine) {
    String shown = firstLine.length() > 80 ? firstLine.substring(0, 80) + "…" : firstLine;
    shown = shown.replaceAll("[^\\x20-\\x7E…]", "?");
    return new TrafficInputException(file + ":1: not a flow-log file: its first line must name the fields, as AWS"
        + " writes flow logs to S3 (e.g. '" + FlowLogFormat.AWS_DEFAULT.header() + "'); found '" + shown + "'");
  }

  static TrafficInputException missingFields(String file, List<String> missing) {
    return new TrafficInputException(file + ": the log format lacks " + String.join(", ", missing)
        + ", which zonewise traffic needs to count each byte once and attribute it; create the flow logs with the"
        + " log format '" + FlowLogFormat.ZONEWISE.logFormat() + "' (FlowLogFormat.ZONEWISE, what ZonalVpc writes)");
  }

  private void record(byte[] buf, int start, int end) {
    int n = 0;
    int i = start;
    while (i < end) {
      while (i < end && buf[i] == ' ') {
        i++;
      }
      if (i >= end) {
        break;
      }
      int s = i;
      while (i < end && buf[i] != ' ') {
        i++;
      }
      if (n < columns) {
        from[n] = s;
        to[n] = i;
      }
      n++;
    }
    if (n == 0) {
      return;
    }
    if (n != columns) {
      throw new TrafficInputException(file + ":" + line + ": " + n + " values where the header names " + columns
          + " fields; a flow-log record has one value (or -) per field");
    }
    counts.records++;
    counts.textBytes += end - start + 1;
    long bytes = number(buf, bytesColumn, FlowLogField.BYTES);
    long startTime = number(buf, startColumn, FlowLogField.START);
    long endTime = number(buf, endColumn, FlowLogField.END);
    counts.window(startTime, endTime);
    if (!equals(buf, statusColumn, OK)) {
      if (equals(buf, statusColumn, "NODATA".getBytes(StandardCharsets.US_ASCII))) {
        counts.noData++;
      } else {
        counts.skipData++;
      }
      return;
    }
    if (!equals(buf, actionColumn, ACCEPT)) {
      counts.rejectedRecords++;
      counts.rejectedBytes += bytes;
      return;
    }
    if (bytes <= 0) {
      counts.zeroBytes++;
      return;
    }
    counts.accepted++;
    long packets = packetsColumn < 0 ? 0 : number(buf, packetsColumn, FlowLogField.PACKETS);
    for (int k = 0; k < K; k++) {
      int c = keyColumn[k];
      if (c < 0) {
        key[k] = 0;
      } else if (k == TRAFFIC_PATH) {
        key[k] = (int) number(buf, c, FlowLogField.TRAFFIC_PATH);
      } else {
        int s = from[c];
        int e = to[c];
        key[k] = e - s == 1 && buf[s] == '-' ? 0 : strings.id(buf, s, e - s);
      }
    }
    table.add(key, bytes, packets);
  }

  private boolean equals(byte[] buf, int column, byte[] value) {
    int s = from[column];
    int len = to[column] - s;
    if (len != value.length) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (buf[s + i] != value[i]) {
        return false;
      }
    }
    return true;
  }

  private long number(byte[] buf, int column, FlowLogField field) {
    int s = from[column];
    int e = to[column];
    if (e - s == 1 && buf[s] == '-') {
      return 0;
    }
    long v = 0;
    for (int i = s; i < e; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9 || i - s > 18) {
        throw new TrafficInputException(file + ":" + line + ": " + field.fieldName() + " is '"
            + new String(buf, s, Math.min(e - s, 40), StandardCharsets.UTF_8) + "', not a whole number or -");
      }
      v = v * 10 + d;
    }
    return v;
  }

  /**
   * Adds this parser's sums and counts to an aggregate.
   *
   * @param into the aggregate
   */
  void drainInto(Aggregate into) {
    table.forEach((ids, sums) -> into.add(new FlowKey(s(ids[0]), s(ids[1]), s(ids[2]), s(ids[3]), s(ids[4]),
        s(ids[5]), s(ids[6]), s(ids[7]), s(ids[8]), s(ids[9]), ids[10], s(ids[11]), s(ids[12])),
        sums[0], sums[1], sums[2]));
    into.merge(counts);
  }

  private String s(int id) {
    return id == 0 ? FlowKey.MISSING : strings.value(id);
  }

  /** Byte strings → dense ids (0 is reserved for a missing value). */
  static final class Interner {
    private byte[] slab = new byte[1 << 16];
    private int used;
    private int[] offsets = new int[1024];
    private int[] lengths = new int[1024];
    private int[] hashes = new int[1024];
    private int count = 1;
    private int[] table = new int[2048];
    private String[] values = new String[1024];

    int id(byte[] buf, int off, int len) {
      int h = 0x811c9dc5;
      for (int i = off; i < off + len; i++) {
        h = (h ^ buf[i]) * 0x01000193;
      }
      int mask = table.length - 1;
      int slot = h & mask;
      while (true) {
        int id = table[slot];
        if (id == 0) {
          return insert(buf, off, len, h, slot);
        }
        if (hashes[id] == h && lengths[id] == len && Arrays.equals(slab, offsets[id], offsets[id] + len, buf, off,
            off + len)) {
          return id;
        }
        slot = (slot + 1) & mask;
      }
    }

    private int insert(byte[] buf, int off, int len, int h, int slot) {
      if (used + len > slab.length) {
        slab = Arrays.copyOf(slab, Math.max(slab.length * 2, used + len));
      }
      System.arraycopy(buf, off, slab, used, len);
      if (count == offsets.length) {
        offsets = Arrays.copyOf(offsets, count * 2);
        lengths = Arrays.copyOf(lengths, count * 2);
        hashes = Arrays.copyOf(hashes, count * 2);
        values = Arrays.copyOf(values, count * 2);
      }
      int id = count++;
      offsets[id] = used;
      lengths[id] = len;
      hashes[id] = h;
      used += len;
      table[slot] = id;
      if (count * 2 > table.length) {
        rehash();
      }
      return id;
    }

    private void rehash() {
      int[] bigger = new int[table.length * 2];
      int mask = bigger.length - 1;
      for (int id = 1; id < count; id++) {
        int slot = hashes[id] & mask;
        while (bigger[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        bigger[slot] = id;
      }
      table = bigger;
    }

    String value(int id) {
      if (values[id] == null) {
        values[id] = new String(slab, offsets[id], lengths[id], StandardCharsets.UTF_8);
      }
      return values[id];
    }
  }

  /** int[width] keys → {bytes, packets, records} sums, open addressing in flat arrays. */
  static final class KeyTable {
    private final int width;
    private int[] keys;
    private long[] sums;
    private int[] table;
    private int count;

    KeyTable(int width) {
      this.width = width;
      this.keys = new int[1024 * width];
      this.sums = new long[1024 * 3];
      this.table = new int[2048];
      Arrays.fill(table, -1);
    }

    void add(int[] key, long bytes, long packets) {
      int h = 1;
      for (int k : key) {
        h = h * 0x9E3779B1 + k;
      }
      h ^= h >>> 15;
      int mask = table.length - 1;
      int slot = h & mask;
      while (true) {
        int idx = table[slot];
        if (idx < 0) {
          idx = insert(key, slot);
          sums[idx * 3] += bytes;
          sums[idx * 3 + 1] += packets;
          sums[idx * 3 + 2]++;
          return;
        }
        if (Arrays.equals(keys, idx * width, idx * width + width, key, 0, width)) {
          sums[idx * 3] += bytes;
          sums[idx * 3 + 1] += packets;
          sums[idx * 3 + 2]++;
          return;
        }
        slot = (slot + 1) & mask;
      }
    }

    private int insert(int[] key, int slot) {
      if ((count + 1) * width > keys.length) {
        keys = Arrays.copyOf(keys, keys.length * 2);
        sums = Arrays.copyOf(sums, sums.length * 2);
      }
      int idx = count++;
      System.arraycopy(key, 0, keys, idx * width, width);
      table[slot] = idx;
      if (count * 2 > table.length) {
        rehash();
      }
      return idx;
    }

    private void rehash() {
      int[] bigger = new int[table.length * 2];
      Arrays.fill(bigger, -1);
      int mask = bigger.length - 1;
      for (int idx = 0; idx < count; idx++) {
        int h = 1;
        for (int i = 0; i < width; i++) {
          h = h * 0x9E3779B1 + keys[idx * width + i];
        }
        h ^= h >>> 15;
        int slot = h & mask;
        while (bigger[slot] >= 0) {
          slot = (slot + 1) & mask;
        }
        bigger[slot] = idx;
      }
      table = bigger;
    }

    void forEach(java.util.function.BiConsumer<int[], long[]> action) {
      for (int idx = 0; idx < count; idx++) {
        action.accept(Arrays.copyOfRange(keys, idx * width, idx * width + width),
            Arrays.copyOfRange(sums, idx * 3, idx * 3 + 3));
      }
    }
  }
}
