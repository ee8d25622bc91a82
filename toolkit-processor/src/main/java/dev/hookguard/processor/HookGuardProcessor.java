package dev.hookguard.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.sun.source.util.Trees;
import dev.hookguard.api.Naming;
import dev.hookguard.api.WebhookPayload;
import dev.hookguard.processor.generation.ManifestRenderer;
import dev.hookguard.processor.generation.RedactorGenerator;
import dev.hookguard.processor.generation.SourceFileWriter;
import dev.hookguard.processor.generation.StoreGenerator;
import dev.hookguard.processor.generation.VerifierGenerator;
import dev.hookguard.processor.model.Annotations;
import dev.hookguard.processor.model.NestedModel;
import dev.hookguard.processor.model.NestedModels;
import dev.hookguard.processor.model.NestedTypes;
import dev.hookguard.processor.model.ObjectModel;
import dev.hookguard.processor.model.PayloadModel;
import dev.hookguard.processor.model.PayloadModelFactory;
import dev.hookguard.processor.model.PrivacyManifest;
import dev.hookguard.processor.model.PropertyScanner;
import dev.hookguard.processor.model.Shape;
import dev.hookguard.processor.model.ShapeResolver;
import dev.hookguard.processor.model.SourceTypes;
import dev.hookguard.processor.validation.BaselineCheck;
import dev.hookguard.processor.validation.Message;
import dev.hookguard.processor.validation.PayloadValidator;
import dev.hookguard.processor.validation.PrivacyBaseline;
import dev.hookguard.processor.validation.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.StandardLocation;

/**
 * Generates the companion classes of every {@code @WebhookPayload} type, and the redactors of the
 * nested types below them that need one.
 *
 * <p>Each round: validate every payload type with the nested types below it, build a model of
 * each clean one, and write its files; every message of the round goes into one {@link Report},
 * printed at its end. A type with an error gets nothing generated, and neither does a type that
 * holds it (at any depth), so one mistake never cascades into errors in generated code, while
 * every unrelated type is still generated; a nested type's own redactor is written when it and
 * everything below it are clean, whatever became of the roots above it. A type whose property
 * types, or its nested types' property types, do not resolve yet (perhaps another processor
 * generates them) waits for the next round; if they still do not resolve in the last round, that
 * is an error. The processor claims no annotations, and never lets an exception escape into
 * javac.
 *
 * <p>Every root modelled, in any round, goes into the compilation's privacy manifest, written in
 * the last round ({@code META-INF/hookguard/privacy-manifest.json} in the class output, a
 * Markdown rendering in the source output). With option {@value #BASELINE_OPTION} naming a
 * committed manifest, each root is compared with it as it is modelled, and a weakened protection
 * is an error ({@link BaselineCheck}); with {@value #BASELINE_UPDATE_OPTION}{@code =true} the
 * check is skipped and the manifest is written over the baseline instead. Since the manifest
 * gathers every root of the compilation, the processor is aggregating for Gradle.
 */
@AutoService(Processor.class)
public final class HookGuardProcessor extends AbstractProcessor {

  /** The path of a committed privacy manifest that protection must not fall below. */
  public static final String BASELINE_OPTION = "hookguard.privacyBaseline";
  /** {@code true}: write this compilation's manifest over the baseline instead of checking. */
  public static final String BASELINE_UPDATE_OPTION = "hookguard.privacyBaseline.update";

  private static final List<String> PROPERTY_ANNOTATIONS =
      List.of(Annotations.SENSITIVE, Annotations.ENCRYPT, Annotations.RETAIN);

  private Elements elements;
  private Messager messager;
  private final SourceTypes sources = new SourceTypes();
  private NestedTypes nestedTypes;
  private PayloadValidator validator;
  private PayloadModelFactory models;
  private SourceFileWriter writer;
  private final RedactorGenerator redactors = new RedactorGenerator();
  private final VerifierGenerator verifiers = new VerifierGenerator();
  private final StoreGenerator stores = new StoreGenerator();
  /** Payload types waiting for their property types to resolve, by qualified name. */
  private final Set<String> deferred = new LinkedHashSet<>();
  /** Nested types reached from any payload type so far, by qualified name. */
  private final Set<String> reached = new HashSet<>();
  /** Nested types whose own redactor is written, by qualified name. */
  private final Set<String> nestedRedactorsWritten = new HashSet<>();
  private final ManifestRenderer manifests = new ManifestRenderer();
  /** The manifest entry of every root modelled so far, by qualified name. */
  private final Map<String, PrivacyManifest.PayloadEntry> manifest = new TreeMap<>();
  /** The name of the module compiled, if it is a named one. */
  private Optional<String> module = Optional.empty();
  private BaselineCheck baselineCheck;
  /** The baseline to check against: empty without the option, or when updating it. */
  private Optional<PrivacyBaseline> baseline = Optional.empty();
  /** Where to write the manifest as the new baseline, with the update option. */
  private Optional<Path> baselineUpdate = Optional.empty();
  /** The baseline's path and why it could not be read, reported in the first round. */
  private Optional<String[]> baselineProblem = Optional.empty();

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    elements = processingEnv.getElementUtils();
    messager = processingEnv.getMessager();
    PropertyScanner scanner = new PropertyScanner(elements, processingEnv.getTypeUtils());
    ShapeResolver shapes = new ShapeResolver();
    nestedTypes = new NestedTypes(elements, scanner, shapes, sources);
    validator = new PayloadValidator(
        elements, javacTrees(processingEnv), scanner, shapes, nestedTypes, sources);
    models = new PayloadModelFactory(scanner, shapes, nestedTypes);
    writer = new SourceFileWriter(processingEnv.getFiler());
    baselineCheck = new BaselineCheck(elements, scanner, sources);
    readBaseline(processingEnv.getOptions());
  }

  private void readBaseline(Map<String, String> options) {
    String path = options.getOrDefault(BASELINE_OPTION, "").trim();
    if (path.isEmpty()) {
      return;
    }
    if (Boolean.parseBoolean(options.get(BASELINE_UPDATE_OPTION))) {
      baselineUpdate = Optional.of(Path.of(path));
      return;
    }
    try {
      baseline = Optional.of(PrivacyBaseline.read(Path.of(path)));
    } catch (IOException | RuntimeException e) {
      String problem = e instanceof java.nio.file.NoSuchFileException ? "no such file" : String.valueOf(e.getMessage());
      baselineProblem = Optional.of(new String[] {path, problem});
    }
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(BASELINE_OPTION, BASELINE_UPDATE_OPTION);
  }

  /** javac's tree API, or {@code null} when another compiler runs the processor. */
  private static Trees javacTrees(ProcessingEnvironment processingEnv) {
    try {
      return Trees.instance(processingEnv);
    } catch (IllegalArgumentException | LinkageError e) {
      return null;
    }
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> names = new LinkedHashSet<>();
    names.add(Annotations.WEBHOOK_PAYLOAD);
    names.addAll(PROPERTY_ANNOTATIONS);
    return names;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Report report = new Report();
    try {
      process(round, report);
    } finally {
      report.printTo(messager);
    }
    return false;
  }

  /** One round: every message goes into {@code report}, which is printed afterwards. */
  private void process(RoundEnvironment round, Report report) {
    sources.addRound(round.getRootElements());
    baselineProblem.ifPresent(problem ->
        report.add(Message.BASELINE_UNREADABLE, null, problem[0], problem[1]));
    baselineProblem = Optional.empty();
    List<TypeElement> payloads = new ArrayList<>();
    for (String name : deferred) {
      Optional.ofNullable(elements.getTypeElement(name)).ifPresent(payloads::add);
    }
    deferred.clear();
    TypeElement payloadAnnotation = elements.getTypeElement(Annotations.WEBHOOK_PAYLOAD);
    if (payloadAnnotation != null) {
      payloads.addAll(ElementFilter.typesIn(round.getElementsAnnotatedWith(payloadAnnotation)));
    }

    List<TypeElement> validated = new ArrayList<>();
    List<PayloadModel> clean = new ArrayList<>();
    Set<String> invalid = new LinkedHashSet<>();
    for (TypeElement payload : payloads) {
      String name = payload.getQualifiedName().toString();
      try {
        boolean isObject = payload.getKind() == ElementKind.RECORD
            || payload.getKind() == ElementKind.CLASS;
        if (isObject) {
          nestedTypes.reachedFrom(payload)
              .forEach(r -> reached.add(r.type().getQualifiedName().toString()));
        }
        Optional<Report> unresolved = validator.unresolved(payload);
        if (unresolved.isPresent()) {
          if (round.processingOver()) {
            report.addAll(unresolved.get());
            invalid.add(name);
          } else {
            deferred.add(name);
          }
          continue;
        }
        Report validation = validator.validate(payload);
        report.addAll(validation);
        if (isObject) {
          validated.add(payload);
        }
        if (validation.isClean()) {
          PayloadModel model = models.create(payload);
          clean.add(model);
          addToManifest(model, report);
        } else {
          invalid.add(name);
        }
      } catch (RuntimeException e) {
        report.add(Message.UNEXPECTED, payload, payload.getQualifiedName(), e);
        invalid.add(name);
      }
    }
    reportOrphans(round, report);
    withoutInvalidReferences(clean, invalid).forEach(model -> generate(model, report));
    generateNestedRedactors(validated, invalid, report);
    if (round.processingOver()) {
      writeManifest(report);
    }
  }

  /** Adds the root of {@code model} to the manifest, and checks it against the baseline. */
  private void addToManifest(PayloadModel model, Report report) {
    PrivacyManifest.PayloadEntry entry = PrivacyManifest.PayloadEntry.of(model);
    manifest.put(entry.type(), entry);
    ModuleElement moduleElement = elements.getModuleOf(model.element());
    if (moduleElement != null && !moduleElement.isUnnamed()) {
      module = Optional.of(moduleElement.getQualifiedName().toString());
    }
    baseline.ifPresent(b ->
        report.addAll(baselineCheck.check(entry, model.element(), Optional.ofNullable(b.types().get(entry.type())))));
  }

  /**
   * In the last round: the manifest of every root modelled in any round, as JSON and Markdown,
   * from those roots; the notes on baseline roots not compiled; the new baseline, if asked.
   */
  private void writeManifest(Report report) {
    baseline.ifPresent(b -> report.addAll(baselineCheck.removedTypes(manifest.keySet(), b)));
    if (manifest.isEmpty()) {
      return;
    }
    PrivacyManifest privacy = new PrivacyManifest(module, List.copyOf(manifest.values()));
    List<TypeElement> origins = manifest.keySet().stream()
        .map(elements::getTypeElement)
        .filter(java.util.Objects::nonNull)
        .toList();
    TypeElement anchor = origins.isEmpty() ? null : origins.get(0);
    try {
      String json = manifests.json(privacy);
      writer.writeResource(StandardLocation.CLASS_OUTPUT, ManifestRenderer.JSON_RESOURCE, json, origins);
      writer.writeResource(StandardLocation.SOURCE_OUTPUT, ManifestRenderer.MARKDOWN_RESOURCE,
          manifests.markdown(privacy), origins);
      if (baselineUpdate.isPresent()) {
        Path target = baselineUpdate.get().toAbsolutePath();
        if (target.getParent() != null) {
          Files.createDirectories(target.getParent());
        }
        Files.writeString(target, json, StandardCharsets.UTF_8);
      }
    } catch (IOException | RuntimeException e) {
      report.add(Message.UNEXPECTED, anchor, "the privacy manifest", e);
    }
  }

  /**
   * The models that hold no invalid payload type, at any depth: generated code for the others
   * would call companions that were never generated.
   */
  private static List<PayloadModel> withoutInvalidReferences(
      List<PayloadModel> models, Set<String> invalid) {
    List<PayloadModel> remaining = new ArrayList<>(models);
    Set<String> excluded = new LinkedHashSet<>(invalid);
    boolean changed;
    do {
      changed = false;
      for (Iterator<PayloadModel> it = remaining.iterator(); it.hasNext(); ) {
        PayloadModel model = it.next();
        if (references(Stream.concat(Stream.of(model), model.nested().all().stream()), excluded)) {
          it.remove();
          excluded.add(model.type().canonicalName());
          changed = true;
        }
      }
    } while (changed);
    return remaining;
  }

  /** Whether any of {@code types} holds one of the payload types {@code names}. */
  private static boolean references(Stream<? extends ObjectModel> types, Set<String> names) {
    return types.flatMap(type -> type.properties().stream())
        .anyMatch(property -> references(property.shape(), names));
  }

  private static boolean references(Shape shape, Set<String> names) {
    if (shape instanceof Shape.Payload payload) {
      return names.contains(payload.typeName().canonicalName());
    }
    return shape instanceof Shape.Container container && references(container.element(), names);
  }

  private void generate(PayloadModel model, Report report) {
    try {
      String packageName = model.type().packageName();
      writer.write(packageName, redactors.generate(model, model.nested()), model.element());
      writer.write(packageName, verifiers.generate(model), model.element());
      writer.write(packageName, stores.generate(model), model.element());
    } catch (IOException | RuntimeException e) {
      report.add(Message.UNEXPECTED, model.element(), model.type(), e);
    }
  }

  /**
   * The own redactor of each nested type that needs one, once, with the naming of the first root
   * that reached it (validation refuses a root that disagrees), from that root: when the nested
   * type and everything below it are clean.
   */
  private void generateNestedRedactors(
      List<TypeElement> roots, Set<String> invalid, Report report) {
    for (TypeElement root : roots) {
      Naming naming = root.getAnnotation(WebhookPayload.class).naming();
      for (NestedTypes.Reached nested : nestedTypes.reachedFrom(root)) {
        TypeElement type = nested.type();
        String name = type.getQualifiedName().toString();
        if (nestedRedactorsWritten.contains(name)
            || !nestedTypes.hasOwnRedactor(type)
            || !validator.isCleanBelow(type, naming)) {
          continue;
        }
        try {
          NestedModels models = this.models.nestedFrom(type, naming);
          NestedModel model = models.get(ClassName.get(type));
          if (!references(models.all().stream(), invalid)) {
            writer.write(model.type().packageName(), redactors.generate(model, models), root);
            nestedRedactorsWritten.add(name);
          }
        } catch (IOException | RuntimeException e) {
          report.add(Message.UNEXPECTED, root, name, e);
        }
      }
    }
  }

  /**
   * {@code @Sensitive}, {@code @Encrypt} or {@code @Retain} where no payload type reads them: on
   * a type that is neither a {@code @WebhookPayload} type nor reached from one.
   */
  private void reportOrphans(RoundEnvironment round, Report report) {
    // A record component's annotation shows on the component and on its field: report it once,
    // on the field, whose source position javac 17 knows.
    Set<String> reported = new LinkedHashSet<>();
    for (String name : PROPERTY_ANNOTATIONS) {
      TypeElement annotation = elements.getTypeElement(name);
      if (annotation == null) {
        continue;
      }
      String simple = annotation.getSimpleName().toString();
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (element.getKind() == ElementKind.RECORD_COMPONENT) {
          continue;
        }
        Element owner = element instanceof TypeElement ? element : element.getEnclosingElement();
        if (Annotations.find(owner, Annotations.WEBHOOK_PAYLOAD).isPresent()
            || (owner instanceof TypeElement type
                && reached.contains(type.getQualifiedName().toString()))
            || !reported.add(simple + " " + owner + " " + element.getSimpleName())) {
          continue;
        }
        report.add(Message.ORPHAN_ANNOTATION, element, simple, element.getSimpleName(),
            owner.getSimpleName(), owner.getSimpleName(), simple);
      }
    }
  }
}
