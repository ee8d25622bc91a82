package dev.hookguard.runtime.store.internal;

import dev.hookguard.runtime.crypto.internal.DataKeys;
import dev.hookguard.runtime.store.Protection;
import dev.hookguard.runtime.store.TamperedRecordException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How a record is sealed into rows and opened again: the one place that defines the stored
 * format (version {@value #FORMAT}).
 *
 * <ul>
 *   <li>A field's associated data is (format, payload type, record id, path), each
 *       length-prefixed, so a ciphertext opens only in the place it was sealed for.
 *   <li>A deterministic field's lookup token is PRF(format, payload type, path, canonical JSON):
 *       equal values of one field of one type share it, nothing else does.
 *   <li>The record MAC covers the format, payload type, id, receipt time, expiry, key generation,
 *       and for every field (sorted by path) its path, protection, stored bytes, token and
 *       expiry: a plaintext column edited, a field removed, added or swapped in, all show.
 * </ul>
 */
final class RecordCodec {

  /** The stored format; part of every associated data and MAC input. */
  static final int FORMAT = 1;

  private RecordCodec() {}

  /** A field as it is kept in {@code hg_fields}. */
  record SealedField(String path, int protection, byte[] value, byte[] token, Long expiresAt) {}

  /** A record as it is kept in {@code hg_records} and {@code hg_fields}. */
  record SealedRecord(
      String payloadType,
      String id,
      int format,
      long receivedAt,
      Long expiresAt,
      int keyGeneration,
      byte[] mac,
      List<SealedField> fields) {}

  /** A field to seal: its canonical JSON text and how to protect it. */
  record PlainField(String path, Protection protection, String json, Long expiresAt) {}

  /** The stable code of a protection in the database (not the enum ordinal). */
  static int code(Protection protection) {
    return switch (protection) {
      case PLAIN -> 0;
      case RANDOMIZED -> 1;
      case DETERMINISTIC -> 2;
    };
  }

  /** Seals {@code fields} into a record of {@code keys}' generation. */
  static SealedRecord seal(
      DataKeys keys,
      String payloadType,
      String id,
      long receivedAt,
      Long expiresAt,
      List<PlainField> fields)
      throws GeneralSecurityException {
    List<SealedField> sealed = new ArrayList<>(fields.size());
    for (PlainField field : fields) {
      byte[] plaintext = field.json().getBytes(StandardCharsets.UTF_8);
      byte[] ad = associatedData(payloadType, id, field.path());
      byte[] value;
      byte[] token = null;
      switch (field.protection()) {
        case PLAIN -> value = plaintext;
        case RANDOMIZED -> value = keys.encryptRandomized(plaintext, ad);
        case DETERMINISTIC -> {
          value = keys.encryptDeterministic(plaintext, ad);
          token = keys.primaryToken(tokenInput(payloadType, field.path(), field.json()));
        }
        default -> throw new AssertionError(field.protection());
      }
      sealed.add(
          new SealedField(field.path(), code(field.protection()), value, token, field.expiresAt()));
    }
    sealed.sort(Comparator.comparing(SealedField::path));
    SealedRecord unsigned =
        new SealedRecord(
            payloadType, id, FORMAT, receivedAt, expiresAt, keys.generation(), new byte[0], sealed);
    return new SealedRecord(
        payloadType,
        id,
        FORMAT,
        receivedAt,
        expiresAt,
        keys.generation(),
        keys.mac(macInput(unsigned)),
        sealed);
  }

  /**
   * Verifies {@code record}'s MAC, then decrypts the fields whose path {@code wanted} accepts.
   * Returns canonical JSON texts by path, in path order.
   *
   * @throws TamperedRecordException on any mismatch
   */
  static Map<String, String> open(DataKeys keys, SealedRecord record, Predicate<String> wanted) {
    String type = record.payloadType();
    String id = record.id();
    if (record.format() != FORMAT) {
      throw new TamperedRecordException(type, id, "unknown record format " + record.format());
    }
    try {
      keys.verifyMac(record.mac(), macInput(record));
    } catch (GeneralSecurityException e) {
      throw new TamperedRecordException(type, id, "record MAC does not match");
    }
    Map<String, String> json = new LinkedHashMap<>();
    for (SealedField field : record.fields()) {
      if (!wanted.test(field.path())) {
        continue;
      }
      byte[] ad = associatedData(type, id, field.path());
      byte[] plaintext;
      try {
        plaintext =
            switch (field.protection()) {
              case 0 -> field.value();
              case 1 -> keys.decryptRandomized(field.value(), ad);
              case 2 -> keys.decryptDeterministic(field.value(), ad);
              default ->
                  throw new TamperedRecordException(
                      type, id, "field " + field.path() + " has unknown protection");
            };
      } catch (GeneralSecurityException e) {
        throw new TamperedRecordException(
            type, id, "field " + field.path() + " does not decrypt in its place");
      }
      json.put(field.path(), new String(plaintext, StandardCharsets.UTF_8));
    }
    return json;
  }

  /** The associated data binding a ciphertext to its place. */
  static byte[] associatedData(String payloadType, String id, String path) {
    return encode(
        out -> {
          writeString(out, "dev.hookguard.field");
          out.writeInt(FORMAT);
          writeString(out, payloadType);
          writeString(out, id);
          writeString(out, path);
        });
  }

  /** What a deterministic field's lookup token is computed over. */
  static byte[] tokenInput(String payloadType, String path, String canonicalJson) {
    return encode(
        out -> {
          writeString(out, "dev.hookguard.lookup");
          out.writeInt(FORMAT);
          writeString(out, payloadType);
          writeString(out, path);
          writeString(out, canonicalJson);
        });
  }

  private static byte[] macInput(SealedRecord record) {
    return encode(
        out -> {
          writeString(out, "dev.hookguard.record");
          out.writeInt(record.format());
          writeString(out, record.payloadType());
          writeString(out, record.id());
          out.writeLong(record.receivedAt());
          writeOptionalLong(out, record.expiresAt());
          out.writeInt(record.keyGeneration());
          List<SealedField> fields = new ArrayList<>(record.fields());
          fields.sort(Comparator.comparing(SealedField::path));
          out.writeInt(fields.size());
          for (SealedField field : fields) {
            writeString(out, field.path());
            out.writeInt(field.protection());
            writeBytes(out, field.value());
            out.writeBoolean(field.token() != null);
            if (field.token() != null) {
              writeBytes(out, field.token());
            }
            writeOptionalLong(out, field.expiresAt());
          }
        });
  }

  @FunctionalInterface
  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private static byte[] encode(Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
  }

  private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
    out.writeInt(value.length);
    out.write(value);
  }

  private static void writeOptionalLong(DataOutputStream out, Long value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeLong(value);
    }
  }
}
