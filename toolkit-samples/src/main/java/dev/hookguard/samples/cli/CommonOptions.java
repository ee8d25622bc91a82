package dev.hookguard.samples.cli;

import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** Options every command that opens the store shares. */
final class CommonOptions {

  @Option(names = "--data", paramLabel = "DIR", defaultValue = ".hookguard",
      description = "Working folder: SQLite database, development keys and secrets (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--postgres", paramLabel = "JDBC_URL",
      description = "Use PostgreSQL instead of SQLite, e.g. jdbc:postgresql://db.example.com:5432/hookguard?user=app")
  String postgres;

  @Option(names = "--json", description = "Print machine-readable JSON instead of text.")
  boolean json;

  Workspace workspace() {
    return new Workspace(data);
  }

  dev.hookguard.runtime.HookGuard open() {
    return workspace().open(postgres, Clock.systemUTC());
  }
}
