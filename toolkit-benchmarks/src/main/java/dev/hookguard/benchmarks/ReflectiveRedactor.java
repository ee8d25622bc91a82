package dev.hookguard.benchmarks;

import dev.hookguard.api.Sensitive.Mask;
import dev.hookguard.runtime.privacy.PrivacyManifest;
import dev.hookguard.runtime.privacy.PrivacyManifests;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The baseline {@code RedactBenchmark} compares the generated redactor with: a redactor written
 * the common way, walking an object's fields by reflection on every call and masking those the
 * annotations mark. {@code @Sensitive} is kept in class files only (generated code needs no
 * reflection), so this redactor reads each field's mask from a map built once from the privacy
 * manifests, keyed by the {@link Field}: a hash look-up, as {@code Field.getAnnotation} is for a
 * runtime annotation. Masks as the generated redactor applies them; {@code HASH} is a keyed
 * HMAC-SHA256 on a per-thread pre-keyed {@code Mac}.
 */
final class ReflectiveRedactor {

  private final Map<Field, Mask> masks;
  private final ThreadLocal<Mac> hmac;

  private ReflectiveRedactor(Map<Field, Mask> masks, byte[] key) {
    this.masks = masks;
    SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
    this.hmac = ThreadLocal.withInitial(() -> {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(spec);
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** The masks of every sensitive property of every payload type the manifests list. */
  static ReflectiveRedactor fromManifests(byte[] key) throws ReflectiveOperationException {
    return new ReflectiveRedactor(manifestMasks(), key);
  }

  /**
   * The mask of every sensitive field of every payload type the privacy manifests list; also
   * what {@link JacksonMasking} masks.
   */
  static Map<Field, Mask> manifestMasks() throws ReflectiveOperationException {
    Map<Field, Mask> masks = new HashMap<>();
    for (PrivacyManifest manifest : PrivacyManifests.load()) {
      for (PrivacyManifest.PayloadType type : manifest.types()) {
        for (PrivacyManifest.Property property : type.properties()) {
          if (property.mask().isPresent()) {
            Field field = classNamed(property.declaredIn()).getDeclaredField(property.member());
            masks.put(field, property.mask().get());
          }
        }
      }
    }
    if (masks.isEmpty()) {
      throw new IllegalStateException("no privacy manifest with a sensitive property found");
    }
    return masks;
  }

  /** The class of a canonical name, nested classes included ({@code Outer.Inner}). */
  private static Class<?> classNamed(String canonical) throws ClassNotFoundException {
    String name = canonical;
    while (true) {
      try {
        return Class.forName(name);
      } catch (ClassNotFoundException e) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
          throw e;
        }
        name = name.substring(0, dot) + '$' + name.substring(dot + 1);
      }
    }
  }

  String toLogString(Object value) {
    StringBuilder out = new StringBuilder(256);
    append(out, value);
    return out.toString();
  }

  private void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof CharSequence || value instanceof Number
        || value instanceof Boolean || value instanceof Character || value instanceof Enum<?>
        || value instanceof TemporalAccessor) {
      out.append(value);
    } else if (value instanceof Collection<?> collection) {
      out.append('[');
      boolean first = true;
      for (Object element : collection) {
        out.append(first ? "" : ", ");
        first = false;
        append(out, element);
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.append(first ? "" : ", ").append(entry.getKey()).append('=');
        first = false;
        append(out, entry.getValue());
      }
      out.append('}');
    } else {
      appendObject(out, value);
    }
  }

  private void appendObject(StringBuilder out, Object value) {
    Class<?> type = value.getClass();
    out.append(type.getSimpleName()).append('{');
    boolean first = true;
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      Mask mask = masks.get(field);
      if (mask == Mask.OMIT) {
        continue;
      }
      Object fieldValue;
      try {
        field.setAccessible(true);
        fieldValue = field.get(value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      out.append(first ? "" : ", ").append(field.getName()).append('=');
      first = false;
      if (mask == null || fieldValue == null) {
        append(out, fieldValue);
      } else {
        out.append(masked(mask, String.valueOf(fieldValue)));
      }
    }
    out.append('}');
  }

  /** {@code text} masked as the generated redactor masks it; shared with {@link JacksonMasking}. */
  String masked(Mask mask, String text) {
    return switch (mask) {
      case FULL, OMIT -> "[REDACTED]";
      case LAST4 -> "****" + (text.length() > 4 ? text.substring(text.length() - 4) : "");
      case EMAIL -> {
        int at = text.indexOf('@');
        yield at > 0 ? text.charAt(0) + "***" + text.substring(at) : "[REDACTED]";
      }
      case HASH -> "hg_" + HexFormat.of().formatHex(
          hmac.get().doFinal(text.getBytes(StandardCharsets.UTF_8)), 0, 12);
    };
  }
}
