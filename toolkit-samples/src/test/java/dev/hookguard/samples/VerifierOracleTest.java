package dev.hookguard.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.hookguard.samples.github.GitHubPush;
import dev.hookguard.samples.github.GitHubPushVerifier;
import dev.hookguard.samples.shopify.ShopifyOrder;
import dev.hookguard.samples.shopify.ShopifyOrderEnvelope;
import dev.hookguard.samples.shopify.ShopifyOrderVerifier;
import dev.hookguard.samples.stripe.StripeEvent;
import dev.hookguard.samples.stripe.StripeEventVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jackson data binding is the oracle: for every sample payload, public fixture and seeded random
 * document, the generated reflection-free reader builds the same object as
 * {@code JsonMapper.readValue} does, and the generated writer's output reads back to it.
 */
class VerifierOracleTest {

  /** Jackson configured as the sample types describe themselves. */
  private static final JsonMapper JACKSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .changeDefaultVisibility(v -> v.withFieldVisibility(Visibility.ANY))
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
      .build();

  private static final int RANDOM_DOCUMENTS = 200;

  @TestFactory
  Stream<DynamicTest> samplePayloadsReadAsJacksonReadsThem() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : SamplePayloads.BUNDLED) {
      byte[] body = SamplePayloads.bundled(name);
      tests.add(DynamicTest.dynamicTest("bundled " + name, () -> compare(name, body)));
    }
    for (Path file : SamplePayloads.sharedFixtures()) {
      String name = file.getFileName().toString();
      byte[] body = Files.readAllBytes(file);
      tests.add(DynamicTest.dynamicTest("shared " + name, () -> compare(name, body)));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> seededRandomDocumentsReadAsJacksonReadsThem() {
    Random random = new Random(20261128L);
    RandomPayloads payloads = new RandomPayloads(random);
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < RANDOM_DOCUMENTS; i++) {
      int n = i;
      StripeEvent event = payloads.stripeEvent();
      ShopifyOrder order = payloads.shopifyOrder();
      GitHubPush push = payloads.gitHubPush();
      tests.add(DynamicTest.dynamicTest("random document " + n, () -> {
        compare("stripe-random", StripeEventVerifier.toJson(event).getBytes(StandardCharsets.UTF_8));
        compare("shopify-random", ShopifyOrderVerifier.toJson(order).getBytes(StandardCharsets.UTF_8));
        compare("github-push.json", GitHubPushVerifier.toJson(push).getBytes(StandardCharsets.UTF_8));
        assertThat(SamplePayloads.stripe(StripeEventVerifier.toJson(event).getBytes(StandardCharsets.UTF_8)))
            .as("round trip").isEqualTo(event);
        assertThat(SamplePayloads.shopify("shopify-random",
            ShopifyOrderVerifier.toJson(order).getBytes(StandardCharsets.UTF_8)))
            .as("round trip").isEqualTo(order);
      }));
    }
    return tests.stream();
  }

  private static void compare(String name, byte[] body) throws Exception {
    Object ours;
    Object jackson;
    String written;
    if (name.startsWith("stripe-")) {
      StripeEvent event = SamplePayloads.stripe(body);
      ours = event;
      jackson = JACKSON.readValue(body, StripeEvent.class);
      written = StripeEventVerifier.toJson(event);
      assertThat(SamplePayloads.stripe(written.getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
    } else if (name.startsWith("github-")) {
      GitHubPush push = SamplePayloads.github(body);
      ours = push;
      jackson = JACKSON.readValue(body, GitHubPush.class);
      written = GitHubPushVerifier.toJson(push);
      assertThat(SamplePayloads.github(written.getBytes(StandardCharsets.UTF_8)))
          .usingRecursiveComparison().isEqualTo(push);
    } else {
      ShopifyOrder order = SamplePayloads.shopify(name, body);
      ours = order;
      jackson = name.equals("shopify-order.json")
          ? JACKSON.readValue(body, ShopifyOrderEnvelope.class).order()
          : JACKSON.readValue(body, ShopifyOrder.class);
      written = ShopifyOrderVerifier.toJson(order);
      assertThat(SamplePayloads.shopify("shopify-written", written.getBytes(StandardCharsets.UTF_8)))
          .isEqualTo(order);
    }
    assertThat(ours).as("%s read by the generated reader", name)
        .usingRecursiveComparison()
        .ignoringCollectionOrderInFieldsMatchingRegexes(".*topics")
        .isEqualTo(jackson);
  }
}
