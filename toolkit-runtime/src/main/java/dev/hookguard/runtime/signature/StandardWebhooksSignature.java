package dev.hookguard.runtime.signature;

import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * <a href="https://www.standardwebhooks.com/">Standard Webhooks</a>: {@code webhook-id},
 * {@code webhook-timestamp} and {@code webhook-signature} headers (or their {@code svix-}
 * forms); signed content {@code id.timestamp.body}; a space-separated list of {@code v1,<base64
 * HMAC-SHA256>} and {@code v1a,<base64 Ed25519>} signatures.
 */
final class StandardWebhooksSignature extends BaseSignature {

  /** The two header families, {@code webhook-} first: it wins when both are present. */
  private static final List<Family> FAMILIES = List.of(new Family("webhook-"), new Family("svix-"));

  /** One family's header names, and how messages name them, made once. */
  private record Family(String id, String timestamp, String signature, String timestampWhat) {
    Family(String prefix) {
      this(prefix + "id", prefix + "timestamp", prefix + "signature", "header " + prefix + "timestamp");
    }
  }
  /** Generous for a rotation (one signature per live key) yet bounds the work per request. */
  static final int MAX_SIGNATURES = 16;

  private final HmacKeys hmacKeys;
  private final List<PublicKey> verifyKeys;
  private final List<PrivateKey> signingKeys;

  private StandardWebhooksSignature(
      HmacKeys hmacKeys,
      List<PublicKey> verifyKeys,
      List<PrivateKey> signingKeys,
      Clock clock,
      Duration tolerance) {
    super(clock, tolerance);
    this.hmacKeys = hmacKeys;
    this.verifyKeys = verifyKeys;
    this.signingKeys = signingKeys;
  }

  /** Parses {@code whsec_} (or bare base64) HMAC secrets, {@code whpk_} and {@code whsk_} keys. */
  static StandardWebhooksSignature of(String... secrets) {
    List<byte[]> hmac = new ArrayList<>();
    List<PublicKey> verify = new ArrayList<>();
    List<PrivateKey> sign = new ArrayList<>();
    for (String secret : Signatures.checkSecrets(secrets)) {
      if (secret.startsWith("whpk_")) {
        verify.add(Ed25519Keys.publicKey(decodeKey(secret.substring(5), "a whpk_ public key")));
      } else if (secret.startsWith("whsk_")) {
        byte[] raw = decodeKey(secret.substring(5), "a whsk_ secret key");
        byte[] seed = secretSeed(raw);
        byte[] derivedPublic = Ed25519Keys.derivePublic(seed);
        if (raw.length == 2 * Ed25519Keys.KEY_LENGTH
            && !Ed25519Keys.sameBytes(derivedPublic, Arrays.copyOfRange(raw, 32, 64))) {
          throw new IllegalArgumentException(
              "a 64-byte whsk_ secret key must end with the public key of its seed");
        }
        sign.add(Ed25519Keys.privateKey(seed));
        verify.add(Ed25519Keys.publicKey(derivedPublic));
      } else {
        String encoded = secret.startsWith("whsec_") ? secret.substring(6) : secret;
        byte[] key = decodeKey(encoded, "a whsec_ secret");
        if (key.length == 0) {
          throw new IllegalArgumentException("a whsec_ secret must not be empty");
        }
        hmac.add(key);
      }
    }
    return new StandardWebhooksSignature(
        new HmacKeys(hmac),
        Collections.unmodifiableList(verify),
        Collections.unmodifiableList(sign),
        Clock.systemUTC(),
        DEFAULT_TOLERANCE);
  }

  /** A whsk_ key is the 32-byte seed, or libsodium's 64-byte seed followed by the public key. */
  private static byte[] secretSeed(byte[] raw) {
    if (raw.length == Ed25519Keys.KEY_LENGTH) {
      return raw;
    }
    if (raw.length == 2 * Ed25519Keys.KEY_LENGTH) {
      return Arrays.copyOf(raw, Ed25519Keys.KEY_LENGTH);
    }
    throw new IllegalArgumentException("a whsk_ secret key must decode to 32 or 64 bytes");
  }

  private static byte[] decodeKey(String base64, String what) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      // The decoder's own message may quote a character of the secret: never pass it on.
      throw new IllegalArgumentException(what + " is not valid base64");
    }
  }

  @Override
  public void verify(Map<String, List<String>> headers, byte[] body)
      throws WebhookVerificationException {
    Objects.requireNonNull(headers, "headers");
    requireBody(body);
    Family family = family(headers);
    String id = HeaderReader.required(headers, family.id());
    String timestampText = HeaderReader.required(headers, family.timestamp());
    String signatureHeader = HeaderReader.required(headers, family.signature());
    long timestamp = Timestamps.parseSeconds(timestampText, family.timestampWhat());

    List<byte[]> v1 = new ArrayList<>(1);
    List<byte[]> v1a = new ArrayList<>(1);
    int entries = 0;
    // Entries are separated by spaces (HeaderReader has trimmed the ends); read in place.
    for (int start = 0, length = signatureHeader.length(); start < length; ) {
      int space = signatureHeader.indexOf(' ', start);
      int end = space < 0 ? length : space;
      if (end > start) {
        if (++entries > MAX_SIGNATURES) {
          throw new WebhookVerificationException(
              Reason.HEADER_TOO_LARGE,
              "header " + family.signature() + " lists more than " + MAX_SIGNATURES + " signatures");
        }
        int comma = signatureHeader.indexOf(',', start);
        if (comma <= start || comma >= end) {
          throw new WebhookVerificationException(
              Reason.MALFORMED_HEADER,
              "an entry of header " + family.signature()
                  + " is not of the form version,signature");
        }
        if (isVersion(signatureHeader, start, comma, "v1") && !hmacKeys.isEmpty()) {
          v1.add(Codecs.base64(signatureHeader.substring(comma + 1, end), HmacKeys.MAC_LENGTH,
              "a v1 signature"));
        } else if (isVersion(signatureHeader, start, comma, "v1a") && !verifyKeys.isEmpty()) {
          v1a.add(Codecs.base64(signatureHeader.substring(comma + 1, end),
              Ed25519Keys.SIGNATURE_LENGTH, "a v1a signature"));
        }
        // Other versions are skipped: the specification lets senders add future schemes.
      }
      start = end + 1;
    }
    if (v1.isEmpty() && v1a.isEmpty()) {
      throw new WebhookVerificationException(
          Reason.UNSUPPORTED_VERSION,
          "header " + family.signature()
              + " has no signature of a version this verifier holds keys for ("
              + supportedVersions()
              + ")");
    }

    // The header's digits, checked to be the number's own (no sign, no leading zero).
    byte[] signedPrefix = ascii(id + "." + timestampText + ".");
    boolean matched = !v1.isEmpty() && hmacKeys.anyMatches(v1, signedPrefix, body);
    if (!matched && !v1a.isEmpty()) {
      matched = anyEd25519Matches(v1a, signedPrefix, body);
    }
    if (!matched) {
      throw new WebhookVerificationException(
          Reason.SIGNATURE_MISMATCH,
          "no signature in header " + family.signature() + " matches a configured secret");
    }
    Timestamps.checkFresh(timestamp, clock, tolerance);
  }

  /**
   * Whether a {@code v1a} candidate verifies under a configured public key, within a budget of
   * one Ed25519 verification per key plus one. An Ed25519 verification costs about a hundred
   * HMACs, so without a budget a forged header listing {@value #MAX_SIGNATURES} candidates would
   * cost {@value #MAX_SIGNATURES} of them per key. A sender lists one signature per key it signs
   * with; candidates are tried in header order, each against every key, so a sender rotating
   * from one key to the next (two candidates) still verifies against a verifier holding only one
   * of them.
   */
  private boolean anyEd25519Matches(List<byte[]> candidates, byte[] signedPrefix, byte[] body) {
    int budget = verifyKeys.size() + 1;
    for (byte[] candidate : candidates) {
      for (PublicKey key : verifyKeys) {
        if (budget-- == 0) {
          return false;
        }
        if (Ed25519Keys.verify(key, candidate, signedPrefix, body)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether {@code header} from {@code start} to {@code comma} is {@code version}. */
  private static boolean isVersion(String header, int start, int comma, String version) {
    return comma - start == version.length() && header.startsWith(version, start);
  }

  /**
   * The header family of this request. {@code webhook-} wins when both are present, and all
   * three headers are then read from that family, never mixed.
   */
  private static Family family(Map<String, List<String>> headers)
      throws WebhookVerificationException {
    return presentFamily(headers).orElseThrow(() -> new WebhookVerificationException(
        Reason.MISSING_HEADER, "header webhook-signature (or svix-signature) is missing"));
  }

  /** The first family whose signature header is present, if any. */
  private static Optional<Family> presentFamily(Map<String, List<String>> headers) {
    for (Family family : FAMILIES) {
      if (HeaderReader.isPresent(headers, family.signature())) {
        return Optional.of(family);
      }
    }
    return Optional.empty();
  }


  private String supportedVersions() {
    StringJoiner versions = new StringJoiner(", ");
    if (!hmacKeys.isEmpty()) {
      versions.add("v1");
    }
    if (!verifyKeys.isEmpty()) {
      versions.add("v1a");
    }
    return versions.toString();
  }

  @Override
  public Map<String, String> sign(String messageId, Instant timestamp, byte[] body) {
    checkSigningId(messageId);
    long seconds = Timestamps.toSigningSeconds(Objects.requireNonNull(timestamp, "timestamp"));
    requireBody(body);
    if (hmacKeys.isEmpty() && signingKeys.isEmpty()) {
      throw new IllegalStateException(
          "this Standard Webhooks signature holds only whpk_ public keys, which cannot sign");
    }
    byte[] signedPrefix = ascii(messageId + "." + seconds + ".");
    StringJoiner signatures = new StringJoiner(" ");
    if (!hmacKeys.isEmpty()) {
      for (byte[] mac : hmacKeys.macs(signedPrefix, body)) {
        signatures.add("v1," + Codecs.toBase64(mac));
      }
    }
    for (PrivateKey key : signingKeys) {
      signatures.add("v1a," + Codecs.toBase64(Ed25519Keys.sign(key, signedPrefix, body)));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("webhook-id", messageId);
    headers.put("webhook-timestamp", Long.toString(seconds));
    headers.put("webhook-signature", signatures.toString());
    return Collections.unmodifiableMap(headers);
  }

  /** The id is part of the signed content ({@code id.timestamp.body}). */
  @Override
  public boolean signsMessageId() {
    return true;
  }

  @Override
  public Optional<String> messageId(Map<String, List<String>> headers) {
    Objects.requireNonNull(headers, "headers");
    return messageIdHeader(headers, presentFamily(headers).orElse(FAMILIES.get(0)).id());
  }

  @Override
  public String scheme() {
    return "standard-webhooks";
  }

  @Override
  BaseSignature copy(Clock clock, Duration tolerance) {
    return new StandardWebhooksSignature(hmacKeys, verifyKeys, signingKeys, clock, tolerance);
  }

  @Override
  public java.util.OptionalInt shortestSecretBytes() {
    return hmacKeys.shortestKeyBytes();
  }

  @Override
  int keyCount() {
    return hmacKeys.size() + verifyKeys.size();
  }
}
