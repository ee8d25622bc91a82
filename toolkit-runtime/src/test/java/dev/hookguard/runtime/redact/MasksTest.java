package dev.hookguard.runtime.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.generated.Masks;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /** The shape the e-mail mask accepted when it was a regular expression: the oracle. */
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s\\p{Cntrl}]+@([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+)");

  @Test
  void emailMasksExactlyAsTheRegularExpressionItReplaced() {
    String alphabet = "ab.@-_ Z9\t\n\u000B\u007f\u0085\u00e9\u00a0\ud83d\ude00";
    Random random = new Random(20261129L);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder value = new StringBuilder();
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        value.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = value.toString();
      Matcher matcher = EMAIL.matcher(text);
      String expected = !matcher.matches() || Character.isSurrogate(text.charAt(0))
          ? Masks.REDACTED
          : text.charAt(0) + "***@" + matcher.group(1);
      assertThat(Masks.email(text)).as("email(%s)", text).isEqualTo(expected);
    }
  }
}
