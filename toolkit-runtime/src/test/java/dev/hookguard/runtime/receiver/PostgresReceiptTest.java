package dev.hookguard.runtime.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Receipts on PostgreSQL, and two instances sharing one database. */
class PostgresReceiptTest extends ReceiptContract {

  @Override
  TestDatabase newDatabase(Path directory) {
    return TestDatabase.postgres(directory);
  }

  @Test
  void twoInstancesReceivingOneDeliveryAtOnceStoreAndAuditItOnce() throws Exception {
    HookGuard other = database.open(f.clock);
    WebhookReceiver<Order> first = receiver(hookGuard);
    WebhookReceiver<Order> second = receiver(other);
    for (int round = 0; round < 20; round++) {
      WebhookRequest request = f.signed("msg_" + round, "ord_" + round);
      AtomicInteger turn = new AtomicInteger();
      List<WebhookResponse> responses = all(2, () ->
          (turn.getAndIncrement() == 0 ? first : second).handle(request));

      assertThat(responses).extracting(WebhookResponse::status).containsOnly(200);
      assertThat(responses).extracting(WebhookResponse::body)
          .containsExactlyInAnyOrder("ACCEPTED\n", "DUPLICATE\n");
      assertThat(recordRows("msg_" + round)).isEqualTo(1);
      assertThat(received("msg_" + round)).hasSize(1);
    }
    assertThat(other.audit().verify().ok()).isTrue();
  }
}
