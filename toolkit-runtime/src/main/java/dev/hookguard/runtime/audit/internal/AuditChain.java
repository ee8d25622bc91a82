package dev.hookguard.runtime.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The hash chain's definition. An entry's hash is SHA-256 over, in order: the tag {@value
 * #ENTRY_TAG}, the sequence number (8 bytes, big-endian), each text field (time, kind, payload
 * type, record id, accessor, purpose), the number of field paths (4 bytes) and each path, the
 * reason, and the previous entry's hash (as its hex text). Every text is UTF-8 preceded by its byte
 * length (4 bytes, big-endian), so no two different entries encode alike. The chain starts from
 * {@link #GENESIS}, SHA-256 over the tag {@value #GENESIS_TAG} alone, so an entry hash can never be
 * taken for the genesis value or for a hash of another protocol.
 */
public final class AuditChain {

  /** Domain separation tag of an entry hash. */
  public static final String ENTRY_TAG = "hookguard.audit.v1.entry";
  /** Domain separation tag of the genesis value. */
  public static final String GENESIS_TAG = "hookguard.audit.v1.genesis";
  /** The hash before the first entry. */
  public static final String GENESIS = hex(digest(new Encoder().text(GENESIS_TAG).bytes()));

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private AuditChain() {}

  /** The hash of an entry with these stored values following {@code previousHash}. */
  public static String entryHash(
      long sequence,
      String time,
      String kind,
      String payloadType,
      String recordId,
      String accessor,
      String purpose,
      List<String> fields,
      String reason,
      String previousHash) {
    Encoder e = new Encoder().text(ENTRY_TAG).int64(sequence);
    e.text(time).text(kind).text(payloadType).text(recordId).text(accessor).text(purpose);
    e.int32(fields.size());
    for (String field : fields) {
      e.text(field);
    }
    e.text(reason).text(previousHash);
    return hex(digest(e.bytes()));
  }

  /** The field paths as stored: a JSON array of strings. */
  public static String encodeFields(List<String> fields) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      json.writeStartArray();
      for (String field : fields) {
        json.writeString(field);
      }
      json.writeEndArray();
    }
    return out.toString();
  }

  /**
   * The field paths from their stored form.
   *
   * @throws IllegalArgumentException if {@code stored} is not a JSON array of strings
   */
  public static List<String> decodeFields(String stored) {
    List<String> fields = new ArrayList<>();
    try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), stored)) {
      if (json.nextToken() != JsonToken.START_ARRAY) {
        throw new IllegalArgumentException("stored audit fields are not a JSON array");
      }
      JsonToken token;
      while ((token = json.nextToken()) == JsonToken.VALUE_STRING) {
        fields.add(json.getString());
      }
      if (token != JsonToken.END_ARRAY || json.nextToken() != null) {
        throw new IllegalArgumentException("stored audit fields are not a JSON array of strings");
      }
    } catch (tools.jackson.core.JacksonException e) {
      throw new IllegalArgumentException("stored audit fields are not JSON", e);
    }
    return fields;
  }

  private static byte[] digest(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** Length-prefixed canonical encoding. */
  private static final class Encoder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Encoder text(String value) {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      int32(utf8.length);
      out.write(utf8, 0, utf8.length);
      return this;
    }

    Encoder int32(int value) {
      for (int shift = 24; shift >= 0; shift -= 8) {
        out.write(value >>> shift);
      }
      return this;
    }

    Encoder int64(long value) {
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (value >>> shift));
      }
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
