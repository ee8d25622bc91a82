package dev.hookguard.processor.generation;

import static dev.hookguard.processor.generation.RuntimeTypes.ABSTRACT_PAYLOAD_VERIFIER;
import static dev.hookguard.processor.generation.RuntimeTypes.JSON_READ_EXCEPTION;
import static dev.hookguard.processor.generation.RuntimeTypes.PAYLOAD_READER;
import static dev.hookguard.processor.generation.RuntimeTypes.PAYLOAD_VERIFICATION;
import static dev.hookguard.processor.generation.RuntimeTypes.PAYLOAD_WRITER;
import static dev.hookguard.processor.generation.RuntimeTypes.PROPERTY_NAMES;
import static dev.hookguard.processor.generation.RuntimeTypes.VERIFIER_BUILDER;
import static dev.hookguard.processor.generation.RuntimeTypes.WEBHOOK_SIGNATURE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hookguard.processor.model.NestedModel;
import dev.hookguard.processor.model.ObjectModel;
import dev.hookguard.processor.model.PayloadModel;
import dev.hookguard.processor.model.Property;
import dev.hookguard.processor.model.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code XVerifier}: on the runtime's {@code AbstractPayloadVerifier} (which holds
 * {@code verify}: size limit, signature, replay guard, then parse and validate), a
 * reflection-free {@code read} that walks the JSON with the streaming parser, and the matching
 * {@code write}. Each nested type below the root gets a private {@code readT} and {@code writeT}
 * here, and each type read here a constant with its JSON names, which the parser matches as it
 * reads them.
 */
public final class VerifierGenerator {

  private static final List<String> FIXED_METHODS =
      List.of("create", "builder", "verify", "readTrusted", "read", "write", "toJson");

  public TypeSpec generate(PayloadModel model) {
    ClassName payload = model.type();
    ClassName self = model.verifier();
    List<NestedModel> nested = model.nested().all();
    Map<ClassName, Shape.EnumType> enums = new LinkedHashMap<>();
    model.properties().forEach(p -> collectEnums(p.shape(), enums));
    nested.forEach(n -> n.properties().forEach(p -> collectEnums(p.shape(), enums)));
    MethodNames methods =
        new MethodNames(FIXED_METHODS, nested.stream().map(NestedModel::type).toList());
    for (ClassName enumType : enums.keySet()) {
      methods.add(lowerFirst(enumType.simpleName()) + "Named", enumType);
    }
    for (NestedModel type : nested) {
      methods.addNested("read", type.type());
      methods.addNested("write", type.type());
    }
    Code code = new Code(self, methods, propertyNames(model, nested, methods));

    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addJavadoc(CodeBlock.builder()
            .add("Verifies and reads {@link $T} webhooks: the body's size, its signature, its\n",
                payload)
            .add("message id against replays, then a reflection-free parse within hard limits\n")
            .add("and validation. Nothing is returned until every step passed.\n")
            .build())
        .addModifiers(Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(ABSTRACT_PAYLOAD_VERIFIER, payload));
    type.addField(code.propertyNamesField(model, "read"));
    for (NestedModel nestedType : nested) {
      type.addField(code.propertyNamesField(nestedType, methods.nested("read", nestedType.type())));
    }
    type.addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(PAYLOAD_VERIFICATION, "verification")
            .addStatement("super(verification, $T::read)", self)
            .build())
        .addMethod(MethodSpec.methodBuilder("create")
            .addJavadoc("A verifier with default limits and no replay guard.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(self)
            .addParameter(WEBHOOK_SIGNATURE, "signature")
            .addStatement("return builder(signature).build()")
            .build())
        .addMethod(MethodSpec.methodBuilder("builder")
            .addJavadoc("A builder for a verifier with a replay guard, other limits or strict properties.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(ParameterizedTypeName.get(VERIFIER_BUILDER, self))
            .addParameter(WEBHOOK_SIGNATURE, "signature")
            .addStatement("return new $T<>(signature, $T::new)", VERIFIER_BUILDER, self)
            .build())
        .addMethod(code.readMethod(model, "read"))
        .addMethod(code.writeMethod(model, "write", "read"))
        .addMethod(MethodSpec.methodBuilder("toJson")
            .addJavadoc("The full JSON of {@code value}, sensitive values included; reads back\n"
                + "with {@link #readTrusted(byte[])}.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(String.class)
            .addParameter(payload, "value")
            .addStatement("return $T.toJson(value, $T::write)", PAYLOAD_WRITER, self)
            .build());
    for (NestedModel nestedType : nested) {
      String read = methods.nested("read", nestedType.type());
      type.addMethod(code.readMethod(nestedType, read))
          .addMethod(code.writeMethod(nestedType, methods.nested("write", nestedType.type()), read));
    }
    for (Shape.EnumType enumType : enums.values()) {
      type.addMethod(enumLookUp(enumType, methods.get(enumType.typeName())));
    }
    if (model.isPublic()) {
      type.addModifiers(Modifier.PUBLIC);
    }
    return type.build();
  }

  private static void collectEnums(Shape shape, Map<ClassName, Shape.EnumType> enums) {
    if (shape instanceof Shape.EnumType enumType) {
      enums.putIfAbsent(enumType.typeName(), enumType);
    } else if (shape instanceof Shape.Container container) {
      collectEnums(container.element(), enums);
    }
  }

  /**
   * The names of the constants holding each type's JSON names: {@code PROPERTIES} for the root,
   * {@code LINE_ITEM_PROPERTIES} for the type {@code readLineItem} reads.
   */
  private static Map<ClassName, String> propertyNames(
      PayloadModel model, List<NestedModel> nested, MethodNames methods) {
    NameAllocator fields = new NameAllocator();
    fields.newName("verification", "verification");
    Map<ClassName, String> names = new LinkedHashMap<>();
    names.put(model.type(), fields.newName("PROPERTIES", model.type()));
    for (NestedModel type : nested) {
      String suffix = methods.nested("read", type.type()).substring("read".length());
      String constant = suffix.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT) + "_PROPERTIES";
      names.put(type.type(), fields.newName(constant, type.type()));
    }
    return names;
  }

  /** The read and write methods of one verifier, root and nested types alike. */
  private record Code(ClassName self, MethodNames methods, Map<ClassName, String> propertyNames) {

    /** The constant with {@code model}'s JSON names, in declaration order. */
    FieldSpec propertyNamesField(ObjectModel model, String readName) {
      CodeBlock names = model.properties().stream()
          .map(property -> CodeBlock.of("$S", property.jsonName()))
          .collect(CodeBlock.joining(",$W"));
      return FieldSpec.builder(PROPERTY_NAMES, propertyNames.get(model.type()),
              Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The JSON names {@link #$L} matches, in declaration order.\n", readName)
          .initializer("$T.of($L)", PROPERTY_NAMES, names)
          .build();
    }

    /**
     * {@code read}, public, for the root; a private {@code readT} for a nested type. Only the
     * root's top-level properties can be excused by storage, and only they need a primitive's
     * zero when absent.
     */
    MethodSpec readMethod(ObjectModel model, String name) {
      boolean isRoot = model instanceof PayloadModel;
      NameAllocator locals = new NameAllocator();
      locals.newName("in", "in");
      for (Property property : model.properties()) {
        locals.newName(property.name(), property);
      }
      ClassName payload = model.type();
      boolean anyPrimitive = model.properties().stream()
          .anyMatch(p -> p.emptyValue() == Property.Empty.ZERO);
      MethodSpec.Builder method = MethodSpec.methodBuilder(name)
          .addJavadoc("Reads one {@code $T} (or {@code null}) from {@code in}, checking every\n"
              + "required property.\n", payload)
          .addJavadoc(isRoot && anyPrimitive
              ? "A primitive absent only because storage excused it (its field expired) reads as\n"
                  + "its zero.\n"
              : "")
          .addModifiers(isRoot ? Modifier.PUBLIC : Modifier.PRIVATE, Modifier.STATIC)
          .returns(payload)
          .addParameter(PAYLOAD_READER, "in")
          .addException(JSON_READ_EXCEPTION)
          .beginControlFlow("if (in.nextIsNull())")
          .addStatement("return null")
          .endControlFlow();
      for (Property property : model.properties()) {
        method.addStatement("$T $N = $L", localType(property), locals.get(property),
            initialValue(property));
      }
      method.addStatement("in.beginObject($N)", propertyNames.get(payload))
          .beginControlFlow("while (in.nextProperty())")
          .beginControlFlow("switch (in.propertyIndex())");
      // A property's number is its position in the type's PropertyNames: declaration order.
      List<Property> properties = model.properties();
      for (int i = 0; i < properties.size(); i++) {
        Property property = properties.get(i);
        method.addCode("case $L -> $N = $L; // $S\n", i, locals.get(property),
            readValue(property.shape(), "in", 1), property.jsonName());
      }
      method.endControlFlow()
          .endControlFlow();
      for (Property property : model.properties()) {
        if (property.isRequired()) {
          method.addStatement("in.require($N != null, $S)", locals.get(property), property.jsonName());
        }
      }
      return method.addStatement("in.endObject()")
          .addCode(ConstructionCode.buildAndReturn(model, locals.newName("value"),
              property -> argument(property, locals, isRoot)))
          .build();
    }

    /** An expression reading a value of {@code shape} from the reader {@code in}. */
    private CodeBlock readValue(Shape shape, String in, int depth) {
      if (shape instanceof Shape.Scalar scalar) {
        return CodeBlock.of("$L.$L()", in, scalar.kind().readerMethod());
      }
      if (shape instanceof Shape.EnumType enumType) {
        CodeBlock fallback = enumType.fallback()
            .map(constant -> CodeBlock.of("$T.$L", enumType.typeName(), constant))
            .orElse(CodeBlock.of("null"));
        return CodeBlock.of("$L.$L($T::$L, $L)", in, enumType.readerMethod(), self,
            methods.get(enumType.typeName()), fallback);
      }
      if (shape instanceof Shape.Payload payload) {
        return CodeBlock.of("$T.read($L)", payload.companion("Verifier"), in);
      }
      if (shape instanceof Shape.Nested nested) {
        return CodeBlock.of("$L($L)", methods.nested("read", nested.typeName()), in);
      }
      Shape.Container container = (Shape.Container) shape;
      if (container.isPrimitiveArray()) {
        return CodeBlock.of("$L.$L()", in, container.readerMethod());
      }
      String r = depth == 1 ? "r" : "r" + depth;
      CodeBlock element = readValue(container.element(), r, depth + 1);
      // An array of objects is created by the caller's constructor reference: no generic arrays.
      return container.kind() == Shape.ContainerKind.ARRAY
          ? CodeBlock.of("$L.$L($L -> $L, $T[]::new)", in, container.readerMethod(), r, element,
              container.element().typeName())
          : CodeBlock.of("$L.$L($L -> $L)", in, container.readerMethod(), r, element);
    }

    /** {@code write}, public, for the root; a private {@code writeT} for a nested type. */
    MethodSpec writeMethod(ObjectModel model, String name, String readName) {
      WriteCode.ObjectWriter objects = WriteCode.inFull(type -> methods.nested("write", type));
      boolean isRoot = model instanceof PayloadModel;
      return MethodSpec.methodBuilder(name)
          .addJavadoc("Writes all of {@code value}, sensitive values included, as {@link #$L}\n"
              + "reads it.\n", readName)
          .addModifiers(isRoot ? Modifier.PUBLIC : Modifier.PRIVATE, Modifier.STATIC)
          .addParameter(PAYLOAD_WRITER, "out")
          .addParameter(model.type(), "value")
          .addCode(WriteCode.object(model, property -> Optional.of(WriteCode.write(
              property.shape(), "out", WriteCode.read(property), objects))))
          .build();
    }
  }

  /**
   * A read property as the payload receives it. A root's primitive that storage excused (its
   * field expired) is still {@code null} here, and becomes its zero; below the root, a required
   * primitive is always present.
   */
  private static CodeBlock argument(Property property, NameAllocator locals, boolean isRoot) {
    if (isRoot && property.emptyValue() == Property.Empty.ZERO) {
      return CodeBlock.of("$T.requireNonNullElse($N, $L)", Objects.class, locals.get(property),
          property.zero());
    }
    return CodeBlock.of("$N", locals.get(property));
  }

  /** Primitives are read into their box, so "absent" is {@code null} like for every other type. */
  private static TypeName localType(Property property) {
    return property.shape().typeName().box();
  }

  /** An {@code Optional} starts empty; anything else, a primitive's box too, {@code null}. */
  private static CodeBlock initialValue(Property property) {
    return property.emptyValue() == Property.Empty.EMPTY_OPTIONAL
        ? CodeBlock.of("$T.empty()", Optional.class)
        : CodeBlock.of("null");
  }

  private static MethodSpec enumLookUp(Shape.EnumType enumType, String name) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addJavadoc("The {@code $T} constant named {@code name}, or {@code null}.\n",
            enumType.typeName())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(enumType.typeName())
        .addParameter(String.class, "name")
        .addCode("return switch (name) {\n$>");
    for (String constant : enumType.constants()) {
      method.addStatement("case $S -> $T.$L", constant, enumType.typeName(), constant);
    }
    return method.addStatement("default -> null")
        .addCode("$<};\n")
        .build();
  }

  private static String lowerFirst(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
