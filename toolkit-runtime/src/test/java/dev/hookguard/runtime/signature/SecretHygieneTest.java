package dev.hookguard.runtime.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** No secret ever appears in a {@code toString()} or in a configuration error. */
class SecretHygieneTest {

  static final String SECRET = "whsec_c2VjcmV0LXZhbHVlLXRoYXQtbXVzdC1zdGF5LWhpZGRlbg==";

  @Test
  void toStringNamesTheSchemeAndCountsSecretsOnly() {
    for (WebhookSignature signature :
        new WebhookSignature[] {
          Signatures.standardWebhooks(SECRET, SECRET),
          Signatures.stripe(SECRET, SECRET),
          Signatures.github(SECRET, SECRET),
          Signatures.slack(SECRET, SECRET),
          Signatures.shopify(SECRET, SECRET)
        }) {
      assertThat(signature.toString())
          .isEqualTo("WebhookSignature[scheme=" + signature.scheme() + ", secrets=2, tolerance=PT5M]")
          .doesNotContain("c2Vj");
    }
    assertThat(ReplayGuard.inMemory(Duration.ofMinutes(10), 5).toString()).doesNotContain("msg");
  }

  @Test
  void aMalformedSecretIsRefusedWithoutQuotingIt() {
    String bad = "whsec_not*base64*at*all";
    assertThatThrownBy(() -> Signatures.standardWebhooks(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("not*base64").doesNotContain("*");
    assertThatThrownBy(() -> Signatures.standardWebhooks("whpk_" + "AAAA"))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("AAAA");
  }

  @Test
  void missingOrEmptySecretsAreRefused() {
    assertThatThrownBy(() -> Signatures.stripe()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Signatures.github("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Signatures.slack("ok", null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Signatures.standardWebhooks("whsec_")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void signingRefusesAMessageIdThatCannotTravelInAHeader() {
    assertThatThrownBy(() -> Signatures.github("s").sign("bad id", java.time.Instant.EPOCH, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Signatures.shopify("s").sign("", java.time.Instant.EPOCH, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Signatures.stripe("s").sign("", java.time.Instant.ofEpochSecond(-1), new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
