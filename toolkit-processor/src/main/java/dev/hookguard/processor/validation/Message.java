package dev.hookguard.processor.validation;

import javax.tools.Diagnostic.Kind;

/**
 * Every message the processor can print, each with a stable id that starts the message, says
 * the rule and suggests the fix. Tests and users key on the ids; never rename one.
 */
public enum Message {
  PAYLOAD_KIND(Kind.ERROR, "HookGuardPayloadKind",
      "@WebhookPayload goes on a record or a class, not on %s. Fix: declare %s as a record."),
  PAYLOAD_ACCESS(Kind.ERROR, "HookGuardPayloadAccess",
      "%s must be visible to its package: %s. Fix: %s."),
  PAYLOAD_GENERIC(Kind.ERROR, "HookGuardGenericPayload",
      "@WebhookPayload type %s must not have type parameters: generated code needs one concrete "
          + "shape. Fix: declare a concrete type per payload."),
  NO_CONSTRUCTOR(Kind.ERROR, "HookGuardNoConstructor",
      "%s cannot be constructed by generated code: %s. Fix: make it a record, or give it a "
          + "non-private constructor without parameters."),
  NO_PROPERTIES(Kind.ERROR, "HookGuardNoProperties",
      "type %s has no readable properties (fields of superclasses are not read), so generated "
          + "code would read and write it as an empty object. Fix: declare its fields in %s "
          + "itself, or annotate it with @WebhookPayload if an empty object is intended."),
  NESTED_ACCESS(Kind.ERROR, "HookGuardNestedAccess",
      "type %s is in package %s, and code generated for it in package %s can use only public "
          + "members, but %s is not public. Fix: make it public, or move %s to package %s."),
  NESTED_NAMING(Kind.ERROR, "HookGuardNestedNaming",
      "type %s is reached from %s with naming %s, but here with naming %s, and its one "
          + "redactor writes one set of JSON names. Fix: give both roots the same naming, or "
          + "annotate %s with @WebhookPayload(naming = ...) to give it its own."),
  UNSUPPORTED_TYPE(Kind.ERROR, "HookGuardUnsupportedType",
      "Property '%s' has type %s, which generated code cannot read or write. Supported: String, "
          + "primitives and their boxes, BigDecimal, BigInteger, java.time values, UUID, enums, "
          + "records and classes of your own or of a library (without type parameters), and "
          + "List, Set, Map<String, V>, Optional and arrays of those. Fix: use one of these "
          + "types."),
  ENCRYPT_TYPE(Kind.ERROR, "HookGuardEncryptType",
      "@Encrypt on property '%s' of type %s: this type has no encoding to encrypt. Fix: use a "
          + "String, number, boolean, enum, UUID, java.time value, record or class of your own, "
          + "or a collection of those."),
  DETERMINISTIC_TYPE(Kind.ERROR, "HookGuardDeterministicType",
      "@Encrypt(deterministic = true) on property '%s' of type %s: equal values of this type can "
          + "have different encodings, so look-ups would miss. Allowed: String, integral numbers, "
          + "boolean, enums, UUID, LocalDate, Instant. Fix: remove deterministic = true, or store "
          + "a normalized String."),
  MASK_TYPE(Kind.ERROR, "HookGuardMaskType",
      "@Sensitive(mask = %s) on property '%s' of type %s: %s. Fix: use mask = FULL or OMIT."),
  RETAIN_DAYS(Kind.ERROR, "HookGuardRetainDays",
      "@Retain(days = %d) must keep data at least 1 day. Fix: give the number of days to keep "
          + "the data after receipt, such as @Retain(days = 30)."),
  RETAIN_LONGER_THAN_TYPE(Kind.ERROR, "HookGuardRetainLongerThanType",
      "@Retain(days = %d) on property '%s' is longer than the %d days its type %s is kept: the "
          + "record, and the property with it, is gone after %d days. Fix: use at most "
          + "@Retain(days = %d), or raise the type's @Retain."),
  UNREADABLE_PROPERTY(Kind.ERROR, "HookGuardUnreadableProperty",
      "Property '%s' of %s is private and has no getter, so generated code cannot read it. "
          + "Fix: add %s(), or make the field package-private."),
  UNWRITABLE_PROPERTY(Kind.ERROR, "HookGuardUnwritableProperty",
      "Property '%s' of %s is %s and has no setter, so generated code cannot build a copy. "
          + "Fix: add %s(..), or make %s a record."),
  DUPLICATE_JSON_NAME(Kind.ERROR, "HookGuardDuplicateJsonName",
      "Properties '%s' and '%s' of %s both map to the JSON name \"%s\". Fix: rename one, or give "
          + "one a distinct @JsonProperty."),
  ENUM_FALLBACK(Kind.ERROR, "HookGuardEnumFallback",
      "Enum %s, the type of property '%s', marks %d constants with @JsonEnumDefaultValue; an "
          + "unknown name can fall back to one constant only. Fix: keep the annotation on one."),
  ORPHAN_ANNOTATION(Kind.ERROR, "HookGuardOrphanAnnotation",
      "@%s on '%s' has no effect: %s is neither a @WebhookPayload type nor reached from one. "
          + "Fix: annotate %s with @WebhookPayload if it is a webhook body, hold it in one, or "
          + "remove @%s."),
  UNRESOLVED_TYPE(Kind.ERROR, "HookGuardUnresolvedType",
      "The type of property '%s' of %s could not be resolved, so nothing was generated for %s. "
          + "Fix: correct the type, or the processor that should generate it."),
  UNEXPECTED(Kind.ERROR, "HookGuardUnexpected",
      "HookGuard failed unexpectedly on %s: %s. This is a bug in HookGuard; please report it "
          + "with this type's declaration."),
  SUBJECT_TYPE(Kind.ERROR, "HookGuardSubjectType",
      "@Subject on property '%s' of type %s: a data subject is named by a string, an integral "
          + "number or a UUID (or a collection of them). Fix: put @Subject on the property that "
          + "holds the e-mail address or id, or remove it."),
  PERSONAL_DATA_NAME(Kind.WARNING, "HookGuardPersonalData",
      "Property '%s' looks like %s but is not @Sensitive, so it is logged and forwarded as it is. "
          + "Fix: add @Sensitive(category = Category.%s), or "
          + "@SuppressWarnings(\"HookGuardPersonalData\") if it is not personal data."),
  SENSITIVE_NOT_ENCRYPTED(Kind.WARNING, "HookGuardSensitiveNotEncrypted",
      "Property '%s' is @Sensitive(category = %s) but not @Encrypt, so stores keep it in plain "
          + "text (masked only when read), and backups keep it after its retention. Fix: add "
          + "@Encrypt, or @SuppressWarnings(\"HookGuardSensitiveNotEncrypted\") if plain storage "
          + "is intended."),
  ENCRYPTED_NOT_SENSITIVE(Kind.WARNING, "HookGuardEncryptedNotSensitive",
      "Property '%s' is @Encrypt but not @Sensitive, so it is sealed at rest yet returned in plain "
          + "text by the store's find(...), logged by the redactor and forwarded: encryption guards "
          + "the stored copy only. Fix: add @Sensitive(category = ..., mask = ...) so that only an "
          + "access-checked reveal returns it, or @SuppressWarnings(\"HookGuardEncryptedNotSensitive\")"
          + " if it may be shown."),
  BASELINE_UNREADABLE(Kind.ERROR, "HookGuardBaselineUnreadable",
      "The privacy baseline %s (option hookguard.privacyBaseline) cannot be read: %s. Fix: correct "
          + "the path, or write the baseline from this build with "
          + "-Ahookguard.privacyBaseline.update=true and commit it."),
  BASELINE_SENSITIVE_REMOVED(Kind.ERROR, "HookGuardBaselineSensitiveRemoved",
      "Property '%s' of %s was @Sensitive(category = %s, mask = %s) in the privacy baseline and is "
          + "not @Sensitive now: it would be logged, forwarded and returned by find(...) as it is. "
          + "Fix: restore @Sensitive(category = Category.%s, mask = Mask.%s)" + Message.REGENERATE),
  BASELINE_ENCRYPT_REMOVED(Kind.ERROR, "HookGuardBaselineEncryptRemoved",
      "Property '%s' of %s was @Encrypt (%s) in the privacy baseline and is not @Encrypt now: the "
          + "store would keep it in plain text, and backups would keep it past its retention. "
          + "Fix: restore %s" + Message.REGENERATE),
  BASELINE_SUBJECT_REMOVED(Kind.ERROR, "HookGuardBaselineSubjectRemoved",
      "Property '%s' of %s was @Subject in the privacy baseline and is not @Subject now: records "
          + "received from now on would not be found, exported or erased for the person it names. "
          + "Fix: restore @Subject" + Message.REGENERATE),
  BASELINE_DETERMINISTIC(Kind.ERROR, "HookGuardBaselineDeterministic",
      "Property '%s' of %s is @Encrypt(deterministic = true) but was randomized in the privacy "
          + "baseline: equal values would give equal ciphertexts, which shows which records share "
          + "a value. Fix: remove deterministic = true" + Message.REGENERATE),
  BASELINE_WEAKER_MASK(Kind.ERROR, "HookGuardBaselineWeakerMask",
      "Property '%s' of %s is masked %s, weaker than %s in the privacy baseline: %s. Fix: restore "
          + "mask = Mask.%s" + Message.REGENERATE),
  BASELINE_LONGER_RETENTION(Kind.ERROR, "HookGuardBaselineLongerRetention",
      "Property '%s' of %s is kept %s, longer than the %d days of the privacy baseline (a field is "
          + "kept as long as the shortest of its record's @Retain, its own, and that of every type "
          + "and property inside it). Fix: restore a @Retain of at most %d days"
          + Message.REGENERATE),
  BASELINE_TYPE_RETENTION(Kind.ERROR, "HookGuardBaselineTypeRetention",
      "%s records are kept %s, longer than the %d days of the privacy baseline. Fix: restore "
          + "@Retain(days = %d) or shorter" + Message.REGENERATE),
  BASELINE_UNDECIDED(Kind.ERROR, "HookGuardBaselineUndecided",
      "Property '%s' of %s is new since the privacy baseline and looks like %s, but nobody decided "
          + "how to protect it: it is not @Sensitive. Fix: add @Sensitive(category = Category.%s) "
          + "(and @Encrypt), or @SuppressWarnings(\"HookGuardPersonalData\") if it is not "
          + "personal data; then regenerate the baseline (-Ahookguard.privacyBaseline.update=true)."),
  BASELINE_STRONGER(Kind.NOTE, "HookGuardBaselineStronger",
      "%s: %s, stronger than in the privacy baseline. Regenerate the baseline "
          + "(-Ahookguard.privacyBaseline.update=true) to keep it that way."),
  BASELINE_CHANGED(Kind.NOTE, "HookGuardBaselineChanged",
      "Property '%s' of %s: %s, where the privacy baseline has %s. Regenerate the baseline "
          + "(-Ahookguard.privacyBaseline.update=true) so the change is reviewed."),
  BASELINE_REMOVED(Kind.NOTE, "HookGuardBaselineRemoved",
      "%s is in the privacy baseline but not in this compilation: removed, renamed, or compiled "
          + "elsewhere. Regenerate the baseline (-Ahookguard.privacyBaseline.update=true) if it "
          + "is gone."),
  RECORD_TO_STRING(Kind.WARNING, "HookGuardRecordToString",
      "Record %s holds @Sensitive components but keeps the default toString(), which prints every "
          + "value. Fix: add to %s: @Override public String toString() { return "
          + "%sRedactor.create().toLogString(this); }");

  /** How every weakening error ends: a weakening is allowed only through a reviewed baseline. */
  private static final String REGENERATE = "; if the change is intended, regenerate the baseline "
      + "(-Ahookguard.privacyBaseline.update=true) and commit it, so it is reviewed.";

  private final Kind kind;
  private final String id;
  private final String format;

  Message(Kind kind, String id, String format) {
    this.kind = kind;
    this.id = id;
    this.format = format;
  }

  public Kind kind() {
    return kind;
  }

  /** The stable id, such as {@code HookGuardRetainDays}. */
  public String id() {
    return id;
  }

  /**
   * The full message: {@code [id] }, the path from the root of the nested type it is about (such
   * as {@code Order.lineItems[]: }), then the rule and the fix. An empty path is left out.
   */
  public String formatAt(String path, Object... args) {
    return "[" + id + "] " + (path.isEmpty() ? "" : path + ": ") + String.format(format, args);
  }
}
