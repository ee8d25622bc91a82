package dev.hookguard.runtime.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The prepared, per-thread MACs give what a freshly keyed JDK {@code Mac} gives, concurrently. */
class HmacKeysTest {

  private static final byte[] FIRST = "first-secret".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SECOND = "second-secret-that-is-longer-than-a-block-of-sixty-four-bytes!!"
      .getBytes(StandardCharsets.UTF_8);

  @Test
  void everyThreadGetsTheMacsOfAFreshlyKeyedMacUnderEveryKey() throws Exception {
    HmacKeys keys = new HmacKeys(List.of(FIRST, SECOND));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> checked = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        long seed = t;
        checked.add(threads.submit(() -> {
          Random random = new Random(seed);
          for (int i = 0; i < 500; i++) {
            byte[] head = new byte[random.nextInt(40)];
            byte[] body = new byte[random.nextInt(3000)];
            random.nextBytes(head);
            random.nextBytes(body);
            List<byte[]> macs = keys.macs(head, body);
            assertThat(macs.get(0)).isEqualTo(fresh(FIRST, head, body));
            assertThat(macs.get(1)).isEqualTo(fresh(SECOND, head, body));
            assertThat(keys.primaryMac(head, body)).isEqualTo(macs.get(0));
            assertThat(keys.anyMatches(List.of(fresh(SECOND, head, body)), head, body)).isTrue();
            assertThat(keys.anyMatches(List.of(fresh(SECOND, body, head)), head, body))
                .isEqualTo(head.length == 0 || body.length == 0);
          }
          return 500;
        }));
      }
      for (Future<Integer> done : checked) {
        assertThat(done.get()).isEqualTo(500);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static byte[] fresh(byte[] key, byte[]... parts) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    for (byte[] part : parts) {
      mac.update(part);
    }
    return mac.doFinal();
  }
}
