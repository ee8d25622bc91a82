package dev.hookguard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.internal.records.PackedFields;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the store holds for one field, read and written behind HookGuard's back, wherever the
 * field is kept: its own {@code hg_fields} row, or its place in its record's packed row.
 */
public final class StoredValues {

  private StoredValues() {}

  /** The stored bytes of field {@code path} of a record. */
  public static byte[] value(Connection raw, String type, String id, String path)
      throws SQLException {
    try (PreparedStatement select = raw.prepareStatement(
        "SELECT value FROM hg_fields WHERE payload_type = ? AND record_id = ? AND path = ?")) {
      select.setString(1, type);
      select.setString(2, id);
      select.setString(3, path);
      try (ResultSet row = select.executeQuery()) {
        if (row.next()) {
          return row.getBytes(1);
        }
      }
    }
    return PackedFields.value(packed(raw, type, id), path);
  }

  /** Replaces the stored bytes of field {@code path} of a record, as a tamperer would. */
  public static void setValue(Connection raw, String type, String id, String path, byte[] value)
      throws SQLException {
    try (PreparedStatement update = raw.prepareStatement(
        "UPDATE hg_fields SET value = ? WHERE payload_type = ? AND record_id = ? AND path = ?")) {
      update.setBytes(1, value);
      update.setString(2, type);
      update.setString(3, id);
      update.setString(4, path);
      if (update.executeUpdate() == 1) {
        return;
      }
    }
    byte[] packed = PackedFields.withValue(packed(raw, type, id), path, value);
    try (PreparedStatement update = raw.prepareStatement(
        "UPDATE hg_records SET packed = ? WHERE payload_type = ? AND record_id = ?")) {
      update.setBytes(1, packed);
      update.setString(2, type);
      update.setString(3, id);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  private static byte[] packed(Connection raw, String type, String id) throws SQLException {
    try (PreparedStatement select = raw.prepareStatement(
        "SELECT packed FROM hg_records WHERE payload_type = ? AND record_id = ?")) {
      select.setString(1, type);
      select.setString(2, id);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).as("record %s", id).isTrue();
        return row.getBytes(1);
      }
    }
  }
}
