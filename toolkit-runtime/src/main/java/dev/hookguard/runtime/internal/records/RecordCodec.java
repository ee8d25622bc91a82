package dev.hookguard.runtime.internal.records;

import com.google.crypto.tink.Aead;
import dev.hookguard.runtime.generated.Protection;
import dev.hookguard.runtime.internal.keys.DataKeys;
import dev.hookguard.runtime.internal.keys.RetentionKeyStore;
import dev.hookguard.runtime.internal.keys.SubjectKeyStore;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 *   <li>A field's effective expiry is the earlier of its own and its record's. A randomized field
 *       with an expiry is sealed under the retention key of its expiry day (protection code 3),
 *       not under the data keyset: destroying that day key shreds it in every copy. Fields past
 *       their expiry, or whose day key is destroyed, are never decrypted; they read as expired.
 * </ul>
 */
public final class RecordCodec {

  /** The stored format; part of every associated data and MAC input. */
  static final int FORMAT = 1;

  private RecordCodec() {}

  /** A field as it is kept in {@code hg_fields}. */
  public record SealedField(String path, int protection, byte[] value, byte[] token, Long expiresAt) {}

  /**
   * A record as it is kept in {@code hg_records} and {@code hg_fields}, with the tokens of the data
   * subjects it is about (kept in {@code hg_subjects}, an index outside the MAC: empty when read
   * back, since reading a record never needs them).
   */
  public record SealedRecord(
      String payloadType,
      String id,
      int format,
      long receivedAt,
      Long expiresAt,
      int keyGeneration,
      byte[] mac,
      List<SealedField> fields,
      List<byte[]> subjectTokens) {

    /** A record about no data subject, or read back. */
    public SealedRecord(
        String payloadType,
        String id,
        int format,
        long receivedAt,
        Long expiresAt,
        int keyGeneration,
        byte[] mac,
        List<SealedField> fields) {
      this(payloadType, id, format, receivedAt, expiresAt, keyGeneration, mac, fields, List.of());
    }
  }

  /**
   * A field to seal: its canonical JSON text and how to protect it; and the keys of the data
   * subjects its record is about, under which it is sealed again, whatever its protection.
   */
  public record PlainField(
      String path,
      Protection protection,
      String json,
      Long expiresAt,
      List<SubjectKeyStore.SealingKey> subjectKeys) {

    /** A field of a record about no data subject. */
    public PlainField(String path, Protection protection, String json, Long expiresAt) {
      this(path, protection, json, expiresAt, List.of());
    }

    /** Names the field, never its value. */
    @Override
    public String toString() {
      return "PlainField[" + path + ", " + protection + "]";
    }
  }

  /** The fields of a record opened at some instant: the readable ones, and the expired paths. */
  public record OpenedFields(Map<String, String> json, Set<String> expired) {}

  /** Stored code of a randomized field sealed under the retention key of its expiry day. */
  public static final int DAY_KEYED = 3;

  /** The stored protection code of a field sealed under the data keyset's AEAD. */
  public static final int RANDOMIZED = 1;

  /**
   * Flag added to a field's protection code when its stored bytes are its sealed value sealed
   * again under the keys of its record's data subjects: {@code [version 1][n][n key ids][c_n]},
   * where {@code c_0} is the value sealed as the rest of the code says and {@code c_i} is {@code
   * c_(i-1)} sealed under the i-th subject key (AES256-GCM, associated data: the field's plus the
   * key id). Erasing a subject destroys its key, and the field opens nowhere any more.
   */
  public static final int SUBJECT_SEALED = 8;

  /**
   * The most data subjects one record may be about: each costs a key (created and wrapped by the
   * master key, a KMS call with a cloud KMS) and a layer of encryption over every field.
   */
  public static final int MAX_SUBJECTS = 64;

  /** The protection of a stored code, without the {@link #SUBJECT_SEALED} flag. */
  public static int baseCode(int code) {
    return code & ~SUBJECT_SEALED;
  }

  /** The earlier of a field's and its record's expiry, or {@code null} if neither has one. */
  public static Long effectiveExpiry(Long fieldExpiry, Long recordExpiry) {
    if (fieldExpiry == null) {
      return recordExpiry;
    }
    return recordExpiry == null ? fieldExpiry : Math.min(fieldExpiry, recordExpiry);
  }

  /**
   * The moment {@code days} after {@code receivedAt}, or null without a limit: what a schema's
   * current {@code @Retain} allows a value received then, whatever expiry was stored with it.
   */
  public static Long cap(long receivedAt, java.util.OptionalInt days) {
    return days.isPresent() ? receivedAt + days.getAsInt() * RetentionKeyStore.DAY_MILLIS : null;
  }

  /**
   * The receipt time at or before which a value kept {@code days} is past its retention at
   * {@code now} (the inverse of {@link #cap}, for queries); {@code Long.MIN_VALUE} without a
   * limit.
   */
  public static long retainedAfter(long now, java.util.OptionalInt days) {
    return days.isPresent() ? now - days.getAsInt() * RetentionKeyStore.DAY_MILLIS : Long.MIN_VALUE;
  }

  /** The stable code of a protection in the database (not the enum ordinal). */
  public static int code(Protection protection) {
    return switch (protection) {
      case PLAIN -> 0;
      case RANDOMIZED -> 1;
      case DETERMINISTIC -> 2;
    };
  }

  /**
   * Seals {@code fields} into a record of {@code keys}' generation; randomized fields with an
   * expiry under the retention key of their expiry day from {@code dayKeys}.
   */
  public static SealedRecord seal(
      DataKeys keys,
      RetentionKeyStore dayKeys,
      String payloadType,
      String id,
      long receivedAt,
      Long expiresAt,
      List<PlainField> fields)
      throws GeneralSecurityException {
    return seal(keys, dayKeys, payloadType, id, receivedAt, expiresAt, fields, List.of());
  }

  /**
   * {@link #seal(DataKeys, RetentionKeyStore, String, String, long, Long, List)} of a record about
   * the data subjects {@code subjectTokens} (whose keys its fields carry).
   */
  public static SealedRecord seal(
      DataKeys keys,
      RetentionKeyStore dayKeys,
      String payloadType,
      String id,
      long receivedAt,
      Long expiresAt,
      List<PlainField> fields,
      List<byte[]> subjectTokens)
      throws GeneralSecurityException {
    // Key by key rather than field by field: Tink's AES-GCM shares one JDK Cipher per thread
    // among all keys, and the JDK expands a key's schedule again whenever the key differs from
    // the previous call's. Field by field, a record about a subject alternated between its base
    // key and the subject's key on every sensitive field. The bytes are the same either way.
    int count = fields.size();
    byte[][] ads = new byte[count][];
    Base[] bases = new Base[count];
    byte[] adPrefix = associatedDataPrefix(payloadType, id);
    for (int i = 0; i < count; i++) {
      ads[i] = associatedData(adPrefix, fields.get(i).path());
    }
    for (int i : positionsBy(count, i -> baseKeyOrder(fields.get(i)))) {
      bases[i] = base(keys, dayKeys, payloadType, fields.get(i), ads[i]);
    }
    byte[][] layered = new byte[count][];
    int layers = 0;
    for (int i = 0; i < count; i++) {
      layered[i] = bases[i].value();
      layers = Math.max(layers, requireSubjectLimit(fields.get(i).subjectKeys()));
    }
    for (int layer = 0; layer < layers; layer++) {
      for (int i = 0; i < count; i++) {
        List<SubjectKeyStore.SealingKey> subjectKeys = fields.get(i).subjectKeys();
        if (layer < subjectKeys.size()) {
          SubjectKeyStore.SealingKey key = subjectKeys.get(layer);
          layered[i] = key.aead().encrypt(layered[i], subjectAssociatedData(ads[i], key.id()));
        }
      }
    }
    List<SealedField> sealed = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      sealed.add(sealed(fields.get(i), bases[i], layered[i]));
    }
    SealedRecord signed =
        signed(keys, payloadType, id, receivedAt, expiresAt, keys.generation(), sealed);
    return new SealedRecord(signed.payloadType(), signed.id(), signed.format(),
        signed.receivedAt(), signed.expiresAt(), signed.keyGeneration(), signed.mac(),
        signed.fields(), List.copyOf(subjectTokens));
  }

  /** The positions {@code 0 .. count - 1}, ordered by {@code key} (stable: equal keys in order). */
  private static Integer[] positionsBy(int count, java.util.function.IntToLongFunction key) {
    Integer[] positions = new Integer[count];
    for (int i = 0; i < count; i++) {
      positions[i] = i;
    }
    java.util.Arrays.sort(positions, Comparator.comparingLong(key::applyAsLong));
    return positions;
  }

  /** A field sealed under its own protection, before any subject's layer. */
  private record Base(int code, byte[] value, byte[] token) {}

  /**
   * The order in which {@link #seal} encrypts base layers: fields under the same key together (no
   * AES-GCM first, then the data key's, then each day key's).
   */
  private static long baseKeyOrder(PlainField field) {
    if (field.protection() != Protection.RANDOMIZED) {
      return Long.MIN_VALUE;
    }
    return field.expiresAt() == null
        ? Long.MIN_VALUE + 1
        : RetentionKeyStore.dayOf(field.expiresAt());
  }

  /** Seals one field in its place. */
  public static SealedField sealField(
      DataKeys keys, RetentionKeyStore dayKeys, String payloadType, String id, PlainField field)
      throws GeneralSecurityException {
    byte[] ad = associatedData(payloadType, id, field.path());
    Base base = base(keys, dayKeys, payloadType, field, ad);
    requireSubjectLimit(field.subjectKeys());
    byte[] layered = base.value();
    for (SubjectKeyStore.SealingKey key : field.subjectKeys()) {
      layered = key.aead().encrypt(layered, subjectAssociatedData(ad, key.id()));
    }
    return sealed(field, base, layered);
  }

  /**
   * {@code field} sealed: its base layer's code and token, and {@code layered} (the base value
   * under every subject layer), in its subject envelope if it has subjects.
   */
  private static SealedField sealed(PlainField field, Base base, byte[] layered) {
    return field.subjectKeys().isEmpty()
        ? new SealedField(field.path(), base.code(), layered, base.token(), field.expiresAt())
        : new SealedField(field.path(), base.code() | SUBJECT_SEALED,
            envelope(field.subjectKeys(), layered), base.token(), field.expiresAt());
  }

  private static Base base(
      DataKeys keys, RetentionKeyStore dayKeys, String payloadType, PlainField field, byte[] ad)
      throws GeneralSecurityException {
    byte[] plaintext = field.json().getBytes(StandardCharsets.UTF_8);
    return switch (field.protection()) {
      case PLAIN -> new Base(code(Protection.PLAIN), plaintext, null);
      case RANDOMIZED -> field.expiresAt() != null
          ? new Base(DAY_KEYED,
              dayKeys.forSealing(RetentionKeyStore.dayOf(field.expiresAt())).encrypt(plaintext, ad),
              null)
          : new Base(code(Protection.RANDOMIZED), keys.encryptRandomized(plaintext, ad), null);
      case DETERMINISTIC -> new Base(code(Protection.DETERMINISTIC),
          keys.encryptDeterministic(plaintext, ad),
          keys.primaryToken(tokenInput(payloadType, field.path(), field.json())));
      default -> throw new AssertionError(field.protection());
    };
  }

  private static final int ENVELOPE_VERSION = 1;

  /** The number of subject keys, refused above {@link #MAX_SUBJECTS}. */
  private static int requireSubjectLimit(List<SubjectKeyStore.SealingKey> keys) {
    if (keys.size() > MAX_SUBJECTS) {
      throw new IllegalArgumentException(
          "a record is about more than " + MAX_SUBJECTS + " data subjects");
    }
    return keys.size();
  }

  /** The subject envelope: version, key count, the key ids in sealing order, the layered value. */
  private static byte[] envelope(List<SubjectKeyStore.SealingKey> keys, byte[] layered) {
    java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(
        2 + keys.size() * SubjectKeyStore.KEY_ID_BYTES + layered.length);
    out.put((byte) ENVELOPE_VERSION).put((byte) keys.size());
    for (SubjectKeyStore.SealingKey key : keys) {
      out.put(key.id());
    }
    return out.put(layered).array();
  }

  /**
   * The ids of the subject keys a {@link #SUBJECT_SEALED} field is sealed under, in sealing order.
   *
   * @throws TamperedRecordException if its envelope is malformed
   */
  public static List<byte[]> subjectKeyIds(SealedRecord record, SealedField field) {
    byte[] value = field.value();
    if (value.length < 2 || value[0] != ENVELOPE_VERSION
        || value.length < 2 + (value[1] & 0xff) * SubjectKeyStore.KEY_ID_BYTES) {
      throw new TamperedRecordException(record.payloadType(), record.id(),
          "field " + field.path() + " has a malformed data subject envelope");
    }
    int count = value[1] & 0xff;
    List<byte[]> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int from = 2 + i * SubjectKeyStore.KEY_ID_BYTES;
      ids.add(java.util.Arrays.copyOfRange(value, from, from + SubjectKeyStore.KEY_ID_BYTES));
    }
    return ids;
  }

  private static byte[] subjectAssociatedData(byte[] fieldAd, byte[] keyId) {
    byte[] ad = java.util.Arrays.copyOf(fieldAd, fieldAd.length + keyId.length);
    System.arraycopy(keyId, 0, ad, fieldAd.length, keyId.length);
    return ad;
  }

  /**
   * The record of already sealed {@code fields}, with a MAC computed now under {@code keys}' primary
   * MAC key. {@code keyGeneration} is the generation the fields' ciphertexts depend on.
   */
  public static SealedRecord signed(
      DataKeys keys,
      String payloadType,
      String id,
      long receivedAt,
      Long expiresAt,
      int keyGeneration,
      List<SealedField> fields)
      throws GeneralSecurityException {
    List<SealedField> sealed = new ArrayList<>(fields);
    sealed.sort(Comparator.comparing(SealedField::path));
    SealedRecord unsigned =
        new SealedRecord(
            payloadType, id, FORMAT, receivedAt, expiresAt, keyGeneration, new byte[0], sealed);
    return new SealedRecord(
        payloadType,
        id,
        FORMAT,
        receivedAt,
        expiresAt,
        keyGeneration,
        keys.mac(macInput(unsigned)),
        sealed);
  }

  /**
   * Verifies {@code record}'s format and MAC.
   *
   * @throws TamperedRecordException on any mismatch
   */
  public static void verify(DataKeys keys, SealedRecord record) {
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
  }

  /**
   * Verifies {@code record}'s MAC, then decrypts the fields that {@code wanted} accepts and that
   * are not expired at {@code now} (epoch millis): a field past its effective expiry, or whose
   * retention day key is destroyed, is not decrypted and is listed as expired instead.
   *
   * @throws TamperedRecordException on any mismatch
   * @throws dev.hookguard.runtime.crypto.KeyException with {@code DAY_KEY_MISSING} if the key
   *     store has no trace of a day key the record needs
   */
  public static OpenedFields open(
      DataKeys keys,
      RetentionKeyStore dayKeys,
      SealedRecord record,
      Predicate<String> wanted,
      long now) {
    return open(keys, dayKeys, record, wanted, now, path -> null);
  }

  /**
   * {@link #open(DataKeys, RetentionKeyStore, SealedRecord, Predicate, long)}, with each field
   * also expired at {@code capOf(path)} when that is earlier than its stored expiry: the current
   * schema's retention reaches values stored under a longer one.
   */
  public static OpenedFields open(
      DataKeys keys,
      RetentionKeyStore dayKeys,
      SealedRecord record,
      Predicate<String> wanted,
      long now,
      java.util.function.Function<String, Long> capOf) {
    verify(keys, record);
    List<SealedField> fields = record.fields();
    int count = fields.size();
    // As seal does, key by key: every subject layer of every field, then the base layers grouped
    // by key. null: not wanted; EXPIRED: expired or under a destroyed key; otherwise the value.
    byte[][] values = new byte[count][];
    byte[][] ads = new byte[count][];
    byte[] adPrefix = associatedDataPrefix(record.payloadType(), record.id());
    List<List<byte[]>> subjectIds = new ArrayList<>(count);
    int layers = 0;
    for (int i = 0; i < count; i++) {
      SealedField field = fields.get(i);
      subjectIds.add(List.of());
      if (!wanted.test(field.path())) {
        continue;
      }
      Long expiry = effectiveExpiry(
          effectiveExpiry(field.expiresAt(), record.expiresAt()), capOf.apply(field.path()));
      if (expiry != null && now >= expiry) {
        values[i] = EXPIRED;
        continue;
      }
      ads[i] = associatedData(adPrefix, field.path());
      values[i] = field.value();
      if ((field.protection() & SUBJECT_SEALED) != 0) {
        List<byte[]> ids = subjectKeyIds(record, field);
        subjectIds.set(i, ids);
        values[i] = layered(values[i], ids);
        layers = Math.max(layers, ids.size());
      }
    }
    for (int layer = 0; layer < layers; layer++) {
      for (int i = 0; i < count; i++) {
        List<byte[]> ids = subjectIds.get(i);
        if (layer < ids.size() && values[i] != EXPIRED) {
          byte[] keyId = ids.get(ids.size() - 1 - layer); // the outermost layer first
          values[i] = openSubjectLayer(dayKeys, record, fields.get(i), values[i], ads[i], keyId);
        }
      }
    }
    for (int i : positionsBy(count, i -> baseKeyOrder(fields.get(i)))) {
      if (values[i] != null && values[i] != EXPIRED) {
        Optional<byte[]> plaintext = openBase(keys, dayKeys, record, fields.get(i), values[i], ads[i]);
        values[i] = plaintext.isPresent() ? plaintext.get() : EXPIRED;
      }
    }
    Map<String, String> json = new LinkedHashMap<>();
    Set<String> expired = new LinkedHashSet<>();
    for (int i = 0; i < count; i++) {
      if (values[i] == EXPIRED) {
        expired.add(fields.get(i).path());
      } else if (values[i] != null) {
        json.put(fields.get(i).path(), new String(values[i], StandardCharsets.UTF_8));
      }
    }
    return new OpenedFields(json, expired);
  }

  /** The layered value inside a subject envelope {@code value} that names the keys {@code ids}. */
  private static byte[] layered(byte[] value, List<byte[]> ids) {
    return java.util.Arrays.copyOfRange(
        value, 2 + ids.size() * SubjectKeyStore.KEY_ID_BYTES, value.length);
  }

  /** Marks, in {@link #open}, a field that is expired or sealed under a destroyed key. */
  private static final byte[] EXPIRED = new byte[0];

  /** {@link #baseKeyOrder(PlainField)} of a sealed field. */
  private static long baseKeyOrder(SealedField field) {
    return switch (baseCode(field.protection())) {
      case 1 -> Long.MIN_VALUE + 1;
      case DAY_KEYED -> field.expiresAt() == null
          ? Long.MIN_VALUE // refused by openBase as tampered
          : RetentionKeyStore.dayOf(field.expiresAt());
      default -> Long.MIN_VALUE;
    };
  }

  /** One subject layer of a field opened; {@link #EXPIRED} if that subject's key is destroyed. */
  private static byte[] openSubjectLayer(
      RetentionKeyStore keyStore, SealedRecord record, SealedField field, byte[] layered,
      byte[] ad, byte[] keyId) {
    Optional<Aead> key = keyStore.subjectKeys().forOpening(keyId);
    if (key.isEmpty()) {
      return EXPIRED;
    }
    try {
      return key.get().decrypt(layered, subjectAssociatedData(ad, keyId));
    } catch (GeneralSecurityException e) {
      throw new TamperedRecordException(record.payloadType(), record.id(),
          "field " + field.path() + " does not decrypt in its place");
    }
  }

  /**
   * Decrypts one field of a verified record; empty if it is sealed under a destroyed day key.
   */
  public static Optional<String> openField(
      DataKeys keys, RetentionKeyStore dayKeys, SealedRecord record, SealedField field) {
    byte[] ad = associatedData(record.payloadType(), record.id(), field.path());
    byte[] value = field.value();
    if ((field.protection() & SUBJECT_SEALED) != 0) {
      List<byte[]> ids = subjectKeyIds(record, field);
      value = layered(value, ids);
      for (int i = ids.size() - 1; i >= 0 && value != EXPIRED; i--) {
        value = openSubjectLayer(dayKeys, record, field, value, ad, ids.get(i));
      }
      if (value == EXPIRED) {
        return Optional.empty();
      }
    }
    return openBase(keys, dayKeys, record, field, value, ad)
        .map(plaintext -> new String(plaintext, StandardCharsets.UTF_8));
  }

  /** A field's base layer opened; empty if it is sealed under a destroyed day key. */
  private static Optional<byte[]> openBase(
      DataKeys keys, RetentionKeyStore dayKeys, SealedRecord record, SealedField field,
      byte[] value, byte[] ad) {
    String type = record.payloadType();
    String id = record.id();
    try {
      switch (baseCode(field.protection())) {
        case 0 -> {
          return Optional.of(value);
        }
        case 1 -> {
          return Optional.of(keys.decryptRandomized(value, ad));
        }
        case 2 -> {
          return Optional.of(keys.decryptDeterministic(value, ad));
        }
        case DAY_KEYED -> {
          if (field.expiresAt() == null) {
            throw new TamperedRecordException(
                type, id, "field " + field.path() + " is day-keyed without an expiry");
          }
          Optional<Aead> dayKey = dayKeys.forOpening(RetentionKeyStore.dayOf(field.expiresAt()));
          if (dayKey.isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(dayKey.get().decrypt(value, ad));
        }
        default ->
            throw new TamperedRecordException(
                type, id, "field " + field.path() + " has unknown protection");
      }
    } catch (GeneralSecurityException e) {
      throw new TamperedRecordException(
          type, id, "field " + field.path() + " does not decrypt in its place");
    }
  }

  /** The associated data binding a ciphertext to its place. */
  static byte[] associatedData(String payloadType, String id, String path) {
    return associatedData(associatedDataPrefix(payloadType, id), path);
  }

  /** What the associated data of every field of one record begins with. */
  private static byte[] associatedDataPrefix(String payloadType, String id) {
    return encode(
        64 + payloadType.length() + id.length(),
        out -> {
          writeString(out, "dev.hookguard.field");
          out.writeInt(FORMAT);
          writeString(out, payloadType);
          writeString(out, id);
        });
  }

  /** The associated data of field {@code path}: {@code prefix}, then the path as a string. */
  private static byte[] associatedData(byte[] prefix, String path) {
    byte[] name = path.getBytes(StandardCharsets.UTF_8);
    return java.nio.ByteBuffer.allocate(prefix.length + 4 + name.length)
        .put(prefix).putInt(name.length).put(name).array();
  }


  /** What a deterministic field's lookup token is computed over. */
  public static byte[] tokenInput(String payloadType, String path, String canonicalJson) {
    return encode(
        64 + payloadType.length() + path.length() + canonicalJson.length(),
        out -> {
          writeString(out, "dev.hookguard.lookup");
          out.writeInt(FORMAT);
          writeString(out, payloadType);
          writeString(out, path);
          writeString(out, canonicalJson);
        });
  }

  private static byte[] macInput(SealedRecord record) {
    int size = 128 + record.payloadType().length() + record.id().length();
    for (SealedField field : record.fields()) {
      size += 64 + field.path().length() + field.value().length
          + (field.token() == null ? 0 : field.token().length);
    }
    return encode(
        size,
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

  /** What {@code writer} writes; {@code sizeHint} saves the buffer's growing by copies. */
  private static byte[] encode(int sizeHint, Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(sizeHint);
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
