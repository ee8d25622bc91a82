package dev.hookguard.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ReceiverThroughputBenchmark} once per client count (JMH's {@code -t} takes one
 * value) and prints HookGuard and the baseline side by side with their ratio.
 *
 * <pre>
 * java -cp toolkit-benchmarks/target/benchmarks.jar dev.hookguard.benchmarks.ReceiverThroughputRunner \
 *     [--clients=1,4,16,32] [any JMH option, e.g. -p backend=sqlite -wi 2 -i 3 -rf json -rff out.json]
 * </pre>
 *
 * <p>Each thread count is one JMH run; with {@code -rff file}, the runs write {@code
 * file}-t{threads}.
 */
public final class ReceiverThroughputRunner {

  private ReceiverThroughputRunner() {}

  public static void main(String[] args) throws Exception {
    int[] clients = {1, 4, 16, 32};
    List<String> jmhArgs = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--clients=")) {
        clients = Arrays.stream(arg.substring("--clients=".length()).split(","))
            .map(String::trim)
            .mapToInt(Integer::parseInt)
            .toArray();
      } else {
        jmhArgs.add(arg);
      }
    }
    CommandLineOptions command = new CommandLineOptions(jmhArgs.toArray(String[]::new));

    // backend -> threads -> receiver -> result
    Map<String, Map<Integer, Map<String, Result<?>>>> table = new TreeMap<>(
        (a, b) -> order(a) - order(b));
    for (int threads : clients) {
      OptionsBuilder builder = new OptionsBuilder();
      builder.parent(command)
          .include(ReceiverThroughputBenchmark.class.getName() + ".receipt")
          .threads(threads);
      if (command.getResult().hasValue()) {
        builder.result(command.getResult().get() + "-t" + threads);
      }
      Options options = builder.build();
      Collection<RunResult> results = new Runner(options).run();
      for (RunResult result : results) {
        String backend = result.getParams().getParam("backend");
        String receiver = result.getParams().getParam("receiver");
        table.computeIfAbsent(backend, b -> new TreeMap<>())
            .computeIfAbsent(result.getParams().getThreads(), t -> new TreeMap<>())
            .put(receiver, result.getPrimaryResult());
      }
      print(table);
    }
  }

  private static int order(String backend) {
    return switch (backend) {
      case "sqlite" -> 0;
      case "postgres" -> 1;
      default -> 2 + Math.abs(backend.hashCode() % 1000);
    };
  }

  private static void print(Map<String, Map<Integer, Map<String, Result<?>>>> table) {
    System.out.println();
    System.out.println("Receipts per second over loopback HTTP (JMH score ± 99.9% error):");
    System.out.printf(Locale.ROOT, "%-9s %7s %22s %22s %7s%n",
        "backend", "clients", "hookguard ops/s", "baseline ops/s", "ratio");
    table.forEach((backend, byThreads) -> byThreads.forEach((threads, byReceiver) -> {
      Result<?> hookguard = byReceiver.get("hookguard");
      Result<?> baseline = byReceiver.get("baseline");
      String ratio = hookguard == null || baseline == null || baseline.getScore() == 0
          ? "-"
          : String.format(Locale.ROOT, "%.2f", hookguard.getScore() / baseline.getScore());
      System.out.printf(Locale.ROOT, "%-9s %7d %22s %22s %7s%n",
          backend, threads, score(hookguard), score(baseline), ratio);
    }));
    System.out.println();
  }

  private static String score(Result<?> result) {
    if (result == null) {
      return "-";
    }
    double error = result.getScoreError();
    return Double.isNaN(error)
        ? String.format(Locale.ROOT, "%.1f", result.getScore())
        : String.format(Locale.ROOT, "%.1f ± %.1f", result.getScore(), error);
  }
}
