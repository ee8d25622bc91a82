package dev.hookguard.processor.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.api.Sensitive.Category;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataNamesTest {

  @ParameterizedTest(name = "{0} looks like {1}")
  @CsvSource({
      "email, CONTACT",
      "billingEmail, CONTACT",
      "billing_email, CONTACT",
      "emails, CONTACT",
      "phoneNumber, CONTACT",
      "shippingAddress, CONTACT",
      "address1, CONTACT",
      "zip, CONTACT",
      "cardNumber, FINANCIAL",
      "creditCardNumber, FINANCIAL",
      "iban, FINANCIAL",
      "ssn, GOVERNMENT_ID",
      "clientSecret, CREDENTIAL",
      "apiKey, CREDENTIAL",
      "password, CREDENTIAL",
      "cartToken, CREDENTIAL",
      "browserIp, LOCATION",
      "ipAddress, LOCATION",
      "latitude, LOCATION",
      "dob, PERSONAL",
      "dateOfBirth, PERSONAL",
      "firstName, PERSONAL",
      "last_name, PERSONAL",
  })
  void personalNamesMatch(String name, Category category) {
    assertThat(PersonalDataNames.match(name)).get()
        .extracting(PersonalDataNames.Match::category).isEqualTo(category);
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "zipper", "shipping", "creditCardCompany", "cvvResultCode",
      "accessTokensUrl", "emailVerifiedAt", "tipAmount", "description", "repositoryName"})
  void otherNamesDoNotMatch(String name) {
    assertThat(PersonalDataNames.match(name)).isEmpty();
  }
}
