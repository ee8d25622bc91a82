package dev.hookguard.runtime.generated;

import dev.hookguard.runtime.generated.JsonReadException.Reason;
import dev.hookguard.runtime.json.JsonLimits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.sym.PropertyNameMatcher;

/**
 * Reads one JSON document token by token for generated code, through Jackson's streaming parser:
 * no data binding and no reflection. Every problem ends in a {@link JsonReadException}
 * whose message names what was expected and the JSON path where (property names made safe to
 * log: printable ASCII, bounded length), never a value:
 * {@code MALFORMED_PAYLOAD} for input that is not JSON (truncated, invalid UTF-8, duplicate
 * keys, trailing content), {@code LIMIT_EXCEEDED} for input beyond the {@link JsonLimits}, and
 * {@code INVALID_PAYLOAD} for JSON of the wrong shape (a string where a number belongs, a
 * required property missing, an unknown enum constant).
 *
 * <p>Generated readers follow one pattern per object, its names in a constant:
 * <pre>{@code
 * static final PropertyNames PROPERTIES = PropertyNames.of("id", "name");
 * ...
 * if (in.nextIsNull()) return null;
 * in.beginObject(PROPERTIES);
 * while (in.nextProperty()) {
 *   switch (in.propertyIndex()) {
 *     case 0 -> id = in.readString(); // "id"
 *     case 1 -> name = in.readString(); // "name"
 *   }
 * }
 * in.require(id != null, "id");
 * in.endObject();
 * }</pre>
 *
 * <p>Duplicate keys are refused anywhere in the document, as Jackson's strict duplicate detection
 * would refuse them, but without its set of names per object: a declared property is one bit of
 * its object, a map's key is looked up in the map being built, and the names of other objects (a
 * record's unknown properties, objects inside a skipped value) are kept in {@link ObjectNames}.
 */
public final class PayloadReader {

  /** Reads one value; used for container elements and nested payloads. */
  @FunctionalInterface
  public interface ValueReader<E> {
    E read(PayloadReader in) throws JsonReadException;
  }

  private static final int MAX_PATH_IN_MESSAGE = 120;

  /**
   * Marks the parser context of a record's object: a name the reader matched there is the type's
   * own, safe to name in a message. Any other name (a map's key, an unknown property, one not
   * matched yet, anything inside a skipped value) is data. A context is reset (its mark cleared)
   * when the parser reuses it.
   */
  private static final Object RECORD = new Object();

  private final JsonParser parser;
  private final JsonLimits limits;
  private final boolean failOnUnknownProperties;
  /**
   * How many objects are open. Their paths are not kept: a message about a missing property is
   * built after the object's end was read, when the parser's context is the one that named the
   * object, so the path is computed then, and only then.
   */
  private int openObjects;
  /** Set when a token was read ahead by {@link #nextIsNull()} and not consumed yet. */
  private boolean pushedBack;
  /** Top-level properties that may be absent although required (expired in storage). */
  private Set<String> excused = Set.of();

  /** How many records are open; per open record, innermost last, the names it declares. */
  private int records;
  private PropertyNames[] declared = new PropertyNames[8];
  /** The properties each open record has read: one bit each, from the record's first word on. */
  private long[] seen = new long[8];
  private int[] seenFrom = new int[8];
  private int seenWords;
  /** The number of the declared property {@link #nextProperty()} moved to. */
  private int propertyIndex;
  /**
   * True from the moment {@link #nextProperty()} reads a name until it matched a declared one,
   * and while an unknown property is skipped: the current name of the innermost record's object
   * is data then. The names of the records around it were matched: only a declared property's
   * value is read into.
   */
  private boolean nameUnmatched;
  /** The names of objects whose names no type declares. */
  private final ObjectNames otherNames = new ObjectNames();

  /**
   * One factory per set of limits, built once: a factory is costly to build (it allocates its
   * own name tables) and is thread-safe to share. Few distinct limits exist in an application;
   * past {@value #MAX_CACHED_FACTORIES} further ones are built per parse rather than kept.
   */
  private static final java.util.concurrent.ConcurrentHashMap<JsonLimits, JsonFactory> FACTORIES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int MAX_CACHED_FACTORIES = 64;

  private PayloadReader(byte[] json, JsonLimits limits, boolean failOnUnknownProperties) {
    JsonFactory factory = FACTORIES.get(limits);
    if (factory == null) {
      factory = factory(limits);
      if (FACTORIES.size() < MAX_CACHED_FACTORIES) {
        FACTORIES.putIfAbsent(limits, factory);
      }
    }
    JsonParser opened;
    try {
      opened = factory.createParser(ObjectReadContext.empty(), json);
    } catch (JacksonException e) {
      // Jackson detects the encoding from the first bytes when it opens the parser, and refuses
      // some (UCS-4 in an unusual byte order) there: refused by readDocument, as malformed.
      opened = null;
    }
    this.parser = opened;
    this.limits = limits;
    this.failOnUnknownProperties = failOnUnknownProperties;
  }

  private static JsonFactory factory(JsonLimits limits) {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxNestingDepth())
            .maxStringLength(limits.maxStringLength())
            .maxNumberLength(limits.maxNumberLength())
            .maxNameLength(limits.maxNameLength())
            .maxDocumentLength(limits.maxBodyBytes())
            .build())
        .build();
  }

  /** A reader of {@code json} within {@code limits}; unknown properties are skipped. */
  public static PayloadReader of(byte[] json, JsonLimits limits) {
    return new PayloadReader(json, limits, false);
  }

  /** A reader of {@code json}; with {@code failOnUnknownProperties}, an unknown property fails. */
  public static PayloadReader of(byte[] json, JsonLimits limits, boolean failOnUnknownProperties) {
    return new PayloadReader(json, limits, failOnUnknownProperties);
  }

  /**
   * Lets these top-level properties be absent even where required: storage reads a record whose
   * fields expired this way. Not for verifying requests.
   */
  public PayloadReader excusing(Set<String> properties) {
    this.excused = Set.copyOf(properties);
    return this;
  }

  /** Reads a whole document with {@code reader}: one value, then nothing but whitespace. */
  public <T> T readDocument(ValueReader<T> reader) throws JsonReadException {
    if (parser == null) {
      throw new JsonReadException(
          Reason.MALFORMED_PAYLOAD, "not well-formed JSON (its encoding is not supported) at /");
    }
    try {
      T value = reader.read(this);
      if (pushedBack || advance() != null) {
        throw fail(Reason.MALFORMED_PAYLOAD, "content after the end of the document");
      }
      return value;
    } finally {
      parser.close();
    }
  }

  // ---------------------------------------------------------------------------------- objects

  /** Reads ahead: true (and consumed) if the next value is {@code null}. */
  public boolean nextIsNull() throws JsonReadException {
    JsonToken token = valueToken();
    if (token == JsonToken.VALUE_NULL) {
      return true;
    }
    pushedBack = true;
    return false;
  }

  /**
   * Expects the start of a record's object: its properties are {@code names}, matched by
   * {@link #nextProperty()} until {@link #endObject()}.
   */
  public void beginObject(PropertyNames names) throws JsonReadException {
    if (valueToken() != JsonToken.START_OBJECT) {
      throw unexpected("an object");
    }
    parser.assignCurrentValue(RECORD);
    openObjects++;
    if (records == declared.length) {
      declared = Arrays.copyOf(declared, records * 2);
      seenFrom = Arrays.copyOf(seenFrom, records * 2);
    }
    int words = (names.size() + 63) >>> 6;
    if (seenWords + words > seen.length) {
      seen = Arrays.copyOf(seen, Math.max(seen.length * 2, seenWords + words));
    }
    Arrays.fill(seen, seenWords, seenWords + words, 0L);
    declared[records] = names;
    seenFrom[records] = seenWords;
    seenWords += words;
    records++;
    otherNames.open();
  }

  /**
   * Moves to the next declared property of the current record, skipping unknown ones (or failing
   * on one, if unknown properties are refused); false at the record's end. A property read
   * twice, declared or not, fails as malformed.
   */
  public boolean nextProperty() throws JsonReadException {
    PropertyNames names = declared[records - 1];
    while (true) {
      nameUnmatched = true;
      int match = matchName(names);
      if (match >= 0) {
        int word = seenFrom[records - 1] + (match >>> 6);
        long bit = 1L << match; // the shift distance is taken modulo 64
        if ((seen[word] & bit) != 0) {
          throw duplicateName();
        }
        seen[word] |= bit;
        nameUnmatched = false;
        propertyIndex = match;
        return true;
      }
      if (match == PropertyNameMatcher.MATCH_END_OBJECT) {
        // The parser is back in the object that named this one: a record's name was matched.
        nameUnmatched = false;
        return false;
      }
      if (match != PropertyNameMatcher.MATCH_UNKNOWN_NAME) {
        throw fail(Reason.MALFORMED_PAYLOAD, "a property name expected");
      }
      skipUnknownProperty();
    }
  }

  /**
   * The number of the next name among {@code names}, or one of {@code PropertyNameMatcher}'s
   * {@code MATCH_} values. The parser matches the name's bytes as it reads them; a type with a
   * name longer than the name limit has its names read whole instead, so that the parser refuses
   * one too long, as it refuses any other.
   */
  private int matchName(PropertyNames names) throws JsonReadException {
    try {
      if (names.longestUtf8() <= limits.maxNameLength()) {
        return parser.nextNameMatch(names.matcher());
      }
      JsonToken token = parser.nextToken();
      if (token == JsonToken.PROPERTY_NAME) {
        return names.matcher().matchName(parser.currentName());
      }
      return token == JsonToken.END_OBJECT
          ? PropertyNameMatcher.MATCH_END_OBJECT
          : PropertyNameMatcher.MATCH_ODD_TOKEN;
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  /**
   * The number of the declared property {@link #nextProperty()} moved to, for the generated code
   * to dispatch: its name's position in the record's {@link PropertyNames}.
   */
  public int propertyIndex() {
    return propertyIndex;
  }

  /** Skips an unknown property's value, or fails if unknown properties are refused. */
  private void skipUnknownProperty() throws JsonReadException {
    // An unknown property's name is data: named "*" in any message until the next name is
    // matched (nameUnmatched is still set).
    if (failOnUnknownProperties) {
      throw fail(Reason.INVALID_PAYLOAD, "an unknown property");
    }
    if (!otherNames.add(parser.currentName())) {
      throw duplicateName();
    }
    skipValue();
  }

  /**
   * Skips the next value, refusing a name repeated in any object inside it. The parser still
   * counts every level of nesting against the depth limit.
   */
  private void skipValue() throws JsonReadException {
    JsonToken token = valueToken();
    int open = 0;
    while (true) {
      switch (token) {
        case START_OBJECT -> {
          otherNames.open();
          open++;
        }
        case START_ARRAY -> open++;
        case END_OBJECT -> {
          otherNames.close();
          open--;
        }
        case END_ARRAY -> open--;
        case PROPERTY_NAME -> {
          if (!otherNames.add(parser.currentName())) {
            throw duplicateName();
          }
        }
        default -> { }
      }
      if (open == 0) {
        return;
      }
      token = advance();
      if (token == null) {
        throw fail(Reason.MALFORMED_PAYLOAD, "unexpected end of input");
      }
    }
  }

  /** Ends the record {@link #beginObject} started, after its properties were read. */
  public void endObject() {
    openObjects--;
    records--;
    seenWords = seenFrom[records];
    otherNames.close();
  }

  /**
   * Checks a required property of the current object: fails unless it was {@code present}, or it
   * is a top-level property this reader excuses.
   */
  public void require(boolean present, String property) throws JsonReadException {
    if (!present && !(openObjects == 1 && excused.contains(property))) {
      throw missing(property);
    }
  }

  /**
   * The failure for a required property that is absent or {@code null}; call it once the
   * object's properties were read (its end consumed), as generated code does.
   */
  public JsonReadException missing(String property) {
    return new JsonReadException(Reason.INVALID_PAYLOAD,
        "required property '" + safe(property) + "' is missing or null at " + path());
  }

  // ---------------------------------------------------------------------------------- scalars

  /** A string, or {@code null}. */
  public String readString() throws JsonReadException {
    // The common case in one call to the parser, which read the string's start with its name.
    String text = pushedBack ? null : nextStringValue();
    return text != null ? text : stringOrNull();
  }

  /**
   * {@link #readString()} for every other case: a value read ahead, or one that
   * {@link #nextStringValue()} read and did not return (null, the wrong shape, no value).
   */
  private String stringOrNull() throws JsonReadException {
    JsonToken token = pushedBack ? valueToken() : present(parser.currentToken());
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw unexpected("a string");
    }
    return text();
  }

  public boolean readBoolean() throws JsonReadException {
    JsonToken token = valueToken();
    return switch (token) {
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      case VALUE_NULL -> throw nullForPrimitive("a boolean");
      default -> throw unexpected("a boolean");
    };
  }

  public Boolean readBooleanOrNull() throws JsonReadException {
    return nextIsNull() ? null : readBoolean();
  }

  public char readChar() throws JsonReadException {
    JsonToken token = valueToken();
    if (token == JsonToken.VALUE_NULL) {
      throw nullForPrimitive("a one-character string");
    }
    if (token != JsonToken.VALUE_STRING) {
      throw unexpected("a string");
    }
    String text = text();
    if (text.length() != 1) {
      throw fail(Reason.INVALID_PAYLOAD, "a one-character string expected");
    }
    return text.charAt(0);
  }

  public Character readCharOrNull() throws JsonReadException {
    return nextIsNull() ? null : readChar();
  }

  public byte readByte() throws JsonReadException {
    return (byte) integral(Byte.MIN_VALUE, Byte.MAX_VALUE);
  }

  public Byte readByteOrNull() throws JsonReadException {
    return nextIsNull() ? null : readByte();
  }

  public short readShort() throws JsonReadException {
    return (short) integral(Short.MIN_VALUE, Short.MAX_VALUE);
  }

  public Short readShortOrNull() throws JsonReadException {
    return nextIsNull() ? null : readShort();
  }

  public int readInt() throws JsonReadException {
    return (int) integral(Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  public Integer readIntOrNull() throws JsonReadException {
    return nextIsNull() ? null : readInt();
  }

  public long readLong() throws JsonReadException {
    return integral(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  public Long readLongOrNull() throws JsonReadException {
    return nextIsNull() ? null : readLong();
  }

  public float readFloat() throws JsonReadException {
    return (float) readDouble();
  }

  public Float readFloatOrNull() throws JsonReadException {
    return nextIsNull() ? null : readFloat();
  }

  public double readDouble() throws JsonReadException {
    JsonToken token = valueToken();
    if (token == JsonToken.VALUE_NULL) {
      throw nullForPrimitive("a number");
    }
    if (!token.isNumeric()) {
      throw unexpected("a number");
    }
    try {
      return parser.getDoubleValue();
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  public Double readDoubleOrNull() throws JsonReadException {
    return nextIsNull() ? null : readDouble();
  }

  /** An exact decimal: a JSON number, or a string holding one (as Shopify sends money). */
  public BigDecimal readBigDecimal() throws JsonReadException {
    JsonToken token = valueToken();
    try {
      return switch (token) {
        case VALUE_NULL -> null;
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> bounded(decimalValue());
        case VALUE_STRING -> decimalFromString();
        default -> throw unexpected("a decimal number");
      };
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  /** An integer of any size: a JSON integer, or a string holding one. */
  public BigInteger readBigInteger() throws JsonReadException {
    JsonToken token = valueToken();
    try {
      return switch (token) {
        case VALUE_NULL -> null;
        case VALUE_NUMBER_INT -> parser.getBigIntegerValue();
        case VALUE_STRING -> {
          try {
            yield decimalFromString().toBigIntegerExact();
          } catch (ArithmeticException e) {
            throw fail(Reason.INVALID_PAYLOAD, "an integer expected");
          }
        }
        default -> throw unexpected("an integer");
      };
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  /** An instant: an ISO-8601 string, or a number of seconds since the epoch (as Stripe sends). */
  public Instant readInstant() throws JsonReadException {
    JsonToken token = valueToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token.isNumeric()) {
      return epochSeconds();
    }
    if (token != JsonToken.VALUE_STRING) {
      throw unexpected("an instant");
    }
    OffsetDateTime common = commonDateTime();
    if (common != null) {
      return common.toInstant();
    }
    String text = text();
    return parse(text, "an ISO-8601 instant", () -> {
      try {
        return Instant.parse(text);
      } catch (DateTimeException e) {
        return OffsetDateTime.parse(text).toInstant();
      }
    });
  }

  /** An ISO-8601 date-time with offset, or a number of epoch seconds (then in UTC). */
  public OffsetDateTime readOffsetDateTime() throws JsonReadException {
    JsonToken token = valueToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token.isNumeric()) {
      return epochSeconds().atOffset(ZoneOffset.UTC);
    }
    if (token != JsonToken.VALUE_STRING) {
      throw unexpected("an ISO-8601 string");
    }
    OffsetDateTime common = commonDateTime();
    if (common != null) {
      return common;
    }
    String text = text();
    return parse(text, "an ISO-8601 date-time with offset", () -> OffsetDateTime.parse(text));
  }

  public ZonedDateTime readZonedDateTime() throws JsonReadException {
    JsonToken token = valueToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    String text = isoText(token);
    return parse(text, "an ISO-8601 zoned date-time", () -> ZonedDateTime.parse(text));
  }

  public LocalDate readLocalDate() throws JsonReadException {
    JsonToken token = valueToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    String text = isoText(token);
    return parse(text, "an ISO-8601 date", () -> LocalDate.parse(text));
  }

  public LocalDateTime readLocalDateTime() throws JsonReadException {
    JsonToken token = valueToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    String text = isoText(token);
    return parse(text, "an ISO-8601 local date-time", () -> LocalDateTime.parse(text));
  }

  public LocalTime readLocalTime() throws JsonReadException {
    JsonToken token = valueToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    String text = isoText(token);
    return parse(text, "an ISO-8601 time", () -> LocalTime.parse(text));
  }

  public Duration readDuration() throws JsonReadException {
    JsonToken token = valueToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    String text = isoText(token);
    return parse(text, "an ISO-8601 duration", () -> Duration.parse(text));
  }

  /** A UUID in its canonical 36-character form. */
  public UUID readUuid() throws JsonReadException {
    String text = readString();
    if (text == null) {
      return null;
    }
    if (text.length() != 36) {
      throw fail(Reason.INVALID_PAYLOAD, "a UUID expected");
    }
    return parse(text, "a UUID", () -> UUID.fromString(text));
  }

  /**
   * An enum constant by its name, through a generated look-up (no reflection). An unknown name
   * gives {@code fallback}, or fails when there is none.
   */
  public <E extends Enum<E>> E readEnum(Function<String, E> byName, E fallback)
      throws JsonReadException {
    String name = readString();
    if (name == null) {
      return null;
    }
    E constant = byName.apply(name);
    if (constant != null) {
      return constant;
    }
    if (fallback != null) {
      return fallback;
    }
    throw fail(Reason.INVALID_PAYLOAD, "a known enum constant expected");
  }

  // ------------------------------------------------------------------------------- containers

  /** A list; {@code null} stays {@code null}. At most {@code maxCollectionSize} elements. */
  public <E> List<E> readList(ValueReader<E> element) throws JsonReadException {
    List<E> values = new ArrayList<>();
    return readElements(element, values) ? Collections.unmodifiableList(values) : null;
  }

  /** A set, in document order; a repeated element is kept once. */
  public <E> Set<E> readSet(ValueReader<E> element) throws JsonReadException {
    Set<E> values = new LinkedHashSet<>();
    return readElements(element, values) ? Collections.unmodifiableSet(values) : null;
  }

  /** An array of a reference type. */
  public <E> E[] readArray(ValueReader<E> element, IntFunction<E[]> newArray)
      throws JsonReadException {
    List<E> values = new ArrayList<>();
    return readElements(element, values) ? values.toArray(newArray.apply(values.size())) : null;
  }

  public int[] readIntArray() throws JsonReadException {
    List<Integer> values = new ArrayList<>();
    return readElements(PayloadReader::readInt, values)
        ? values.stream().mapToInt(Integer::intValue).toArray()
        : null;
  }

  public long[] readLongArray() throws JsonReadException {
    List<Long> values = new ArrayList<>();
    return readElements(PayloadReader::readLong, values)
        ? values.stream().mapToLong(Long::longValue).toArray()
        : null;
  }

  public double[] readDoubleArray() throws JsonReadException {
    List<Double> values = new ArrayList<>();
    return readElements(PayloadReader::readDouble, values)
        ? values.stream().mapToDouble(Double::doubleValue).toArray()
        : null;
  }

  public boolean[] readBooleanArray() throws JsonReadException {
    List<Boolean> values = new ArrayList<>();
    if (!readElements(PayloadReader::readBoolean, values)) {
      return null;
    }
    boolean[] array = new boolean[values.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = values.get(i);
    }
    return array;
  }

  /**
   * An object read as a map, in document order. At most {@code maxCollectionSize} entries; a
   * key given twice fails as malformed.
   */
  public <V> Map<String, V> readMap(ValueReader<V> value) throws JsonReadException {
    if (nextIsNull()) {
      return null;
    }
    if (valueToken() != JsonToken.START_OBJECT) {
      throw unexpected("an object");
    }
    openObjects++;
    Map<String, V> map = new LinkedHashMap<>();
    for (JsonToken token = advance(); token != JsonToken.END_OBJECT; token = advance()) {
      if (token != JsonToken.PROPERTY_NAME) {
        throw fail(Reason.MALFORMED_PAYLOAD, "a property name expected");
      }
      String key = parser.currentName();
      if (map.containsKey(key)) {
        throw duplicateName();
      }
      if (map.size() == limits.maxCollectionSize()) {
        throw fail(Reason.LIMIT_EXCEEDED, "more than " + limits.maxCollectionSize() + " entries");
      }
      map.put(key, value.read(this));
    }
    openObjects--;
    return Collections.unmodifiableMap(map);
  }

  /** An optional: empty for {@code null}. */
  public <E> Optional<E> readOptional(ValueReader<E> element) throws JsonReadException {
    return nextIsNull() ? Optional.empty() : Optional.ofNullable(element.read(this));
  }

  private <E> boolean readElements(ValueReader<E> element, java.util.Collection<E> into)
      throws JsonReadException {
    JsonToken token = valueToken();
    if (token == JsonToken.VALUE_NULL) {
      return false;
    }
    if (token != JsonToken.START_ARRAY) {
      throw unexpected("an array");
    }
    int count = 0;
    while (true) {
      JsonToken next = advance();
      if (next == JsonToken.END_ARRAY) {
        return true;
      }
      if (++count > limits.maxCollectionSize()) {
        throw fail(Reason.LIMIT_EXCEEDED, "more than " + limits.maxCollectionSize() + " elements");
      }
      pushedBack = true;
      into.add(element.read(this));
    }
  }

  // ---------------------------------------------------------------------------------- helpers

  /** The token of the next value: the one read ahead, or the next in the input. */
  private JsonToken valueToken() throws JsonReadException {
    if (pushedBack) {
      pushedBack = false;
      return parser.currentToken();
    }
    return present(advance());
  }

  /** {@code token}, unless the input ended where a value was expected. */
  private JsonToken present(JsonToken token) throws JsonReadException {
    if (token == null) {
      throw fail(Reason.MALFORMED_PAYLOAD, "unexpected end of input");
    }
    return token;
  }

  /** The next value if it is a string, else {@code null} (its token is then the current one). */
  private String nextStringValue() throws JsonReadException {
    try {
      return parser.nextStringValue();
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  private JsonToken advance() throws JsonReadException {
    try {
      return parser.nextToken();
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  private String text() throws JsonReadException {
    try {
      return parser.getString();
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  /**
   * The current string as a date-time, if it has the form webhooks send ({@link IsoDateTimes}),
   * read from the parser's buffer without a {@code String}; else {@code null}, and the JDK's
   * parser decides. A string beyond the string limit is left to {@link #text()}, which refuses
   * it.
   */
  private OffsetDateTime commonDateTime() throws JsonReadException {
    try {
      int length = parser.getTextLength();
      return length > limits.maxStringLength()
          ? null
          : IsoDateTimes.offsetDateTime(parser.getTextCharacters(), parser.getTextOffset(), length);
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  private String isoText(JsonToken token) throws JsonReadException {
    if (token != JsonToken.VALUE_STRING) {
      throw unexpected("an ISO-8601 string");
    }
    return text();
  }

  /** An integer in {@code [min, max]}; {@code null} is the wrong shape. */
  private long integral(long min, long max) throws JsonReadException {
    JsonToken token = valueToken();
    if (token == JsonToken.VALUE_NULL) {
      throw nullForPrimitive("a number");
    }
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw unexpected("an integer");
    }
    try {
      long value = parser.getLongValue();
      if (value < min || value > max) {
        throw fail(Reason.INVALID_PAYLOAD, "an integer in range expected");
      }
      return value;
    } catch (InputCoercionException e) {
      throw fail(Reason.INVALID_PAYLOAD, "an integer in range expected");
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  private Instant epochSeconds() throws JsonReadException {
    try {
      // An integer of up to 19 digits, as senders write epoch seconds: no BigDecimal. Its length
      // is within the number limit, which the parser checks for every integer.
      if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
          && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
        return Instant.ofEpochSecond(parser.getLongValue());
      }
      BigDecimal seconds = bounded(decimalValue());
      long whole = seconds.longValueExact();
      return Instant.ofEpochSecond(whole);
    } catch (ArithmeticException e) {
      try {
        BigDecimal seconds = bounded(decimalValue());
        long whole = seconds.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
      } catch (ArithmeticException | DateTimeException tooLarge) {
        throw fail(Reason.INVALID_PAYLOAD, "epoch seconds in range expected");
      }
    } catch (DateTimeException e) {
      throw fail(Reason.INVALID_PAYLOAD, "epoch seconds in range expected");
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  /** A decimal from the current string, read from the parser's buffer without a String. */
  private BigDecimal decimalFromString() throws JsonReadException {
    int length = parser.getTextLength();
    if (length > limits.maxStringLength()) {
      text(); // refused by the parser as any string beyond the limit
    }
    if (length > limits.maxNumberLength()) {
      throw fail(Reason.LIMIT_EXCEEDED, "a number longer than " + limits.maxNumberLength());
    }
    try {
      return bounded(new BigDecimal(parser.getTextCharacters(), parser.getTextOffset(), length));
    } catch (NumberFormatException e) {
      throw fail(Reason.INVALID_PAYLOAD, "a decimal number expected");
    }
  }

  /**
   * A short number can stand for a huge one ({@code 1e999999999}): expanding it, to an integer or
   * plain text, would cost seconds and megabytes. Its exponent is held within the same bound as
   * its length, so no later use can blow it up.
   */
  /**
   * The current number as a {@code BigDecimal}. Jackson refuses an exponent out of range with a
   * {@code NumberFormatException} (not a {@code JacksonException}) whose message quotes the
   * number: turned into a limit, without the number (found by fuzzing).
   */
  private BigDecimal decimalValue() throws JsonReadException {
    try {
      return parser.getDecimalValue();
    } catch (NumberFormatException e) {
      throw fail(Reason.LIMIT_EXCEEDED, "a number out of range");
    }
  }

  private BigDecimal bounded(BigDecimal value) throws JsonReadException {
    int limit = limits.maxNumberLength();
    if (Math.abs((long) value.scale()) > limit || value.precision() - (long) value.scale() > limit) {
      throw fail(Reason.LIMIT_EXCEEDED, "a number with more than " + limit + " digits");
    }
    return value;
  }

  private interface Parse<T> {
    T parse();
  }

  private <T> T parse(String text, String expected, Parse<T> parse)
      throws JsonReadException {
    try {
      return parse.parse();
    } catch (DateTimeException | IllegalArgumentException e) {
      throw fail(Reason.INVALID_PAYLOAD, expected + " expected");
    }
  }

  /** A primitive cannot hold {@code null}: JSON {@code null} there is a wrong shape. */
  private JsonReadException nullForPrimitive(String expected) {
    return fail(Reason.INVALID_PAYLOAD, expected + " expected, found null");
  }

  private JsonReadException unexpected(String expected) {
    JsonToken token = parser.currentToken();
    String found = token == null ? "end of input" : describe(token);
    return fail(Reason.INVALID_PAYLOAD, expected + " expected, found " + found);
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> "a " + token.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private JsonReadException translate(JacksonException e) {
    if (e instanceof StreamConstraintsException) {
      return fail(Reason.LIMIT_EXCEEDED, "a JSON limit exceeded");
    }
    if (e instanceof InputCoercionException) {
      return fail(Reason.INVALID_PAYLOAD, "a number in range expected");
    }
    return fail(Reason.MALFORMED_PAYLOAD, "not well-formed JSON");
  }

  /**
   * A name given twice in one object: the refusal Jackson's strict duplicate detection gave, at
   * the same path (the repeated name is data there, so {@code *}).
   */
  private JsonReadException duplicateName() {
    return fail(Reason.MALFORMED_PAYLOAD, "not well-formed JSON");
  }

  private JsonReadException fail(Reason reason, String what) {
    return new JsonReadException(reason, what + " at " + path());
  }

  /**
   * The JSON pointer of the current position, made safe to log: array indices and the declared
   * property names of records as they are; every map key, every unknown property name and every
   * name inside an unknown property's value (data the sender chose) as {@code *}; printable
   * ASCII, bounded.
   */
  private String path() {
    List<TokenStreamContext> contexts = new ArrayList<>();
    try {
      for (TokenStreamContext c = parser.streamReadContext(); c != null && !c.inRoot();
          c = c.getParent()) {
        contexts.add(c);
      }
    } catch (RuntimeException e) {
      return "/";
    }
    if (contexts.isEmpty()) {
      return "/";
    }
    int innermostRecord = 0;
    while (innermostRecord < contexts.size()
        && contexts.get(innermostRecord).currentValue() != RECORD) {
      innermostRecord++;
    }
    StringBuilder pointer = new StringBuilder();
    for (int i = contexts.size() - 1; i >= 0; i--) {
      TokenStreamContext c = contexts.get(i);
      if (c.inArray()) {
        pointer.append('/').append(Math.max(c.getCurrentIndex(), 0));
        continue;
      }
      String name = c.currentName();
      if (name == null) {
        break; // an object before its first property
      }
      // Only a record's declared names; objects inside a skipped value are never marked.
      boolean declared = c.currentValue() == RECORD && !(i == innermostRecord && nameUnmatched);
      pointer.append('/').append(declared ? name.replace("~", "~0").replace("/", "~1") : "*");
    }
    return pointer.length() == 0 ? "/" : safe(pointer.toString());
  }

  private static String safe(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_PATH_IN_MESSAGE));
    for (int i = 0; i < text.length() && out.length() < MAX_PATH_IN_MESSAGE; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    if (text.length() > MAX_PATH_IN_MESSAGE) {
      out.append("...");
    }
    return out.toString();
  }
}
