package dev.hookguard.runtime.signature;

import dev.hookguard.testsupport.TestClock;
import static dev.hookguard.runtime.signature.TestRequests.fixedAt;
import static dev.hookguard.runtime.signature.TestRequests.headers;
import static dev.hookguard.runtime.signature.TestRequests.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {

  /** The clock these tests start from. */
  static TestClock clock() {
    return new TestClock(Instant.ofEpochSecond(1_700_000_000L));
  }

  static Reason reasonOf(ReplayGuard guard, String id) {
    try {
      guard.checkAndRecord(id);
    } catch (WebhookVerificationException e) {
      return e.reason();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void anIdSeenWithinTheWindowIsAReplay() throws Exception {
    ReplayGuard guard = ReplayGuard.inMemory(Duration.ofMinutes(10), 100, clock());
    guard.checkAndRecord("msg_1");
    assertThat(reasonOf(guard, "msg_1")).isEqualTo(Reason.REPLAYED);
    guard.checkAndRecord("msg_2");
  }

  @Test
  void anIdIsForgottenWhenItsWindowEnds() throws Exception {
    TestClock clock = clock();
    ReplayGuard guard = ReplayGuard.inMemory(Duration.ofMinutes(10), 100, clock);
    guard.checkAndRecord("msg_1");
    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertThat(reasonOf(guard, "msg_1")).isEqualTo(Reason.REPLAYED);
    clock.advance(Duration.ofSeconds(1));
    assertThatCode(() -> guard.checkAndRecord("msg_1")).doesNotThrowAnyException();
    assertThat(((InMemoryReplayGuard) guard).size()).isEqualTo(1);
  }

  @Test
  void aFullGuardRefusesNewIdsRatherThanForgetLiveOnes() throws Exception {
    TestClock clock = clock();
    ReplayGuard guard = ReplayGuard.inMemory(Duration.ofMinutes(10), 3, clock);
    guard.checkAndRecord("a");
    guard.checkAndRecord("b");
    guard.checkAndRecord("c");
    assertThat(reasonOf(guard, "d")).isEqualTo(Reason.REPLAY_GUARD_FULL);
    assertThat(reasonOf(guard, "a")).isEqualTo(Reason.REPLAYED);
    clock.advance(Duration.ofMinutes(10));
    guard.checkAndRecord("d");
    assertThat(((InMemoryReplayGuard) guard).size()).isEqualTo(1);
  }

  @Test
  void memoryPerEntryDoesNotDependOnTheIdLength() throws Exception {
    ReplayGuard guard = ReplayGuard.inMemory(Duration.ofMinutes(1), 10, clock());
    guard.checkAndRecord("x".repeat(100_000));
    assertThat(reasonOf(guard, "x".repeat(100_000))).isEqualTo(Reason.REPLAYED);
  }

  @Test
  void rejectsANonPositiveWindowOrCapacity() {
    assertThatThrownBy(() -> ReplayGuard.inMemory(Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReplayGuard.inMemory(Duration.ofMinutes(1), 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verifyWithAGuardRefusesTheSecondDeliveryOfAStandardWebhook() throws Exception {
    long t = 1_700_000_000L;
    WebhookSignature signature = Signatures.standardWebhooks(PublishedVectorsTest.SW_SECRET).withClock(fixedAt(t));
    ReplayGuard guard = ReplayGuard.inMemory(Duration.ofMinutes(10), 100, fixedAt(t));
    Map<String, List<String>> headers = headers(signature.sign("msg_1", Instant.ofEpochSecond(t), utf8("{}")));
    signature.verify(headers, utf8("{}"), guard);
    assertThatThrownBy(() -> signature.verify(headers, utf8("{}"), guard))
        .isInstanceOf(WebhookVerificationException.class)
        .extracting(e -> ((WebhookVerificationException) e).reason())
        .isEqualTo(Reason.REPLAYED);
  }

  @Test
  void aForgedRequestIsNotRecorded() throws Exception {
    long t = 1_700_000_000L;
    WebhookSignature signature = Signatures.github("right");
    ReplayGuard guard = ReplayGuard.inMemory(Duration.ofMinutes(10), 100, fixedAt(t));
    Map<String, List<String>> forged = headers(Signatures.github("wrong").sign("d-1", Instant.EPOCH, utf8("{}")));
    assertThatThrownBy(() -> signature.verify(forged, utf8("{}"), guard)).isInstanceOf(WebhookVerificationException.class);
    signature.verify(headers(signature.sign("d-1", Instant.EPOCH, utf8("{}"))), utf8("{}"), guard);
  }

  @Test
  void aSchemeWithoutAMessageIdCannotBeGuarded() throws Exception {
    long t = 1_700_000_000L;
    WebhookSignature slack = Signatures.slack("s").withClock(fixedAt(t));
    Map<String, List<String>> headers = headers(slack.sign("", Instant.ofEpochSecond(t), utf8("{}")));
    assertThatThrownBy(() -> slack.verify(headers, utf8("{}"), ReplayGuard.inMemory(Duration.ofMinutes(10), 10)))
        .isInstanceOf(WebhookVerificationException.class)
        .extracting(e -> ((WebhookVerificationException) e).reason())
        .isEqualTo(Reason.MISSING_MESSAGE_ID);
  }
}
