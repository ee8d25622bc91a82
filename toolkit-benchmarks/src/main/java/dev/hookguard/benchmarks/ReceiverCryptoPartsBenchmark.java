package dev.hookguard.benchmarks;

import dev.hookguard.runtime.generated.FieldSpec;
import dev.hookguard.runtime.generated.StoredDocuments;
import dev.hookguard.runtime.internal.keys.DataKeys;
import dev.hookguard.runtime.internal.keys.RetentionKeyStore;
import dev.hookguard.runtime.internal.records.CanonicalJson;
import dev.hookguard.runtime.internal.records.RecordCodec;
import dev.hookguard.runtime.internal.records.RecordCodec.PlainField;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.samples.github.GitHubPush;
import dev.hookguard.samples.github.GitHubPushStore;
import dev.hookguard.samples.github.GitHubPushVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The crypto floor of one {@link ReceiverInProcessBenchmark} request: the GitHub HMAC-SHA256 over
 * the 2.8 KB body on a pre-keyed JDK {@code Mac}, plus sealing the push's fields exactly as the
 * store seals them ({@code RecordCodec.seal}: AES256-GCM under the record's retention day key for
 * the randomized fields, the record's MAC), with keys made as the key ring makes them. The fields
 * are canonicalised once in setup: that is JSON work, not crypto. The receipt's keyed tag and
 * body token are left out, so the floor is if anything too fast. Requests per second of the
 * receiver divided by these operations per second is the share of the crypto floor reached.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReceiverCryptoPartsBenchmark {

  private Path folder;
  private RetentionKeyStore dayKeys;
  private DataKeys keys;
  private byte[] body;
  private List<PlainField> fields;
  private long receivedAt;
  private Long expiresAt;
  private final ThreadLocal<Mac> hmac = ThreadLocal.withInitial(ReceiverCryptoPartsBenchmark::githubMac);

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    folder = Files.createTempDirectory("hookguard-crypto");
    dayKeys = BenchKeys.keyStoreIn(folder);
    keys = BenchKeys.newDataKeys();

    body = Samples.payload(Samples.GITHUB_PUSH);
    GitHubPush push = GitHubPushVerifier.create(Signatures.github(Samples.GITHUB_SECRET))
        .readTrusted(body);
    // What GitHubPushStore.fields(push) returns.
    Map<String, String> json = StoredDocuments.split(GitHubPushVerifier.toJson(push));
    receivedAt = System.currentTimeMillis();
    expiresAt = receivedAt + Duration.ofDays(GitHubPushStore.SCHEMA.retainDays().orElseThrow()).toMillis();
    fields = new ArrayList<>();
    for (FieldSpec spec : GitHubPushStore.SCHEMA.fields()) {
      if (json.containsKey(spec.path())) {
        String value = json.get(spec.path());
        fields.add(new PlainField(spec.path(), spec.protection(),
            CanonicalJson.canonical(value == null ? "null" : value, spec.path()), expiresAt));
      }
    }
    seal();
  }

  private static Mac githubMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Samples.GITHUB_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    dayKeys.close();
    BenchBackend.deleteFolder(folder);
  }

  /** One request's HMAC verify and its record's seals. */
  @Benchmark
  public Object hmacAndSeals() throws Exception {
    hmac.get().doFinal(body);
    return seal();
  }

  private Object seal() throws Exception {
    return RecordCodec.seal(keys, dayKeys, GitHubPushStore.SCHEMA.payloadType(), "bench-id",
        receivedAt, expiresAt, fields);
  }
}
