package io.github.zonewise.traffic;

/**
 * IP address helpers: IPv4 parsing to an unsigned value, and whether an address is private
 * (RFC 1918, the 100.64.0.0/10 shared space, IPv6 unique-local and link-local) — the same rule as
 * the {@code scopes} CTE of the flow-log queries.
 */
final class Addresses {

  private Addresses() {
  }

  /**
   * An IPv4 address as an unsigned 32-bit value.
   *
   * @param text e.g. {@code 10.0.1.5}
   * @return the value, or -1 when the text is not an IPv4 address
   */
  static long ipv4(String text) {
    if (text == null) {
      return -1;
    }
    long value = 0;
    int octets = 0;
    int octet = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        octet = (octet < 0 ? 0 : octet * 10) + (c - '0');
        if (octet > 255) {
          return -1;
        }
      } else if (c == '.' && octet >= 0 && octets < 3) {
        value = (value << 8) | octet;
        octets++;
        octet = -1;
      } else {
        return -1;
      }
    }
    if (octet < 0 || octets != 3) {
      return -1;
    }
    return (value << 8) | octet;
  }

  /**
   * Whether an address is private.
   *
   * @param text the address, IPv4 or IPv6
   * @return true for private, false for public (and for what is no address)
   */
  static boolean isPrivate(String text) {
    long a = ipv4(text);
    if (a >= 0) {
      long first = a >>> 24;
      long second = (a >>> 16) & 255;
      return first == 10 || (first == 192 && second == 168) || (first == 172 && second >= 16 && second <= 31)
          || (first == 100 && second >= 64 && second <= 127);
    }
    if (text == null || text.indexOf(':') < 0) {
      return false;
    }
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("fc") || lower.startsWith("fd") || lower.startsWith("fe80:");
  }
}
