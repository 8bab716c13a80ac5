package io.github.zonewise.traffic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The flow-log records of the input summed by {@link FlowKey}, with what was read past: counts of
 * files and records, rejected and empty records, the time window and the size of the records as
 * text (what flow-log delivery is billed on). Its size grows with the distinct keys (interfaces ×
 * address pairs), never with the number of records.
 */
final class Aggregate {

  /** Key → {bytes, packets, records}. */
  final Map<FlowKey, long[]> keys = new LinkedHashMap<>();
  long files;
  long records;
  long accepted;
  long rejectedRecords;
  long rejectedBytes;
  long noData;
  long skipData;
  long zeroBytes;
  long textBytes;
  long minStart = Long.MAX_VALUE;
  long maxEnd = Long.MIN_VALUE;
  /** Optional fields a file lacks → the first file lacking them and how many do. */
  final Map<String, Object[]> missingOptional = new TreeMap<>();

  void add(FlowKey key, long bytes, long packets, long records) {
    long[] sums = keys.computeIfAbsent(key, k -> new long[3]);
    sums[0] += bytes;
    sums[1] += packets;
    sums[2] += records;
  }

  void window(long start, long end) {
    if (start > 0 && start < minStart) {
      minStart = start;
    }
    if (end > 0 && end > maxEnd) {
      maxEnd = end;
    }
  }

  void missing(List<String> fields, String file) {
    if (fields.isEmpty()) {
      return;
    }
    Object[] seen = missingOptional.computeIfAbsent(String.join(", ", fields), k -> new Object[] {file, 0});
    seen[1] = (Integer) seen[1] + 1;
  }

  void merge(Aggregate other) {
    other.keys.forEach((k, v) -> add(k, v[0], v[1], v[2]));
    files += other.files;
    records += other.records;
    accepted += other.accepted;
    rejectedRecords += other.rejectedRecords;
    rejectedBytes += other.rejectedBytes;
    noData += other.noData;
    skipData += other.skipData;
    zeroBytes += other.zeroBytes;
    textBytes += other.textBytes;
    window(other.minStart == Long.MAX_VALUE ? 0 : other.minStart, other.maxEnd == Long.MIN_VALUE ? 0 : other.maxEnd);
    other.missingOptional.forEach((fields, seen) -> {
      Object[] mine = missingOptional.computeIfAbsent(fields, k -> new Object[] {seen[0], 0});
      mine[1] = (Integer) mine[1] + (Integer) seen[1];
      if (((String) seen[0]).compareTo((String) mine[0]) < 0) {
        mine[0] = seen[0];
      }
    });
  }

  /** Whether the window holds any time. */
  boolean hasWindow() {
    return minStart != Long.MAX_VALUE && maxEnd != Long.MIN_VALUE && maxEnd >= minStart;
  }
}
