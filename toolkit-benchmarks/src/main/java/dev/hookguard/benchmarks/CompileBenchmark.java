package dev.hookguard.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * javac on {@code types} generated payload types, in process ({@code javax.tools}), with and
 * without HookGuard's processor (issue 13: the processor adds under 25 %). The sources are
 * written in setup: each a {@code @WebhookPayload} record of eleven properties (a deterministic
 * and a randomized {@code @Encrypt}, {@code EMAIL}, {@code LAST4} and {@code HASH} masks, a
 * field-level {@code @Retain}, a nullable one, numbers, a {@code BigDecimal}, an {@code
 * Instant}) with a nested record in a list, as the samples are written.
 *
 * <ul>
 *   <li>{@code withoutProcessor}: {@code -proc:none};
 *   <li>{@code withProcessor}: {@code -processor dev.hookguard.processor.HookGuardProcessor},
 *       which also compiles what it generates (verifier, redactor, store per type, the privacy
 *       manifest);
 *   <li>{@code processorOnly}: {@code -proc:only}, the processor's own time without compiling
 *       its output (analysis and writing).
 * </ul>
 *
 * <p>Each measurement is one whole compilation with a new file manager and a new output folder,
 * in a JVM that has compiled before (warm-up iterations): javac's own JIT warm-up is left out,
 * as a daemon (Gradle's, Maven's in-process compiler) leaves it out. Any error fails the run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class CompileBenchmark {

  static final String PROCESSOR = "dev.hookguard.processor.HookGuardProcessor";

  @Param({"200"})
  public int types;

  /**
   * Where javac and the processor write: {@code disk} (a new folder per compilation, as a clean
   * build writes) or {@code memory} (the same compilation without creating files, which on this
   * machine's disk costs about 0.6 ms per new file).
   */
  @Param({"disk"})
  public String output;

  private Path folder;
  private List<Path> sources;
  private String classPath;
  private JavaCompiler javac;
  private int run;

  @Setup(Level.Trial)
  public void writeSources() throws IOException {
    javac = ToolProvider.getSystemJavaCompiler();
    classPath = System.getProperty("java.class.path");
    folder = Files.createTempDirectory("hookguard-compile");
    Path sourceRoot = folder.resolve("src");
    Path pkg = sourceRoot.resolve("bench/generated");
    Files.createDirectories(pkg);
    sources = new ArrayList<>();
    for (int i = 0; i < types; i++) {
      Path file = pkg.resolve("Payload" + i + ".java");
      Files.writeString(file, source(i));
      sources.add(file);
    }
  }

  static String source(int i) {
    return """
        package bench.generated;

        import dev.hookguard.api.Encrypt;
        import dev.hookguard.api.Naming;
        import dev.hookguard.api.Retain;
        import dev.hookguard.api.Sensitive;
        import dev.hookguard.api.Sensitive.Category;
        import dev.hookguard.api.Sensitive.Mask;
        import dev.hookguard.api.WebhookPayload;
        import java.math.BigDecimal;
        import java.time.Instant;
        import java.util.List;
        import org.jspecify.annotations.Nullable;

        /** Generated benchmark payload %1$d. */
        @WebhookPayload(event = "bench.event%1$d", naming = Naming.SNAKE_CASE)
        @Retain(days = 90)
        public record Payload%1$d(
            String id,
            @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL) @Encrypt(deterministic = true)
                String email,
            @Sensitive(category = Category.FINANCIAL, mask = Mask.LAST4) @Encrypt String cardNumber,
            @Sensitive(mask = Mask.HASH) String customerId,
            @Sensitive(category = Category.OTHER) @Encrypt @Retain(days = 30) @Nullable String note,
            long amount%1$d,
            int count,
            boolean live,
            BigDecimal total,
            Instant created,
            List<Item> items) {

          /** A line of payload %1$d. */
          public record Item(String sku, int quantity, @Sensitive(category = Category.PERSONAL) String label) {}
        }
        """.formatted(i);
  }

  @TearDown(Level.Trial)
  public void deleteSources() throws IOException {
    BenchBackend.deleteFolder(folder);
  }

  @Benchmark
  public int withoutProcessor() throws IOException {
    return compile(List.of("-proc:none"));
  }

  @Benchmark
  public int withProcessor() throws IOException {
    return compile(List.of("-processorpath", classPath, "-processor", PROCESSOR));
  }

  @Benchmark
  public int processorOnly() throws IOException {
    return compile(List.of("-processorpath", classPath, "-processor", PROCESSOR, "-proc:only"));
  }

  private int compile(List<String> processing) throws IOException {
    Path out = folder.resolve("out" + run++);
    Path classes = Files.createDirectories(out.resolve("classes"));
    Path generated = Files.createDirectories(out.resolve("generated"));
    List<String> options = new ArrayList<>(List.of(
        "-d", classes.toString(), "-s", generated.toString(), "-cp", classPath,
        "--release", "17", "-implicit:none", "-Xlint:none", "-nowarn"));
    options.addAll(processing);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter output = new StringWriter();
    try (StandardJavaFileManager standard =
        javac.getStandardFileManager(diagnostics, null, null)) {
      JavaFileManager files = switch (this.output) {
        case "disk" -> standard;
        case "memory" -> new InMemoryOutput(standard);
        default -> throw new IllegalArgumentException("output: disk or memory, not " + this.output);
      };
      boolean ok = javac.getTask(output, files, diagnostics, options, null,
          standard.getJavaFileObjectsFromPaths(sources)).call();
      if (!ok) {
        throw new IllegalStateException("javac failed: " + output + diagnostics.getDiagnostics());
      }
      if (files instanceof InMemoryOutput memory) {
        BenchBackend.deleteFolder(out);
        return memory.classCount();
      }
    }
    try (var walk = Files.walk(classes)) {
      int count = (int) walk.filter(p -> p.toString().endsWith(".class")).count();
      BenchBackend.deleteFolder(out);
      return count;
    }
  }

  /**
   * Keeps every file javac and the processor write (classes, generated sources, the privacy
   * manifest) in memory: javac reads a generated source back from the object it was written to,
   * so the compilation is the same, without the file system's cost of creating each file.
   */
  static final class InMemoryOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final List<Written> written = new ArrayList<>();

    InMemoryOutput(StandardJavaFileManager files) {
      super(files);
    }

    int classCount() {
      return (int) written.stream().filter(f -> f.getKind() == JavaFileObject.Kind.CLASS).count();
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      return remember(new Written(
          URI.create("memory:///" + location.getName() + "/" + className.replace('.', '/')
              + kind.extension), kind));
    }

    @Override
    public FileObject getFileForOutput(
        Location location, String packageName, String relativeName, FileObject sibling) {
      return remember(new Written(
          URI.create("memory:///" + location.getName() + "/" + packageName.replace('.', '/')
              + "/" + relativeName), JavaFileObject.Kind.OTHER));
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
      return a instanceof Written || b instanceof Written ? a.equals(b) : super.isSameFile(a, b);
    }

    private Written remember(Written file) {
      written.add(file);
      return file;
    }
  }

  /** One written file's bytes. */
  static final class Written extends SimpleJavaFileObject {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Written(URI uri, Kind kind) {
      super(uri, kind);
    }

    @Override
    public OutputStream openOutputStream() {
      bytes.reset();
      return bytes;
    }

    @Override
    public Writer openWriter() {
      return new OutputStreamWriter(openOutputStream(), StandardCharsets.UTF_8);
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
