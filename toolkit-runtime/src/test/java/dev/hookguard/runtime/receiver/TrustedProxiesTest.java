package dev.hookguard.runtime.receiver;

import static dev.hookguard.runtime.receiver.Fixture.address;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  private static final TrustedProxies PROXIES = TrustedProxies.of("10.0.0.0/8", "2001:db8:ffff::/48");

  private static Map<String, List<String>> xff(String... values) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("X-Forwarded-For", List.of(values));
    return headers;
  }

  @Test
  void fromAnUntrustedPeerForwardedForIsIgnored() {
    assertThat(PROXIES.clientAddress(address("203.0.113.9"), xff("198.51.100.7")))
        .contains(address("203.0.113.9"));
  }

  @Test
  void withNoTrustedProxiesForwardedForIsAlwaysIgnored() {
    assertThat(TrustedProxies.none().clientAddress(address("10.0.0.1"), xff("198.51.100.7")))
        .contains(address("10.0.0.1"));
  }

  @Test
  void throughATrustedProxyTheRightMostHopIsTheClient() {
    assertThat(PROXIES.clientAddress(address("10.0.0.1"), xff("198.51.100.7")))
        .contains(address("198.51.100.7"));
  }

  @Test
  void aHopTheClientPrependedIsNotBelieved() {
    // The client sent "X-Forwarded-For: 192.0.2.1"; the proxy appended the address it saw.
    assertThat(PROXIES.clientAddress(address("10.0.0.1"), xff("192.0.2.1, 203.0.113.9")))
        .contains(address("203.0.113.9"));
  }

  @Test
  void trustedHopsAreSkippedFromTheRight() {
    assertThat(PROXIES.clientAddress(address("10.0.0.1"), xff("192.0.2.1, 203.0.113.9, 10.0.0.2, 10.0.0.3")))
        .contains(address("203.0.113.9"));
  }

  @Test
  void severalHeaderLinesAreOneListInOrder() {
    assertThat(PROXIES.clientAddress(address("10.0.0.1"), xff("192.0.2.1", "203.0.113.9")))
        .contains(address("203.0.113.9"));
  }

  @Test
  void headerNamesMatchInAnyCase() {
    Map<String, List<String>> headers = Map.of("x-forwarded-for", List.of("203.0.113.9"));
    assertThat(PROXIES.clientAddress(address("10.0.0.1"), headers)).contains(address("203.0.113.9"));
  }

  @Test
  void whenEveryHopIsTrustedTheLeftMostIsTheClient() {
    assertThat(PROXIES.clientAddress(address("10.0.0.1"), xff("10.9.9.9, 10.0.0.2")))
        .contains(address("10.9.9.9"));
  }

  @Test
  void aTrustedPeerWithoutForwardedForIsTheClient() {
    assertThat(PROXIES.clientAddress(address("10.0.0.1"), Map.of())).contains(address("10.0.0.1"));
  }

  @Test
  void portsAndBracketsAreStripped() {
    assertThat(PROXIES.clientAddress(address("10.0.0.1"), xff("203.0.113.9:4711")))
        .contains(address("203.0.113.9"));
    assertThat(PROXIES.clientAddress(address("10.0.0.1"), xff("[2001:db8::7]:4711")))
        .contains(address("2001:db8::7"));
    assertThat(PROXIES.clientAddress(address("10.0.0.1"), xff("2001:db8::7")))
        .contains(address("2001:db8::7"));
  }

  @Test
  void ipv6ProxiesAreTrustedToo() {
    assertThat(PROXIES.clientAddress(address("2001:db8:ffff::1"), xff("2001:db8:1::5")))
        .contains(address("2001:db8:1::5"));
  }

  @Test
  void aDecidingHopThatIsNotAnAddressLeavesTheClientUnknown() {
    assertThat(PROXIES.clientAddress(address("10.0.0.1"), xff("unknown"))).isEmpty();
    assertThat(PROXIES.clientAddress(address("10.0.0.1"), xff("203.0.113.9,,10.0.0.2"))).isEmpty();
    assertThat(PROXIES.clientAddress(address("10.0.0.1"), xff("evil.example.com"))).isEmpty();
  }

  @Test
  void garbageLeftOfTheClientIsNeverRead() {
    assertThat(PROXIES.clientAddress(address("10.0.0.1"), xff("not-an-ip, 203.0.113.9")))
        .contains(address("203.0.113.9"));
  }

  @Test
  void tooManyHopsLeaveTheClientUnknown() {
    String hops = String.join(",", java.util.Collections.nCopies(TrustedProxies.MAX_HOPS + 1, "10.0.0.9"));
    assertThat(PROXIES.clientAddress(address("10.0.0.1"), xff(hops))).isEmpty();
  }

  @Test
  void forwardedProtoIsReadOnlyFromATrustedPeer() {
    Map<String, List<String>> https = Map.of("X-Forwarded-Proto", List.of("https"));
    assertThat(PROXIES.forwardedHttps(address("10.0.0.1"), https)).contains(true);
    assertThat(PROXIES.forwardedHttps(address("203.0.113.9"), https)).isEmpty();
    assertThat(PROXIES.forwardedHttps(address("10.0.0.1"), Map.of())).isEmpty();
  }

  @Test
  void everyForwardedLegMustBeHttps() {
    assertThat(PROXIES.forwardedHttps(address("10.0.0.1"), Map.of("X-Forwarded-Proto", List.of("HTTPS, https"))))
        .contains(true);
    assertThat(PROXIES.forwardedHttps(address("10.0.0.1"), Map.of("X-Forwarded-Proto", List.of("http, https"))))
        .contains(false);
    assertThat(PROXIES.forwardedHttps(address("10.0.0.1"), Map.of("X-Forwarded-Proto", List.of(""))))
        .contains(false);
  }
}
