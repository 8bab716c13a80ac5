package io.github.zonewise.facts;

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

  private static final Pattern SHAPE = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

  /** Checks the address has no host bits set and the prefix is 0–32. */
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

  /** The number of addresses in the block. */
  public long size() {
    return 1L << (32 - prefix);
  }

  /** The last address of the block. */
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
