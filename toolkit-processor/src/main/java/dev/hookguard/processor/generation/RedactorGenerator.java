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
import dev.hookguard.processor.model.NestedModel;
import dev.hookguard.processor.model.NestedModels;
import dev.hookguard.processor.model.ObjectModel;
import dev.hookguard.processor.model.PayloadModel;
import dev.hookguard.processor.model.Property;
import dev.hookguard.processor.model.ScalarKind;
import dev.hookguard.processor.model.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code XRedactor}, for a root or for a nested type with its own redactor: one
 * {@code write} method that renders the value for both log lines and JSON with every sensitive
 * value masked, and one {@code copyRedacted} method that builds the copy safe to forward. Masking
 * is decided per property in the model and rendered here without further decisions.
 *
 * <p>A root or a nested type with its own redactor is redacted by calling that redactor. Any other
 * nested type inside gets private methods here: a nested type with nothing sensitive only a
 * {@code writeT} that writes it in full (a redacted copy keeps it as it is), one read from a class
 * file with sensitive properties a {@code writeT} and a {@code copyRedactedT} that mask them.
 */
public final class RedactorGenerator {

  private static final TypeName STRING = ClassName.get(String.class);

  private static final List<String> FIXED_METHODS =
      List.of("create", "toLogString", "toRedactedJson", "redact", "write", "copyRedacted");

  /** The redactor of {@code model}; {@code nested} holds every nested type below it. */
  public TypeSpec generate(ObjectModel model, NestedModels nested) {
    ClassName payload = model.type();
    ClassName self = model.redactor();
    List<NestedModel> carried = carried(model, nested);
    MethodNames methods =
        new MethodNames(FIXED_METHODS, carried.stream().map(NestedModel::type).toList());
    for (NestedModel type : carried) {
      methods.addNested("write", type.type());
      if (type.isSensitive()) {
        methods.addNested("copyRedacted", type.type());
      }
    }
    Code code = new Code(nested, methods);

    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addJavadoc(classJavadoc(model, carried))
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
        .addMethod(code.maskedWriteMethod(model, "write")
            .addJavadoc("Writes {@code value} with every sensitive value masked. The redactors of\n"
                + "payloads that contain a {@code $T} call this.\n", payload)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .build())
        .addMethod(code.copyMethod(model, "copyRedacted")
            .addJavadoc("A copy of {@code value} that is safe to forward: sensitive strings masked,\n"
                + "other sensitive values and {@code OMIT} values left empty, nested payloads redacted.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .build());
    for (NestedModel carriedType : carried) {
      String write = methods.nested("write", carriedType.type());
      if (carriedType.isSensitive()) {
        type.addMethod(code.maskedWriteMethod(carriedType, write)
                .addJavadoc("Writes {@code value} with every sensitive value masked.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .build())
            .addMethod(code.copyMethod(carriedType, methods.nested("copyRedacted", carriedType.type()))
                .addJavadoc("A copy of {@code value} that is safe to forward, made as\n"
                    + "{@link #copyRedacted} makes one.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .build());
      } else {
        type.addMethod(code.fullWriteMethod(carriedType, write));
      }
    }
    if (model.isPublic()) {
      type.addModifiers(Modifier.PUBLIC);
    }
    return type.build();
  }

  /**
   * The nested types this redactor writes with methods of its own, in the order first reached:
   * those inside a property that is not masked as a whole, unless they have their own redactor.
   */
  private static List<NestedModel> carried(ObjectModel model, NestedModels nested) {
    Map<ClassName, NestedModel> carried = new LinkedHashMap<>();
    carry(model, nested, carried);
    return List.copyOf(carried.values());
  }

  private static void carry(ObjectModel model, NestedModels nested, Map<ClassName, NestedModel> carried) {
    for (Property property : model.properties()) {
      if (!property.isSensitive()) {
        carry(property.shape(), nested, carried);
      }
    }
  }

  private static void carry(Shape shape, NestedModels nested, Map<ClassName, NestedModel> carried) {
    if (shape instanceof Shape.Container container) {
      carry(container.element(), nested, carried);
    } else if (shape instanceof Shape.Nested nestedShape) {
      NestedModel type = nested.get(nestedShape.typeName());
      if (!type.hasRedactor() && carried.putIfAbsent(type.type(), type) == null) {
        carry(type, nested, carried);
      }
    }
  }

  private static CodeBlock classJavadoc(ObjectModel model, List<NestedModel> carried) {
    CodeBlock.Builder doc = CodeBlock.builder()
        .add("Redacts {@link $T} for log lines, JSON and forwarding, as its annotations say.\n",
            model.type());
    if (model.properties().stream().noneMatch(Property::isSensitive)) {
      boolean sensitiveInside =
          model.properties().stream().anyMatch(p -> !p.storage().nestedCategories().isEmpty());
      doc.add(sensitiveInside
          ? "It has no {@code @Sensitive} properties of its own: the types it holds mask theirs.\n"
          : "It has no {@code @Sensitive} properties: every value is shown.\n");
    } else {
      doc.add("\n").add(sensitiveList(model));
    }
    for (NestedModel type : carried) {
      if (type.properties().stream().anyMatch(Property::isSensitive)) {
        doc.add("\n<p>Inside it, {@link $T}:\n", type.type()).add(sensitiveList(type));
      }
    }
    return doc.build();
  }

  private static CodeBlock sensitiveList(ObjectModel model) {
    CodeBlock.Builder list = CodeBlock.builder().add("<ul>\n");
    for (Property property : model.properties()) {
      property.sensitive().ifPresent(spec -> list.add("  <li>{@code $L}: $L, mask {@code $L}\n",
          property.name(), spec.category(), spec.mask()));
    }
    return list.add("</ul>\n").build();
  }

  private static MethodSpec.Builder override(String name, TypeName returns, ClassName payload) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(returns)
        .addParameter(payload, "value");
  }

  /** The write and copy methods of one redactor, for its own type and the types it carries. */
  private record Code(NestedModels nested, MethodNames methods) {

    /** Writes with every sensitive value masked; the caller adds javadoc and modifiers. */
    MethodSpec.Builder maskedWriteMethod(ObjectModel model, String name) {
      WriteCode.ObjectWriter objects = (shape, out, value) -> {
        if (shape instanceof Shape.Nested nestedShape) {
          NestedModel type = nested.get(nestedShape.typeName());
          if (!type.hasRedactor()) {
            String write = methods.nested("write", type.type());
            return type.isSensitive()
                ? CodeBlock.of("$L($L, $L, context)", write, out, value)
                : CodeBlock.of("$L($L, $L)", write, out, value);
          }
        }
        return CodeBlock.of("$T.write($L, $L, context)", redactorOf(shape), out, value);
      };
      return MethodSpec.methodBuilder(name)
          .addParameter(PAYLOAD_WRITER, "out")
          .addParameter(model.type(), "value")
          .addParameter(REDACTION_CONTEXT, "context")
          .addCode(WriteCode.object(model, property -> {
            if (property.isOmitted()) {
              return Optional.empty();
            }
            CodeBlock read = WriteCode.read(property);
            return Optional.of(property.isSensitive()
                ? CodeBlock.of("out.masked($L)", mask(property, read))
                : WriteCode.write(property.shape(), "out", read, objects));
          }));
    }

    /** A private {@code writeT} for a carried nested type with nothing sensitive: in full. */
    MethodSpec fullWriteMethod(NestedModel model, String name) {
      WriteCode.ObjectWriter objects = WriteCode.inFull(type -> methods.nested("write", type));
      return MethodSpec.methodBuilder(name)
          .addJavadoc("Writes {@code value}, which holds nothing sensitive, in full.\n")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .addParameter(PAYLOAD_WRITER, "out")
          .addParameter(model.type(), "value")
          .addCode(WriteCode.object(model, property -> Optional.of(WriteCode.write(
              property.shape(), "out", WriteCode.read(property), objects))))
          .build();
    }

    /** Builds a redacted copy; the caller adds javadoc and modifiers. */
    MethodSpec.Builder copyMethod(ObjectModel model, String name) {
      ClassName payload = model.type();
      return MethodSpec.methodBuilder(name)
          .returns(payload)
          .addParameter(payload, "value")
          .addParameter(REDACTION_CONTEXT, "context")
          .beginControlFlow("if (value == null)")
          .addStatement("return null")
          .endControlFlow()
          .addCode(ConstructionCode.buildAndReturn(model, "copy", this::copyValue));
    }

    /** What a redacted copy holds for {@code property}. */
    private CodeBlock copyValue(Property property) {
      CodeBlock read = WriteCode.read(property);
      if (property.sensitive().isEmpty()) {
        return copyNonSensitive(property.shape(), read, 1);
      }
      Shape shape = property.shape();
      boolean isString = shape instanceof Shape.Scalar s && s.kind() == ScalarKind.STRING;
      if (isString && !property.isOmitted()) {
        return mask(property, read);
      }
      return empty(shape);
    }

    /**
     * Non-sensitive values are kept; only roots, sensitive nested types and containers of them
     * need a redacted copy.
     */
    private CodeBlock copyNonSensitive(Shape shape, CodeBlock value, int depth) {
      if (!needsCopy(shape)) {
        return value;
      }
      if (shape instanceof Shape.Nested nestedShape
          && !nested.get(nestedShape.typeName()).hasRedactor()) {
        return CodeBlock.of("$L($L, context)",
            methods.nested("copyRedacted", nestedShape.typeName()), value);
      }
      if (shape instanceof Shape.Composite composite) {
        return CodeBlock.of("$T.copyRedacted($L, context)", redactorOf(composite), value);
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

    private boolean needsCopy(Shape shape) {
      if (shape instanceof Shape.Container container) {
        return needsCopy(container.element());
      }
      if (shape instanceof Shape.Nested nestedShape) {
        return nested.get(nestedShape.typeName()).isSensitive();
      }
      return shape instanceof Shape.Payload;
    }
  }

  /** The redactor of a root, or of a nested type that has its own. */
  private static ClassName redactorOf(Shape.Composite shape) {
    return PayloadModel.companion(shape.typeName(), "Redactor");
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
}
