package dev.hookguard.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.redact.Redactor;
import dev.hookguard.samples.CanaryPayloads.Markers;
import dev.hookguard.samples.github.GitHubPushRedactor;
import dev.hookguard.samples.shopify.ShopifyOrderRedactor;
import dev.hookguard.samples.stripe.StripeEventRedactor;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sensitive property of the sample types holds a unique marker; no marker may reach a log
 * line, redacted JSON or the {@code toString} of a redacted copy, while every non-sensitive value
 * must still be there.
 */
class CanaryRedactionTest {

  static Stream<Arguments> samples() {
    return Stream.of(
        sample("Stripe event", CanaryPayloads::stripeEvent, StripeEventRedactor.create()),
        sample("GitHub push", CanaryPayloads::gitHubPush, GitHubPushRedactor.create()),
        sample("Shopify order", CanaryPayloads::shopifyOrder, ShopifyOrderRedactor.create()));
  }

  private static <T> Arguments sample(String name, Function<Markers, T> build, Redactor<T> redactor) {
    Markers markers = new Markers();
    T payload = build.apply(markers);
    T copy = redactor.redact(payload);
    return Arguments.of(name, markers, List.of(
        redactor.toLogString(payload),
        redactor.toRedactedJson(payload),
        redactor.toRedactedJson(copy),
        String.valueOf(copy)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void noSensitiveMarkerReachesAnyOutput(String name, Markers markers, List<String> outputs) {
    assertThat(markers.secret).hasSizeGreaterThan(5);
    for (String output : outputs) {
      for (String secret : markers.secret) {
        assertThat(output).as("%s output", name).doesNotContain(secret);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everyPlainValueIsStillShown(String name, Markers markers, List<String> outputs) {
    assertThat(markers.plain).hasSizeGreaterThan(5);
    // The last output is the copy's own toString, which for a class is Object's.
    for (String output : outputs.subList(0, 3)) {
      for (String plain : markers.plain) {
        assertThat(output).as("%s output", name).contains(plain);
      }
    }
  }
}
