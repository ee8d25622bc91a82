package dev.hookguard.processor.generation;

import com.palantir.javapoet.ClassName;

/**
 * Every type of the HookGuard runtime and API that generated code names, in one place: when a
 * runtime type moves, this is the one file of the processor to change.
 */
final class RuntimeTypes {

  private RuntimeTypes() {}

  private static final String API = "dev.hookguard.api";
  private static final String RUNTIME = "dev.hookguard.runtime";
  private static final String JSON = RUNTIME + ".json";
  private static final String REDACT = RUNTIME + ".redact";
  private static final String SIGNATURE = RUNTIME + ".signature";
  private static final String STORE = RUNTIME + ".store";
  private static final String VERIFY = RUNTIME + ".verify";

  // dev.hookguard.api
  static final ClassName GENERATED = ClassName.get(API, "Generated");
  static final ClassName CATEGORY = ClassName.get(API, "Sensitive", "Category");

  // what users configure and call
  static final ClassName HOOKGUARD = ClassName.get(RUNTIME, "HookGuard");
  static final ClassName WEBHOOK_SIGNATURE = ClassName.get(SIGNATURE, "WebhookSignature");
  static final ClassName VERIFICATION_EXCEPTION =
      ClassName.get(SIGNATURE, "WebhookVerificationException");
  static final ClassName REDACTOR = ClassName.get(REDACT, "Redactor");
  static final ClassName REDACTION_CONTEXT = ClassName.get(REDACT, "RedactionContext");
  static final ClassName ACCESSOR = ClassName.get(STORE, "Accessor");
  static final ClassName PAYLOAD_STORE = ClassName.get(STORE, "PayloadStore");

  // support for generated code
  static final ClassName PAYLOAD_READER = ClassName.get(JSON, "PayloadReader");
  static final ClassName PAYLOAD_WRITER = ClassName.get(JSON, "PayloadWriter");
  static final ClassName JSON_READ_EXCEPTION = ClassName.get(JSON, "JsonReadException");
  static final ClassName MASKS = ClassName.get(REDACT, "Masks");
  static final ClassName COPIES = ClassName.get(REDACT, "Copies");
  static final ClassName PAYLOAD_VERIFICATION = ClassName.get(VERIFY, "PayloadVerification");
  static final ClassName VERIFIER_BUILDER = ClassName.get(VERIFY, "VerifierBuilder");
  static final ClassName STORE_SCHEMA = ClassName.get(STORE, "StoreSchema");
  static final ClassName FIELD_SPEC = ClassName.get(STORE, "FieldSpec");
  static final ClassName PROTECTION = ClassName.get(STORE, "Protection");
  static final ClassName PAYLOAD_TABLE = ClassName.get(STORE, "PayloadTable");
  static final ClassName STORED_RECORD = ClassName.get(STORE, "StoredRecord");
  static final ClassName STORED_DOCUMENTS = ClassName.get(STORE, "StoredDocuments");
}
