package dev.hookguard.runtime.internal.records;

import dev.hookguard.runtime.internal.records.RecordCodec.SealedField;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The sealed fields a record keeps in its own row ({@code hg_records.packed}) rather than one row
 * each in {@code hg_fields}: every field that has no lookup token and expires with its record.
 * Only fields that need a row of their own keep one: a deterministic field's token is indexed for
 * look-ups, and a field with an earlier expiry is swept on its own. For a typical payload this
 * turns a dozen rows and some fifty index entries per record into one row.
 *
 * <p>Encoding: a version byte, the field count, then per field its path (modified UTF-8), its
 * protection code and its stored bytes (length-prefixed). Packed paths are also kept as a list in
 * {@code hg_records.packed_paths}, so that reports and sweeps name them without reading values
 * (a field group's members by name). What a field holds is sealed as it would be in its own row,
 * except that a record about data subjects keeps its packed fields sealed for them together, as
 * one field group ({@link RecordCodec#FIELD_GROUP}); the record's MAC covers every field,
 * wherever it is kept.
 */
public final class PackedFields {

  private static final int VERSION = 1;

  private PackedFields() {}

  /** Whether {@code field} of a record expiring at {@code recordExpiry} is kept packed. */
  static boolean packs(SealedField field, Long recordExpiry) {
    return field.token() == null && java.util.Objects.equals(field.expiresAt(), recordExpiry);
  }

  /** The packed form of {@code fields}. */
  static byte[] encode(List<SealedField> fields) {
    int size = 8;
    for (SealedField field : fields) {
      size += 16 + field.path().length() + field.value().length;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeInt(fields.size());
      for (SealedField field : fields) {
        out.writeUTF(field.path());
        out.writeInt(field.protection());
        out.writeInt(field.value().length);
        out.write(field.value());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * The fields of a packed form, each expiring at {@code recordExpiry}.
   *
   * @throws SQLException if the bytes are not a packed form (the record is then reported as
   *     tampered by its MAC check, or fails to read)
   */
  static List<SealedField> decode(byte[] packed, Long recordExpiry) throws SQLException {
    List<SealedField> fields = new ArrayList<>();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(packed))) {
      if (in.readByte() != VERSION) {
        throw new SQLException("packed fields of an unknown version");
      }
      int count = in.readInt();
      if (count < 0 || count > packed.length) {
        throw new SQLException("packed fields with a bad count");
      }
      for (int i = 0; i < count; i++) {
        String path = in.readUTF();
        int protection = in.readInt();
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
          throw new SQLException("packed field with a bad length");
        }
        byte[] value = in.readNBytes(length);
        fields.add(new SealedField(path, protection, value, null, recordExpiry));
      }
      if (in.available() != 0) {
        throw new SQLException("packed fields followed by extra bytes");
      }
    } catch (IOException e) {
      throw new SQLException("packed fields cannot be read", e);
    }
    return fields;
  }

  /**
   * The stored bytes of the packed field {@code path}, for tests that tamper with what is stored.
   *
   * @throws SQLException if {@code packed} is not a packed form or holds no such field
   */
  public static byte[] value(byte[] packed, String path) throws SQLException {
    for (SealedField field : decode(packed, null)) {
      if (field.path().equals(path)) {
        return field.value();
      }
    }
    throw new SQLException("no packed field " + path);
  }

  /** {@code packed} with the stored bytes of field {@code path} replaced, for such tests. */
  public static byte[] withValue(byte[] packed, String path, byte[] value) throws SQLException {
    List<SealedField> fields = new ArrayList<>();
    boolean found = false;
    for (SealedField field : decode(packed, null)) {
      if (field.path().equals(path)) {
        fields.add(new SealedField(path, field.protection(), value, null, null));
        found = true;
      } else {
        fields.add(field);
      }
    }
    if (!found) {
      throw new SQLException("no packed field " + path);
    }
    return encode(fields);
  }

  /**
   * The paths of packed fields of record {@code id} of {@code payloadType} as stored in {@code
   * packed_paths}: one per line, in order; a field group's members in its place.
   */
  static String paths(String payloadType, String id, List<SealedField> fields) {
    StringBuilder paths = new StringBuilder();
    for (SealedField field : fields) {
      List<String> named;
      try {
        named = RecordCodec.isGroup(field)
            ? RecordCodec.memberPaths(payloadType, id, field)
            : List.of(field.path());
      } catch (dev.hookguard.runtime.store.TamperedRecordException e) {
        named = List.of(); // a tampered record's group, kept as found: its members go unnamed
      }
      for (String path : named) {
        if (paths.length() > 0) {
          paths.append('\n');
        }
        paths.append(path);
      }
    }
    return paths.toString();
  }

  /** The paths listed in a stored {@code packed_paths}. */
  public static List<String> paths(String stored) {
    return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split("\n", -1));
  }
}
