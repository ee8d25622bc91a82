package dev.hookguard.benchmarks;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.hookguard.runtime.signature.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/** The inputs every benchmark shares: the bundled sample payloads, and the peer's configuration. */
final class Samples {

  static final String SHOPIFY_ORDER = "shopify-orders.create.json";
  static final String GITHUB_PUSH = "github-push.json";
  static final String STRIPE_CUSTOMER = "stripe-customer.created.json";

  /** Benchmark-only secrets: realistic lengths, no meaning. */
  static final String SHOPIFY_SECRET = "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";
  static final String GITHUB_SECRET = "gh-webhook-secret-9c1d7a3e5b2f4d6a8c0e";

  /**
   * Jackson data binding configured as the sample types describe themselves, exactly as
   * {@code VerifierOracleTest} configures the oracle: snake_case names, field visibility (for
   * the package-private fields of {@code Commit}), unknown properties ignored, offsets kept,
   * unknown enum names read as the {@code @JsonEnumDefaultValue} constant.
   */
  static final JsonMapper JACKSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .changeDefaultVisibility(v -> v.withFieldVisibility(Visibility.ANY))
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
      .build();

  private Samples() {}

  /** A payload bundled with the samples, byte for byte. */
  static byte[] payload(String name) {
    String resource = "dev/hookguard/samples/payloads/" + name;
    try (InputStream in = Samples.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing sample payload " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The headers {@code scheme} would send with {@code body}, shaped as a server hands them over. */
  static Map<String, List<String>> signedHeaders(WebhookSignature scheme, byte[] body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    scheme.sign("bench-delivery-0001", Instant.now(), body)
        .forEach((name, value) -> headers.put(name, List.of(value)));
    headers.put("Content-Type", List.of("application/json"));
    headers.put("User-Agent", List.of("HookGuard-Benchmarks/1.0"));
    return headers;
  }
}
