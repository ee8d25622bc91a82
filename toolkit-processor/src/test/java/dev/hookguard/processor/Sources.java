package dev.hookguard.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;

/** Test sources from {@code src/test/resources/sources}, and compiling them with the processor. */
final class Sources {

  private Sources() {}

  static JavaFileObject resource(String path) {
    try (var in = Sources.class.getResourceAsStream("/sources/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test source " + path);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String name = path.substring(0, path.length() - ".java".length()).replace('/', '.');
      return JavaFileObjects.forSourceString(name, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An inline source; its class name comes from {@code name}. */
  static JavaFileObject source(String name, String... lines) {
    return JavaFileObjects.forSourceLines(name, lines);
  }

  static Compilation compile(JavaFileObject... sources) {
    return compile(Arrays.asList(sources));
  }

  static Compilation compile(List<JavaFileObject> sources) {
    return javac()
        .withProcessors(new HookGuardProcessor())
        .withOptions("-Xlint:all", "-Xlint:-processing")
        .compile(sources);
  }
}
