package dev.hookguard.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.redact.Redactor;
import dev.hookguard.samples.github.GitHubPushRedactor;
import dev.hookguard.samples.shopify.ShopifyOrderRedactor;
import dev.hookguard.samples.stripe.StripeEvent;
import dev.hookguard.samples.stripe.StripeEventRedactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample types over real payloads: the ones committed with the samples, and the public
 * fixtures in {@code ../shared/fixtures/payloads} when that folder exists. In every redacted
 * output: valid JSON, no e-mail address, phone number or other secret of the payload, and the
 * non-sensitive identifiers still there.
 */
class FixtureRedactionTest {

  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[a-z]{2,}");
  /** Values of these keys are secrets or personal in every provider's payload. */
  private static final Set<String> SECRET_KEYS = Set.of(
      "client_secret", "token", "phone", "cart_token", "bank_code", "line1", "address1", "zip",
      "postal_code", "first_name", "last_name", "credit_card_bin", "browser_ip", "note");

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void bundledStripeCustomerHidesEmailNameAndPhone() throws Exception {
    StripeEvent event = SamplePayloads.stripe(SamplePayloads.bundled("stripe-customer.created.json"));
    String log = StripeEventRedactor.create().toLogString(event);
    assertThat(log)
        .contains("id=\"evt_1QhgTm2eZvKYlo2CxW4h0nMd\"", "email=j***@example.com", "name=[REDACTED]")
        .doesNotContain("jenny.rosen", "Jenny Rosen", "+14155550132");
  }

  @Test
  void bundledShopifyOrderOmitsTokensAndMasksCard() throws Exception {
    var order = SamplePayloads.shopify("shopify-orders.create.json",
        SamplePayloads.bundled("shopify-orders.create.json"));
    String redacted = ShopifyOrderRedactor.create().toRedactedJson(order);
    JsonNode tree = json.readTree(redacted);
    assertThat(tree.has("token")).isFalse();
    assertThat(tree.has("cart_token")).isFalse();
    assertThat(tree.get("payment_details").get("credit_card_number").asString()).isEqualTo("****4242");
    assertThat(tree.get("billing_address").asString()).isEqualTo("[REDACTED]");
    assertThat(tree.get("total_price").decimalValue()).isEqualByComparingTo("403.00");
    assertThat(tree.get("browser_ip").asString()).startsWith("hg_");
  }

  @TestFactory
  Stream<DynamicTest> everyPayloadRedactsItsPersonalData() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : SamplePayloads.BUNDLED) {
      String body = new String(SamplePayloads.bundled(name), StandardCharsets.UTF_8);
      tests.add(DynamicTest.dynamicTest("bundled " + name, () -> checkRedacted(name, body)));
    }
    for (Path file : SamplePayloads.sharedFixtures()) {
      String name = file.getFileName().toString();
      String body = Files.readString(file);
      tests.add(DynamicTest.dynamicTest("shared " + name, () -> checkRedacted(name, body)));
    }
    return tests.stream();
  }

  private void checkRedacted(String name, String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    List<String> outputs;
    if (name.startsWith("stripe-")) {
      outputs = outputs(StripeEventRedactor.create(), SamplePayloads.stripe(bytes));
    } else if (name.startsWith("github-")) {
      outputs = outputs(GitHubPushRedactor.create(), SamplePayloads.github(bytes));
    } else {
      outputs = outputs(ShopifyOrderRedactor.create(), SamplePayloads.shopify(name, bytes));
    }
    json.readTree(outputs.get(1)); // the redacted JSON parses

    Set<String> secrets = secretsIn(body);
    if (name.startsWith("stripe-")) {
      // In a Stripe event every "name" is a customer's or an owner's.
      collect(json.readTree(body), Set.of("name"), secrets);
    }
    assertThat(secrets).as("secrets found in %s", name).isNotEmpty();
    for (String output : outputs) {
      for (String secret : secrets) {
        assertThat(output).as("redacted %s", name).doesNotContain(secret);
      }
    }
    String id = json.readTree(body).path("id").asString("");
    if (!id.isEmpty()) {
      assertThat(outputs.get(0)).contains(id);
    }
  }

  private static <T> List<String> outputs(Redactor<T> redactor, T payload) {
    T copy = redactor.redact(payload);
    return List.of(redactor.toLogString(payload), redactor.toRedactedJson(payload),
        redactor.toRedactedJson(copy));
  }

  /** E-mail addresses, phone numbers and values of well-known secret keys in a raw payload. */
  private Set<String> secretsIn(String body) {
    Set<String> secrets = new TreeSet<>();
    Matcher matcher = EMAIL.matcher(body);
    while (matcher.find()) {
      secrets.add(matcher.group());
    }
    collect(json.readTree(body), SECRET_KEYS, secrets);
    return secrets;
  }

  private static void collect(JsonNode node, Set<String> keys, Set<String> secrets) {
    for (var entry : node.properties()) {
      JsonNode value = entry.getValue();
      if (keys.contains(entry.getKey()) && value.isString() && value.asString().length() > 3) {
        secrets.add(value.asString());
      }
      if (value.isContainer()) {
        collect(value, keys, secrets);
      }
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        collect(element, keys, secrets);
      }
    }
  }
}
