package dev.hookguard.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.ReturnListener;
import dev.hookguard.runtime.outbox.OutboxMessage;
import dev.hookguard.runtime.outbox.OutboxPublisher;
import dev.hookguard.runtime.outbox.PublishResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbox messages to RabbitMQ (AMQP 0-9-1) and reports what the broker durably accepted.
 *
 * <ul>
 *   <li><b>Topology</b>, declared on first use (idempotent, so every instance may do it): a
 *       durable topic exchange ({@code hookguard.events} by default), a durable queue ({@code
 *       hookguard.events}) bound to it with {@code #} and whose rejected or expired messages go to
 *       ({@code x-dead-letter-exchange}; on Apache Qpid Broker-J, {@code alternateExchange}) a
 *       durable dead-letter exchange ({@code hookguard.events.dead-letter}) and its durable
 *       queue ({@code hookguard.events.dead-letter}). {@link Builder#declareTopology(boolean)
 *       declareTopology(false)} leaves the topology to the broker's administrator.
 *   <li><b>Messages</b> are persistent, published {@code mandatory} with the message's topic as
 *       routing key; {@code message-id} is the {@linkplain OutboxMessage#deduplicationId()
 *       deduplication id} (consumers deduplicate by it), {@code type} the payload type, {@code
 *       content-type} {@code application/json}, {@code timestamp} the receipt time, and headers
 *       {@code hookguard-message-id} and {@code hookguard-record-id}.
 *   <li><b>Publisher confirms</b>: a message is {@linkplain PublishResult#accepted() accepted}
 *       once the broker confirmed it (for a persistent message on a durable queue, once it is on
 *       disk); {@linkplain PublishResult#refused() refused} if the broker sent a negative
 *       confirmation or returned it as unroutable (no queue bound for its topic). Confirms not
 *       received within {@link Builder#confirmTimeout} leave the messages unanswered: the relay
 *       publishes them again.
 * </ul>
 *
 * <p>One connection and one channel, opened on first use and opened anew after a failure. Used by
 * one relay thread at a time ({@link #publish} is synchronized). Logs and exceptions name the
 * broker's host and exception classes, never a message body or a password.
 *
 * <pre>{@code
 * try (AmqpOutboxPublisher publisher = AmqpOutboxPublisher.builder("amqp://app:secret@mq:5672/").build();
 *     OutboxRelay relay = hookGuard.outbox().relay(publisher)) {
 *   relay.start();
 *   ...
 * }
 * }</pre>
 */
public final class AmqpOutboxPublisher implements OutboxPublisher {

  /** The default exchange and queue name. */
  public static final String DEFAULT_EXCHANGE = "hookguard.events";

  private static final Logger LOG = LoggerFactory.getLogger("dev.hookguard.outbox.amqp");

  private final ConnectionFactory factory;
  private final String exchange;
  private final String queue;
  private final String deadLetterExchange;
  private final String deadLetterQueue;
  private final boolean declareTopology;
  private final Duration confirmTimeout;
  private final String description;

  private Connection connection;
  private Channel channel;
  /** Delivery tag to outbox sequence, of the messages of the call in progress. */
  private final Map<Long, Long> inFlight = new ConcurrentHashMap<>();
  private final Set<Long> acked = ConcurrentHashMap.newKeySet();
  private final Set<Long> nacked = ConcurrentHashMap.newKeySet();
  private final Set<String> returned = ConcurrentHashMap.newKeySet();

  private AmqpOutboxPublisher(Builder builder) {
    this.factory = builder.factory;
    this.exchange = builder.exchange;
    this.queue = builder.queue;
    this.deadLetterExchange = builder.deadLetterExchange;
    this.deadLetterQueue = builder.deadLetterQueue;
    this.declareTopology = builder.declareTopology;
    this.confirmTimeout = builder.confirmTimeout;
    this.description =
        factory.getHost() + ":" + factory.getPort() + factory.getVirtualHost() + " exchange "
            + exchange;
  }

  /**
   * Starts a publisher to the broker at {@code amqpUri}, such as {@code
   * amqp://user:password@host:5672/vhost} ({@code amqps://} for TLS).
   *
   * @throws IllegalArgumentException if {@code amqpUri} is not an AMQP URI (the message does not
   *     quote it: it may hold a password)
   */
  public static Builder builder(String amqpUri) {
    return new Builder(connectionFactory(amqpUri));
  }

  /**
   * A connection factory for {@code amqpUri}, such as {@code amqp://user:password@host:5672/}:
   * as RabbitMQ's client reads it, except that an empty virtual host ({@code /} or nothing after
   * the port) means RabbitMQ's default virtual host {@code /} (write {@code %2F} to be explicit).
   *
   * @throws IllegalArgumentException if {@code amqpUri} is not an AMQP URI (the message does not
   *     quote it: it may hold a password)
   */
  public static ConnectionFactory connectionFactory(String amqpUri) {
    Objects.requireNonNull(amqpUri, "amqpUri");
    ConnectionFactory factory = new ConnectionFactory();
    try {
      factory.setUri(amqpUri);
    } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a usable amqp:// or amqps:// URI ("
          + e.getClass().getSimpleName() + ")");
    }
    if (factory.getVirtualHost().isEmpty()) {
      factory.setVirtualHost("/");
    }
    return factory;
  }

  /** Starts a publisher to the broker that {@code factory} connects to (TLS, credentials, …). */
  public static Builder builder(ConnectionFactory factory) {
    return new Builder(Objects.requireNonNull(factory, "factory"));
  }

  /** The exchange messages are published to. */
  public String exchange() {
    return exchange;
  }

  /** The queue bound to the exchange, when the publisher declares the topology. */
  public String queue() {
    return queue;
  }

  /** The dead-letter queue, when the publisher declares the topology. */
  public String deadLetterQueue() {
    return deadLetterQueue;
  }

  /**
   * Connects now and declares the topology (unless {@link Builder#declareTopology(boolean)
   * declareTopology(false)}), instead of at the first publication: at start-up, so that a broker
   * that cannot be reached shows at once and consumers can subscribe before the first event.
   *
   * @throws IllegalStateException if the broker cannot be reached or refuses the declarations
   *     (the message names the broker's host and reply, never a password)
   */
  public synchronized void connect() {
    try {
      channel();
    } catch (IOException | RuntimeException e) {
      reset();
      throw new IllegalStateException(
          "connecting to " + description + " failed (" + e.getClass().getName() + reason(e) + ")");
    }
  }

  @Override
  public synchronized PublishResult publish(List<OutboxMessage> messages) {
    Objects.requireNonNull(messages, "messages");
    inFlight.clear();
    acked.clear();
    nacked.clear();
    returned.clear();
    try {
      Channel open = channel();
      Map<String, Long> byDeduplicationId = new HashMap<>();
      for (OutboxMessage message : messages) {
        long tag = open.getNextPublishSeqNo();
        inFlight.put(tag, message.sequence());
        byDeduplicationId.put(message.deduplicationId(), message.sequence());
        open.basicPublish(exchange, message.topic(), true, properties(message), message.bodyBytes());
      }
      open.waitForConfirmsOrDie(confirmTimeout.toMillis());
      return result(byDeduplicationId);
    } catch (IOException e) {
      // A negative confirmation closes the channel in waitForConfirmsOrDie: those are refusals.
      if (!nacked.isEmpty() || !acked.isEmpty()) {
        Map<String, Long> byDeduplicationId = new HashMap<>();
        messages.forEach(m -> byDeduplicationId.put(m.deduplicationId(), m.sequence()));
        reset();
        return result(byDeduplicationId);
      }
      reset();
      throw new IllegalStateException(
          "publishing to " + description + " failed (" + e.getClass().getName() + reason(e) + ")");
    } catch (TimeoutException e) {
      Map<String, Long> byDeduplicationId = new HashMap<>();
      messages.forEach(m -> byDeduplicationId.put(m.deduplicationId(), m.sequence()));
      PublishResult partial = result(byDeduplicationId);
      LOG.warn("{} of {} messages not confirmed by {} within {}: published again later",
          messages.size() - partial.accepted().size() - partial.refused().size(), messages.size(),
          description, confirmTimeout);
      reset();
      return partial;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reset();
      throw new IllegalStateException("interrupted while waiting for confirms from " + description);
    } catch (RuntimeException e) {
      reset();
      throw new IllegalStateException(
          "publishing to " + description + " failed (" + e.getClass().getName() + ")");
    }
  }

  /**
   * The broker's reply code and text when it closed the channel or connection (such as {@code 404
   * NOT_FOUND - no exchange 'x'}): names of exchanges and queues, never a message's body.
   */
  private static String reason(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof com.rabbitmq.client.ShutdownSignalException shutdown
          && shutdown.getReason() instanceof AMQP.Channel.Close close) {
        return ": " + close.getReplyCode() + " " + close.getReplyText();
      }
      if (t instanceof com.rabbitmq.client.ShutdownSignalException shutdown
          && shutdown.getReason() instanceof AMQP.Connection.Close close) {
        return ": " + close.getReplyCode() + " " + close.getReplyText();
      }
    }
    return "";
  }

  private PublishResult result(Map<String, Long> byDeduplicationId) {
    Set<Long> accepted = new HashSet<>();
    Set<Long> refused = new HashSet<>();
    for (String id : returned) {
      Long sequence = byDeduplicationId.get(id);
      if (sequence != null) {
        refused.add(sequence);
      }
    }
    for (long tag : nacked) {
      Long sequence = inFlight.get(tag);
      if (sequence != null) {
        refused.add(sequence);
      }
    }
    for (long tag : acked) {
      Long sequence = inFlight.get(tag);
      if (sequence != null && !refused.contains(sequence)) {
        accepted.add(sequence);
      }
    }
    return new PublishResult(accepted, refused);
  }

  private AMQP.BasicProperties properties(OutboxMessage message) {
    Map<String, Object> headers = new HashMap<>();
    headers.put("hookguard-message-id", message.messageId());
    headers.put("hookguard-record-id", message.recordId());
    return new AMQP.BasicProperties.Builder()
        .contentType("application/json")
        .contentEncoding("UTF-8")
        .deliveryMode(2)
        .messageId(message.deduplicationId())
        .type(message.payloadType())
        .timestamp(java.util.Date.from(message.receivedAt()))
        .headers(headers)
        .build();
  }

  private Channel channel() throws IOException {
    if (channel != null && channel.isOpen()) {
      return channel;
    }
    reset();
    try {
      connection = factory.newConnection("hookguard-outbox");
    } catch (TimeoutException e) {
      throw new IOException("connecting timed out");
    }
    Channel opened = connection.createChannel();
    opened.confirmSelect();
    opened.addConfirmListener(new ConfirmListener() {
      @Override
      public void handleAck(long deliveryTag, boolean multiple) {
        mark(acked, deliveryTag, multiple);
      }

      @Override
      public void handleNack(long deliveryTag, boolean multiple) {
        mark(nacked, deliveryTag, multiple);
      }
    });
    ReturnListener onReturn =
        (replyCode, replyText, returnedExchange, routingKey, properties, body) -> {
          if (properties.getMessageId() != null) {
            returned.add(properties.getMessageId());
          }
        };
    opened.addReturnListener(onReturn);
    if (declareTopology) {
      opened.exchangeDeclare(exchange, "topic", true);
      opened.exchangeDeclare(deadLetterExchange, "topic", true);
      opened.queueDeclare(deadLetterQueue, true, false, false, null);
      opened.queueBind(deadLetterQueue, deadLetterExchange, "#");
      Map<String, Object> arguments = new HashMap<>();
      if (isQpid(connection)) {
        // Qpid Broker-J has no x-dead-letter-exchange: its alternate exchange takes messages a
        // consumer rejected once its delivery limit is reached; a limit of 1 dead-letters a
        // rejected message at once, as RabbitMQ does.
        arguments.put("alternateExchange", deadLetterExchange);
        arguments.put("x-qpid-maximum-delivery-count", 1);
      } else {
        arguments.put("x-dead-letter-exchange", deadLetterExchange);
      }
      opened.queueDeclare(queue, true, false, false, arguments);
      opened.queueBind(queue, exchange, "#");
    }
    channel = opened;
    return opened;
  }

  /** Whether the broker is Apache Qpid Broker-J (the tests' embedded broker), not RabbitMQ. */
  private static boolean isQpid(Connection connection) {
    Object product = connection.getServerProperties().get("product");
    return product != null
        && product.toString().toLowerCase(java.util.Locale.ROOT).contains("qpid");
  }

  private void mark(Set<Long> into, long deliveryTag, boolean multiple) {
    if (multiple) {
      for (long tag : inFlight.keySet()) {
        if (tag <= deliveryTag) {
          into.add(tag);
        }
      }
    } else {
      into.add(deliveryTag);
    }
  }

  private void reset() {
    Connection old = connection;
    connection = null;
    channel = null;
    if (old != null) {
      try {
        old.abort(2_000);
      } catch (RuntimeException e) {
        // Closing a broken connection: nothing more to do.
      }
    }
  }

  /** Closes the connection to the broker. */
  @Override
  public synchronized void close() {
    Connection old = connection;
    connection = null;
    channel = null;
    if (old != null && old.isOpen()) {
      try {
        old.close(5_000);
      } catch (IOException | RuntimeException e) {
        LOG.warn("closing the connection to {} failed: {}", description, e.getClass().getName());
      }
    }
  }

  /** Names the broker (host, port, virtual host) and exchange; never the credentials. */
  @Override
  public String toString() {
    return "AmqpOutboxPublisher[" + description + "]";
  }

  /** Options of an {@link AmqpOutboxPublisher}. */
  public static final class Builder {

    private final ConnectionFactory factory;
    private String exchange = DEFAULT_EXCHANGE;
    private String queue = DEFAULT_EXCHANGE;
    private String deadLetterExchange = DEFAULT_EXCHANGE + ".dead-letter";
    private String deadLetterQueue = DEFAULT_EXCHANGE + ".dead-letter";
    private boolean declareTopology = true;
    private Duration confirmTimeout = Duration.ofSeconds(30);

    private Builder(ConnectionFactory factory) {
      this.factory = factory;
    }

    /**
     * The exchange to publish to; also names the queue ({@code name}), the dead-letter exchange
     * and queue ({@code name.dead-letter}) unless they are named themselves.
     */
    public Builder exchange(String name) {
      requireName(name);
      boolean queueDefault = queue.equals(exchange);
      boolean deadDefault = deadLetterExchange.equals(exchange + ".dead-letter");
      boolean deadQueueDefault = deadLetterQueue.equals(exchange + ".dead-letter");
      this.exchange = name;
      if (queueDefault) {
        this.queue = name;
      }
      if (deadDefault) {
        this.deadLetterExchange = name + ".dead-letter";
      }
      if (deadQueueDefault) {
        this.deadLetterQueue = name + ".dead-letter";
      }
      return this;
    }

    /** The durable queue declared and bound to the exchange with {@code #}. */
    public Builder queue(String name) {
      this.queue = requireName(name);
      return this;
    }

    /** The dead-letter exchange and queue of the queue. */
    public Builder deadLetter(String exchange, String queue) {
      this.deadLetterExchange = requireName(exchange);
      this.deadLetterQueue = requireName(queue);
      return this;
    }

    /** Whether to declare the exchanges and queues (default: yes). */
    public Builder declareTopology(boolean declare) {
      this.declareTopology = declare;
      return this;
    }

    /** How long to wait for the broker's confirms of one batch (default 30 s). */
    public Builder confirmTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the confirm timeout must be positive");
      }
      this.confirmTimeout = timeout;
      return this;
    }

    /** Builds the publisher; it connects on its first publication. */
    public AmqpOutboxPublisher build() {
      return new AmqpOutboxPublisher(this);
    }

    private static String requireName(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isEmpty() || name.length() > 255) {
        throw new IllegalArgumentException("an exchange or queue name has 1 to 255 characters");
      }
      return name;
    }
  }
}
