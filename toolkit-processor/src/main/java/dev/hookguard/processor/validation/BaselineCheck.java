package dev.hookguard.processor.validation;

import dev.hookguard.api.Sensitive;
import dev.hookguard.processor.model.PersonalDataNames;
import dev.hookguard.processor.model.Annotations;
import dev.hookguard.processor.model.PrivacyManifest;
import dev.hookguard.processor.model.PropertyScanner;
import dev.hookguard.processor.model.PropertySource;
import dev.hookguard.processor.model.SourceTypes;
import dev.hookguard.processor.model.Storage;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalInt;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Compares this compilation's privacy manifest with a committed baseline, root by root and
 * property by property (by JSON path), and refuses what weakens protection: an error on the
 * property, or on its annotation value, for {@code @Sensitive} or {@code @Encrypt} removed,
 * deterministic encryption where it was randomized, a weaker mask, a longer retention (or none
 * where there was one), and a new property named like personal data that nobody decided about.
 * What strengthens protection, and a category changed, is a note; so is a property or type that
 * is gone. A property declared in a class file (a library's) has no line to point at: its
 * findings point at the root's property that holds it.
 *
 * <p>Masks from strongest to weakest: {@code OMIT} (nothing shown, not even that the property
 * exists), {@code FULL} (only that it exists), {@code HASH} (no part of the value, but equal
 * values show as equal, so records can be linked), then {@code LAST4} and {@code EMAIL}, which
 * show part of the value. The last two show different parts, so a change from one to the other
 * is a weakening too: old and new log lines together show more than either.
 */
public final class BaselineCheck {

  private final Elements elements;
  private final PropertyScanner scanner;
  private final SourceTypes sources;

  public BaselineCheck(Elements elements, PropertyScanner scanner, SourceTypes sources) {
    this.elements = elements;
    this.scanner = scanner;
    this.sources = sources;
  }

  /** The findings about root {@code current}, declared by {@code root}, against {@code baseline}. */
  public Report check(
      PrivacyManifest.PayloadEntry current, TypeElement root, Optional<PrivacyBaseline.Type> baseline) {
    Report report = new Report();
    String rootName = root.getSimpleName().toString();
    if (baseline.isEmpty()) {
      for (PrivacyManifest.Entry entry : current.properties()) {
        checkUndecided(current, entry, root, rootName, report);
      }
      return report;
    }
    PrivacyBaseline.Type before = baseline.get();
    boolean typeLonger = isLonger(before.retentionDays(), current.retentionDays());
    boolean typeShorter = isLonger(current.retentionDays(), before.retentionDays());
    if (typeLonger) {
      Optional<AnnotationMirror> retain = Annotations.find(root, Annotations.RETAIN);
      int days = before.retentionDays().getAsInt();
      report.add(Message.BASELINE_TYPE_RETENTION, "", root, retain.orElse(null),
          retain.flatMap(r -> Annotations.explicitValue(r, "days")).orElse(null),
          rootName, keptFor(current.retentionDays()), days, days);
    } else if (typeShorter) {
      report.add(Message.BASELINE_STRONGER, root, rootName + " records",
          "kept " + keptFor(current.retentionDays()) + " instead of "
              + keptFor(before.retentionDays()));
    }
    for (PrivacyManifest.Entry entry : current.properties()) {
      PrivacyBaseline.Property old = before.properties().get(entry.path());
      if (old == null) {
        checkUndecided(current, entry, root, rootName, report);
        continue;
      }
      Element element = locate(current, entry, root);
      String path = entry.path();
      checkSensitive(entry, old, element, rootName, report);
      checkEncryption(entry, old, element, rootName, report);
      checkSubject(entry, old, element, rootName, report);
      if (entry.isField()) {
        checkRetention(entry, old, element, rootName, report,
            typeLonger && old.retentionDays().equals(before.retentionDays()),
            typeShorter && entry.retentionDays().equals(current.retentionDays()));
      }
      if (old.category().isPresent() && entry.category().isPresent()
          && old.category().get() != entry.category().get()) {
        report.add(Message.BASELINE_CHANGED, element, path, rootName,
            "category " + entry.category().get(), "category " + old.category().get());
      }
    }
    for (String path : before.properties().keySet()) {
      if (current.property(path).isEmpty()) {
        report.add(Message.BASELINE_REMOVED, root, "Property '" + path + "' of " + rootName);
      }
    }
    return report;
  }

  /** Notes on the baseline's roots that this compilation did not compile. */
  public Report removedTypes(Collection<String> compiled, PrivacyBaseline baseline) {
    Report report = new Report();
    for (String type : baseline.types().keySet()) {
      if (!compiled.contains(type)) {
        report.add(Message.BASELINE_REMOVED, null, "Payload type " + type);
      }
    }
    return report;
  }

  private void checkSensitive(PrivacyManifest.Entry entry, PrivacyBaseline.Property old,
      Element element, String rootName, Report report) {
    String path = entry.path();
    if (old.category().isPresent() && entry.category().isEmpty()) {
      Sensitive.Mask mask = old.mask().orElse(Sensitive.Mask.FULL);
      report.add(Message.BASELINE_SENSITIVE_REMOVED, element, path, rootName,
          old.category().get(), mask, old.category().get(), mask);
      return;
    }
    if (old.category().isEmpty() && entry.category().isPresent()) {
      report.add(Message.BASELINE_STRONGER, element, "Property '" + path + "' of " + rootName,
          "@Sensitive now");
      return;
    }
    if (old.mask().isEmpty() || entry.mask().isEmpty() || old.mask().equals(entry.mask())) {
      return;
    }
    Sensitive.Mask before = old.mask().get();
    Sensitive.Mask now = entry.mask().get();
    if (strength(now) > strength(before)) {
      report.add(Message.BASELINE_STRONGER, element, "Property '" + path + "' of " + rootName,
          "masked " + now + " instead of " + before);
      return;
    }
    Optional<AnnotationMirror> sensitive = Annotations.find(element, Annotations.SENSITIVE);
    report.add(Message.BASELINE_WEAKER_MASK, "", element, sensitive.orElse(null),
        sensitive.flatMap(s -> Annotations.explicitValue(s, "mask")).orElse(null),
        path, rootName, now, before, shows(now), before);
  }

  /** Unmarking a data subject hides its records from access and erasure requests. */
  private void checkSubject(PrivacyManifest.Entry entry, PrivacyBaseline.Property old,
      Element element, String rootName, Report report) {
    if (old.subject() && !entry.subject()) {
      report.add(Message.BASELINE_SUBJECT_REMOVED, element, entry.path(), rootName);
    } else if (!old.subject() && entry.subject()) {
      report.add(Message.BASELINE_STRONGER, element,
          "Property '" + entry.path() + "' of " + rootName, "@Subject now");
    }
  }

  private void checkEncryption(PrivacyManifest.Entry entry, PrivacyBaseline.Property old,
      Element element, String rootName, Report report) {
    String path = entry.path();
    Storage.Protection before = old.encryption();
    Storage.Protection now = entry.encryption();
    if (before == now) {
      return;
    }
    if (now == Storage.Protection.PLAIN) {
      String annotation = before == Storage.Protection.DETERMINISTIC
          ? "@Encrypt(deterministic = true)"
          : "@Encrypt";
      report.add(Message.BASELINE_ENCRYPT_REMOVED, element, path, rootName,
          before.name().toLowerCase(java.util.Locale.ROOT), annotation);
    } else if (now == Storage.Protection.DETERMINISTIC && before == Storage.Protection.RANDOMIZED) {
      Optional<AnnotationMirror> encrypt = Annotations.find(element, Annotations.ENCRYPT);
      report.add(Message.BASELINE_DETERMINISTIC, "", element, encrypt.orElse(null),
          encrypt.flatMap(e -> Annotations.explicitValue(e, "deterministic")).orElse(null),
          path, rootName);
    } else {
      report.add(Message.BASELINE_STRONGER, element, "Property '" + path + "' of " + rootName,
          "encryption " + now.name().toLowerCase(java.util.Locale.ROOT) + " instead of "
              + (before == Storage.Protection.PLAIN ? "none" : before.name().toLowerCase(java.util.Locale.ROOT)));
    }
  }

  /**
   * A field's retention; a change the type's own retention explains is reported on the type
   * alone ({@code explainedLonger}, {@code explainedShorter}).
   */
  private void checkRetention(PrivacyManifest.Entry entry, PrivacyBaseline.Property old,
      Element element, String rootName, Report report, boolean explainedLonger,
      boolean explainedShorter) {
    if (isLonger(old.retentionDays(), entry.retentionDays())) {
      if (!explainedLonger) {
        Optional<AnnotationMirror> retain = Annotations.find(element, Annotations.RETAIN);
        int days = old.retentionDays().getAsInt();
        report.add(Message.BASELINE_LONGER_RETENTION, "", element, retain.orElse(null),
            retain.flatMap(r -> Annotations.explicitValue(r, "days")).orElse(null),
            entry.path(), rootName, keptFor(entry.retentionDays()), days, days);
      }
    } else if (isLonger(entry.retentionDays(), old.retentionDays()) && !explainedShorter) {
      report.add(Message.BASELINE_STRONGER, element,
          "Property '" + entry.path() + "' of " + rootName,
          "kept " + keptFor(entry.retentionDays()) + " instead of " + keptFor(old.retentionDays()));
    }
  }

  /**
   * A property the baseline does not have, declared in source, named like personal data, not a
   * flag, neither {@code @Sensitive} nor marked as not personal data.
   */
  private void checkUndecided(PrivacyManifest.PayloadEntry type, PrivacyManifest.Entry entry,
      TypeElement root, String rootName, Report report) {
    if (entry.category().isPresent()
        || entry.javaType().equals("boolean") || entry.javaType().equals("java.lang.Boolean")) {
      return;
    }
    Optional<PropertySource> declared = declared(entry);
    if (declared.isEmpty()
        || Annotations.isSuppressed(declared.get().element(), Message.PERSONAL_DATA_NAME.id())) {
      return;
    }
    PersonalDataNames.match(entry.member()).ifPresent(match ->
        report.add(Message.BASELINE_UNDECIDED, declared.get().element(), entry.path(), rootName,
            match.description(), match.category()));
  }

  /** The property's own element, if its type is compiled here from source. */
  private Optional<PropertySource> declared(PrivacyManifest.Entry entry) {
    TypeElement type = elements.getTypeElement(entry.declaredIn());
    if (type == null || !sources.contains(type)) {
      return Optional.empty();
    }
    return scanner.scan(type).stream()
        .filter(p -> p.name().equals(entry.member()))
        .findFirst();
  }

  /** Where a finding about {@code entry} points: its element, else the root's property above it. */
  private Element locate(PrivacyManifest.PayloadEntry type, PrivacyManifest.Entry entry,
      TypeElement root) {
    Optional<PropertySource> own = declared(entry);
    if (own.isPresent()) {
      return own.get().element();
    }
    String member = type.property(entry.field()).map(PrivacyManifest.Entry::member).orElse("");
    return scanner.scan(root).stream()
        .filter(p -> p.name().equals(member))
        .findFirst()
        .<Element>map(PropertySource::element)
        .orElse(root);
  }

  /** Whether {@code now} keeps data longer than {@code before}; empty is without limit. */
  static boolean isLonger(OptionalInt before, OptionalInt now) {
    return before.isPresent() && (now.isEmpty() || now.getAsInt() > before.getAsInt());
  }

  /** Higher is stronger; see the class documentation. */
  static int strength(Sensitive.Mask mask) {
    return switch (mask) {
      case OMIT -> 4;
      case FULL -> 3;
      case HASH -> 2;
      case LAST4, EMAIL -> 1;
    };
  }

  private static String shows(Sensitive.Mask mask) {
    return switch (mask) {
      case FULL -> "FULL shows that the property is there, where it was left out";
      case HASH -> "HASH shows which records share a value";
      case LAST4 -> "LAST4 shows the last four characters of the value";
      case EMAIL -> "EMAIL shows the first character and the domain of the address";
      case OMIT -> "OMIT shows nothing";
    };
  }

  private static String keptFor(OptionalInt days) {
    return days.isPresent() ? days.getAsInt() + " days" : "without limit";
  }
}
