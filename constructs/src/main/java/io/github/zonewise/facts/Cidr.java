package io.github.zonewise.facts;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 CIDR block, parsed and checked in plain Java.
 *
 * @param address the network address as an unsigned 32-bit value
 * @param prefix  the prefix length, 0–32
 */
public record Cidr(long address, int prefix) {

  /**
   * The IPv4 ranges that are never a public address on the internet, from IANA's IPv4 Special-Purpose
   * Address Registry: each a block, what it is and its RFC. The documentation ranges of RFC 5737
   * (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) are left out, so that examples can use them.
   */
  private static final List<String[]> NOT_PUBLIC = List.of(
      new String[] {"0.0.0.0/8", "'this network' range", "RFC 791"},
      new String[] {"10.0.0.0/8", "private range", "RFC 1918"},
      new String[] {"100.64.0.0/10", "shared address space of carrier-grade NAT", "RFC 6598"},
      new String[] {"127.0.0.0/8", "loopback range", "RFC 1122"},
      new String[] {"169.254.0.0/16", "link-local range", "RFC 3927"},
      new String[] {"172.16.0.0/12", "private range", "RFC 1918"},
      new String[] {"192.0.0.0/24", "range of IETF protocol assignments", "RFC 6890"},
      new String[] {"192.168.0.0/16", "private range", "RFC 1918"},
      new String[] {"198.18.0.0/15", "benchmarking range", "RFC 2544"},
      new String[] {"224.0.0.0/4", "multicast range", "RFC 5771"},
      new String[] {"240.0.0.0/4", "reserved range", "RFC 1112"});

  private static final Pattern SHAPE = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

  /**
   * Checks the address has no host bits set and the prefix is 0–32.
   *
   * @param address the network address as an unsigned 32-bit value, host bits 0
   * @param prefix  the prefix length, 0–32
   * @throws IllegalArgumentException when the prefix or the address is out of range, or host bits are set
   */
  public Cidr {
    if (prefix < 0 || prefix > 32) {
      throw new IllegalArgumentException("prefix must be 0-32: " + prefix);
    }
    if (address < 0 || address > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("not an IPv4 address: " + address);
    }
    if ((address & ~mask(prefix) & 0xFFFFFFFFL) != 0) {
      throw new IllegalArgumentException("host bits set: " + format(address) + "/" + prefix);
    }
  }

  /**
   * A CIDR block without host bits, or a problem that shows the block to write.
   *
   * @param property the property or field path
   * @param text     the block as written
   * @param example  an example block for the message, e.g. {@code 10.0.0.0/16}
   * @return the block
   * @throws InvalidValue when the text is not a block, or has host bits set
   */
  public static Cidr check(String property, String text, String example) {
    return parse(text).orElseThrow(() -> canonicalOf(text)
        .map(c -> new InvalidValue(property, text, "has host bits set; write " + c))
        .orElseGet(() -> new InvalidValue(property, text, "is not a CIDR block; write one such as " + example)));
  }

  /**
   * Parses {@code a.b.c.d/n}.
   *
   * @param text the CIDR text
   * @return the block, or empty when the text is not a CIDR or has host bits set
   */
  public static Optional<Cidr> parse(String text) {
    return parts(text).filter(p -> (p[0] & ~mask((int) p[1]) & 0xFFFFFFFFL) == 0)
        .map(p -> new Cidr(p[0], (int) p[1]));
  }

  /**
   * Whether the text is shaped like a CIDR but has host bits set, e.g. {@code 10.0.0.1/16}.
   *
   * @param text the CIDR text
   * @return the canonical block it should have been written as, if so
   */
  public static Optional<Cidr> canonicalOf(String text) {
    return parts(text).map(p -> new Cidr(p[0] & mask((int) p[1]), (int) p[1]));
  }

  /** The address and prefix of {@code a.b.c.d/n}, host bits and all; empty when not that shape. */
  private static Optional<long[]> parts(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = SHAPE.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    long a = 0;
    for (int i = 1; i <= 4; i++) {
      int octet = Integer.parseInt(m.group(i));
      if (octet > 255) {
        return Optional.empty();
      }
      a = (a << 8) | octet;
    }
    int p = Integer.parseInt(m.group(5));
    return p > 32 ? Optional.empty() : Optional.of(new long[] {a, p});
  }

  /**
   * Whether the block holds addresses that are not public on the internet (private, loopback,
   * link-local, carrier-grade NAT, multicast, reserved), and which: {@code "is in the private range
   * 10.0.0.0/8 (RFC 1918)"} or {@code "includes the private range 10.0.0.0/8 (RFC 1918)"}. The whole
   * internet, {@code 0.0.0.0/0}, is not asked about (it is public and everything else).
   *
   * @return how the block meets the first such range, if it does
   */
  public Optional<String> notPublic() {
    for (String[] range : NOT_PUBLIC) {
      Cidr r = parse(range[0]).orElseThrow();
      String what = " the " + range[1] + " " + r + " (" + range[2] + ")";
      if (r.contains(this)) {
        return Optional.of("is in" + what);
      }
      if (overlaps(r)) {
        return Optional.of("includes" + what);
      }
    }
    return Optional.empty();
  }

  /** {@return the number of addresses in the block} */
  public long size() {
    return 1L << (32 - prefix);
  }

  /** {@return the last address of the block} */
  public long last() {
    return address + size() - 1;
  }

  /**
   * Whether two blocks share any address.
   *
   * @param other another block
   * @return true if they overlap
   */
  public boolean overlaps(Cidr other) {
    return address <= other.last() && other.address <= last();
  }

  /**
   * Whether this block holds all of another.
   *
   * @param other another block
   * @return true if {@code other} lies inside this block
   */
  public boolean contains(Cidr other) {
    return address <= other.address && other.last() <= last();
  }

  /**
   * The {@code index}-th sub-block of a longer prefix.
   *
   * @param newPrefix the sub-block prefix, ≥ this prefix
   * @param index     which one, from 0
   * @return the sub-block
   */
  public Cidr subnet(int newPrefix, int index) {
    long step = 1L << (32 - newPrefix);
    long start = address + step * index;
    Cidr sub = new Cidr(start, newPrefix);
    if (newPrefix < prefix || !contains(sub)) {
      throw new IllegalArgumentException(this + " has no /" + newPrefix + " number " + index);
    }
    return sub;
  }

  @Override
  public String toString() {
    return format(address) + "/" + prefix;
  }

  private static long mask(int prefix) {
    return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
  }

  private static String format(long a) {
    return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
  }
}
