package dev.hookguard.runtime.posture;

import dev.hookguard.runtime.generated.FieldSpec;
import dev.hookguard.runtime.generated.PayloadStore;
import dev.hookguard.runtime.generated.Protection;
import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.receiver.PayloadVerifier;
import dev.hookguard.runtime.signature.ReplayGuard;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** A payload of one plain field, kept 30 days: with a hand-written store and verifier. */
record Note(String id) {

  static final StoreSchema SCHEMA = new StoreSchema("test.Note", OptionalInt.of(30),
      List.of(new FieldSpec("id", null, Protection.PLAIN, OptionalInt.empty())));

  /** The store a generated {@code NoteStore} would be. */
  static final PayloadStore<Note> STORE = new PayloadStore<>() {
    @Override
    public StoreSchema schema() {
      return SCHEMA;
    }

    @Override
    public Map<String, String> fields(Note value) {
      return Map.of("id", "\"" + value.id() + "\"");
    }
  };

  /** A verifier that tells its scheme and guard, as a generated one does; never called here. */
  static PayloadVerifier<Note> verifier(WebhookSignature signature, ReplayGuard guard) {
    return new PayloadVerifier<>() {
      @Override
      public Note verify(Map<String, List<String>> headers, byte[] body)
          throws WebhookVerificationException {
        if (guard == null) {
          signature.verify(headers, body);
        } else {
          signature.verify(headers, body, guard);
        }
        return new Note("n");
      }

      @Override
      public Optional<WebhookSignature> signature() {
        return Optional.of(signature);
      }

      @Override
      public Optional<ReplayGuard> replayGuard() {
        return Optional.ofNullable(guard);
      }
    };
  }
}
