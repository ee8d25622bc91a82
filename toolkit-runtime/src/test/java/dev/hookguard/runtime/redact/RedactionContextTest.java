package dev.hookguard.runtime.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RedactionContextTest {

  private static byte[] key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }

  @Test
  void equalValuesGiveEqualPseudonymsUnderOneKey() {
    RedactionContext context = RedactionContext.withPseudonymKey(key(1));
    assertThat(context.pseudonym("cus_123")).isEqualTo(context.pseudonym("cus_123"));
    assertThat(context.pseudonym("cus_123")).isNotEqualTo(context.pseudonym("cus_124"));
  }

  @Test
  void pseudonymIsHmacSha256PrefixedAndTruncated() throws Exception {
    RedactionContext context = RedactionContext.withPseudonymKey(key(1));
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(key(1), "HmacSHA256"));
    byte[] expected = mac.doFinal("cus_123".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(context.pseudonym("cus_123"))
        .isEqualTo("hg_" + java.util.HexFormat.of().formatHex(expected, 0, 12))
        .hasSize(3 + 24);
  }

  @Test
  void differentKeysGiveDifferentPseudonyms() {
    assertThat(RedactionContext.withPseudonymKey(key(1)).pseudonym("cus_123"))
        .isNotEqualTo(RedactionContext.withPseudonymKey(key(2)).pseudonym("cus_123"));
  }

  @Test
  void processKeyIsStableWithinTheProcess() {
    assertThat(RedactionContext.create()).isSameAs(RedactionContext.create());
    assertThat(RedactionContext.create().pseudonym(42)).isEqualTo(RedactionContext.create().pseudonym(42));
  }

  @Test
  void nullHasNoPseudonym() {
    assertThat(RedactionContext.create().pseudonym(null)).isEqualTo("[REDACTED]");
  }

  @Test
  void callerMayWipeItsKeyArray() {
    byte[] key = key(7);
    RedactionContext context = RedactionContext.withPseudonymKey(key);
    String before = context.pseudonym("x");
    Arrays.fill(key, (byte) 0);
    assertThat(context.pseudonym("x")).isEqualTo(before);
  }

  @Test
  void shortKeysAreRefusedWithoutShowingThem() {
    assertThatThrownBy(() -> RedactionContext.withPseudonymKey(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes");
  }

  @Test
  void toStringHidesTheKey() {
    assertThat(RedactionContext.withPseudonymKey(key(65)).toString())
        .isEqualTo("RedactionContext[pseudonymKey=<hidden>]");
  }
}
