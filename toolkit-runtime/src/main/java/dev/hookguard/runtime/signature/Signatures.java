package dev.hookguard.runtime.signature;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The supported webhook signature schemes, each configured with one or more secrets.
 *
 * <p>Several secrets mean rotation: a request signed with any one of them verifies, and every
 * candidate is compared in constant time, so the time taken tells nothing about which secret
 * matched or how close a forgery came. The first secret is the one that signs (Standard
 * Webhooks and Stripe sign with all of them, as their providers do while rotating).
 *
 * <p>Every factory rejects a missing or empty secret with an {@link IllegalArgumentException}
 * whose message never quotes it. Timestamped schemes start with the system UTC clock and a
 * tolerance of five minutes; see {@link WebhookSignature#withClock} and {@link
 * WebhookSignature#withTolerance}.
 *
 * <pre>{@code
 * WebhookSignature stripe = Signatures.stripe(System.getenv("STRIPE_WEBHOOK_SECRET"));
 * stripe.verify(request.headers(), request.body()); // throws WebhookVerificationException
 * }</pre>
 */
public final class Signatures {

  private Signatures() {}

  /**
   * <a href="https://www.standardwebhooks.com/">Standard Webhooks</a> (also Svix and the
   * services built on it): headers {@code webhook-id}, {@code webhook-timestamp} and {@code
   * webhook-signature}, or the same headers prefixed {@code svix-}; signed content {@code
   * id.timestamp.body}; a space-separated list of signatures.
   *
   * <p>Each secret is one of: a {@code whsec_} symmetric secret (base64; a bare base64 secret is
   * read the same way) for {@code v1} HMAC-SHA256 signatures; a {@code whpk_} Ed25519 public key
   * (base64 of 32 bytes) that verifies {@code v1a} signatures; or a {@code whsk_} Ed25519 secret
   * key (base64 of the 32-byte seed, or of the 64-byte seed-and-public-key form) that signs
   * {@code v1a} signatures and verifies them too.
   *
   * @param secrets one or more secrets or keys; kinds may be mixed
   */
  public static WebhookSignature standardWebhooks(String... secrets) {
    return StandardWebhooksSignature.of(secrets);
  }

  /**
   * <a href="https://docs.stripe.com/webhooks#verify-manually">Stripe</a>: {@code
   * Stripe-Signature: t=<seconds>,v1=<hex>}; HMAC-SHA256 over {@code t.body} keyed with the
   * endpoint's signing secret exactly as Stripe shows it ({@code whsec_…}, prefix included).
   * Several {@code v1} signatures may be present; {@code v0} and unknown schemes are ignored.
   *
   * @param secrets one or more endpoint signing secrets
   */
  public static WebhookSignature stripe(String... secrets) {
    return StripeSignature.of(secrets);
  }

  /**
   * <a href="https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries">GitHub</a>:
   * {@code X-Hub-Signature-256: sha256=<hex>}, HMAC-SHA256 of the body keyed with the webhook's
   * secret. GitHub sends no timestamp, so no freshness is checked; {@code X-GitHub-Delivery} is
   * the message id.
   *
   * @param secrets one or more webhook secrets
   */
  public static WebhookSignature github(String... secrets) {
    return GitHubSignature.of(secrets);
  }

  /**
   * <a href="https://api.slack.com/authentication/verifying-requests-from-slack">Slack</a>:
   * {@code X-Slack-Signature: v0=<hex>}, HMAC-SHA256 over {@code v0:timestamp:body} keyed with
   * the app's signing secret; the timestamp comes from {@code X-Slack-Request-Timestamp}.
   *
   * @param secrets one or more signing secrets
   */
  public static WebhookSignature slack(String... secrets) {
    return SlackSignature.of(secrets);
  }

  /**
   * <a href="https://shopify.dev/docs/apps/build/webhooks/subscribe/https">Shopify</a>: {@code
   * X-Shopify-Hmac-Sha256: <base64>}, HMAC-SHA256 of the body keyed with the app's client
   * secret. Shopify signs no timestamp; {@code X-Shopify-Webhook-Id} is the message id.
   *
   * @param secrets one or more client secrets
   */
  public static WebhookSignature shopify(String... secrets) {
    return ShopifySignature.of(secrets);
  }

  /** Checks that there is at least one secret and that none is null or empty. */
  static List<String> checkSecrets(String... secrets) {
    Objects.requireNonNull(secrets, "secrets");
    if (secrets.length == 0) {
      throw new IllegalArgumentException("at least one secret is required");
    }
    List<String> out = new ArrayList<>(secrets.length);
    for (int i = 0; i < secrets.length; i++) {
      if (secrets[i] == null || secrets[i].isEmpty()) {
        throw new IllegalArgumentException("secret #" + (i + 1) + " is null or empty");
      }
      out.add(secrets[i]);
    }
    return out;
  }

  /** The UTF-8 bytes of each secret, used as HMAC keys as the providers' own libraries do. */
  static List<byte[]> utf8Keys(String... secrets) {
    List<byte[]> keys = new ArrayList<>();
    for (String secret : checkSecrets(secrets)) {
      keys.add(secret.getBytes(StandardCharsets.UTF_8));
    }
    return keys;
  }
}
