package dev.hookguard.runtime.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.generated.Masks;
import org.junit.jupiter.api.Test;

class MasksTest {

  @Test
  void fullMaskHidesEveryValueAndNull() {
    assertThat(Masks.full("4242424242424242")).isEqualTo("[REDACTED]");
    assertThat(Masks.full(null)).isEqualTo("[REDACTED]");
  }

  @Test
  void last4KeepsOnlyTheLastFourCharacters() {
    assertThat(Masks.last4("4242424242424242")).isEqualTo("****4242");
    assertThat(Masks.last4("+14155550132")).isEqualTo("****0132");
  }

  @Test
  void last4OfShortValueOrNullIsFullyMasked() {
    assertThat(Masks.last4("1234567")).isEqualTo("[REDACTED]");
    assertThat(Masks.last4("")).isEqualTo("[REDACTED]");
    assertThat(Masks.last4(null)).isEqualTo("[REDACTED]");
  }

  @Test
  void last4NeverKeepsControlCharacters() {
    assertThat(Masks.last4("12345678\n\r\t")).isEqualTo("[REDACTED]");
  }

  @Test
  void emailKeepsFirstCharacterAndDomain() {
    assertThat(Masks.email("jenny.rosen@example.com")).isEqualTo("j***@example.com");
    assertThat(Masks.email("a+tag@mail.example.co.uk")).isEqualTo("a***@mail.example.co.uk");
  }

  @Test
  void emailOfNonAddressIsFullyMasked() {
    assertThat(Masks.email("jenny.rosen")).isEqualTo("[REDACTED]");
    assertThat(Masks.email("a@b@example.com")).isEqualTo("[REDACTED]");
    assertThat(Masks.email("jenny@localhost")).isEqualTo("[REDACTED]");
    assertThat(Masks.email("jenny@exa\nmple.com")).isEqualTo("[REDACTED]");
    assertThat(Masks.email("")).isEqualTo("[REDACTED]");
    assertThat(Masks.email(null)).isEqualTo("[REDACTED]");
  }
}
