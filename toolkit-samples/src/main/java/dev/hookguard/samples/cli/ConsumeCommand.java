package dev.hookguard.samples.cli;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.hookguard.amqp.AmqpOutboxPublisher;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hookguard consume}: prints the events that {@code serve --forward} forwarded, as a
 * consumer of the queue would see them, deduplicated by message id (a relay that stopped between
 * the broker's confirmation and its commit publishes a batch again).
 */
@Command(name = "consume", mixinStandardHelpOptions = true,
    description = "Print the forwarded events of a RabbitMQ queue, deduplicated by message id.")
final class ConsumeCommand implements Callable<Integer> {

  @Option(names = "--from", paramLabel = "AMQP_URI", required = true,
      description = "The broker, e.g. amqp://guest:guest@localhost/")
  String from;

  @Option(names = "--queue", paramLabel = "NAME", defaultValue = AmqpOutboxPublisher.DEFAULT_EXCHANGE,
      description = "The queue (default: ${DEFAULT-VALUE}).")
  String queue;

  @Option(names = "--count", paramLabel = "N",
      description = "Stop after N distinct events (default: when the queue stays empty).")
  Integer count;

  @Option(names = "--idle", paramLabel = "SECONDS", defaultValue = "5",
      description = "Stop once the queue has been empty this long (default: ${DEFAULT-VALUE}).")
  int idleSeconds;

  @Option(names = "--keep", description = "Leave the messages on the queue (requeue them).")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    Set<String> seen = new HashSet<>();
    int copies = 0;
    try (Connection connection =
            AmqpOutboxPublisher.connectionFactory(from).newConnection("hookguard-consume");
        Channel channel = connection.createChannel()) {
      long idleSince = System.nanoTime();
      while ((count == null || seen.size() < count)
          && System.nanoTime() - idleSince < idleSeconds * 1_000_000_000L) {
        GetResponse got = channel.basicGet(queue, false);
        if (got == null) {
          Thread.sleep(50);
          continue;
        }
        idleSince = System.nanoTime();
        String id = got.getProps().getMessageId();
        if (id != null && seen.add(id)) {
          System.out.println(id + "  " + new String(got.getBody(), StandardCharsets.UTF_8));
        } else {
          copies++;
        }
        if (keep) {
          channel.basicNack(got.getEnvelope().getDeliveryTag(), false, true);
        } else {
          channel.basicAck(got.getEnvelope().getDeliveryTag(), false);
        }
      }
    }
    System.out.println(seen.size() + " events, " + copies + " copies dropped by message id");
    return 0;
  }
}
