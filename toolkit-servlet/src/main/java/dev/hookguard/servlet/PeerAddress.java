package dev.hookguard.servlet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The connection's peer as {@code ServletRequest.getRemoteAddr()} gives it, turned into an {@link
 * InetAddress} without a DNS look-up. {@code InetAddress.getByName} alone would look up any text
 * that is not a literal, and a container that takes the address from a forwarded header (Jetty's
 * {@code ForwardedRequestCustomizer}, for one) may hand over whatever a client wrote there.
 */
final class PeerAddress {

  /** The longest IPv6 text form: eight groups of four, or six groups and a dotted quad. */
  private static final int MAX_IPV6_LENGTH = 45;

  private PeerAddress() {}

  /**
   * The address written as {@code text}: a dotted-quad IPv4 literal, or an IPv6 literal, with or
   * without brackets (Jetty writes {@code [::1]}) and a zone id (dropped). Empty for anything
   * else, such as a host name, which is never looked up.
   */
  static Optional<InetAddress> parse(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    String literal = text;
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    int zone = literal.indexOf('%');
    if (zone >= 0) {
      literal = literal.substring(0, zone);
    }
    return literal.indexOf(':') < 0 ? ipv4(literal) : ipv6(literal);
  }

  private static Optional<InetAddress> ipv4(String literal) {
    String[] parts = literal.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    byte[] address = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
        return Optional.empty();
      }
      int octet = 0;
      for (int j = 0; j < part.length(); j++) {
        char c = part.charAt(j);
        if (c < '0' || c > '9') {
          return Optional.empty();
        }
        octet = octet * 10 + (c - '0');
      }
      if (octet > 255) {
        return Optional.empty();
      }
      address[i] = (byte) octet;
    }
    return byAddress(address);
  }

  private static Optional<InetAddress> ipv6(String literal) {
    if (literal.length() > MAX_IPV6_LENGTH) {
      return Optional.empty();
    }
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
        return Optional.empty();
      }
    }
    try {
      // In brackets, the JDK parses the text as an IPv6 literal or fails: it never looks it up.
      return Optional.of(InetAddress.getByName("[" + literal + "]"));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static Optional<InetAddress> byAddress(byte[] address) {
    try {
      return Optional.of(InetAddress.getByAddress(address));
    } catch (UnknownHostException e) {
      return Optional.empty(); // only for a wrong length, which cannot happen here
    }
  }
}
