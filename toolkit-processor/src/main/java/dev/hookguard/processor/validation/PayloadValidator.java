package dev.hookguard.processor.validation;

import com.sun.source.util.Trees;
import dev.hookguard.api.Naming;
import dev.hookguard.api.Sensitive;
import dev.hookguard.api.WebhookPayload;
import dev.hookguard.processor.model.PersonalDataNames;
import dev.hookguard.processor.model.Annotations;
import dev.hookguard.processor.model.NestedTypes;
import dev.hookguard.processor.model.PayloadModelFactory;
import dev.hookguard.processor.model.PropertyScanner;
import dev.hookguard.processor.model.PropertySource;
import dev.hookguard.processor.model.ScalarKind;
import dev.hookguard.processor.model.Shape;
import dev.hookguard.processor.model.ShapeResolver;
import dev.hookguard.processor.model.SourceTypes;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic.Kind;

/**
 * Checks one {@code @WebhookPayload} type, and the nested types below it, against every rule in
 * DESIGN.md's "Compile-time checks" that concerns them, and collects the findings in a
 * {@link Report}. It never throws for a user mistake and never stops at the first one.
 *
 * <p>A nested type is checked once per naming it is read with, by the first root that reaches
 * it, and its findings name the path from that root; a later root that reaches a nested type
 * with errors is only blocked by it. A nested type read from a class file has no source to point
 * at: its errors point at the nearest property in source on the path, and its warnings, which
 * nobody here could act on, are left out.
 */
public final class PayloadValidator {

  /** Categories whose values must not sit in plain text at rest without a word from the user. */
  private static final Set<Sensitive.Category> MUST_ENCRYPT = EnumSet.of(
      Sensitive.Category.CREDENTIAL, Sensitive.Category.FINANCIAL,
      Sensitive.Category.GOVERNMENT_ID, Sensitive.Category.HEALTH);

  private final Elements elements;
  /** javac's tree API, or {@code null} under another compiler. */
  private final Trees trees;
  private final PropertyScanner scanner;
  private final ShapeResolver shapes;
  private final NestedTypes nestedTypes;
  private final SourceTypes sources;
  /** Whether each nested type checked so far is clean, by {@link #nestedKey}. */
  private final Map<String, Boolean> nestedClean = new HashMap<>();
  /** The naming of each nested type with its own redactor, as first reached, by type name. */
  private final Map<String, FirstNaming> redactorNamings = new HashMap<>();

  private record FirstNaming(Naming naming, String path) {}

  /**
   * Where the findings about one type go: the report, the path from the root (empty for the
   * root itself), and whether the type is in source; if not, errors point at {@code anchor}.
   */
  private record Site(Report report, String path, Element anchor, boolean inSource) {

    void add(Message message, Element element, Object... args) {
      add(message, element, null, null, args);
    }

    void add(Message message, Element element, AnnotationMirror mirror,
        AnnotationValue value, Object... args) {
      if (inSource) {
        report.add(message, path, element, mirror, value, args);
      } else if (message.kind() == Kind.ERROR) {
        report.add(message, path, anchor, null, null, args);
      }
    }

    Site to(Report other) {
      return new Site(other, path, anchor, inSource);
    }
  }

  public PayloadValidator(Elements elements, Trees trees, PropertyScanner scanner,
      ShapeResolver shapes, NestedTypes nestedTypes, SourceTypes sources) {
    this.elements = elements;
    this.trees = trees;
    this.scanner = scanner;
    this.shapes = shapes;
    this.nestedTypes = nestedTypes;
    this.sources = sources;
  }

  /**
   * A report of the first property, of {@code type} or of a nested type below it, whose type is
   * not resolved yet (perhaps another processor generates it): the type must wait a round, and
   * this is the error if it still does not resolve in the last one.
   */
  public Optional<Report> unresolved(TypeElement type) {
    if (type.getKind() != ElementKind.RECORD && type.getKind() != ElementKind.CLASS) {
      return Optional.empty();
    }
    return unresolved(type, new Site(new Report(), "", type, true), type)
        .or(() -> nestedTypes.reachedFrom(type).stream()
            .map(reached -> unresolved(reached.type(), new Site(new Report(),
                reached.path(), type, sources.contains(reached.type())), type))
            .flatMap(Optional::stream)
            .findFirst());
  }

  private Optional<Report> unresolved(TypeElement owner, Site site, TypeElement root) {
    return scanner.scan(owner).stream()
        .filter(p -> ShapeResolver.isUnresolved(p.type()))
        .findFirst()
        .map(property -> {
          site.add(Message.UNRESOLVED_TYPE, property.element(),
              property.name(), owner.getSimpleName(), root.getSimpleName());
          return site.report();
        });
  }

  public Report validate(TypeElement type) {
    Report report = new Report();
    AnnotationMirror payload = Annotations.find(type, Annotations.WEBHOOK_PAYLOAD).orElseThrow();
    if (type.getKind() != ElementKind.RECORD && type.getKind() != ElementKind.CLASS) {
      report.add(Message.PAYLOAD_KIND, "", type, payload, null,
          describeKind(type), type.getSimpleName());
      return report;
    }
    Naming naming = type.getAnnotation(WebhookPayload.class).naming();
    checkType(type, true, naming, new Site(report, "", type, true));
    checkNestedTypes(type, naming, report);
    return report;
  }

  /** The rules for one root or nested type and its own properties. */
  private void checkType(TypeElement type, boolean root, Naming naming, Site site) {
    String noun = type.getKind() == ElementKind.RECORD ? "type" : "class";
    String described = (root ? "@WebhookPayload " : "") + noun + " " + type.getSimpleName();
    checkAccess(type, described, site);
    if (root && !type.getTypeParameters().isEmpty()) {
      site.add(Message.PAYLOAD_GENERIC, type, type.getSimpleName());
    }
    if (type.getKind() == ElementKind.CLASS) {
      checkConstructor(type, described, site);
    }
    Optional<Integer> typeDays = checkRetainDays(type, site);

    List<PropertySource> properties = scanner.scan(type);
    Map<String, PropertySource> byJsonName = new HashMap<>();
    boolean anySensitive = false;
    for (PropertySource property : properties) {
      checkProperty(type, property, typeDays, site);
      anySensitive |= property.element().getAnnotation(Sensitive.class) != null;
      String jsonName = PayloadModelFactory.jsonName(property, naming);
      PropertySource clash = byJsonName.putIfAbsent(jsonName, property);
      if (clash != null) {
        site.add(Message.DUPLICATE_JSON_NAME, property.element(),
            clash.name(), property.name(), type.getSimpleName(), jsonName);
      }
    }
    if (!root && properties.isEmpty()) {
      site.add(Message.NO_PROPERTIES, type, type.getSimpleName(), type.getSimpleName());
    }
    if (!root && nestedTypes.hasOwnRedactor(type)) {
      checkReachableFromOwnRedactor(type, site);
    }
    if (type.getKind() == ElementKind.RECORD && anySensitive && !declaresToString(type)
        && !Annotations.isSuppressed(type, Message.RECORD_TO_STRING.id())) {
      String name = type.getSimpleName().toString();
      site.add(Message.RECORD_TO_STRING, type, name, name, flatName(type));
    }
  }

  /**
   * Checks each nested type below {@code root}: its own rules once, then what depends on this
   * root: that the root's package can reach it, and that roots agree on the naming of a nested
   * type with its own redactor.
   */
  private void checkNestedTypes(TypeElement root, Naming naming, Report report) {
    String rootPackage = packageOf(root);
    Map<String, Element> anchors = new HashMap<>();
    for (NestedTypes.Reached reached : nestedTypes.reachedFrom(root)) {
      TypeElement type = reached.type();
      String name = type.getQualifiedName().toString();
      Element anchor = sources.contains(reached.via())
          ? reached.via()
          : anchors.getOrDefault(reached.owner().getQualifiedName().toString(), root);
      anchors.put(name, anchor);
      Site site = new Site(report, reached.path(), anchor, sources.contains(type));

      String key = nestedKey(type, naming);
      Boolean clean = nestedClean.get(key);
      if (clean == null) {
        Report own = new Report();
        checkType(type, false, naming, site.to(own));
        nestedClean.put(key, own.isClean());
        report.addAll(own);
      } else if (!clean) {
        report.blockedBy(name);
      }
      checkReachable(type, rootPackage, site);
      if (nestedTypes.hasOwnRedactor(type)) {
        FirstNaming first =
            redactorNamings.putIfAbsent(name, new FirstNaming(naming, reached.path()));
        if (first != null && first.naming() != naming) {
          report.add(Message.NESTED_NAMING, reached.path(), anchor, null, null,
              type.getSimpleName(), first.path(), first.naming(), naming, type.getSimpleName());
        }
      }
    }
  }

  /**
   * Whether {@code type} and every nested type below it were checked with {@code naming} and
   * found clean: then its own redactor can be generated, whatever became of the roots above it.
   */
  public boolean isCleanBelow(TypeElement type, Naming naming) {
    if (!Boolean.TRUE.equals(nestedClean.get(nestedKey(type, naming)))) {
      return false;
    }
    return nestedTypes.reachedFrom(type).stream()
        .allMatch(reached -> Boolean.TRUE.equals(nestedClean.get(nestedKey(reached.type(), naming))));
  }

  private static String nestedKey(TypeElement type, Naming naming) {
    return type.getQualifiedName() + " " + naming;
  }

  /** The redactor of a nested type, beside it, keeps methods for the plain types below it. */
  private void checkReachableFromOwnRedactor(TypeElement type, Site site) {
    String redactorPackage = packageOf(type);
    for (NestedTypes.Reached reached : nestedTypes.reachedFrom(type)) {
      String path = site.path() + reached.path().substring(reached.path().indexOf('.'));
      checkReachable(reached.type(), redactorPackage,
          new Site(site.report(), path, type, sources.contains(reached.type())));
    }
  }

  /** Code generated in {@code generatedPackage} for nested {@code type} must reach its members. */
  private void checkReachable(TypeElement type, String generatedPackage, Site site) {
    String typePackage = packageOf(type);
    if (typePackage.equals(generatedPackage)) {
      return;
    }
    firstNonPublicMember(type).ifPresent(member -> site.add(Message.NESTED_ACCESS,
        member.element(), type.getSimpleName(), typePackage, generatedPackage,
        member.description(), type.getSimpleName(), generatedPackage));
  }

  /** A member of a nested type, or the type, that code in another package cannot use. */
  private record Hidden(Element element, String description) {}

  /** The first of what generated code uses of {@code type} that is not public. */
  private Optional<Hidden> firstNonPublicMember(TypeElement type) {
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (!t.getModifiers().contains(Modifier.PUBLIC)) {
        return Optional.of(new Hidden(t, t == type
            ? t.getSimpleName().toString()
            : "its enclosing type " + t.getSimpleName()));
      }
    }
    if (type.getKind() == ElementKind.CLASS) {
      Optional<ExecutableElement> constructor =
          ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
              .filter(c -> c.getParameters().isEmpty())
              .findFirst();
      if (constructor.isPresent() && !constructor.get().getModifiers().contains(Modifier.PUBLIC)) {
        return Optional.of(new Hidden(constructor.get(), "its constructor without parameters"));
      }
    }
    // A property with no way to read or write it at all is refused as such.
    return scanner.scan(type).stream()
        .filter(property -> property.readSuffix().isPresent() && property.write().isPresent())
        .filter(property -> !property.publicAccess())
        .findFirst()
        .map(property -> new Hidden(property.element(),
            "the getter, setter or field of property '" + property.name() + "'"));
  }

  private void checkAccess(TypeElement type, String described, Site site) {
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        site.add(Message.PAYLOAD_ACCESS, type, described,
            t == type ? "it is private" : "it is inside private " + t.getSimpleName(),
            "make " + t.getSimpleName() + " package-private or public");
        return;
      }
    }
    if (type.getNestingKind() == NestingKind.MEMBER
        && type.getKind() == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.STATIC)) {
      site.add(Message.PAYLOAD_ACCESS, type, described,
          "it is an inner class, which needs an enclosing instance", "declare it static");
    } else if (type.getNestingKind() == NestingKind.LOCAL
        || type.getNestingKind() == NestingKind.ANONYMOUS) {
      site.add(Message.PAYLOAD_ACCESS, type, described,
          "it is local to a method", "declare it at the top level or as a static member");
    }
  }

  private static void checkConstructor(TypeElement type, String described, Site site) {
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      site.add(Message.NO_CONSTRUCTOR, type, described, "it is abstract");
      return;
    }
    List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements());
    boolean noArgs = constructors.stream()
        .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
    if (!noArgs) {
      site.add(Message.NO_CONSTRUCTOR, type, described,
          "it has no non-private constructor without parameters");
    }
  }

  private void checkProperty(
      TypeElement type, PropertySource property, Optional<Integer> typeDays, Site site) {
    Element element = property.element();
    Optional<AnnotationMirror> encrypt = Annotations.find(element, Annotations.ENCRYPT);
    Optional<Shape> shape = shapes.resolve(property.type());
    if (shape.isEmpty()) {
      if (encrypt.isPresent()) {
        site.add(Message.ENCRYPT_TYPE, element, encrypt.get(), null,
            property.name(), property.type());
      } else {
        site.add(Message.UNSUPPORTED_TYPE, element, property.name(), property.type());
      }
    }
    if (property.readSuffix().isEmpty()) {
      site.add(Message.UNREADABLE_PROPERTY, element, property.name(), type.getSimpleName(),
          PropertyScanner.getterName((VariableElement) element));
    } else if (property.write().isEmpty()) {
      boolean isPrivate = element.getModifiers().contains(Modifier.PRIVATE);
      site.add(Message.UNWRITABLE_PROPERTY, element, property.name(), type.getSimpleName(),
          isPrivate ? "private" : "final",
          PropertyScanner.setterName((VariableElement) element), type.getSimpleName());
    }
    shape.ifPresent(s -> checkMask(property, s, site));
    shape.ifPresent(s -> checkEnumFallbacks(property, s, site));
    if (shape.isPresent() && encrypt.isPresent()) {
      checkDeterministic(property, shape.get(), encrypt.get(), site);
    }
    checkRetainDays(element, site).ifPresent(days -> typeDays.ifPresent(limit -> {
      if (days > limit) {
        AnnotationMirror retain = Annotations.find(element, Annotations.RETAIN).orElseThrow();
        site.add(Message.RETAIN_LONGER_THAN_TYPE, element, retain,
            Annotations.explicitValue(retain, "days").orElse(null),
            days, property.name(), limit, type.getSimpleName(), limit, limit);
      }
    }));
    checkSubject(property, shape, site);
    Sensitive sensitive = element.getAnnotation(Sensitive.class);
    if (sensitive != null && encrypt.isEmpty() && MUST_ENCRYPT.contains(sensitive.category())
        && !Annotations.isSuppressed(element, Message.SENSITIVE_NOT_ENCRYPTED.id())) {
      site.add(Message.SENSITIVE_NOT_ENCRYPTED, element,
          Annotations.find(element, Annotations.SENSITIVE).orElseThrow(), null,
          property.name(), sensitive.category());
    }
    if (sensitive == null && encrypt.isPresent()
        && !Annotations.isSuppressed(element, Message.ENCRYPTED_NOT_SENSITIVE.id())) {
      site.add(Message.ENCRYPTED_NOT_SENSITIVE, element,
          Annotations.find(element, Annotations.ENCRYPT).orElseThrow(), null, property.name());
    }
    PersonalDataNames.undecided(element, property.name(), shape.filter(Shape::isFlag).isPresent())
        .ifPresent(match -> site.add(Message.PERSONAL_DATA_NAME, element,
            property.name(), match.description(), match.category()));
  }

  /** A {@code @Subject} names a person by a string, an integral number or a UUID, or by several. */
  private static void checkSubject(PropertySource property, Optional<Shape> shape, Site site) {
    Element element = property.element();
    Optional<AnnotationMirror> subject = Annotations.find(element, Annotations.SUBJECT);
    if (subject.isEmpty() || shape.isEmpty()) {
      return;
    }
    Shape leaf = shape.get();
    while (leaf instanceof Shape.Container container) {
      leaf = container.element();
    }
    boolean names = leaf instanceof Shape.Scalar scalar && switch (scalar.kind()) {
      case STRING, BYTE, SHORT, INT, LONG, BOXED_BYTE, BOXED_SHORT, BOXED_INT, BOXED_LONG,
          BIG_INTEGER, UUID -> true;
      default -> false;
    };
    if (!names) {
      site.add(Message.SUBJECT_TYPE, element, subject.get(), null, property.name(),
          property.type());
    }
  }

  private static void checkMask(PropertySource property, Shape shape, Site site) {
    Sensitive sensitive = property.element().getAnnotation(Sensitive.class);
    if (sensitive == null) {
      return;
    }
    String problem = switch (sensitive.mask()) {
      case LAST4, EMAIL -> isString(shape) ? null : "this mask keeps part of a String";
      case HASH -> shape.isSingleValue()
          ? null
          : "a pseudonym stands for one value, and a container's size would still show";
      case FULL, OMIT -> null;
    };
    if (problem != null) {
      AnnotationMirror mirror =
          Annotations.find(property.element(), Annotations.SENSITIVE).orElseThrow();
      site.add(Message.MASK_TYPE, property.element(), mirror,
          Annotations.explicitValue(mirror, "mask").orElse(null),
          sensitive.mask(), property.name(), property.type(), problem);
    }
  }

  /** Each enum inside the property's type may name one fallback for unknown constants. */
  private void checkEnumFallbacks(PropertySource property, Shape shape, Site site) {
    if (shape instanceof Shape.Container container) {
      checkEnumFallbacks(property, container.element(), site);
    } else if (shape instanceof Shape.EnumType enumType) {
      TypeElement type = elements.getTypeElement(enumType.typeName().canonicalName());
      long fallbacks = type == null ? 0 : type.getEnclosedElements().stream()
          .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
          .filter(e -> Annotations.findBySimpleName(e, "JsonEnumDefaultValue").isPresent())
          .count();
      if (fallbacks > 1) {
        site.add(Message.ENUM_FALLBACK, property.element(),
            enumType.typeName().simpleName(), property.name(), fallbacks);
      }
    }
  }

  private static void checkDeterministic(
      PropertySource property, Shape shape, AnnotationMirror encrypt, Site site) {
    Optional<AnnotationValue> deterministic = Annotations.explicitValue(encrypt, "deterministic");
    if (deterministic.isEmpty() || !Boolean.TRUE.equals(deterministic.get().getValue())) {
      return;
    }
    boolean stable = shape instanceof Shape.EnumType
        || (shape instanceof Shape.Scalar scalar && scalar.kind().hasStableEncoding());
    if (!stable) {
      site.add(Message.DETERMINISTIC_TYPE, property.element(), encrypt, deterministic.get(),
          property.name(), property.type());
    }
  }

  /** Reports a non-positive {@code @Retain(days)} on {@code element}; returns the days if valid. */
  private static Optional<Integer> checkRetainDays(Element element, Site site) {
    Optional<AnnotationMirror> retain = Annotations.find(element, Annotations.RETAIN);
    if (retain.isEmpty()) {
      return Optional.empty();
    }
    AnnotationValue value = Annotations.explicitValue(retain.get(), "days").orElse(null);
    if (value == null || !(value.getValue() instanceof Integer days)) {
      return Optional.empty(); // javac already reports a missing or mistyped value
    }
    if (days <= 0) {
      site.add(Message.RETAIN_DAYS, element, retain.get(), value, days);
      return Optional.empty();
    }
    return Optional.of(days);
  }

  private static boolean isString(Shape shape) {
    return shape instanceof Shape.Scalar scalar && scalar.kind() == ScalarKind.STRING;
  }

  private String packageOf(TypeElement type) {
    return elements.getPackageOf(type).getQualifiedName().toString();
  }

  /** Whether the record declares {@code toString()} in its source, rather than implicitly. */
  private boolean declaresToString(TypeElement type) {
    return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .filter(m -> m.getSimpleName().contentEquals("toString") && m.getParameters().isEmpty())
        .anyMatch(this::isInSource);
  }

  /**
   * A record's implicit members are among its elements too. javac 17 reports them as
   * {@code EXPLICIT} (fixed in later releases), so where javac's tree API is at hand, a member
   * without a source tree counts as implicit.
   */
  private boolean isInSource(ExecutableElement method) {
    if (elements.getOrigin(method) != Elements.Origin.EXPLICIT) {
      return false;
    }
    return trees == null || trees.getTree(method) != null;
  }

  private static String describeKind(TypeElement type) {
    return switch (type.getKind()) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> type.getKind().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** {@code Outer_Inner} for a nested type, as generated class names use it. */
  private static String flatName(TypeElement type) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    for (Element e = type.getEnclosingElement(); e instanceof TypeElement t; e = e.getEnclosingElement()) {
      name.insert(0, t.getSimpleName() + "_");
    }
    return name.toString();
  }
}
