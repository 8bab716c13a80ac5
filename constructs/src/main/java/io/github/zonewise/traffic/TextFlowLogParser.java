package io.github.zonewise.traffic;

import io.github.zonewise.facts.FlowLogField;
import io.github.zonewise.facts.FlowLogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads text flow-log files as AWS writes them to S3 — a header line naming the fields, then one
 * record a line, values separated by spaces, {@code -} for a missing value — into sums by
 * {@link FlowKey}, without a String or an object per record: the line is split eight bytes at a time,
 * the four addresses and the interface, direction, path and AWS ranges are packed into three longs
 * (IPv4 addresses as their value, other strings interned), and sums are kept beside the keys in one
 * flat array. One parser a thread; its sums go into an {@link Aggregate} at the end ({@link #drainInto}).
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
  private static final byte[] NODATA = "NODATA".getBytes(StandardCharsets.US_ASCII);

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long SPACES = 0x2020202020202020L;
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  private static final int INTERFACE = 0;
  private static final int DIRECTION = 5;
  private static final int SRCADDR = 6;
  private static final int SRC_SERVICE = 11;
  private static final int DST_SERVICE = 12;

  private final KeyTable table = new KeyTable();
  private final Aggregate counts = new Aggregate();
  /** Interface ids (24-bit ids). */
  private final Interner interfaces = new Interner();
  /** AWS range names of pkt-*-aws-service (8-bit ids). */
  private final Interner services = new Interner();
  /** Everything else: addresses that are not IPv4, instance, VPC, subnet and AZ ids. */
  private final Interner others = new Interner();
  /** Per interface id: the ids (in others) of its instance, VPC, subnet and AZ, from its first record. */
  private int[][] interfaceAttributes = new int[1024][];

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
    byte[] buf = buffer;
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
      if (header) {
        int nl = indexOf(buf, 0, len, (byte) '\n');
        if (nl < 0) {
          if (len == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
          }
          continue;
        }
        line++;
        header(buf, 0, nl > 0 && buf[nl - 1] == '\r' ? nl - 1 : nl);
        header = false;
        pos = nl + 1;
      }
      pos = scan(buf, pos, len);
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, len - pos);
        len -= pos;
      } else if (len == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
    }
    buffer = buf;
    if (header) {
      throw new TrafficInputException(file + ": is empty; a flow-log file starts with a header line naming the fields");
    }
  }

  /** The read buffer, kept from one file to the next (grown for a line longer than it). */
  private byte[] buffer = new byte[1 << 20];

  private static int indexOf(byte[] buf, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The index of the next space or newline at or after {@code i}, eight bytes at a time.
   *
   * @return the index, or {@code limit} when there is none
   */
  private static int delimiter(byte[] b, int i, int limit) {
    while (i + 8 <= limit) {
      long w = (long) LONGS.get(b, i);
      long s = w ^ SPACES;
      long n = w ^ NEWLINES;
      // exact zero-byte masks (no borrow between bytes)
      long z = ~(((s & LOW7) + LOW7) | s | LOW7) | ~(((n & LOW7) + LOW7) | n | LOW7);
      if (z != 0) {
        return i + (Long.numberOfTrailingZeros(z) >>> 3);
      }
      i += 8;
    }
    while (i < limit) {
      byte c = b[i];
      if (c == ' ' || c == '\n') {
        return i;
      }
      i++;
    }
    return limit;
  }

  /**
   * Reads the complete lines of {@code buf[pos, len)}.
   *
   * @return where the incomplete last line starts
   */
  private int scan(byte[] buf, int pos, int len) {
    int lineStart = pos;
    int n = 0;
    int i = pos;
    while (true) {
      int d = delimiter(buf, i, len);
      if (d >= len) {
        return lineStart;
      }
      int e = d;
      if (buf[d] == '\n' && e > i && buf[e - 1] == '\r') {
        e--;
      }
      if (e > i) {
        if (n < columns) {
          from[n] = i;
          to[n] = e;
        }
        n++;
      }
      if (buf[d] == '\n') {
        line++;
        if (n > 0) {
          record(buf, lineStart, d, n);
        }
        n = 0;
        lineStart = d + 1;
      }
      i = d + 1;
    }
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

  private void record(byte[] buf, int start, int end, int n) {
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
      if (equals(buf, statusColumn, NODATA)) {
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
    // the key: the four addresses (IPv4 as 32-bit values, anything else interned), then the interface,
    // direction, path and AWS ranges packed into one long; the interface's instance, VPC, subnet and AZ
    // are kept once per interface (they are the interface's, not the record's)
    long flags = 0;
    long[] address = this.address;
    for (int a = 0; a < 4; a++) {
      int c = keyColumn[SRCADDR + a];
      long v = ipv4(buf, from[c], to[c]);
      if (v < 0) {
        v = id(others, buf, c);
        flags |= 1L << a;
      }
      address[a] = v;
    }
    int iface = id(interfaces, buf, keyColumn[INTERFACE]);
    if (iface >= 1 << 24) {
      throw new IllegalStateException(file + ": more than 16 million network interfaces");
    }
    if (iface >= interfaceAttributes.length) {
      interfaceAttributes = Arrays.copyOf(interfaceAttributes, Math.max(iface + 1, interfaceAttributes.length * 2));
    }
    if (interfaceAttributes[iface] == null) {
      int[] attrs = new int[4];
      for (int f = 1; f <= 4; f++) {
        attrs[f - 1] = keyColumn[f] < 0 ? 0 : id(others, buf, keyColumn[f]);
      }
      interfaceAttributes[iface] = attrs;
    }
    long direction = direction(buf, keyColumn[DIRECTION]);
    long path = keyColumn[TRAFFIC_PATH] < 0 ? 0 : number(buf, keyColumn[TRAFFIC_PATH], FlowLogField.TRAFFIC_PATH);
    if (path > 31) {
      throw new TrafficInputException(file + ":" + line + ": traffic-path is " + path + ", not a traffic path (1 to 8)");
    }
    long srcService = service(buf, keyColumn[SRC_SERVICE]);
    long dstService = service(buf, keyColumn[DST_SERVICE]);
    long k2 = iface | direction << 24 | path << 26 | srcService << 31 | dstService << 39 | flags << 47;
    table.add(address[0] << 32 | address[1], address[2] << 32 | address[3], k2, bytes, packets);
  }

  private final long[] address = new long[4];

  private static int id(Interner interner, byte[] buf, int s, int e) {
    return e - s == 1 && buf[s] == '-' ? 0 : interner.id(buf, s, e - s);
  }

  private int id(Interner interner, byte[] buf, int column) {
    return id(interner, buf, from[column], to[column]);
  }

  private long service(byte[] buf, int column) {
    if (column < 0) {
      return 0;
    }
    int id = id(services, buf, column);
    if (id > 255) {
      throw new TrafficInputException(file + ":" + line + ": more than 255 names of AWS ranges in pkt-src-aws-service"
          + " and pkt-dst-aws-service; are the columns of the header right?");
    }
    return id;
  }

  private long direction(byte[] buf, int column) {
    int s = from[column];
    int len = to[column] - s;
    if (len == 6 && buf[s] == 'e') {
      return 2;
    }
    if (len == 7 && buf[s] == 'i') {
      return 1;
    }
    if (len == 1 && buf[s] == '-') {
      return 0;
    }
    throw new TrafficInputException(file + ":" + line + ": flow-direction is '"
        + new String(buf, s, Math.min(len, 40), StandardCharsets.UTF_8) + "', not ingress, egress or -");
  }

  /** An IPv4 address as a 32-bit value, or -1 for anything else (IPv6, {@code -}). */
  private static long ipv4(byte[] buf, int s, int e) {
    long value = 0;
    int octet = -1;
    int dots = 0;
    for (int i = s; i < e; i++) {
      int c = buf[i];
      if (c >= '0' && c <= '9') {
        octet = (octet < 0 ? 0 : octet * 10) + (c - '0');
        if (octet > 255) {
          return -1;
        }
      } else if (c == '.' && octet >= 0 && dots < 3) {
        value = value << 8 | octet;
        octet = -1;
        dots++;
      } else {
        return -1;
      }
    }
    return octet < 0 || dots != 3 ? -1 : value << 8 | octet;
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
    java.util.Map<Long, String> ipv4 = new java.util.HashMap<>();
    String[] direction = {FlowKey.MISSING, "ingress", "egress"};
    table.forEach((k0, k1, k2, sums) -> {
      long flags = k2 >>> 47;
      long[] raw = {k0 >>> 32, k0 & 0xFFFFFFFFL, k1 >>> 32, k1 & 0xFFFFFFFFL};
      String[] addresses = new String[4];
      for (int a = 0; a < 4; a++) {
        long v = raw[a];
        addresses[a] = (flags & (1L << a)) != 0 ? text(others, (int) v) : ipv4.computeIfAbsent(v,
            x -> (x >>> 24) + "." + ((x >>> 16) & 255) + "." + ((x >>> 8) & 255) + "." + (x & 255));
      }
      int iface = (int) (k2 & 0xFFFFFF);
      int[] attrs = interfaceAttributes[iface];
      into.add(new FlowKey(text(interfaces, iface), text(others, attrs[0]), text(others, attrs[1]),
          text(others, attrs[2]), text(others, attrs[3]), direction[(int) ((k2 >>> 24) & 3)], addresses[0],
          addresses[1], addresses[2], addresses[3], (int) ((k2 >>> 26) & 31), text(services, (int) ((k2 >>> 31) & 255)),
          text(services, (int) ((k2 >>> 39) & 255))), sums[0], sums[1], sums[2]);
    });
    into.merge(counts);
  }

  private static String text(Interner interner, int id) {
    return id == 0 ? FlowKey.MISSING : interner.value(id);
  }

  /**
   * Packed keys (three longs) → {bytes, packets, records} sums, open addressing with each slot's key and
   * sums side by side: adding to a key touches one or two cache lines however many keys there are.
   */
  static final class KeyTable {
    private static final int STRIDE = 6;
    // per slot: k0, k1, k2, bytes, packets, records (0: empty)
    private long[] slots = new long[4096 * STRIDE];
    private int count;

    interface Visitor {
      void accept(long k0, long k1, long k2, long[] sums);
    }

    void add(long k0, long k1, long k2, long bytes, long packets) {
      int mask = slots.length / STRIDE - 1;
      int slot = hash(k0, k1, k2) & mask;
      while (true) {
        int i = slot * STRIDE;
        if (slots[i + 5] == 0) {
          slots[i] = k0;
          slots[i + 1] = k1;
          slots[i + 2] = k2;
          slots[i + 3] = bytes;
          slots[i + 4] = packets;
          slots[i + 5] = 1;
          if (++count * 2 > mask + 1) {
            rehash();
          }
          return;
        }
        if (slots[i] == k0 && slots[i + 1] == k1 && slots[i + 2] == k2) {
          slots[i + 3] += bytes;
          slots[i + 4] += packets;
          slots[i + 5]++;
          return;
        }
        slot = (slot + 1) & mask;
      }
    }

    private static int hash(long k0, long k1, long k2) {
      long h = k0 * 0x9E3779B97F4A7C15L;
      h = (h ^ (h >>> 32) ^ k1) * 0xBF58476D1CE4E5B9L;
      h = (h ^ (h >>> 29) ^ k2) * 0x94D049BB133111EBL;
      return (int) (h ^ (h >>> 32));
    }

    private void rehash() {
      long[] old = slots;
      slots = new long[old.length * 2];
      int mask = slots.length / STRIDE - 1;
      for (int i = 0; i < old.length; i += STRIDE) {
        if (old[i + 5] == 0) {
          continue;
        }
        int slot = hash(old[i], old[i + 1], old[i + 2]) & mask;
        while (slots[slot * STRIDE + 5] != 0) {
          slot = (slot + 1) & mask;
        }
        System.arraycopy(old, i, slots, slot * STRIDE, STRIDE);
      }
    }

    void forEach(Visitor visitor) {
      for (int i = 0; i < slots.length; i += STRIDE) {
        if (slots[i + 5] != 0) {
          visitor.accept(slots[i], slots[i + 1], slots[i + 2], new long[] {slots[i + 3], slots[i + 4], slots[i + 5]});
        }
      }
    }
  }

  /** Byte strings → dense ids from 1 (0 is a missing value). */
  static final class Interner {
    private byte[] slab = new byte[1 << 14];
    private int used;
    private int[] offsets = new int[256];
    private int[] lengths = new int[256];
    private int[] hashes = new int[256];
    private String[] values = new String[256];
    private int count = 1;
    private int[] table = new int[512];

    int id(byte[] buf, int off, int len) {
      int h = 0x811c9dc5;
      for (int i = off; i < off + len; i++) {
        h = (h ^ buf[i]) * 0x01000193;
      }
      h ^= h >>> 16;
      int mask = table.length - 1;
      int slot = h & mask;
      while (true) {
        int id = table[slot];
        if (id == 0) {
          return insert(buf, off, len, h, slot);
        }
        if (hashes[id] == h && lengths[id] == len
            && Arrays.equals(slab, offsets[id], offsets[id] + len, buf, off, off + len)) {
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
        int[] bigger = new int[table.length * 2];
        int mask = bigger.length - 1;
        for (int i = 1; i < count; i++) {
          int s = hashes[i] & mask;
          while (bigger[s] != 0) {
            s = (s + 1) & mask;
          }
          bigger[s] = i;
        }
        table = bigger;
      }
      return id;
    }

    String value(int id) {
      if (values[id] == null) {
        values[id] = new String(slab, offsets[id], lengths[id], StandardCharsets.UTF_8);
      }
      return values[id];
    }
  }
}
