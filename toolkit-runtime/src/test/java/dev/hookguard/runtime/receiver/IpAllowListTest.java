package dev.hookguard.runtime.receiver;

import static dev.hookguard.runtime.receiver.Fixture.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAllowListTest {

  private static boolean allows(String block, String address) {
    return IpAllowList.of(block).allows(address(address));
  }

  @Test
  void anIpv4BlockMatchesItsAddressesOnly() {
    assertThat(allows("192.0.2.0/24", "192.0.2.0")).isTrue();
    assertThat(allows("192.0.2.0/24", "192.0.2.255")).isTrue();
    assertThat(allows("192.0.2.0/24", "192.0.3.0")).isFalse();
    assertThat(allows("192.0.2.0/24", "192.0.1.255")).isFalse();
  }

  @Test
  void anOddPrefixSplitsAnOctet() {
    assertThat(allows("10.0.0.0/9", "10.127.255.255")).isTrue();
    assertThat(allows("10.0.0.0/9", "10.128.0.0")).isFalse();
  }

  @Test
  void slash32AndABareAddressAreOneAddress() {
    assertThat(allows("198.51.100.7/32", "198.51.100.7")).isTrue();
    assertThat(allows("198.51.100.7/32", "198.51.100.8")).isFalse();
    assertThat(allows("198.51.100.7", "198.51.100.7")).isTrue();
    assertThat(allows("198.51.100.7", "198.51.100.6")).isFalse();
  }

  @Test
  void ipv4SlashZeroAllowsEveryIpv4AddressButNoIpv6() {
    assertThat(allows("0.0.0.0/0", "0.0.0.0")).isTrue();
    assertThat(allows("0.0.0.0/0", "255.255.255.255")).isTrue();
    assertThat(allows("0.0.0.0/0", "2001:db8::1")).isFalse();
  }

  @Test
  void ipv6SlashZeroAllowsEveryAddress() {
    assertThat(allows("::/0", "2001:db8::1")).isTrue();
    assertThat(allows("::/0", "::")).isTrue();
    assertThat(allows("::/0", "192.0.2.1")).isTrue();
  }

  @Test
  void anIpv6BlockMatchesItsAddressesOnly() {
    assertThat(allows("2001:db8::/32", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")).isTrue();
    assertThat(allows("2001:db8::/32", "2001:db9::")).isFalse();
    assertThat(allows("2001:db8:abcd:12::/64", "2001:db8:abcd:12:1:2:3:4")).isTrue();
    assertThat(allows("2001:db8:abcd:12::/64", "2001:db8:abcd:13::")).isFalse();
  }

  @Test
  void slash128IsOneAddressInAnySpelling() {
    assertThat(allows("2001:db8::1/128", "2001:0db8:0000:0000:0000:0000:0000:0001")).isTrue();
    assertThat(allows("2001:DB8::1", "2001:db8::1")).isTrue();
    assertThat(allows("2001:db8::1/128", "2001:db8::2")).isFalse();
    assertThat(allows("::1", "::1")).isTrue();
    assertThat(allows("::1", "127.0.0.1")).isFalse();
  }

  @Test
  void aMappedBlockAndAnIpv4BlockAreTheSame() throws Exception {
    InetAddress v4 = address("192.0.2.77");
    // The JDK turns a mapped literal into an Inet4Address; build the 16-byte form explicitly too.
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    System.arraycopy(v4.getAddress(), 0, mapped, 12, 4);
    InetAddress v6Form = java.net.Inet6Address.getByAddress(null, mapped, -1);

    IpAllowList mappedBlock = IpAllowList.of("::ffff:192.0.2.0/120");
    IpAllowList v4Block = IpAllowList.of("192.0.2.0/24");

    assertThat(mappedBlock.allows(v4)).isTrue();
    assertThat(mappedBlock.allows(v6Form)).isTrue();
    assertThat(v4Block.allows(v6Form)).isTrue();
    assertThat(v4Block.allows(address("::ffff:192.0.2.1"))).isTrue();
    assertThat(mappedBlock.allows(address("192.0.3.1"))).isFalse();
    assertThat(IpAllowList.of("::ffff:c000:0201").allows(address("192.0.2.1"))).isTrue();
  }

  @Test
  void anyBlockInTheListAllows() {
    IpAllowList list = IpAllowList.of("192.0.2.0/24", " 2001:db8::/32 ");

    assertThat(list.allows(address("192.0.2.9"))).isTrue();
    assertThat(list.allows(address("2001:db8::9"))).isTrue();
    assertThat(list.allows(address("198.51.100.1"))).isFalse();
    assertThat(list.blocks()).containsExactly("192.0.2.0/24", "2001:db8::/32");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "10.0.0.0/",
        "10.0.0.0/33",
        "10.0.0.0/-1",
        "10.0.0.0/+8",
        "10.0.0.0/08",
        "10.0.0.0/8/8",
        "256.0.0.0/8",
        "10.0.0/8",
        "10.0.0.0.0",
        "010.0.0.0/8",
        "1.2.3.4 /32",
        "example.com",
        "localhost/32",
        "2001:db8::/129",
        "2001:db8:::/32",
        "2001:db8::1::/64",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7",
        "12345::/16",
        "fe80::1%eth0",
        "[2001:db8::]/32",
        ":1::/16",
        "1.2.3.4::/16",
        "::ffff:1.2.3/96",
        "g::/16"
      })
  void aMalformedBlockIsRefusedWhenTheListIsBuilt(String block) {
    assertThatThrownBy(() -> IpAllowList.of(block))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid CIDR block '" + block + "'");
  }

  @Test
  void hostBitsAfterThePrefixAreRefusedWithTheNetworkSuggested() {
    assertThatThrownBy(() -> IpAllowList.of("10.0.0.1/8"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bits set after the prefix")
        .hasMessageContaining("10.0.0.0/8");
    assertThatThrownBy(() -> IpAllowList.of("2001:db8::1/32"))
        .hasMessageContaining("bits set after the prefix");
  }

  @Test
  void anEmptyListIsRefused() {
    assertThatThrownBy(IpAllowList::of)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
  }

  @Test
  void everyTextFormOfIpv6Parses() {
    assertThat(IpLiterals.parse("::")).isPresent();
    assertThat(IpLiterals.parse("1::")).isPresent();
    assertThat(IpLiterals.parse("1:2:3:4:5:6:7::")).isPresent();
    assertThat(IpLiterals.parse("::2:3:4:5:6:7:8")).isPresent();
    assertThat(IpLiterals.parse("1:2:3:4:5:6:7:8")).isPresent();
    assertThat(IpLiterals.parse("::ffff:192.0.2.1")).isPresent();
    assertThat(IpLiterals.parse("64:ff9b::192.0.2.1")).isPresent();
    assertThat(IpLiterals.parse("1:2:3:4:5:6:192.0.2.1")).isPresent();
    assertThat(IpLiterals.parse("1:2:3:4:5:6:7:192.0.2.1")).isEmpty();
    assertThat(IpLiterals.parse("1:2:3:4:5:6:7:8::")).isEmpty();
  }
}
