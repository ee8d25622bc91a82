package dev.hookguard.runtime.receiver;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IP address as 128 bits. IPv4 addresses are held in their IPv4-mapped IPv6 form ({@code
 * ::ffff:a.b.c.d}), so one comparison serves IPv4, IPv6 and mapped addresses alike.
 */
record Ip128(long hi, long lo) {

  private static final long MAPPED_PREFIX = 0x0000_FFFFL << 32;

  /** The address's 128-bit form; IPv4 becomes IPv4-mapped IPv6. */
  static Ip128 of(InetAddress address) {
    return of(address.getAddress());
  }

  /** The 128-bit form of 4 (IPv4) or 16 (IPv6) address bytes. */
  static Ip128 of(byte[] bytes) {
    if (bytes.length == 4) {
      return new Ip128(0, MAPPED_PREFIX | (readInt(bytes, 0) & 0xFFFF_FFFFL));
    }
    if (bytes.length != 16) {
      throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + bytes.length);
    }
    return new Ip128(readLong(bytes, 0), readLong(bytes, 8));
  }

  /** Whether this is an IPv4 address (held as {@code ::ffff:0:0/96}). */
  boolean isIpv4() {
    return hi == 0 && (lo >>> 32) == 0xFFFFL;
  }

  /** This address with every bit after the first {@code prefixLength} cleared. */
  Ip128 masked(int prefixLength) {
    return new Ip128(hi & maskHi(prefixLength), lo & maskLo(prefixLength));
  }

  /** The address as a JDK {@link InetAddress}, built from its bytes (never a DNS look-up). */
  InetAddress toInetAddress() {
    byte[] bytes;
    if (isIpv4()) {
      bytes = new byte[4];
      writeInt(bytes, 0, (int) lo);
    } else {
      bytes = new byte[16];
      writeLong(bytes, 0, hi);
      writeLong(bytes, 8, lo);
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4- or 16-byte address is always accepted", e);
    }
  }

  static long maskHi(int prefixLength) {
    return prefixLength == 0 ? 0 : prefixLength >= 64 ? -1L : -1L << (64 - prefixLength);
  }

  static long maskLo(int prefixLength) {
    return prefixLength <= 64 ? 0 : prefixLength == 128 ? -1L : -1L << (128 - prefixLength);
  }

  private static long readLong(byte[] b, int off) {
    return ((long) readInt(b, off) << 32) | (readInt(b, off + 4) & 0xFFFF_FFFFL);
  }

  private static int readInt(byte[] b, int off) {
    return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8)
        | (b[off + 3] & 0xFF);
  }

  private static void writeLong(byte[] b, int off, long v) {
    writeInt(b, off, (int) (v >>> 32));
    writeInt(b, off + 4, (int) v);
  }

  private static void writeInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }
}
