package dev.hookguard.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Loads the classes a compilation wrote, so tests can run generated code; everything else (the
 * runtime, a precompiled library) comes from the parent.
 */
final class CompiledClasses extends ClassLoader {

  private static final String CLASS_OUTPUT = "/CLASS_OUTPUT/";

  private final Map<String, byte[]> classes = new HashMap<>();

  CompiledClasses(Compilation compilation, ClassLoader parent) {
    super(parent);
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String path = file.toUri().getPath();
        String relative = path.substring(path.indexOf(CLASS_OUTPUT) + CLASS_OUTPUT.length());
        String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
        try (InputStream in = file.openInputStream()) {
          classes.put(name, in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  CompiledClasses(Compilation compilation) {
    this(compilation, CompiledClasses.class.getClassLoader());
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  /** The compiled class {@code name}. */
  Class<?> type(String name) {
    try {
      return loadClass(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("not compiled: " + name, e);
    }
  }

  /** Calls static method {@code method} of class {@code type}, whose parameters are of {@code types}. */
  Object callStatic(String type, String method, Class<?>[] types, Object... args) {
    try {
      return type(type).getMethod(method, types).invoke(null, args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(type + "." + method + " failed", e);
    }
  }
}
