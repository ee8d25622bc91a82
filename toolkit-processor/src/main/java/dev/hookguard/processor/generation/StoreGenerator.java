package dev.hookguard.processor.generation;

import static dev.hookguard.processor.generation.RuntimeTypes.ACCESSOR;
import static dev.hookguard.processor.generation.RuntimeTypes.CATEGORY;
import static dev.hookguard.processor.generation.RuntimeTypes.FIELD_SPEC;
import static dev.hookguard.processor.generation.RuntimeTypes.GENERATED_STORES;
import static dev.hookguard.processor.generation.RuntimeTypes.HOOKGUARD;
import static dev.hookguard.processor.generation.RuntimeTypes.PAYLOAD_STORE;
import static dev.hookguard.processor.generation.RuntimeTypes.PAYLOAD_TABLE;
import static dev.hookguard.processor.generation.RuntimeTypes.PAYLOAD_WRITER;
import static dev.hookguard.processor.generation.RuntimeTypes.PROTECTION;
import static dev.hookguard.processor.generation.RuntimeTypes.REDACTION_CONTEXT;
import static dev.hookguard.processor.generation.RuntimeTypes.REVEALED;
import static dev.hookguard.processor.generation.RuntimeTypes.STORED_DOCUMENTS;
import static dev.hookguard.processor.generation.RuntimeTypes.STORED_RECORD;
import static dev.hookguard.processor.generation.RuntimeTypes.STORE_SCHEMA;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hookguard.processor.model.PayloadModel;
import dev.hookguard.processor.model.PrivacyManifest;
import dev.hookguard.processor.model.Property;
import dev.hookguard.processor.model.Storage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code XStore}: the payload's storage schema (protection, categories and retention of
 * each property, as the model decided them) and typed {@code put}, {@code find}, {@code reveal},
 * {@code revealWithExpiry}, {@code findByF} and {@code delete} over the runtime's {@code
 * PayloadTable}. Encryption, access checks, audit and retention all happen in the runtime; this
 * class only maps types.
 */
public final class StoreGenerator {

  public TypeSpec generate(PayloadModel model) {
    ClassName payload = model.type();
    ClassName self = PayloadModel.companion(payload, "Store");
    ClassName redactor = model.redactor();
    ClassName verifier = model.verifier();
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addJavadoc("Keeps {@link $T} records: encrypted at rest where its annotations say,\n"
            + "masked on {@code find}, revealed only to an accessor granted every category, kept\n"
            + "no longer than its retention.\n", payload)
        .addModifiers(Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(PAYLOAD_STORE, payload))
        .addField(FieldSpec.builder(STORE_SCHEMA, "SCHEMA", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("How {@code $L} is stored, property by property.\n", payload.simpleName())
            .initializer(schema(model))
            .build())
        .addField(PAYLOAD_TABLE, "table", Modifier.PRIVATE, Modifier.FINAL)
        .addField(redactor, "redactor", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(PAYLOAD_TABLE, "table")
            .addParameter(redactor, "redactor")
            .addStatement("this.table = table")
            .addStatement("this.redactor = redactor")
            .build())
        .addMethod(MethodSpec.methodBuilder("create")
            .addJavadoc("The store of {@code $L} records in {@code hookGuard}; {@code HASH}\n"
                + "pseudonyms use the store's own key, the same on every instance.\n",
                payload.simpleName())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(self)
            .addParameter(HOOKGUARD, "hookGuard")
            .addStatement("return create(hookGuard, hookGuard.redactionContext())")
            .build())
        .addMethod(MethodSpec.methodBuilder("create")
            .addJavadoc("The store of {@code $L} records, masking {@code HASH} properties under\n"
                + "the key of {@code context}.\n", payload.simpleName())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(self)
            .addParameter(HOOKGUARD, "hookGuard")
            .addParameter(REDACTION_CONTEXT, "context")
            .addStatement("return new $T($T.table(hookGuard, SCHEMA), $T.create(context))", self, GENERATED_STORES, redactor)
            .build())
        .addMethod(MethodSpec.methodBuilder("put")
            .addJavadoc("Stores {@code value} under {@code id} in one transaction; an existing\n"
                + "{@code id} is refused with {@code DuplicateRecordException}.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(String.class, "id")
            .addParameter(payload, "value")
            .addStatement("put(id, value, false)")
            .build())
        .addMethod(MethodSpec.methodBuilder("put")
            .addJavadoc("Stores {@code value} under {@code id} in one transaction, replacing an\n"
                + "existing record only if {@code overwrite}.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(String.class, "id")
            .addParameter(payload, "value")
            .addParameter(boolean.class, "overwrite")
            .addStatement("table.put(id, fields(value), overwrite)")
            .build())
        .addMethod(MethodSpec.methodBuilder("putAll")
            .addJavadoc("Stores each of {@code values} under its id in one transaction, all or\n"
                + "none, for bulk imports; an existing id is refused with\n"
                + "{@code DuplicateRecordException} and nothing is written.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(recordsById(payload), "values")
            .addStatement("putAll(values, false)")
            .build())
        .addMethod(MethodSpec.methodBuilder("putAll")
            .addJavadoc("Stores each of {@code values} under its id in one transaction, all or\n"
                + "none, replacing existing records only if {@code overwrite}.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(recordsById(payload), "values")
            .addParameter(boolean.class, "overwrite")
            .addStatement("$T<String, $T<String, String>> records = new $T<>()",
                Map.class, Map.class, LinkedHashMap.class)
            .addStatement("values.forEach((id, value) -> records.put(id, fields(value)))")
            .addStatement("table.putAll(records, overwrite)")
            .build())
        .addMethod(MethodSpec.methodBuilder("find")
            .addJavadoc("The record stored under {@code id}, sensitive values masked as\n"
                + "{@link $T} masks them.\n", redactor)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), payload))
            .addParameter(String.class, "id")
            .addStatement("return table.get(id).map(this::masked)")
            .build())
        .addMethod(MethodSpec.methodBuilder("reveal")
            .addJavadoc("The record stored under {@code id} in plaintext, if {@code who} is granted\n"
                + "every category of its sensitive properties; audited with {@code purpose}\n"
                + "whether granted or not.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), payload))
            .addParameter(String.class, "id")
            .addParameter(ACCESSOR, "who")
            .addParameter(String.class, "purpose")
            .addStatement("return revealWithExpiry(id, who, purpose).map($T::value)", REVEALED)
            .build())
        .addMethod(MethodSpec.methodBuilder("revealWithExpiry")
            .addJavadoc("As {@link #reveal}, same access check and audit entry, and tells which\n"
                + "properties are absent because their retention passed: those are listed in\n"
                + "{@link $T#expiredFields()}, a property that arrived {@code null} is not.\n",
                REVEALED)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(Optional.class),
                ParameterizedTypeName.get(REVEALED, payload)))
            .addParameter(String.class, "id")
            .addParameter(ACCESSOR, "who")
            .addParameter(String.class, "purpose")
            .addStatement("return table.reveal(id, who, purpose).map(r -> $T.revealed(r, $T::read))",
                STORED_DOCUMENTS, verifier)
            .build());
    List<Property> deterministic = model.properties().stream()
        .filter(p -> p.storage().protection() == Storage.Protection.DETERMINISTIC)
        .toList();
    for (Property property : deterministic) {
      type.addMethod(finder(model, property));
    }
    type.addMethod(MethodSpec.methodBuilder("delete")
            .addJavadoc("Deletes the record stored under {@code id}; false if there was none.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(boolean.class)
            .addParameter(String.class, "id")
            .addStatement("return table.delete(id)")
            .build());
    if (!deterministic.isEmpty()) {
      type.addMethod(MethodSpec.methodBuilder("findBy")
          .addModifiers(Modifier.PRIVATE)
          .returns(ParameterizedTypeName.get(ClassName.get(List.class), payload))
          .addParameter(String.class, "path")
          .addParameter(String.class, "json")
          .addStatement("return table.idsByValue(path, json).stream().map(this::find)"
              + ".flatMap($T::stream).toList()", Optional.class)
          .build());
    }
    type.addMethod(MethodSpec.methodBuilder("schema")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(STORE_SCHEMA)
        .addStatement("return SCHEMA")
        .build());
    type.addMethod(MethodSpec.methodBuilder("fields")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(Map.class, String.class, String.class))
        .addParameter(payload, "value")
        .addStatement("return $T.fields(value, $T::write)", STORED_DOCUMENTS, verifier)
        .build());
    type.addMethod(MethodSpec.methodBuilder("masked")
        .addModifiers(Modifier.PRIVATE)
        .returns(payload)
        .addParameter(STORED_RECORD, "record")
        .addStatement("return redactor.redact($T.read(record, $T::read))", STORED_DOCUMENTS, verifier)
        .build());
    if (model.isPublic()) {
      type.addModifiers(Modifier.PUBLIC);
    }
    return type.build();
  }

  private static CodeBlock schema(PayloadModel model) {
    List<CodeBlock> fields = new ArrayList<>();
    for (Property property : model.properties()) {
      Storage storage = property.storage();
      CodeBlock category = storage.category()
          .map(c -> CodeBlock.of("$T.$L", CATEGORY, c))
          .orElse(CodeBlock.of("null"));
      String protection = storage.protection().name();
      if (storage.nestedCategories().isEmpty()) {
        fields.add(CodeBlock.of("new $T($S, $L, $T.$L, $L)", FIELD_SPEC, property.jsonName(),
            category, PROTECTION, protection, days(storage.retainDays())));
      } else {
        List<CodeBlock> nested = storage.nestedCategories().stream()
            .map(c -> CodeBlock.of("$T.$L", CATEGORY, c))
            .toList();
        fields.add(CodeBlock.of("new $T($S, $L, $T.$L, $L,\n$>$>$T.of($L))$<$<", FIELD_SPEC,
            property.jsonName(), category, PROTECTION, protection, days(storage.retainDays()),
            Set.class, CodeBlock.join(nested, ", ")));
      }
    }
    List<String> subjects = PrivacyManifest.PayloadEntry.of(model).subjects();
    if (subjects.isEmpty()) {
      return CodeBlock.builder()
          .add("new $T(\n$>$>$S,\n$L,\n$T.of(\n$>$L))$<$<$<", STORE_SCHEMA,
              model.type().canonicalName(), days(model.retainDays()), List.class,
              CodeBlock.join(fields, ",\n"))
          .build();
    }
    List<CodeBlock> paths = subjects.stream().map(path -> CodeBlock.of("$S", path)).toList();
    return CodeBlock.builder()
        .add("new $T(\n$>$>$S,\n$L,\n$T.of(\n$>$L),\n$<$T.of($L))$<$<", STORE_SCHEMA,
            model.type().canonicalName(), days(model.retainDays()), List.class,
            CodeBlock.join(fields, ",\n"), List.class, CodeBlock.join(paths, ", "))
        .build();
  }

  private static CodeBlock days(OptionalInt days) {
    return days.isPresent()
        ? CodeBlock.of("$T.of($L)", OptionalInt.class, days.getAsInt())
        : CodeBlock.of("$T.empty()", OptionalInt.class);
  }

  private static MethodSpec finder(PayloadModel model, Property property) {
    String name = "findBy" + Character.toUpperCase(property.name().charAt(0))
        + property.name().substring(1);
    return MethodSpec.methodBuilder(name)
        .addJavadoc("The records whose {@code $L} equals {@code value}, masked as by\n"
            + "{@link #find}; an index look-up by keyed token, never a scan.\n", property.name())
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), model.type()))
        .addParameter(property.shape().typeName(), "value")
        .addStatement("return findBy($S, $T.toJson(value, (out, v) -> $L))", property.jsonName(),
            PAYLOAD_WRITER, WriteCode.write(property.shape(), "out", CodeBlock.of("v"),
                (object, out, value) -> {
                  throw new IllegalStateException("deterministic fields are single values");
                }))
        .build();
  }

  /** {@code Map<String, X>}. */
  private static ParameterizedTypeName recordsById(TypeName payload) {
    return ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), payload);
  }

}
