package dev.hookguard.runtime.privacy;

import dev.hookguard.api.Sensitive;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ResolvedModule;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Finds and reads the privacy manifests visible to the application: one per compilation that ran
 * the HookGuard processor, at {@value #RESOURCE}.
 *
 * <p>On the class path they are found with {@link ClassLoader#getResources}. In a named module a
 * resource under {@code META-INF} is in no package, so no module encapsulates it: every named
 * module of the boot layer, and of the layer that loaded this class, is asked for it with {@link
 * Module#getResourceAsStream}. A module found both ways (a module defined to the class loader
 * asked) is read once.
 */
public final class PrivacyManifests {

  /** Where each compilation's manifest is. */
  public static final String RESOURCE = "META-INF/hookguard/privacy-manifest.json";

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private PrivacyManifests() {}

  /**
   * Every manifest of the named modules of the boot layer (and this class's layer) and of the
   * class path of the thread's context class loader (else this class's loader), the modules first,
   * each in name order.
   *
   * @throws UncheckedIOException when a manifest cannot be read
   * @throws IllegalArgumentException when a manifest is not one
   */
  public static List<PrivacyManifest> load() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return load(loader != null ? loader : PrivacyManifests.class.getClassLoader());
  }

  /** As {@link #load()}, with the class path of {@code loader}. */
  public static List<PrivacyManifest> load(ClassLoader loader) {
    List<PrivacyManifest> manifests = new ArrayList<>();
    Set<String> moduleLocations = new HashSet<>();
    for (Module module : namedModules()) {
      try (InputStream in = module.getResourceAsStream(RESOURCE)) {
        if (in != null) {
          manifests.add(read(in, "module " + module.getName()));
          location(module).ifPresent(moduleLocations::add);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the privacy manifest of module " + module.getName(), e);
      }
    }
    List<URL> urls;
    try {
      urls = loader == null ? List.of() : Collections.list(loader.getResources(RESOURCE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the privacy manifests", e);
    }
    Set<String> seen = new HashSet<>();
    for (URL url : urls) {
      String container = container(url.toString());
      if (moduleLocations.contains(container) || !seen.add(url.toString())) {
        continue;
      }
      try (InputStream in = url.openStream()) {
        manifests.add(read(in, url.toString()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the privacy manifest " + url, e);
      }
    }
    return List.copyOf(manifests);
  }

  /** The named modules of the boot layer and of this class's layer, by name. */
  private static List<Module> namedModules() {
    Map<String, Module> modules = new java.util.TreeMap<>();
    List<ModuleLayer> layers = new ArrayList<>();
    layers.add(ModuleLayer.boot());
    ModuleLayer own = PrivacyManifests.class.getModule().getLayer();
    if (own != null && own != ModuleLayer.boot()) {
      layers.add(own);
    }
    for (ModuleLayer layer : layers) {
      for (Module module : layer.modules()) {
        modules.putIfAbsent(module.getName(), module);
      }
    }
    return List.copyOf(modules.values());
  }

  /** Where a module was loaded from, as a URI string, if known. */
  private static Optional<String> location(Module module) {
    ModuleLayer layer = module.getLayer();
    if (layer == null) {
      return Optional.empty();
    }
    return layer.configuration().findModule(module.getName())
        .map(ResolvedModule::reference)
        .flatMap(reference -> reference.location())
        .map(URI::toString)
        .map(PrivacyManifests::normalized);
  }

  /**
   * The jar or folder that holds resource {@code url}: {@code file:/app/x.jar} for {@code
   * jar:file:/app/x.jar!/META-INF/…}, {@code file:/app/classes} for {@code
   * file:/app/classes/META-INF/…}.
   */
  static String container(String url) {
    String container = url;
    if (container.startsWith("jar:")) {
      int bang = container.indexOf("!/");
      container = container.substring("jar:".length(), bang < 0 ? container.length() : bang);
    } else if (container.endsWith(RESOURCE)) {
      container = container.substring(0, container.length() - RESOURCE.length());
    }
    return normalized(container);
  }

  /** A file URI as an absolute path ({@code file:/x} and {@code file:///x/} alike); else as is. */
  private static String normalized(String uri) {
    if (uri.startsWith("file:")) {
      try {
        return Path.of(URI.create(uri)).toAbsolutePath().normalize().toString();
      } catch (RuntimeException e) {
        return uri;
      }
    }
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  /**
   * Reads one manifest from {@code in}, which it does not close.
   *
   * @param origin where it comes from, for {@link PrivacyManifest#origin()} and messages
   * @throws IOException when {@code in} fails
   * @throws IllegalArgumentException when it is not a privacy manifest of format 1
   */
  public static PrivacyManifest read(InputStream in, String origin) throws IOException {
    Object document;
    try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), in)) {
      parser.nextToken();
      document = value(parser);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException(origin + ": trailing content after the manifest");
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException(origin + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    try {
      return manifest(object(document, "the manifest"), origin);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(origin + ": not a privacy manifest: " + e.getMessage(), e);
    }
  }

  private static PrivacyManifest manifest(Map<String, Object> json, String origin) {
    if (!Long.valueOf(1).equals(json.get("format"))) {
      throw new IllegalArgumentException("format " + json.get("format") + " is not 1");
    }
    List<PrivacyManifest.PayloadType> types = new ArrayList<>();
    for (Object t : list(json.get("types"), "types")) {
      Map<String, Object> type = object(t, "a type");
      List<PrivacyManifest.Property> properties = new ArrayList<>();
      for (Object p : list(type.get("properties"), "properties")) {
        Map<String, Object> property = object(p, "a property");
        Map<String, Object> source = object(property.get("source"), "source");
        properties.add(new PrivacyManifest.Property(
            text(property.get("path"), "path"),
            text(property.get("javaType"), "javaType"),
            text(source.get("type"), "source type"),
            text(source.get("member"), "source member"),
            optionalText(property.get("category")).map(Sensitive.Category::valueOf),
            optionalText(property.get("mask")).map(Sensitive.Mask::valueOf),
            encryption(text(property.get("encryption"), "encryption")),
            encryption(text(property.get("atRest"), "atRest")),
            days(property.get("retentionDays")),
            Boolean.TRUE.equals(property.get("subject")),
            optionalText(property.get("undecided"))));
      }
      types.add(new PrivacyManifest.PayloadType(
          text(type.get("type"), "type"),
          text(type.get("event"), "event"),
          days(type.get("retentionDays")),
          texts(type.get("nestedTypes"), "nestedTypes"),
          properties,
          texts(type.get("subjects"), "subjects")));
    }
    return new PrivacyManifest(origin, optionalText(json.get("module")), types);
  }

  private static Encryption encryption(String value) {
    return Encryption.valueOf(value.toUpperCase(Locale.ROOT));
  }

  private static OptionalInt days(Object value) {
    if (value == null) {
      return OptionalInt.empty();
    }
    if (value instanceof Long days && days > 0 && days <= Integer.MAX_VALUE) {
      return OptionalInt.of(days.intValue());
    }
    throw new IllegalArgumentException("retentionDays must be a positive whole number or null");
  }

  private static Optional<String> optionalText(Object value) {
    return value == null ? Optional.empty() : Optional.of(text(value, "a name"));
  }

  private static String text(Object value, String what) {
    if (value instanceof String text) {
      return text;
    }
    throw new IllegalArgumentException(what + " must be a string");
  }

  private static List<String> texts(Object value, String what) {
    return list(value, what).stream().map(v -> text(v, what)).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String what) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalArgumentException(what + " must be an object");
  }

  private static List<?> list(Object value, String what) {
    if (value instanceof List<?> list) {
      return list;
    }
    throw new IllegalArgumentException(what + " must be an array");
  }

  /** The value at the parser's current token: maps, lists, strings, longs, doubles, booleans. */
  private static Object value(JsonParser parser) {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new IllegalArgumentException("empty document");
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          map.put(name, value(parser));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(parser));
        }
        return list;
      }
      case VALUE_STRING -> {
        return parser.getString();
      }
      case VALUE_NUMBER_INT -> {
        return parser.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return parser.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IllegalArgumentException("unexpected " + token);
    }
  }
}
