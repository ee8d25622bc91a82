package dev.hookguard.readme.subjects;

import dev.hookguard.api.Encrypt;
import dev.hookguard.api.Naming;
import dev.hookguard.api.Retain;
import dev.hookguard.api.Sensitive;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.api.Sensitive.Mask;
import dev.hookguard.api.Subject;
import dev.hookguard.api.WebhookPayload;
import java.util.List;

// README, "Data subjects": a payload type that names the people its records are about.
@WebhookPayload(event = "subscriber.created", naming = Naming.SNAKE_CASE)
@Retain(days = 365)
public record Subscriber(
    String id,
    @Subject @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL) @Encrypt String email,
    @Sensitive(category = Category.PERSONAL) @Encrypt String name,
    List<Referral> referredBy) {                       // each referrer is a subject too

  public record Referral(
      @Subject @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL) String email) {
    @Override
    public String toString() {
      return Subscriber_ReferralRedactor.create().toLogString(this);
    }
  }

  @Override
  public String toString() {
    return SubscriberRedactor.create().toLogString(this);
  }
}
