package dev.hookguard.runtime.store;

import dev.hookguard.runtime.HookGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A SQLite file in a temporary directory. */
public final class SqliteBackend implements StoreBackend {

  private final Path directory;
  private final Path file;

  public SqliteBackend(Path directory) {
    this.directory = directory;
    this.file = directory.resolve("hookguard.db");
  }

  public Path file() {
    return file;
  }

  @Override
  public HookGuard.Builder configure(HookGuard.Builder builder) {
    return builder.sqlite(file);
  }

  @Override
  public Connection rawConnection() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  @Override
  public List<byte[]> everythingStored() throws Exception {
    List<byte[]> contents = new ArrayList<>();
    for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
      Path part = Path.of(file + suffix);
      if (Files.exists(part)) {
        contents.add(Files.readAllBytes(part));
      }
    }
    return contents;
  }

  /**
   * A copy of the database file alone ({@code VACUUM INTO}), as a backup of the record store
   * holds it: the key file beside it is not copied.
   */
  public void copyTo(Path copy) throws SQLException {
    try (Connection raw = rawConnection();
        java.sql.Statement statement = raw.createStatement()) {
      statement.execute("VACUUM INTO '" + copy + "'");
    }
  }

  @Override
  public Path workDirectory() {
    return directory;
  }

  @Override
  public void close() {}
}
