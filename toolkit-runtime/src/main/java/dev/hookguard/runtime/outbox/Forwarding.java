package dev.hookguard.runtime.outbox;

import dev.hookguard.runtime.redact.Redactor;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * What a receipt store forwards of each payload it keeps, through the outbox: by default the
 * whole {@linkplain Redactor#toRedactedJson redacted JSON} of the payload (sensitive values masked
 * as its {@code @Sensitive} annotations say, {@code OMIT} properties absent), never a plaintext
 * sensitive value. {@link #onlyProperties} narrows it to the properties a consumer needs; a named
 * sensitive property is still masked.
 *
 * <pre>{@code
 * ReceiptStore<Order> receipts = hookGuard.receipts(
 *     OrderStore.create(hookGuard),
 *     Forwarding.redacted(OrderRedactor.create(hookGuard.redactionContext()))
 *         .onlyProperties("id", "total", "email")     // email still masked
 *         .withTopic("orders"));
 * }</pre>
 *
 * <p>A redactor made with {@code hookGuard.redactionContext()} gives {@code Mask.HASH} properties
 * the same pseudonym on every instance, so consumers can correlate them. Immutable and
 * thread-safe.
 *
 * @param <X> the payload type
 */
public final class Forwarding<X> {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private final Redactor<X> redactor;
  private final Set<String> properties;
  private final String topic;

  private Forwarding(Redactor<X> redactor, Set<String> properties, String topic) {
    this.redactor = redactor;
    this.properties = properties;
    this.topic = topic;
  }

  /**
   * Forwards {@code redactor}'s JSON of each payload, such as the generated {@code
   * XRedactor.create(hookGuard.redactionContext())}.
   */
  public static <X> Forwarding<X> redacted(Redactor<X> redactor) {
    return new Forwarding<>(Objects.requireNonNull(redactor, "redactor"), Set.of(), null);
  }

  /**
   * Forwards only these top-level JSON properties of the redacted JSON (JSON names, as {@code
   * naming} and {@code @JsonProperty} give them), in the payload's order; the others are left
   * out. A named sensitive property stays masked.
   *
   * @throws IllegalArgumentException if no name, or an empty one, is given
   */
  public Forwarding<X> onlyProperties(String... jsonNames) {
    Objects.requireNonNull(jsonNames, "jsonNames");
    if (jsonNames.length == 0) {
      throw new IllegalArgumentException("name at least one property to forward");
    }
    Set<String> names = new LinkedHashSet<>();
    for (String name : jsonNames) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("a property name is null or empty");
      }
      names.add(name);
    }
    return new Forwarding<>(redactor, Collections.unmodifiableSet(names), topic);
  }

  /**
   * Publishes to {@code topic} (for AMQP, the routing key) instead of the payload type's name.
   *
   * @throws IllegalArgumentException if {@code topic} is empty or longer than 255 characters
   */
  public Forwarding<X> withTopic(String topic) {
    Objects.requireNonNull(topic, "topic");
    if (topic.isEmpty() || topic.length() > 255) {
      throw new IllegalArgumentException("a topic has 1 to 255 characters");
    }
    return new Forwarding<>(redactor, properties, topic);
  }

  /** The topic set by {@link #withTopic}; without one, the payload type's name is used. */
  public Optional<String> topic() {
    return Optional.ofNullable(topic);
  }

  /** The properties set by {@link #onlyProperties}; empty: all of the redacted JSON. */
  public Set<String> properties() {
    return properties;
  }

  /**
   * The JSON forwarded for {@code payload}: the redactor's JSON, narrowed to {@link #properties()}
   * if any were named.
   *
   * @throws IllegalStateException if the redactor's output is not one JSON object (no part of it
   *     in the message)
   */
  public String payloadJson(X payload) {
    Objects.requireNonNull(payload, "payload");
    String json = redactor.toRedactedJson(payload);
    if (properties.isEmpty()) {
      return json;
    }
    StringWriter out = new StringWriter(json.length());
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json);
        JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw notAnObject();
      }
      generator.writeStartObject();
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (properties.contains(name)) {
          generator.writeName(name);
          generator.copyCurrentStructure(parser);
        } else {
          parser.skipChildren();
        }
      }
      if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
        throw notAnObject();
      }
      generator.writeEndObject();
    } catch (JacksonException e) {
      // The parser's message may quote the JSON; it stays out of ours.
      throw notAnObject();
    }
    return out.toString();
  }

  private static IllegalStateException notAnObject() {
    return new IllegalStateException("the redactor's JSON is not one JSON object");
  }

  /** Names the redactor's class, the topic and the properties; never a payload. */
  @Override
  public String toString() {
    return "Forwarding[" + redactor.getClass().getName()
        + (topic == null ? "" : ", topic=" + topic)
        + (properties.isEmpty() ? "" : ", properties=" + Arrays.toString(properties.toArray()))
        + "]";
  }
}
