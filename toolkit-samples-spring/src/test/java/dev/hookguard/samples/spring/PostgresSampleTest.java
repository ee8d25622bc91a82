package dev.hookguard.samples.spring;

import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.testsupport.TestPostgres;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The sample on PostgreSQL (the tests' PostgreSQL: embedded, or the server named by {@code
 * HOOKGUARD_TEST_POSTGRES_URL}), through the application's {@code DataSource} bean, with the
 * master key from a {@code MasterKey} bean instead of the development key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "hookguard.storage.type=postgres",
        "hookguard.storage.sqlite.path=",
        "hookguard.master-key.development=false",
        "hookguard.signatures.stripe.secrets=" + Deliveries.STRIPE_NEW_SECRET + "," + Deliveries.STRIPE_OLD_SECRET,
        "hookguard.signatures.github.secrets=" + Deliveries.GITHUB_SECRET,
        "hookguard.signatures.shopify.secrets=" + Deliveries.SHOPIFY_SECRET})
@DirtiesContext   // stops it after the class: HookGuard, then the pool, then the schema
class PostgresSampleTest extends SampleContract {

  @Autowired DataSource dataSource;
  @Autowired TestPostgres.Schema schema;

  @TestConfiguration(proxyBeanMethods = false)
  static class OnPostgres {

    /** A schema of its own, dropped when the application stops (after HookGuard and the pool). */
    @Bean(destroyMethod = "close")
    TestPostgres.Schema schema() {
      return TestPostgres.server().newSchema();
    }

    /** The application's pool, as spring.datasource.* or its own configuration would make it. */
    @Bean
    DataSource dataSource(TestPostgres.Schema schema) {
      return schema.newPool(10);
    }

    /** A key handed over in code, such as one read from a secret manager. */
    @Bean
    MasterKey masterKey() throws Exception {
      return MasterKey.localFile(Files.createTempDirectory("hookguard-pg").resolve("master.key"));
    }
  }

  @Override
  String rawStore() throws Exception {
    StringBuilder all = new StringBuilder();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
          + " WHERE table_schema = '" + schema.name() + "'")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet rows = statement.executeQuery(
            "SELECT t::text FROM " + schema.name() + "." + table + " t")) {
          while (rows.next()) {
            all.append(rows.getString(1)).append('\n');
          }
        }
      }
    }
    return all.toString();
  }
}
