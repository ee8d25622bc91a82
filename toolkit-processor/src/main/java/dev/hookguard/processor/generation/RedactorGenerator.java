package dev.hookguard.processor.generation;

import static dev.hookguard.processor.generation.RuntimeTypes.ABSTRACT_REDACTOR;
import static dev.hookguard.processor.generation.RuntimeTypes.COPIES;
import static dev.hookguard.processor.generation.RuntimeTypes.MASKS;
import static dev.hookguard.processor.generation.RuntimeTypes.PAYLOAD_WRITER;
import static dev.hookguard.processor.generation.RuntimeTypes.REDACTION_CONTEXT;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hookguard.processor.model.NestedModel;
import dev.hookguard.processor.model.NestedModels;
import dev.hookguard.processor.model.ObjectModel;
import dev.hookguard.processor.model.ObjectRedaction;
import dev.hookguard.processor.model.PayloadModel;
import dev.hookguard.processor.model.Property;
import dev.hookguard.processor.model.Redaction;
import dev.hookguard.processor.model.Shape;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code XRedactor}, for a root or for a nested type with its own redactor, on the
 * runtime's {@code AbstractRedactor} (which renders {@code toLogString}, {@code toRedactedJson}
 * and {@code redact} from the two methods written here): one {@code write} method that renders
 * the value for both log lines and JSON with every sensitive value masked, and one {@code
 * copyRedacted} method that builds the copy safe to forward. Masking is decided per property in
 * the model and rendered here without further decisions.
 *
 * <p>A root or a nested type with its own redactor is redacted by calling that redactor. Any other
 * nested type inside gets private methods here: a nested type with nothing sensitive only a
 * {@code writeT} that writes it in full (a redacted copy keeps it as it is), one read from a class
 * file with sensitive properties a {@code writeT} and a {@code copyRedactedT} that mask them.
 */
public final class RedactorGenerator {

  private static final List<String> FIXED_METHODS =
      List.of("create", "toLogString", "toRedactedJson", "redact", "write", "copyRedacted");

  /** The redactor of {@code model}; {@code nested} holds every nested type below it. */
  public TypeSpec generate(ObjectModel model, NestedModels nested) {
    ClassName payload = model.type();
    ClassName self = model.redactor();
    List<NestedModel> carried = nested.carriedBy(model);
    MethodNames methods =
        new MethodNames(FIXED_METHODS, carried.stream().map(NestedModel::type).toList());
    for (NestedModel type : carried) {
      methods.addNested("write", type.type());
      if (type.redaction() == ObjectRedaction.MASKED_BY_HOLDER) {
        methods.addNested("copyRedacted", type.type());
      }
    }
    Code code = new Code(nested, methods);

    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addJavadoc(classJavadoc(model, carried))
        .addModifiers(Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(ABSTRACT_REDACTOR, payload))
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(REDACTION_CONTEXT, "context")
            .addStatement("super(context, $T::write, $T::copyRedacted)", self, self)
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
            .addStatement("return new $T(context)", self)
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
      if (carriedType.redaction() == ObjectRedaction.MASKED_BY_HOLDER) {
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

  /** The write and copy methods of one redactor, for its own type and the types it carries. */
  private record Code(NestedModels nested, MethodNames methods) {

    /** Writes with every sensitive value masked; the caller adds javadoc and modifiers. */
    MethodSpec.Builder maskedWriteMethod(ObjectModel model, String name) {
      WriteCode.ObjectWriter objects = (shape, out, value) -> switch (nested.redactionOf(shape)) {
        case OWN_REDACTOR ->
            CodeBlock.of("$T.write($L, $L, context)", redactorOf(shape), out, value);
        case MASKED_BY_HOLDER -> CodeBlock.of("$L($L, $L, context)",
            methods.nested("write", shape.typeName()), out, value);
        case IN_FULL_BY_HOLDER -> CodeBlock.of("$L($L, $L)",
            methods.nested("write", shape.typeName()), out, value);
      };
      return MethodSpec.methodBuilder(name)
          .addParameter(PAYLOAD_WRITER, "out")
          .addParameter(model.type(), "value")
          .addParameter(REDACTION_CONTEXT, "context")
          .addCode(WriteCode.object(model, property -> {
            Redaction redaction = property.redaction();
            CodeBlock read = WriteCode.read(property);
            return switch (redaction.shown()) {
              case VALUE -> Optional.of(WriteCode.write(property.shape(), "out", read, objects));
              case MASKED -> Optional.of(
                  CodeBlock.of("out.masked($L)", mask(redaction.mask().orElseThrow(), read)));
              case OMITTED -> Optional.empty();
            };
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
      Redaction redaction = property.redaction();
      CodeBlock read = WriteCode.read(property);
      return switch (redaction.copied()) {
        case SAME -> read;
        case REDACTED_INSIDE -> copyRedactedInside(property.shape(), read, 1);
        case MASKED -> mask(redaction.mask().orElseThrow(), read);
        case EMPTY -> empty(property);
      };
    }

    /** A copy of {@code value} whose objects are redacted as their redaction says. */
    private CodeBlock copyRedactedInside(Shape shape, CodeBlock value, int depth) {
      if (shape instanceof Shape.Composite composite) {
        return switch (nested.redactionOf(composite)) {
          case OWN_REDACTOR ->
              CodeBlock.of("$T.copyRedacted($L, context)", redactorOf(composite), value);
          case MASKED_BY_HOLDER -> CodeBlock.of("$L($L, context)",
              methods.nested("copyRedacted", composite.typeName()), value);
          case IN_FULL_BY_HOLDER -> value;
        };
      }
      if (!(shape instanceof Shape.Container container)) {
        return value;
      }
      String e = depth == 1 ? "e" : "e" + depth;
      return CodeBlock.of("$T.$L($L, $L -> $L)", COPIES, container.copyMethod(), value, e,
          copyRedactedInside(container.element(), CodeBlock.of("$L", e), depth + 1));
    }
  }

  /** The redactor of a root, or of a nested type that has its own. */
  private static ClassName redactorOf(Shape.Composite shape) {
    return PayloadModel.companion(shape.typeName(), "Redactor");
  }

  /** The masked text of {@code read}, as a String expression. */
  private static CodeBlock mask(Redaction.Mask mask, CodeBlock read) {
    return switch (mask) {
      case FULL -> CodeBlock.of("$T.REDACTED", MASKS);
      case LAST4 -> CodeBlock.of("$T.last4($L)", MASKS, read);
      case EMAIL -> CodeBlock.of("$T.email($L)", MASKS, read);
      case HASH -> CodeBlock.of("context.pseudonym($L)", read);
    };
  }

  /** The empty value of {@code property}. */
  private static CodeBlock empty(Property property) {
    return switch (property.emptyValue()) {
      case ZERO -> CodeBlock.of("$L", property.zero());
      case EMPTY_OPTIONAL -> CodeBlock.of("$T.empty()", Optional.class);
      case NULL -> CodeBlock.of("null");
    };
  }
}
