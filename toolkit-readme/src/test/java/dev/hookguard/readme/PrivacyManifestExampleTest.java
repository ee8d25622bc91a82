package dev.hookguard.readme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The README's privacy manifest example, run: on this module's class path it finds the samples'
 * manifest (in their jar or classes) and this module's own (its test sources hold the README's
 * {@code Customer}).
 */
class PrivacyManifestExampleTest {

  @Test
  void theExampleListsEveryPayloadTypeOfEveryManifestOnTheClassPath() {
    assertThat(CoreApiExamples.privacyManifests())
        .contains("dev.hookguard.samples.stripe.StripeEvent: [PERSONAL, CONTACT, FINANCIAL, CREDENTIAL], "
            + "kept OptionalInt[90]")
        .contains("dev.hookguard.samples.github.GitHubPush: [PERSONAL, CONTACT], kept OptionalInt[30]")
        .anyMatch(line -> line.startsWith("dev.hookguard.readme.Customer: "));
  }
}
