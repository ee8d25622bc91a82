package dev.hookguard.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The driver versions the README names are the ones the parent pom pins, so that a version bump
 * that forgets the README fails the build.
 */
class ReadmeVersionsTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path PARENT_POM = Path.of("..", "pom.xml");

  private static String pinned(String property) throws IOException {
    String pom = Files.readString(PARENT_POM, StandardCharsets.UTF_8);
    Matcher version = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</").matcher(pom);
    assertThat(version.find()).as("%s in the parent pom", property).isTrue();
    return version.group(1).strip();
  }

  @Test
  void thePostgresqlDriverTheReadmeNamesIsThePinnedOne() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    assertThat(readme).contains("<groupId>org.postgresql</groupId>\n"
        + "  <artifactId>postgresql</artifactId>\n"
        + "  <version>" + pinned("postgresql.version") + "</version>");
  }

  @Test
  void theSqliteDriverTheReadmeNamesIsThePinnedOne() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    assertThat(readme).contains("`org.xerial:sqlite-jdbc` (" + pinned("sqlite.version") + ")");
  }
}
