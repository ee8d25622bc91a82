package dev.hookguard.processor.generation;

import static dev.hookguard.processor.generation.RuntimeTypes.COPIES;
import static dev.hookguard.processor.generation.RuntimeTypes.MASKS;
import static dev.hookguard.processor.generation.RuntimeTypes.PAYLOAD_WRITER;
import static dev.hookguard.processor.generation.RuntimeTypes.REDACTION_CONTEXT;
import static dev.hookguard.processor.generation.RuntimeTypes.REDACTOR;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hookguard.processor.model.PayloadModel;
import dev.hookguard.processor.model.Property;
import dev.hookguard.processor.model.ScalarKind;
import dev.hookguard.processor.model.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code XRedactor}: one {@code write} method that renders the payload for both log
 * lines and JSON with every sensitive value masked, and one {@code copyRedacted} method that
 * builds the copy safe to forward. Masking is decided per property in the model and rendered
 * here without further decisions.
 */
public final class RedactorGenerator {

  private static final TypeName STRING = ClassName.get(String.class);

  public TypeSpec generate(PayloadModel model) {
    ClassName payload = model.type();
    ClassName self = model.redactor();
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addJavadoc(classJavadoc(model))
        .addModifiers(Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(REDACTOR, payload))
        .addField(REDACTION_CONTEXT, "context", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(REDACTION_CONTEXT, "context")
            .addStatement("this.context = context")
            .build())
        .addMethod(MethodSpec.methodBuilder("create")
            .addJavadoc("A redactor whose {@code HASH} pseudonyms use this process's random key.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(self)
            .addStatement("return new $T($T.create())", self, REDACTION_CONTEXT)
            .build())
        .addMethod(MethodSpec.methodBuilder("create")
            .addJavadoc("A redactor whose {@code HASH} pseudonyms use the key of {@code context}.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(self)
            .addParameter(REDACTION_CONTEXT, "context")
            .addStatement("return new $T($T.requireNonNull(context, $S))", self, Objects.class, "context")
            .build())
        .addMethod(override("toLogString", STRING, payload)
            .addStatement("return $T.toLogString(value, (out, v) -> write(out, v, context))", PAYLOAD_WRITER)
            .build())
        .addMethod(override("toRedactedJson", STRING, payload)
            .addStatement("return $T.toJson(value, (out, v) -> write(out, v, context))", PAYLOAD_WRITER)
            .build())
        .addMethod(override("redact", payload, payload)
            .addStatement("return copyRedacted(value, context)")
            .build())
        .addMethod(writeMethod(model))
        .addMethod(copyMethod(model));
    if (model.isPublic()) {
      type.addModifiers(Modifier.PUBLIC);
    }
    return type.build();
  }

  private static CodeBlock classJavadoc(PayloadModel model) {
    CodeBlock.Builder doc = CodeBlock.builder()
        .add("Redacts {@link $T} for log lines, JSON and forwarding, as its annotations say.\n",
            model.type());
    List<Property> sensitive = model.properties().stream().filter(Property::isSensitive).toList();
    if (sensitive.isEmpty()) {
      return doc.add("It has no {@code @Sensitive} properties: every value is shown.\n").build();
    }
    doc.add("\n<ul>\n");
    for (Property property : sensitive) {
      Property.SensitiveSpec spec = property.sensitive().orElseThrow();
      doc.add("  <li>{@code $L}: $L, mask {@code $L}\n",
          property.name(), spec.category(), spec.mask());
    }
    return doc.add("</ul>\n").build();
  }

  private static MethodSpec.Builder override(String name, TypeName returns, ClassName payload) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(returns)
        .addParameter(payload, "value");
  }

  private static MethodSpec writeMethod(PayloadModel model) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("write")
        .addJavadoc("Writes {@code value} with every sensitive value masked. The redactors of\n"
            + "payloads that contain a {@code $T} call this.\n", model.type())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(PAYLOAD_WRITER, "out")
        .addParameter(model.type(), "value")
        .addParameter(REDACTION_CONTEXT, "context")
        .beginControlFlow("if (value == null)")
        .addStatement("out.nullValue()")
        .addStatement("return")
        .endControlFlow()
        .addStatement("out.beginObject($S)", model.type().simpleName());
    for (Property property : model.properties()) {
      if (property.isOmitted()) {
        continue;
      }
      if (property.name().equals(property.jsonName())) {
        method.addStatement("out.name($S)", property.name());
      } else {
        method.addStatement("out.name($S, $S)", property.name(), property.jsonName());
      }
      CodeBlock read = read(property);
      if (property.isSensitive()) {
        method.addStatement("out.masked($L)", mask(property, read));
      } else {
        method.addStatement("$L", WriteCode.write(property.shape(), "out", read,
            (payload, out, value) -> CodeBlock.of("$T.write($L, $L, context)",
                payload.companion("Redactor"), out, value)));
      }
    }
    return method.addStatement("out.endObject()").build();
  }

  /** The masked text of a sensitive property, as a String expression. */
  private static CodeBlock mask(Property property, CodeBlock read) {
    return switch (property.sensitive().orElseThrow().mask()) {
      case FULL -> CodeBlock.of("$T.REDACTED", MASKS);
      case LAST4 -> CodeBlock.of("$T.last4($L)", MASKS, read);
      case EMAIL -> CodeBlock.of("$T.email($L)", MASKS, read);
      case HASH -> CodeBlock.of("context.pseudonym($L)", read);
      case OMIT -> throw new IllegalStateException("omitted properties are never written");
    };
  }

  private static MethodSpec copyMethod(PayloadModel model) {
    ClassName payload = model.type();
    MethodSpec.Builder method = MethodSpec.methodBuilder("copyRedacted")
        .addJavadoc("A copy of {@code value} that is safe to forward: sensitive strings masked,\n"
            + "other sensitive values and {@code OMIT} values left empty, nested payloads redacted.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(payload)
        .addParameter(payload, "value")
        .addParameter(REDACTION_CONTEXT, "context")
        .beginControlFlow("if (value == null)")
        .addStatement("return null")
        .endControlFlow();
    if (model.isRecord()) {
      List<CodeBlock> arguments = new ArrayList<>();
      for (Property property : model.properties()) {
        arguments.add(copyValue(property));
      }
      method.addCode("return new $T(", payload);
      if (arguments.isEmpty()) {
        method.addCode(");\n");
      } else {
        method.addCode("$>$>\n$L);\n$<$<", CodeBlock.join(arguments, ",\n"));
      }
      return method.build();
    }
    method.addStatement("$T copy = new $T()", payload, payload);
    for (Property property : model.properties()) {
      Property.Write write = property.write();
      if (write.kind() == Property.WriteKind.SETTER) {
        method.addStatement("copy.$L($L)", write.target(), copyValue(property));
      } else {
        method.addStatement("copy.$L = $L", write.target(), copyValue(property));
      }
    }
    return method.addStatement("return copy").build();
  }

  /** What a redacted copy holds for {@code property}. */
  private static CodeBlock copyValue(Property property) {
    CodeBlock read = read(property);
    Optional<Property.SensitiveSpec> sensitive = property.sensitive();
    if (sensitive.isEmpty()) {
      return copyNonSensitive(property.shape(), read, 1);
    }
    Shape shape = property.shape();
    boolean isString = shape instanceof Shape.Scalar s && s.kind() == ScalarKind.STRING;
    if (isString && !property.isOmitted()) {
      return mask(property, read);
    }
    return empty(shape);
  }

  /** Non-sensitive values are kept; only containers of nested payloads need a mapped copy. */
  private static CodeBlock copyNonSensitive(Shape shape, CodeBlock value, int depth) {
    if (!shape.containsPayload()) {
      return value;
    }
    if (shape instanceof Shape.Payload payload) {
      return CodeBlock.of("$T.copyRedacted($L, context)", payload.companion("Redactor"), value);
    }
    Shape.Container container = (Shape.Container) shape;
    String method = switch (container.kind()) {
      case LIST -> "list";
      case SET -> "set";
      case ARRAY -> "array";
      case MAP -> "map";
      case OPTIONAL -> "optional";
    };
    String e = depth == 1 ? "e" : "e" + depth;
    return CodeBlock.of("$T.$L($L, $L -> $L)", COPIES, method, value, e,
        copyNonSensitive(container.element(), CodeBlock.of("$L", e), depth + 1));
  }

  /** The value a redacted copy holds instead of a sensitive one. */
  private static CodeBlock empty(Shape shape) {
    if (shape instanceof Shape.Scalar scalar && scalar.kind().isPrimitive()) {
      return CodeBlock.of("$L", scalar.kind().zero());
    }
    if (shape instanceof Shape.Container container
        && container.kind() == Shape.ContainerKind.OPTIONAL) {
      return CodeBlock.of("$T.empty()", Optional.class);
    }
    return CodeBlock.of("null");
  }

  private static CodeBlock read(Property property) {
    return CodeBlock.of("value.$L", property.readSuffix());
  }
}
