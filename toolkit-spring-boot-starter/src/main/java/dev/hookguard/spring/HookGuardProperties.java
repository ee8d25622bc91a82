package dev.hookguard.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HookGuard's settings under hookguard.*.
 *
 * @param storage where records, keys and the audit trail are kept
 * @param masterKey the key that wraps every data key; exactly one source must be chosen
 * @param audit extra audit sinks (the tamper-evident trail in the database is always kept)
 * @param signatures signature schemes and their secrets, by the name @WebhookListener
 *     refers to them
 * @param receiver options of every webhook endpoint, unless the endpoint overrides them
 * @param endpoints per-endpoint options, by @WebhookListener id (its signature name by
 *     default); an option left out is taken from hookguard.receiver
 * @param retention scheduled retention sweeps
 * @param health the Actuator health indicator
 */
@ConfigurationProperties("hookguard")
public record HookGuardProperties(
    @DefaultValue Storage storage,
    @DefaultValue MasterKey masterKey,
    @DefaultValue Audit audit,
    Map<String, Signature> signatures,
    @DefaultValue Receiver receiver,
    Map<String, Receiver> endpoints,
    @DefaultValue Retention retention,
    @DefaultValue Health health) {

  /** Normalizes absent maps to empty ones. */
  public HookGuardProperties {
    signatures = signatures == null ? Map.of() : Map.copyOf(signatures);
    endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
  }

  /** The storage backends. */
  public enum StorageType {
    /** A SQLite file (hookguard.storage.sqlite.path): the embedded default. */
    SQLITE,
    /** PostgreSQL through the application's DataSource bean. */
    POSTGRES
  }

  /**
   * Where HookGuard keeps its data.
   *
   * @param type sqlite (a file) or postgres (the application's DataSource)
   * @param sqlite the SQLite file
   * @param postgres PostgreSQL options
   */
  public record Storage(
      @DefaultValue("sqlite") StorageType type,
      @DefaultValue Sqlite sqlite,
      @DefaultValue Postgres postgres) {}

  /**
   * The SQLite store.
   *
   * @param path the database file, created if absent (with -wal, .keys and, for a
   *     development key, .master.key files beside it)
   * @param retentionKeyFile where the retention day keys are kept instead of <path>.keys; keep
   *     it out of the database's backups
   */
  public record Sqlite(@Nullable Path path, @Nullable Path retentionKeyFile) {}

  /**
   * The PostgreSQL store, on the application's DataSource.
   *
   * @param retentionKeysSchema a schema of the same database for the retention day keys, instead
   *     of the record store's own; one that its backups leave out keeps them shreddable
   */
  public record Postgres(@Nullable String retentionKeysSchema) {}

  /**
   * The source of the master key: exactly one of env, kms-uri and development, unless the
   * application defines a MasterKey bean.
   *
   * @param env the environment variable holding the key (base64 of 32 random bytes, such as
   *     openssl rand -base64 32 gives), for example HOOKGUARD_MASTER_KEY
   * @param kmsUri a cloud KMS key URI, such as gcp-kms://projects/…/cryptoKeys/…; needs a
   *     Tink KmsClient bean that supports it
   * @param development for local development only: a key file beside the SQLite database,
   *     created on first use; whoever copies the folder can decrypt everything
   */
  public record MasterKey(
      @Nullable String env, @Nullable String kmsUri, @DefaultValue("false") boolean development) {}

  /**
   * Audit sinks besides the trail in the database.
   *
   * @param log also write every audit event to the SLF4J logger dev.hookguard.audit
   *     (names only, never values)
   */
  public record Audit(@DefaultValue("false") boolean log) {}

  /** The signature schemes the runtime supports. */
  public enum Scheme {
    /** Standard Webhooks (and Svix): webhook-id, webhook-signature. */
    STANDARD_WEBHOOKS,
    /** Stripe: Stripe-Signature; sends no message id (set payloadId). */
    STRIPE,
    /** GitHub: X-Hub-Signature-256, id X-GitHub-Delivery. */
    GITHUB,
    /** Slack: X-Slack-Signature; sends no message id (set payloadId). */
    SLACK,
    /** Shopify: X-Shopify-Hmac-Sha256, id X-Shopify-Webhook-Id. */
    SHOPIFY
  }

  /**
   * One provider's signature.
   *
   * @param scheme standard-webhooks, stripe, github, slack or
   *     shopify
   * @param secrets the secrets (several during a rotation: any one may match), comma-separated,
   *     typically from the environment: ${STRIPE_WEBHOOK_SECRETS}
   * @param tolerance how far a signed timestamp may be from the clock (five minutes by default);
   *     ignored by schemes that sign none (GitHub, Shopify)
   */
  public record Signature(Scheme scheme, List<String> secrets, @Nullable Duration tolerance) {

    /** Normalizes absent secrets to none. */
    public Signature {
      secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }

    @Override
    public String toString() {
      return "Signature[scheme=" + scheme + ", secrets=" + secrets.size() + " (not shown)"
          + ", tolerance=" + tolerance + "]";
    }
  }

  /**
   * Options of a webhook endpoint; in hookguard.endpoints.<id>, an option left out is
   * taken from hookguard.receiver.
   *
   * @param allowList the CIDR blocks requests may come from (the provider's published ranges);
   *     every address when empty
   * @param rateLimit requests allowed per client address and overall
   * @param maxBody the largest body accepted (1 MB by default); a larger one is answered 413
   * @param allowPlainHttp accept requests that did not arrive over HTTPS. Behind a proxy that
   *     terminates TLS, prefer server.forward-headers-strategy with the proxy trusted:
   *     the request then counts as HTTPS when the proxy says it was
   */
  public record Receiver(
      List<String> allowList,
      @Nullable RateLimit rateLimit,
      @Nullable DataSize maxBody,
      @Nullable Boolean allowPlainHttp) {

    /** Normalizes an absent allow-list to an empty one. */
    public Receiver {
      allowList = allowList == null ? List.of() : List.copyOf(allowList);
    }

    /** These options, each one left out taken from defaults. */
    Receiver orElse(Receiver defaults) {
      return new Receiver(
          allowList.isEmpty() ? defaults.allowList() : allowList,
          rateLimit != null ? rateLimit : defaults.rateLimit(),
          maxBody != null ? maxBody : defaults.maxBody(),
          allowPlainHttp != null ? allowPlainHttp : defaults.allowPlainHttp());
    }
  }

  /**
   * A rate limit, per client address and overall; either may be left out.
   *
   * @param perSource requests one client address may send
   * @param overall requests all clients together may send
   */
  public record RateLimit(@Nullable Limit perSource, @Nullable Limit overall) {}

  /**
   * So many requests per period, with bursts up to the same number.
   *
   * @param permits requests allowed per period
   * @param period the period, such as 1s or 1m
   */
  public record Limit(long permits, Duration period) {}

  /**
   * Scheduled retention sweeps.
   *
   * @param sweepInterval how often retention().sweep() runs (destroys passed day keys,
   *     deletes expired records and fields); no scheduled sweep when absent or zero
   */
  public record Retention(@Nullable Duration sweepInterval) {}

  /**
   * The Actuator health indicator hookguard.
   *
   * @param refreshInterval how old a reading may be before the next health check takes a new
   *     one: verifying the audit trail walks the whole chain, so it is not done on every check
   */
  public record Health(@DefaultValue("1m") Duration refreshInterval) {}
}
