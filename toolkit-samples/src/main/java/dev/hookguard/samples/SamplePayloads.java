package dev.hookguard.samples;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.hookguard.samples.shopify.ShopifyOrder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the sample payloads into their types with Jackson databind. The generated verifiers will
 * replace this with reflection-free readers; until then the samples module opens its payload
 * packages to Jackson.
 */
final class SamplePayloads {

  private final JsonMapper mapper = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .changeDefaultVisibility(v -> v.withFieldVisibility(Visibility.ANY))
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  <T> T read(byte[] body, Class<T> type) {
    return mapper.readValue(body, type);
  }

  /** Shopify's REST fixtures wrap the webhook body as {@code {"order": …}}; webhooks do not. */
  ShopifyOrder readShopifyOrder(byte[] body) {
    JsonNode tree = mapper.readTree(body);
    JsonNode order = tree.has("order") ? tree.get("order") : tree;
    return mapper.treeToValue(order, ShopifyOrder.class);
  }
}
