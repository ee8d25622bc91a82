package dev.hookguard.runtime.receiver;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The reverse proxies and load balancers in front of the receiver, as CIDR blocks (the same
 * syntax as {@link IpAllowList}). Only a request whose immediate peer (the TCP connection's
 * remote address) is one of them may tell the receiver, through {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto}, who the client was and whether it used HTTPS. From anyone else those
 * headers are ignored, since a client can write whatever it likes into them.
 *
 * <p><b>Client address.</b> Each proxy appends the address of its own peer to {@code
 * X-Forwarded-For}. Read from the right, every hop up to and including the first untrusted one was
 * written by a trusted proxy; everything left of it was written by the client and proves nothing.
 * So the client is the right-most hop that is not a trusted proxy (or the left-most hop if every
 * one is). Several header lines count as one list, in order. A hop may carry a port ({@code
 * 192.0.2.7:4711}, {@code [2001:db8::7]:4711}). If the hop that decides is not an IP literal
 * (say {@code unknown}) the client cannot be determined and {@link #clientAddress} is empty: the
 * receiver refuses rather than guess. The RFC 7239 {@code Forwarded} header is not read.
 *
 * <p><b>HTTPS.</b> From a trusted peer, {@code X-Forwarded-Proto} says which scheme the client
 * used; when several proxies list theirs, every element must be {@code https}: one plain leg is
 * enough to have exposed the request.
 *
 * <p>Immutable and thread-safe.
 */
public final class TrustedProxies {

  /** Bounds the work one request can cause; real chains are a handful of hops long. */
  static final int MAX_HOPS = 32;

  private static final TrustedProxies NONE = new TrustedProxies(List.of());

  private final List<CidrBlock> blocks;

  private TrustedProxies(List<CidrBlock> blocks) {
    this.blocks = blocks;
  }

  /** No trusted proxies: the peer is the client, and forwarding headers are always ignored. */
  public static TrustedProxies none() {
    return NONE;
  }

  /**
   * Proxies at the given addresses or blocks.
   *
   * @throws IllegalArgumentException if a block is not a valid CIDR block; the message names it
   */
  public static TrustedProxies of(String... blocks) {
    return of(Arrays.asList(Objects.requireNonNull(blocks, "blocks")));
  }

  /**
   * Proxies at the given addresses or blocks.
   *
   * @throws IllegalArgumentException if a block is not a valid CIDR block; the message names it
   */
  public static TrustedProxies of(Collection<String> blocks) {
    return new TrustedProxies(CidrBlock.parseAll(blocks));
  }

  /** Whether {@code address} is a trusted proxy. */
  public boolean isTrusted(InetAddress address) {
    return IpAllowList.matches(blocks, Ip128.of(Objects.requireNonNull(address, "address")));
  }

  /**
   * The client's address: {@code peer} itself unless {@code peer} is a trusted proxy, in which case
   * the right-most untrusted hop of {@code X-Forwarded-For} (see the class description). A trusted
   * peer that sends no {@code X-Forwarded-For} is taken to be the client.
   *
   * @param peer the remote address of the connection
   * @param headers the request headers
   * @return the client's address, or empty if a trusted proxy forwarded a hop that is not an IP
   *     address, an empty hop, or more than {@value #MAX_HOPS} hops
   */
  public Optional<InetAddress> clientAddress(InetAddress peer, Map<String, List<String>> headers) {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(headers, "headers");
    if (!isTrusted(peer)) {
      return Optional.of(peer);
    }
    List<String> hops = HeaderValues.elements(headers, "X-Forwarded-For");
    if (hops.isEmpty()) {
      return Optional.of(peer);
    }
    if (hops.size() > MAX_HOPS) {
      return Optional.empty();
    }
    Ip128 hop = null;
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<Ip128> parsed = parseHop(hops.get(i));
      if (parsed.isEmpty()) {
        return Optional.empty();
      }
      hop = parsed.get();
      if (!IpAllowList.matches(blocks, hop)) {
        break;
      }
    }
    return Optional.of(hop.toInetAddress());
  }

  /**
   * Whether a trusted {@code peer} reports through {@code X-Forwarded-Proto} that the client used
   * HTTPS on every forwarded leg.
   *
   * @return empty if {@code peer} is not trusted or sent no {@code X-Forwarded-Proto}; otherwise
   *     whether every element it lists is {@code https} (letter case ignored)
   */
  public Optional<Boolean> forwardedHttps(InetAddress peer, Map<String, List<String>> headers) {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(headers, "headers");
    if (!isTrusted(peer)) {
      return Optional.empty();
    }
    List<String> protos = HeaderValues.elements(headers, "X-Forwarded-Proto");
    if (protos.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(protos.stream().allMatch("https"::equalsIgnoreCase));
  }

  /** The blocks as they were written, in order. */
  public List<String> blocks() {
    return blocks.stream().map(CidrBlock::text).toList();
  }

  /** An {@code X-Forwarded-For} element: an address, optionally with a port. */
  static Optional<Ip128> parseHop(String hop) {
    if (hop.startsWith("[")) {
      int close = hop.indexOf(']');
      if (close < 0 || !isPortSuffix(hop.substring(close + 1))) {
        return Optional.empty();
      }
      return IpLiterals.parse(hop.substring(1, close));
    }
    int colon = hop.indexOf(':');
    if (colon >= 0 && colon == hop.lastIndexOf(':')) {
      if (!isPortSuffix(hop.substring(colon))) {
        return Optional.empty();
      }
      return IpLiterals.parse(hop.substring(0, colon));
    }
    return IpLiterals.parse(hop);
  }

  private static boolean isPortSuffix(String suffix) {
    if (suffix.isEmpty()) {
      return true;
    }
    return suffix.length() >= 2
        && suffix.length() <= 6
        && suffix.charAt(0) == ':'
        && suffix.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
  }

  @Override
  public String toString() {
    return "TrustedProxies" + blocks;
  }
}
