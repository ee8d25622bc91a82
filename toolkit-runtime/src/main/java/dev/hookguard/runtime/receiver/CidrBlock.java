package dev.hookguard.runtime.receiver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One CIDR block such as {@code 192.0.2.0/24} or {@code 2001:db8::/32}, held as a 128-bit network
 * and prefix length. An IPv4 block {@code a.b.c.d/n} is held as the IPv4-mapped block {@code
 * ::ffff:a.b.c.d/(96+n)}, so {@code ::ffff:192.0.2.0/120} and {@code 192.0.2.0/24} are the same
 * block and each matches both forms of an address.
 */
record CidrBlock(Ip128 network, int prefixLength, String text) {

  /**
   * Parses {@code text}: an IPv4 or IPv6 literal, optionally followed by {@code /prefix} (without
   * one, a single address: {@code /32} or {@code /128}). Surrounding spaces are ignored.
   *
   * @throws IllegalArgumentException naming the block and what is wrong with it: not an IP
   *     literal (host names are refused; no DNS look-up is made), a prefix out of range, or bits
   *     set after the prefix (write {@code 10.0.0.0/8}, not {@code 10.0.0.1/8})
   */
  static CidrBlock parse(String text) {
    Objects.requireNonNull(text, "CIDR block");
    String block = text.strip();
    if (block.isEmpty()) {
      throw invalid(text, "it is empty");
    }
    int slash = block.indexOf('/');
    String address = slash < 0 ? block : block.substring(0, slash);
    boolean v6 = address.indexOf(':') >= 0;
    int maxPrefix = v6 ? 128 : 32;
    Ip128 network =
        IpLiterals.parse(address)
            .orElseThrow(() -> invalid(text, "'" + address + "' is not an IPv4 or IPv6 address"));
    int prefix = maxPrefix;
    if (slash >= 0) {
      String digits = block.substring(slash + 1);
      if (digits.isEmpty()
          || digits.length() > 3
          || (digits.length() > 1 && digits.charAt(0) == '0')
          || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw invalid(text, "the prefix length must be a number from 0 to " + maxPrefix);
      }
      prefix = Integer.parseInt(digits);
      if (prefix > maxPrefix) {
        throw invalid(text, "the prefix length " + prefix + " is larger than " + maxPrefix);
      }
    }
    int prefix128 = v6 ? prefix : 96 + prefix;
    if (!network.masked(prefix128).equals(network)) {
      throw invalid(
          text,
          "it has bits set after the prefix; the block's network is "
              + canonical(network.masked(prefix128), v6)
              + "/"
              + prefix);
    }
    return new CidrBlock(network, prefix128, block);
  }

  /** Parses every block, failing on the first invalid one. */
  static List<CidrBlock> parseAll(Collection<String> texts) {
    Objects.requireNonNull(texts, "CIDR blocks");
    List<CidrBlock> blocks = new ArrayList<>(texts.size());
    for (String text : texts) {
      blocks.add(parse(text));
    }
    return List.copyOf(blocks);
  }

  /** Whether {@code address} lies in this block. */
  boolean contains(Ip128 address) {
    return address.masked(prefixLength).equals(network);
  }

  @Override
  public String toString() {
    return text;
  }

  private static String canonical(Ip128 address, boolean v6) {
    String host = address.toInetAddress().getHostAddress();
    return v6 && address.isIpv4() ? "::ffff:" + host : host;
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("invalid CIDR block '" + text + "': " + why);
  }
}
