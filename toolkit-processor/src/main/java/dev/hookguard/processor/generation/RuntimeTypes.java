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
  private static final String REDACT = RUNTIME + ".redact";
  private static final String SIGNATURE = RUNTIME + ".signature";
  private static final String VERIFY = RUNTIME + ".verify";
  private static final String GENERATED_SUPPORT = RUNTIME + ".generated";
  private static final String COMPANION = RUNTIME + ".companion";

  // dev.hookguard.api
  static final ClassName GENERATED = ClassName.get(API, "Generated");
  static final ClassName CATEGORY = ClassName.get(API, "Sensitive", "Category");

  // what users configure and call
  static final ClassName HOOKGUARD = ClassName.get(RUNTIME, "HookGuard");
  static final ClassName WEBHOOK_SIGNATURE = ClassName.get(SIGNATURE, "WebhookSignature");
  static final ClassName REDACTION_CONTEXT = ClassName.get(REDACT, "RedactionContext");
  static final ClassName VERIFIER_BUILDER = ClassName.get(VERIFY, "VerifierBuilder");

  // the base classes of the generated companions, whose public methods users call
  static final ClassName ABSTRACT_PAYLOAD_VERIFIER =
      ClassName.get(COMPANION, "AbstractPayloadVerifier");
  static final ClassName ABSTRACT_REDACTOR = ClassName.get(COMPANION, "AbstractRedactor");
  static final ClassName ABSTRACT_PAYLOAD_STORE = ClassName.get(COMPANION, "AbstractPayloadStore");

  // support for generated code (dev.hookguard.runtime.generated: no compatibility promise)
  static final ClassName PAYLOAD_READER = ClassName.get(GENERATED_SUPPORT, "PayloadReader");
  static final ClassName PROPERTY_NAMES = ClassName.get(GENERATED_SUPPORT, "PropertyNames");
  static final ClassName PAYLOAD_WRITER = ClassName.get(GENERATED_SUPPORT, "PayloadWriter");
  static final ClassName JSON_READ_EXCEPTION = ClassName.get(GENERATED_SUPPORT, "JsonReadException");
  static final ClassName MASKS = ClassName.get(GENERATED_SUPPORT, "Masks");
  static final ClassName COPIES = ClassName.get(GENERATED_SUPPORT, "Copies");
  static final ClassName PAYLOAD_VERIFICATION = ClassName.get(GENERATED_SUPPORT, "PayloadVerification");
  static final ClassName STORE_SCHEMA = ClassName.get(GENERATED_SUPPORT, "StoreSchema");
  static final ClassName FIELD_SPEC = ClassName.get(GENERATED_SUPPORT, "FieldSpec");
  static final ClassName PROTECTION = ClassName.get(GENERATED_SUPPORT, "Protection");
  static final ClassName PAYLOAD_TABLE = ClassName.get(GENERATED_SUPPORT, "PayloadTable");
  static final ClassName GENERATED_STORES = ClassName.get(GENERATED_SUPPORT, "GeneratedStores");
}
