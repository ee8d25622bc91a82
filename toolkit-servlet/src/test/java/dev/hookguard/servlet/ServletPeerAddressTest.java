package dev.hookguard.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** How the servlet turns {@code getRemoteAddr()} into an address: literals only, never DNS. */
class ServletPeerAddressTest {

  @Test
  void ipv4LiteralsAreRead() throws Exception {
    assertThat(PeerAddress.parse("203.0.113.9")).contains(InetAddress.getByAddress(
        new byte[] {(byte) 203, 0, 113, 9}));
    assertThat(PeerAddress.parse("0.0.0.0")).isPresent();
    assertThat(PeerAddress.parse("255.255.255.255")).isPresent();
  }

  @Test
  void ipv6LiteralsAreReadWithOrWithoutBracketsAndZone() throws Exception {
    byte[] one = new byte[16];
    one[15] = 1;
    InetAddress loopback = InetAddress.getByAddress(one);
    assertThat(PeerAddress.parse("::1")).contains(loopback);
    assertThat(PeerAddress.parse("[::1]")).contains(loopback); // as Jetty writes it
    assertThat(PeerAddress.parse("fe80::1%eth0")).contains(InetAddress.getByName("fe80::1"));
    assertThat(PeerAddress.parse("2001:db8::ffff:192.0.2.1")).isPresent();
  }

  @Test
  void anythingElseIsRefusedWithoutALookUp() {
    // "localhost" would resolve if it were looked up: refusing it shows that it is not.
    assertThat(PeerAddress.parse("localhost")).isEmpty();
    assertThat(PeerAddress.parse("attacker.example")).isEmpty();
    assertThat(PeerAddress.parse("010.0.0.1")).isEmpty();   // octal to some parsers
    assertThat(PeerAddress.parse("256.0.0.1")).isEmpty();
    assertThat(PeerAddress.parse("1.2.3")).isEmpty();
    assertThat(PeerAddress.parse("1.2.3.4 ")).isEmpty();
    assertThat(PeerAddress.parse("::g")).isEmpty();
    assertThat(PeerAddress.parse("1:2:3:4:5:6:7:8:9")).isEmpty();
    assertThat(PeerAddress.parse("[localhost]")).isEmpty();
    assertThat(PeerAddress.parse("")).isEmpty();
    assertThat(PeerAddress.parse(null)).isEmpty();
  }
}
