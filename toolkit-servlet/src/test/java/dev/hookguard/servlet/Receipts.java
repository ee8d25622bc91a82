package dev.hookguard.servlet;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.receiver.WebhookReceiver;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A real receiver's surroundings: a {@code HookGuard} on a SQLite file with a development master
 * key, the generated {@code Invoice} verifier, redactor and store, receipts, the audit trail as
 * listener, and a Standard Webhooks signature with a fresh secret.
 */
final class Receipts implements AutoCloseable {

  final Path directory;
  final HookGuard hookGuard;
  final InvoiceStore store;
  final WebhookSignature signature = Signatures.standardWebhooks(secret());
  /** The message ids the handler ran for, in order. */
  final List<String> handled = new CopyOnWriteArrayList<>();

  Receipts(Path directory) {
    this.directory = directory;
    this.hookGuard =
        HookGuard.builder().sqlite(directory.resolve("hookguard.db")).developmentMasterKey().build();
    this.store = InvoiceStore.create(hookGuard);
  }

  /** A receiver of invoices with receipts, HTTPS required, no allow-list and no rate limit. */
  WebhookReceiver.Builder<Invoice> receiver() {
    return WebhookReceiver.builder(Invoice.class, InvoiceVerifier.create(signature))
        .receipts(hookGuard.receipts(store))
        .redactor(InvoiceRedactor.create())
        .listener(hookGuard.audit().receiptListener())
        .handler((id, invoice) -> handled.add(id));
  }

  /** The headers a sender signing {@code body} as message {@code id} sends now. */
  Map<String, List<String>> signedHeaders(String id, byte[] body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    signature.sign(id, Instant.now(), body).forEach((name, value) -> headers.put(name, List.of(value)));
    headers.put("Content-Type", List.of("application/json"));
    return headers;
  }

  static byte[] invoice(String id, String email, String cardNumber) {
    return ("{\"id\":\"" + id + "\",\"email\":\"" + email + "\",\"cardNumber\":\"" + cardNumber
            + "\",\"amount\":4200}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Whether any file of the database folder holds {@code text}, as it is or hex-encoded. */
  boolean databaseFilesContain(String text) throws IOException {
    byte[] plain = text.getBytes(StandardCharsets.UTF_8);
    String hex = HexFormat.of().formatHex(plain);
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        if (content.contains(new String(plain, StandardCharsets.ISO_8859_1)) || content.contains(hex)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void close() {
    hookGuard.close();
  }

  private static String secret() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }
}
