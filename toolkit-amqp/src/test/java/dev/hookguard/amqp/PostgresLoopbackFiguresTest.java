package dev.hookguard.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.hookguard.runtime.outbox.RelayOptions;
import dev.hookguard.testsupport.TestBroker;
import dev.hookguard.testsupport.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's loopback figures: events per second end to end (a signed HTTP request to an
 * instance, its receipt and outbox row committed on PostgreSQL, relayed to the broker, read by a
 * consumer) with one instance and with three, 16 client threads spreading the same 600 events
 * over the instances, after 100 events of warm-up. Each run also checks that every event arrived,
 * once after deduplication.
 */
class PostgresLoopbackFiguresTest {

  static final int EVENTS = 600;
  static final int CLIENTS = 16;
  static final int WARM_UP = 100;

  @TempDir
  Path work;

  @Test
  void oneInstance() throws Exception {
    run(1);
  }

  @Test
  void threeInstances() throws Exception {
    run(3);
  }

  private void run(int instances) throws Exception {
    TestBroker broker = TestBroker.broker();
    String exchange = TestBroker.uniqueName();
    Payments payments = new Payments();
    List<AutoCloseable> closing = new ArrayList<>();
    try (TestPostgres.Schema schema = TestPostgres.server().newSchema()) {
      List<Instance> running = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        AmqpOutboxPublisher publisher = AmqpOutboxPublisher.builder(broker.uri()).exchange(exchange).build();
        closing.add(publisher);
        publisher.connect();    // the topology exists before the consumer subscribes
        Instance instance = Instance.postgres(schema.newPool(12), work.resolve("master.key"),
            payments.signature, publisher,
            RelayOptions.defaults().withPollInterval(Duration.ofMillis(10)));
        closing.add(instance);
        running.add(instance);
      }
      Map<String, Integer> seen = new ConcurrentHashMap<>();
      CountDownLatch all = new CountDownLatch(EVENTS + WARM_UP);
      Connection connection = broker.connect();
      closing.add(connection);
      Channel channel = connection.createChannel();
      channel.basicConsume(exchange, true, new DefaultConsumer(channel) {
        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
            byte[] body) {
          if (seen.merge(properties.getMessageId(), 1, Integer::sum) == 1) {
            all.countDown();
          }
        }
      });
      running.forEach(instance -> instance.relay.start());

      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      // Warm-up (class loading, JIT, pools), not measured: the first events of a fresh JVM.
      for (int n = 0; n < WARM_UP; n++) {
        assertThat(payments.post(running.get(n % running.size()).uri(), "warm_" + n, n))
            .containsExactly("200", "ACCEPTED");
      }
      while (all.getCount() > EVENTS) {
        Thread.sleep(10);
      }
      AtomicInteger next = new AtomicInteger();
      long start = System.nanoTime();
      List<Future<Integer>> sent = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        sent.add(clients.submit(() -> {
          int accepted = 0;
          for (int n; (n = next.getAndIncrement()) < EVENTS; ) {
            Instance to = running.get(n % running.size());
            if (payments.post(to.uri(), "msg_" + n, n).equals(List.of("200", "ACCEPTED"))) {
              accepted++;
            }
          }
          return accepted;
        }));
      }
      int accepted = 0;
      for (Future<Integer> each : sent) {
        accepted += each.get(5, TimeUnit.MINUTES);
      }
      double receivedSeconds = (System.nanoTime() - start) / 1e9;
      assertThat(all.await(2, TimeUnit.MINUTES)).isTrue();
      double deliveredSeconds = (System.nanoTime() - start) / 1e9;
      clients.shutdown();

      assertThat(accepted).isEqualTo(EVENTS);
      assertThat(seen).hasSize(EVENTS + WARM_UP);
      System.out.printf("loopback figures, %d instance(s): %d events accepted in %.2f s (%.0f/s),"
              + " all consumed after %.2f s (%.0f/s end to end), %d copies%n",
          instances, EVENTS, receivedSeconds, EVENTS / receivedSeconds, deliveredSeconds,
          EVENTS / deliveredSeconds,
          seen.values().stream().mapToInt(Integer::intValue).sum() - EVENTS - WARM_UP);
    } finally {
      for (int i = closing.size() - 1; i >= 0; i--) {
        closing.get(i).close();
      }
      broker.deleteTopology(exchange);
    }
  }
}
