package dev.hookguard.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.samples.stripe.StripeEventStore;
import dev.hookguard.testsupport.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code hookguard.storage.type=postgres} on the DataSource Spring Boot makes from {@code
 * spring.datasource.url}, on the tests' PostgreSQL (embedded, or {@code
 * HOOKGUARD_TEST_POSTGRES_URL}).
 */
class PostgresAutoConfigurationTest {

  @TempDir static Path folder;

  private final TestPostgres.Schema schema = TestPostgres.server().newSchema();
  private final TestPostgres.Schema keySchema = TestPostgres.server().newSchema();

  @AfterEach
  void dropSchemas() throws Exception {
    schema.close();
    keySchema.close();
  }

  @Configuration(proxyBeanMethods = false)
  static class Key {
    @Bean
    MasterKey masterKey() {
      return MasterKey.localFile(folder.resolve("master.key"));
    }
  }

  @Test
  void storesThroughTheApplicationsDataSourceWithDayKeysInAnotherSchema() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(
            DataSourceAutoConfiguration.class, HookGuardAutoConfiguration.class))
        .withUserConfiguration(Key.class)
        .withPropertyValues(
            "spring.datasource.url=" + schema.jdbcUrl(),
            "hookguard.storage.type=postgres",
            "hookguard.storage.postgres.retention-keys-schema=" + keySchema.name())
        .run(context -> {
          assertThat(context).hasNotFailed();
          HookGuard hookGuard = context.getBean(HookGuard.class);
          StoredSamples.storeStripeEvent(hookGuard, "evt_pg");

          assertThat(StripeEventStore.create(hookGuard).find("evt_pg")).isPresent();
          assertThat(tables(schema)).contains("hg_records", "hg_audit_entries")
              .doesNotContain("hg_retention_keys", "hg_subject_keys", "hg_subject_token_key");
          // The key store: retention day keys and data subjects' keys, apart from the records.
          assertThat(tables(keySchema))
              .containsExactly("hg_retention_keys", "hg_subject_keys", "hg_subject_token_key");
        });
  }

  @Test
  void theDevelopmentKeyIsRefusedOnPostgres() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(
            DataSourceAutoConfiguration.class, HookGuardAutoConfiguration.class))
        .withPropertyValues(
            "spring.datasource.url=" + schema.jdbcUrl(),
            "hookguard.storage.type=postgres",
            "hookguard.master-key.development=true")
        .run(context -> assertThat(context.getStartupFailure()).rootCause()
            .isInstanceOf(HookGuardConfigurationException.class)
            .hasMessageContaining("hookguard.master-key.development=true keeps the key in a file"));
  }

  private static List<String> tables(TestPostgres.Schema schema) throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection connection = schema.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
            + " WHERE table_schema = '" + schema.name() + "' ORDER BY table_name")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }
}
