package dev.hookguard.runtime.receiver;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The addresses a webhook may come from, as CIDR blocks: IPv4 ({@code 192.0.2.0/24}), IPv6
 * ({@code 2001:db8::/32}) or IPv4-mapped IPv6 ({@code ::ffff:192.0.2.0/120}, the same block as
 * {@code 192.0.2.0/24}). A bare address is a block of one ({@code /32}, {@code /128}).
 *
 * <p>IPv4 and mapped addresses are one space: an IPv4 block matches a client seen as {@code
 * ::ffff:192.0.2.7} on a dual-stack socket, and vice versa. {@code ::/0} therefore allows every
 * address, IPv4 included; {@code 0.0.0.0/0} allows every IPv4 address only.
 *
 * <p>Blocks are parsed when the list is built, so a mistake fails at start-up, not on the first
 * request: a host name (no DNS look-up is ever made), a prefix out of range, or host bits after the
 * prefix ({@code 10.0.0.1/8}, usually a typo for a single address or for {@code 10.0.0.0/8}).
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * IpAllowList stripe = IpAllowList.of("3.18.12.63/32", "3.130.192.231/32", "2600:1f18::/32");
 * }</pre>
 */
public final class IpAllowList {

  private final List<CidrBlock> blocks;

  private IpAllowList(List<CidrBlock> blocks) {
    this.blocks = blocks;
  }

  /**
   * An allow-list of {@code blocks}.
   *
   * @throws IllegalArgumentException if no block is given (to allow every address, configure no
   *     allow-list) or one is not a valid CIDR block; the message names the block and the fault
   */
  public static IpAllowList of(String... blocks) {
    return of(Arrays.asList(Objects.requireNonNull(blocks, "blocks")));
  }

  /**
   * An allow-list of {@code blocks}.
   *
   * @throws IllegalArgumentException as {@link #of(String...)}
   */
  public static IpAllowList of(Collection<String> blocks) {
    List<CidrBlock> parsed = CidrBlock.parseAll(blocks);
    if (parsed.isEmpty()) {
      throw new IllegalArgumentException(
          "an IP allow-list needs at least one CIDR block; to allow every address, configure none");
    }
    return new IpAllowList(parsed);
  }

  /** Whether {@code address} lies in one of the blocks. */
  public boolean allows(InetAddress address) {
    return matches(blocks, Ip128.of(Objects.requireNonNull(address, "address")));
  }

  /** The blocks as they were written (without surrounding spaces), in order. */
  public List<String> blocks() {
    return blocks.stream().map(CidrBlock::text).toList();
  }

  static boolean matches(List<CidrBlock> blocks, Ip128 address) {
    for (CidrBlock block : blocks) {
      if (block.contains(address)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "IpAllowList" + blocks;
  }
}
