package dev.hookguard.runtime.signature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryReplayGuardForgetTest {

  @Test
  void aForgottenIdIsAcceptedAgainAndOthersAreKept() throws Exception {
    ReplayGuard guard =
        ReplayGuard.inMemory(Duration.ofMinutes(10), 10, ReplayGuardTest.clock());
    guard.checkAndRecord("msg_1");
    guard.checkAndRecord("msg_2");

    guard.forget("msg_1");
    guard.forget("never-seen");

    guard.checkAndRecord("msg_1");
    assertThat(ReplayGuardTest.reasonOf(guard, "msg_2")).isEqualTo(Reason.REPLAYED);
  }

  @Test
  void aGuardThatCannotForgetIgnoresTheRequest() throws Exception {
    ReplayGuard custom = id -> {};

    custom.forget("msg_1");

    custom.checkAndRecord("msg_1");
  }
}
