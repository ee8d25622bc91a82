package dev.hookguard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Test sources from {@code src/test/resources/sources}, and compiling them with the processor; the
 * model's tests use inline sources and libraries from here too.
 */
public final class Sources {

  private static final String CLASS_OUTPUT = "/CLASS_OUTPUT/";

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
  public static JavaFileObject source(String name, String... lines) {
    return JavaFileObjects.forSourceLines(name, lines);
  }

  static Compilation compile(JavaFileObject... sources) {
    return compile(Arrays.asList(sources));
  }

  static Compilation compile(List<JavaFileObject> sources) {
    return compileWithOptions(List.of(), sources);
  }

  /** Compiles with the processor and javac options {@code options} (such as {@code -Akey=value}). */
  static Compilation compileWithOptions(List<String> options, List<JavaFileObject> sources) {
    List<String> all = new ArrayList<>(List.of("-Xlint:all", "-Xlint:-processing"));
    all.addAll(options);
    return javac()
        .withProcessors(new HookGuardProcessor())
        .withOptions(all)
        .compile(sources);
  }

  /**
   * Compiles {@code sources} as a library built elsewhere, without any annotation processor, and
   * writes its class files into {@code directory}.
   */
  public static Path precompile(Path directory, JavaFileObject... sources) throws IOException {
    Compilation compilation = javac().withOptions("-proc:none").compile(sources);
    assertThat(compilation).succeeded();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String uri = file.toUri().getPath();
      Path target = directory.resolve(uri.substring(uri.indexOf(CLASS_OUTPUT) + CLASS_OUTPUT.length()));
      Files.createDirectories(target.getParent());
      try (InputStream in = file.openInputStream()) {
        Files.write(target, in.readAllBytes());
      }
    }
    return directory;
  }

  /** Compiles with the processor, with the class files in {@code library} on the class path. */
  static Compilation compileAgainst(Path library, JavaFileObject... sources) {
    return compileAgainst(library, List.of(), sources);
  }

  /** As {@link #compileAgainst(Path, JavaFileObject...)}, with javac options {@code options}. */
  static Compilation compileAgainst(Path library, List<String> options, JavaFileObject... sources) {
    List<File> classPath = new ArrayList<>();
    classPath.add(library.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classPath.add(new File(entry));
    }
    List<String> all = new ArrayList<>(List.of("-Xlint:all", "-Xlint:-processing"));
    all.addAll(options);
    return javac()
        .withProcessors(new HookGuardProcessor())
        .withOptions(all)
        .withClasspath(classPath)
        .compile(sources);
  }
}
