package dev.hookguard.processor.generation;

import static dev.hookguard.processor.generation.RuntimeTypes.ABSTRACT_PAYLOAD_STORE;
import static dev.hookguard.processor.generation.RuntimeTypes.CATEGORY;
import static dev.hookguard.processor.generation.RuntimeTypes.FIELD_SPEC;
import static dev.hookguard.processor.generation.RuntimeTypes.GENERATED_STORES;
import static dev.hookguard.processor.generation.RuntimeTypes.HOOKGUARD;
import static dev.hookguard.processor.generation.RuntimeTypes.PAYLOAD_TABLE;
import static dev.hookguard.processor.generation.RuntimeTypes.PAYLOAD_WRITER;
import static dev.hookguard.processor.generation.RuntimeTypes.PROTECTION;
import static dev.hookguard.processor.generation.RuntimeTypes.REDACTION_CONTEXT;
import static dev.hookguard.processor.generation.RuntimeTypes.STORE_SCHEMA;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hookguard.processor.model.PayloadModel;
import dev.hookguard.processor.model.PrivacyManifest;
import dev.hookguard.processor.model.Property;
import dev.hookguard.processor.model.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code XStore} on the runtime's {@code AbstractPayloadStore} (which holds {@code put},
 * {@code putAll}, {@code find}, {@code reveal}, {@code revealWithExpiry} and {@code delete} over
 * the runtime's {@code PayloadTable}): the payload's storage schema (protection, categories and
 * retention of each property, as the model decided them), the factories, and a typed {@code
 * findByF} per deterministic property. Encryption, access checks, audit and retention all happen
 * in the runtime; this class only maps types.
 */
public final class StoreGenerator {

  public TypeSpec generate(PayloadModel model) {
    ClassName payload = model.type();
    ClassName self = PayloadModel.companion(payload, "Store");
    ClassName redactor = model.redactor();
    ClassName verifier = model.verifier();
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addJavadoc("Keeps {@link $T} records: encrypted at rest where its annotations say,\n"
            + "masked on {@code find} as {@link $T} masks them, revealed only to an\n"
            + "accessor granted every category, kept no longer than its retention.\n", payload, redactor)
        .addModifiers(Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(ABSTRACT_PAYLOAD_STORE, payload))
        .addField(FieldSpec.builder(STORE_SCHEMA, "SCHEMA", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("How {@code $L} is stored, property by property.\n", payload.simpleName())
            .initializer(schema(model))
            .build())
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(PAYLOAD_TABLE, "table")
            .addParameter(redactor, "redactor")
            .addStatement("super(table, SCHEMA, redactor, $T::write, $T::read)", verifier, verifier)
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
            .build());
    model.properties().stream()
        .filter(p -> p.storage().protection() == Storage.Protection.DETERMINISTIC)
        .forEach(property -> type.addMethod(finder(model, property)));
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
            + "{@code find}; an index look-up by keyed token, never a scan.\n", property.name())
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
}
