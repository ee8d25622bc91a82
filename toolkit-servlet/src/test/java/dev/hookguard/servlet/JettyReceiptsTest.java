package dev.hookguard.servlet;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** What the Jetty tests share: receipts on SQLite in a fresh folder, and the server to close. */
abstract class JettyReceiptsTest {

  @TempDir Path folder;

  Receipts receipts;
  Jetty jetty;

  @BeforeEach
  void openReceipts() {
    receipts = new Receipts(folder);
  }

  @AfterEach
  void closeServerAndReceipts() throws Exception {
    if (jetty != null) {
      jetty.close();
    }
    receipts.close();
  }
}
