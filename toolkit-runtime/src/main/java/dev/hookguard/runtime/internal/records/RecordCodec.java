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
 *   <li>A record about data subjects is sealed again under each subject's key: the fields it keeps
 *       in its row together, as one field group ({@link #FIELD_GROUP}), the others one by one
 *       ({@link #SUBJECT_SEALED}).
 * </ul>
 */
public final class RecordCodec {

  /**
   * The stored format of a record without a field group; part of every associated data and lookup
   * token (of every record, whatever its format) and of its MAC input.
   */
  static final int FORMAT = 1;

  /**
   * The stored format of a record with a field group ({@link #FIELD_GROUP}); in its MAC input. The
   * associated data and tokens of its fields are those of {@link #FORMAT}. Versions that know
   * only {@link #FORMAT} report such a record as tampered rather than read it without its group.
   */
  static final int GROUPED_FORMAT = 2;

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

  /** Where the keys of data subjects are found for opening: {@code SubjectKeyStore.forOpening}. */
  @FunctionalInterface
  public interface SubjectKeys {
    /**
     * The key {@code keyId}, or empty if it was destroyed (its subject was erased).
     *
     * @throws dev.hookguard.runtime.crypto.KeyException with {@code SUBJECT_KEY_MISSING} if the
     *     key store never held it
     */
    Optional<Aead> forOpening(byte[] keyId);
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
   * Stored code (with {@link #SUBJECT_SEALED}) of a record's field group: the fields of a record
   * about data subjects that are kept in its row ({@link PackedFields#packs}), sealed under the
   * subjects' keys together rather than one by one. One layer of encryption per subject for the
   * record instead of one per field: for a typical order, 24 fields, a twentieth of the AES-GCM
   * operations and some 1,200 fewer bytes. Its value is {@code [version 1][n][n member paths]}
   * followed by a subject envelope (see {@link #SUBJECT_SEALED}) whose {@code c_0} is, per member
   * in that order, its protection code and its value sealed as that code says (each member's base
   * layer is sealed in its own place, as a field of its own is). The paths are in the clear, as
   * {@code packed_paths} keeps them; the record MAC covers them with the rest of the value.
   */
  public static final int FIELD_GROUP = 4;

  /** The path of a record's field group: no field's (a field path is never empty). */
  public static final String GROUP_PATH = "";

  private static final int GROUP_VERSION = 1;

  /**
   * The most data subjects one record may be about: each costs a key (created and wrapped by the
   * master key, a KMS call with a cloud KMS) and a layer of encryption over every field (its
   * field group counting as one).
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
    // The fields kept in the record's row, if it is about data subjects: sealed for them as one.
    boolean[] grouped = new boolean[count];
    List<Integer> members = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      PlainField field = fields.get(i);
      if (!field.subjectKeys().isEmpty() && bases[i].token() == null
          && java.util.Objects.equals(field.expiresAt(), expiresAt)
          && (members.isEmpty()
              || field.subjectKeys().equals(fields.get(members.get(0)).subjectKeys()))) {
        members.add(i);
      }
    }
    if (members.size() > 1) {
      members.forEach(i -> grouped[i] = true);
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
        if (!grouped[i] && layer < subjectKeys.size()) {
          SubjectKeyStore.SealingKey key = subjectKeys.get(layer);
          layered[i] = key.aead().encrypt(layered[i], subjectAssociatedData(ads[i], key.id()));
        }
      }
    }
    List<SealedField> sealed = new ArrayList<>(count);
    List<SealedField> groupMembers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (grouped[i]) {
        groupMembers.add(new SealedField(
            fields.get(i).path(), bases[i].code(), bases[i].value(), null, expiresAt));
      } else {
        sealed.add(sealed(fields.get(i), bases[i], layered[i]));
      }
    }
    if (!groupMembers.isEmpty()) {
      sealed.add(group(
          adPrefix, fields.get(members.get(0)).subjectKeys(), groupMembers, expiresAt));
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
    return sealed(field, base, sealedFor(field.subjectKeys(), base.value(), ad));
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

  /**
   * The field group of {@code members} (sealed each in its own place, their base layers only),
   * sealed under {@code keys}, expiring at {@code expiresAt} (their record's expiry).
   */
  private static SealedField group(byte[] adPrefix, List<SubjectKeyStore.SealingKey> keys,
      List<SealedField> members, Long expiresAt) throws GeneralSecurityException {
    requireSubjectLimit(keys);
    if (keys.isEmpty() || members.size() < 2 || members.size() > 0xffff) {
      throw new IllegalArgumentException("a field group of " + members.size() + " fields");
    }
    byte[] header = encode(16 + 16 * members.size(), out -> {
      out.writeByte(GROUP_VERSION);
      out.writeShort(members.size());
      for (SealedField member : members) {
        out.writeUTF(member.path());
      }
    });
    int size = 0;
    for (SealedField member : members) {
      size += 8 + member.value().length;
    }
    byte[] layered = encode(size, out -> {
      for (SealedField member : members) {
        out.writeInt(member.protection());
        writeBytes(out, member.value());
      }
    });
    byte[] envelope = envelope(keys, sealedFor(keys, layered, groupAssociatedData(adPrefix, header)));
    byte[] value = java.util.Arrays.copyOf(header, header.length + envelope.length);
    System.arraycopy(envelope, 0, value, header.length, envelope.length);
    return new SealedField(GROUP_PATH, FIELD_GROUP | SUBJECT_SEALED, value, null, expiresAt);
  }

  /** Whether {@code field} is a record's field group. */
  public static boolean isGroup(SealedField field) {
    return field.protection() == (FIELD_GROUP | SUBJECT_SEALED) && field.path().equals(GROUP_PATH);
  }

  /**
   * The paths of the members of the field group {@code group}, in its order; read from its clear
   * header, nothing decrypted.
   *
   * @throws TamperedRecordException if its header is malformed
   */
  public static List<String> memberPaths(String payloadType, String id, SealedField group) {
    return groupHeader(payloadType, id, group).paths();
  }

  private record GroupHeader(List<String> paths, int length) {}

  private static GroupHeader groupHeader(String payloadType, String id, SealedField group) {
    byte[] value = group.value();
    try (java.io.DataInputStream in =
        new java.io.DataInputStream(new java.io.ByteArrayInputStream(value))) {
      if (in.readByte() != GROUP_VERSION) {
        throw new IOException("unknown version");
      }
      int count = in.readUnsignedShort();
      if (count < 2) {
        throw new IOException("fewer than two members");
      }
      List<String> paths = new ArrayList<>(count);
      Set<String> seen = new java.util.HashSet<>();
      for (int i = 0; i < count; i++) {
        String path = in.readUTF();
        if (path.isEmpty() || !seen.add(path)) {
          throw new IOException("an empty or repeated path");
        }
        paths.add(path);
      }
      return new GroupHeader(List.copyOf(paths), value.length - in.available());
    } catch (IOException e) {
      throw new TamperedRecordException(payloadType, id, "its field group is malformed");
    }
  }

  /**
   * The members of the field group {@code group} of {@code record}, each as a field of its own
   * with its base layer only (no subject layer), expiring with the group; empty if a key of its
   * data subjects is destroyed (an erasure: none of them opens any more).
   *
   * @throws TamperedRecordException if the group is malformed or does not decrypt in its place
   */
  public static Optional<List<SealedField>> members(
      SubjectKeys keyStore, SealedRecord record, SealedField group) {
    GroupHeader header = groupHeader(record.payloadType(), record.id(), group);
    SealedField envelope = groupEnvelope(group, header);
    List<byte[]> ids = subjectKeyIds(record, envelope);
    if (ids.isEmpty()) {
      throw new TamperedRecordException(record.payloadType(), record.id(),
          "its field group is sealed for no data subject");
    }
    byte[] ad = groupAssociatedData(
        associatedDataPrefix(record.payloadType(), record.id()),
        java.util.Arrays.copyOf(group.value(), header.length()));
    byte[] value = layered(envelope.value(), ids);
    for (int i = ids.size() - 1; i >= 0; i--) {
      value = openSubjectLayer(keyStore, record, envelope, value, ad, ids.get(i));
      if (value == EXPIRED) {
        return Optional.empty();
      }
    }
    List<SealedField> members = new ArrayList<>(header.paths().size());
    try (java.io.DataInputStream in =
        new java.io.DataInputStream(new java.io.ByteArrayInputStream(value))) {
      for (String path : header.paths()) {
        int code = in.readInt();
        int length = in.readInt();
        if (length < 0 || length > in.available()
            || (code & SUBJECT_SEALED) != 0 || baseCode(code) == FIELD_GROUP) {
          throw new IOException("a bad member");
        }
        members.add(new SealedField(path, code, in.readNBytes(length), null, group.expiresAt()));
      }
      if (in.available() != 0) {
        throw new IOException("extra bytes");
      }
    } catch (IOException e) {
      throw new TamperedRecordException(record.payloadType(), record.id(),
          "its field group is malformed");
    }
    return Optional.of(members);
  }

  /**
   * The field group {@code group} of {@code record} with {@code change} applied to its members
   * (opened as {@link #members} gives them), sealed again under the same data subjects' keys;
   * empty if a key of theirs is destroyed, or if {@code change} leaves no member. A group left
   * with one member is that member, sealed for the subjects as a field of its own.
   */
  public static Optional<SealedField> regroup(
      SubjectKeys keyStore, SealedRecord record, SealedField group,
      java.util.function.UnaryOperator<List<SealedField>> change)
      throws GeneralSecurityException {
    List<SubjectKeyStore.SealingKey> keys = new ArrayList<>();
    GroupHeader header = groupHeader(record.payloadType(), record.id(), group);
    for (byte[] keyId : subjectKeyIds(record, groupEnvelope(group, header))) {
      Optional<Aead> aead = keyStore.forOpening(keyId);
      if (aead.isEmpty()) {
        return Optional.empty();
      }
      keys.add(new SubjectKeyStore.SealingKey(keyId, aead.get()));
    }
    // Opened with the keys just found, not looked up again.
    Optional<List<SealedField>> opened = members(keyId -> keys.stream()
        .filter(key -> java.util.Arrays.equals(key.id(), keyId))
        .map(SubjectKeyStore.SealingKey::aead)
        .findFirst(), record, group);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    List<SealedField> changed = change.apply(opened.get());
    if (changed.isEmpty()) {
      return Optional.empty();
    }
    byte[] adPrefix = associatedDataPrefix(record.payloadType(), record.id());
    if (changed.size() == 1) {
      SealedField member = changed.get(0);
      byte[] layered = sealedFor(keys, member.value(), associatedData(adPrefix, member.path()));
      return Optional.of(new SealedField(member.path(), member.protection() | SUBJECT_SEALED,
          envelope(keys, layered), null, member.expiresAt()));
    }
    return Optional.of(group(adPrefix, keys, changed, group.expiresAt()));
  }

  /**
   * The field group {@code group} of {@code record} with its members under the data keyset's AEAD
   * sealed again under {@code keys}' primary key (re-encryption to a new key generation); empty if
   * a key of its data subjects is destroyed (it then opens nowhere, and is kept as it is).
   */
  public static Optional<SealedField> resealGroup(
      DataKeys keys, SubjectKeys keyStore, SealedRecord record, SealedField group)
      throws GeneralSecurityException {
    byte[] adPrefix = associatedDataPrefix(record.payloadType(), record.id());
    return regroup(keyStore, record, group, members -> {
      List<SealedField> resealed = new ArrayList<>(members.size());
      for (SealedField member : members) {
        if (baseCode(member.protection()) != RANDOMIZED) {
          resealed.add(member);
          continue;
        }
        byte[] ad = associatedData(adPrefix, member.path());
        try {
          resealed.add(new SealedField(member.path(), member.protection(),
              keys.encryptRandomized(keys.decryptRandomized(member.value(), ad), ad), null,
              member.expiresAt()));
        } catch (GeneralSecurityException e) {
          throw new TamperedRecordException(record.payloadType(), record.id(),
              "field " + member.path() + " does not decrypt in its place");
        }
      }
      return resealed;
    });
  }

  /**
   * The associated data of a field group's subject layers: the group's place, then its clear
   * header, so that its members' paths cannot be changed or reordered without it failing to open.
   */
  private static byte[] groupAssociatedData(byte[] adPrefix, byte[] header) {
    byte[] place = associatedData(adPrefix, GROUP_PATH);
    byte[] ad = java.util.Arrays.copyOf(place, place.length + header.length);
    System.arraycopy(header, 0, ad, place.length, header.length);
    return ad;
  }

  /** {@code value} sealed under each of {@code keys} in turn (associated data: {@code ad}, key id). */
  private static byte[] sealedFor(
      List<SubjectKeyStore.SealingKey> keys, byte[] value, byte[] ad)
      throws GeneralSecurityException {
    byte[] layered = value;
    for (SubjectKeyStore.SealingKey key : keys) {
      layered = key.aead().encrypt(layered, subjectAssociatedData(ad, key.id()));
    }
    return layered;
  }

  /** The subject envelope of the field group {@code group}: its value after {@code header}. */
  private static SealedField groupEnvelope(SealedField group, GroupHeader header) {
    return new SealedField(GROUP_PATH, group.protection(),
        java.util.Arrays.copyOfRange(group.value(), header.length(), group.value().length),
        null, group.expiresAt());
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
    int format = sealed.stream().anyMatch(RecordCodec::isGroup) ? GROUPED_FORMAT : FORMAT;
    SealedRecord unsigned =
        new SealedRecord(
            payloadType, id, format, receivedAt, expiresAt, keyGeneration, new byte[0], sealed);
    return new SealedRecord(
        payloadType,
        id,
        format,
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
    if (record.format() != FORMAT && record.format() != GROUPED_FORMAT) {
      throw new TamperedRecordException(type, id, "unknown record format " + record.format());
    }
    try {
      keys.verifyMac(record.mac(), macInput(record));
    } catch (GeneralSecurityException e) {
      throw new TamperedRecordException(type, id, "record MAC does not match");
    }
    // What only a MAC key could forge, checked all the same: one group at most, where its format
    // says, and no path twice (a group's members among them).
    Set<String> paths = new java.util.HashSet<>();
    int groups = 0;
    for (SealedField field : record.fields()) {
      boolean group = isGroup(field);
      groups += group ? 1 : 0;
      List<String> named = group ? memberPaths(type, id, field) : List.of(field.path());
      for (String path : named) {
        if (path.isEmpty() || !paths.add(path)) {
          throw new TamperedRecordException(type, id, "a field is stored twice or without a path");
        }
      }
    }
    if (groups != (record.format() == GROUPED_FORMAT ? 1 : 0)) {
      throw new TamperedRecordException(type, id, "its field group does not match its format");
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
    // A field group stands for its members: opened (one layer per subject) if any is wanted now.
    List<SealedField> fields = new ArrayList<>(record.fields().size());
    Set<String> erased = new java.util.HashSet<>();
    boolean grouped = false;
    for (SealedField field : record.fields()) {
      if (!isGroup(field)) {
        fields.add(field);
        continue;
      }
      grouped = true;
      List<String> paths = memberPaths(record.payloadType(), record.id(), field);
      boolean needed = false;
      for (String path : paths) {
        Long expiry = effectiveExpiry(
            effectiveExpiry(field.expiresAt(), record.expiresAt()), capOf.apply(path));
        needed |= wanted.test(path) && (expiry == null || now < expiry);
      }
      Optional<List<SealedField>> members = needed
          ? members(dayKeys.subjectKeys()::forOpening, record, field)
          : Optional.empty();
      if (members.isPresent()) {
        fields.addAll(members.get());
        continue;
      }
      // Not opened: none is wanted now, or a subject's key is destroyed (all read as erased).
      for (String path : paths) {
        fields.add(new SealedField(path, 0, EXPIRED, null, field.expiresAt()));
        if (needed) {
          erased.add(path);
        }
      }
    }
    if (grouped) {
      fields.sort(Comparator.comparing(SealedField::path)); // members in path order, as fields are
    }
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
      if ((expiry != null && now >= expiry) || erased.contains(field.path())) {
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
          values[i] = openSubjectLayer(
              dayKeys.subjectKeys()::forOpening, record, fields.get(i), values[i], ads[i], keyId);
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
      SubjectKeys keyStore, SealedRecord record, SealedField field, byte[] layered,
      byte[] ad, byte[] keyId) {
    Optional<Aead> key = keyStore.forOpening(keyId);
    if (key.isEmpty()) {
      return EXPIRED;
    }
    try {
      return key.get().decrypt(layered, subjectAssociatedData(ad, keyId));
    } catch (GeneralSecurityException e) {
      throw new TamperedRecordException(record.payloadType(), record.id(),
          (field.path().equals(GROUP_PATH) ? "its field group" : "field " + field.path())
              + " does not decrypt in its place");
    }
  }

  /**
   * Decrypts one field of a verified record; empty if it is sealed under a destroyed day key.
   */
  public static Optional<String> openField(
      DataKeys keys, RetentionKeyStore dayKeys, SealedRecord record, SealedField field) {
    return openField(keys, dayKeys, dayKeys.subjectKeys()::forOpening, record, field);
  }

  /** {@link #openField(DataKeys, RetentionKeyStore, SealedRecord, SealedField)}, subject keys from {@code subjectKeys}. */
  public static Optional<String> openField(DataKeys keys, RetentionKeyStore dayKeys,
      SubjectKeys subjectKeys, SealedRecord record, SealedField field) {
    byte[] ad = associatedData(record.payloadType(), record.id(), field.path());
    byte[] value = field.value();
    if ((field.protection() & SUBJECT_SEALED) != 0) {
      List<byte[]> ids = subjectKeyIds(record, field);
      value = layered(value, ids);
      for (int i = ids.size() - 1; i >= 0 && value != EXPIRED; i--) {
        value = openSubjectLayer(subjectKeys, record, field, value, ad, ids.get(i));
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
