package dev.hookguard.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hookguard.runtime.audit.AuditCheckpoint;
import dev.hookguard.runtime.receiver.IpAllowList;
import dev.hookguard.runtime.receiver.TrustedProxies;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * CIDR blocks (refused with {@link IllegalArgumentException} or accepted), forwarded headers
 * behind a trusted proxy (a client address or none, never an exception), and audit checkpoints
 * (parsed or refused with {@link IllegalArgumentException}).
 */
class AddressFuzzTest {

  private static final TrustedProxies PROXIES = TrustedProxies.of("10.0.0.0/8", "::1/128");
  private static final IpAllowList ALLOWED = IpAllowList.of("192.0.2.0/24", "2001:db8::/32");

  @FuzzTest(maxDuration = "5m")
  void cidrBlocks(String block) {
    if (block == null) {
      return; // null is refused by contract (NullPointerException), not parsed
    }
    try {
      IpAllowList list = IpAllowList.of(block);
      assertThat(list).isNotNull();
    } catch (IllegalArgumentException expected) {
      assertThat(expected.getMessage()).isNotNull();
    }
  }

  @FuzzTest(maxDuration = "5m")
  void forwardedHeaders(FuzzedDataProvider data) throws Exception {
    InetAddress proxy = InetAddress.getByName(data.consumeBoolean() ? "10.1.2.3" : "::1");
    Map<String, List<String>> headers = Map.of(
        "X-Forwarded-For", List.of(data.consumeString(300), data.consumeString(100)),
        "X-Forwarded-Proto", List.of(data.consumeRemainingAsString()));
    PROXIES.clientAddress(proxy, headers).ifPresent(client -> ALLOWED.allows(client));
    PROXIES.forwardedHttps(proxy, headers);
  }

  @FuzzTest(maxDuration = "5m")
  void auditCheckpoints(String text) {
    if (text == null) {
      return; // null is refused by contract (NullPointerException), not parsed
    }
    try {
      AuditCheckpoint checkpoint = AuditCheckpoint.parse(text);
      assertThat(AuditCheckpoint.parse(checkpoint.toString())).isEqualTo(checkpoint);
    } catch (IllegalArgumentException expected) {
      assertThat(expected.getMessage()).isNotNull();
    }
  }
}
