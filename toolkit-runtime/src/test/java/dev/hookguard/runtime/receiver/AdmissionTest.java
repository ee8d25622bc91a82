package dev.hookguard.runtime.receiver;

import static dev.hookguard.runtime.receiver.Fixture.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.receiver.ReceiptEvent.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two steps an adapter that reads the body itself goes through: {@link WebhookReceiver#admit}
 * before the body, then {@link Admission.Admitted#receive} or {@link Admission.Admitted#tooLarge}.
 */
class AdmissionTest {

  private final Fixture f = new Fixture();

  @Test
  void aSignedRequestAdmittedThenReceivedIsStored() {
    WebhookReceiver<Order> receiver = f.builder().build();
    WebhookRequest request = f.signed("msg_1", "ord_1");

    Admission admission =
        receiver.admit(request.remoteAddress(), request.secure(), "POST", request.headers());

    assertThat(admission).isInstanceOf(Admission.Admitted.class);
    Admission.Admitted admitted = (Admission.Admitted) admission;
    assertThat(admitted.maxBodyBytes()).isEqualTo(receiver.maxBodyBytes());
    assertThat(admitted.receive(request.body()).status()).isEqualTo(200);
    assertThat(f.stored).containsOnlyKeys("msg_1");
  }

  @Test
  void theAllowListTheRateLimitAndTheMethodRefuseWithoutABody() {
    WebhookReceiver<Order> allowList =
        f.builder().allowList(IpAllowList.of("192.0.2.0/24")).build();
    WebhookReceiver<Order> limited =
        f.builder()
            .rateLimiter(
                RateLimiter.builder().perSource(RateLimit.of(1, Duration.ofMinutes(1))).build())
            .build();
    Map<String, List<String>> headers = f.signed("msg_1", "ord_1").headers();

    assertThat(status(allowList.admit(CLIENT, true, "POST", headers))).isEqualTo(403);
    assertThat(limited.admit(CLIENT, true, "POST", headers)).isInstanceOf(Admission.Admitted.class);
    Admission second = limited.admit(CLIENT, true, "POST", headers);
    assertThat(status(second)).isEqualTo(429);
    assertThat(((Admission.Refused) second).response().headers()).containsKey("Retry-After");
    assertThat(status(f.builder().build().admit(CLIENT, true, "GET", headers))).isEqualTo(405);
    assertThat(status(f.builder().build().admit(CLIENT, false, "POST", headers))).isEqualTo(403);
    assertThat(f.stored).isEmpty();
    assertThat(f.events)
        .extracting(ReceiptEvent::outcome)
        .containsExactly(
            Outcome.ADDRESS_NOT_ALLOWED,
            Outcome.RATE_LIMITED_SOURCE,
            Outcome.METHOD_NOT_ALLOWED,
            Outcome.NOT_HTTPS);
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyAndAnOverlongBodyAfter() {
    WebhookReceiver<Order> receiver = f.builder().maxBodyBytes(64).build();
    Map<String, List<String>> declared =
        Fixture.with(f.signed("msg_1", "ord_1").headers(), "Content-Length", "65");

    assertThat(status(receiver.admit(CLIENT, true, "POST", declared))).isEqualTo(413);
    Admission.Admitted admitted =
        (Admission.Admitted)
            receiver.admit(CLIENT, true, "POST", f.signed("msg_2", "ord_2").headers());
    assertThat(admitted.tooLarge().status()).isEqualTo(413);
    assertThat(f.stored).isEmpty();
  }

  private static int status(Admission admission) {
    assertThat(admission).isInstanceOf(Admission.Refused.class);
    WebhookResponse response = ((Admission.Refused) admission).response();
    assertThat(response.headers()).containsEntry("Connection", "close");
    return response.status();
  }
}
