package dev.hookguard.processor.validation;

import dev.hookguard.api.Sensitive.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognizes property names that suggest personal data. Names are split into words at case
 * changes, digits and underscores ({@code billingEmail}, {@code billing_email} → billing, email),
 * and words are matched whole, so {@code zip} does not match {@code ip} and {@code shipping} does
 * not either.
 */
final class PersonalDataNames {

  /** What a name looks like, and the category a fix would use. */
  record Match(String description, Category category) {}

  private static final Match EMAIL = new Match("an e-mail address", Category.CONTACT);
  private static final Match PHONE = new Match("a phone number", Category.CONTACT);
  private static final Match ADDRESS = new Match("a postal address", Category.CONTACT);
  private static final Match PAYMENT = new Match("payment card or bank data", Category.FINANCIAL);
  private static final Match GOVERNMENT = new Match("a government identifier", Category.GOVERNMENT_ID);
  private static final Match CREDENTIAL = new Match("a credential", Category.CREDENTIAL);
  private static final Match IP = new Match("an IP address", Category.LOCATION);
  private static final Match LOCATION = new Match("a location", Category.LOCATION);
  private static final Match BIRTH = new Match("a date of birth", Category.PERSONAL);
  private static final Match NAME = new Match("a person's name", Category.PERSONAL);

  /** Single words, and two adjacent words written together (first + name → firstname). */
  private static final Map<String, Match> WORDS = Map.ofEntries(
      Map.entry("email", EMAIL),
      Map.entry("mail", EMAIL),
      Map.entry("phone", PHONE),
      Map.entry("mobile", PHONE),
      Map.entry("address", ADDRESS),
      Map.entry("street", ADDRESS),
      Map.entry("postcode", ADDRESS),
      Map.entry("card", PAYMENT),
      Map.entry("cvv", PAYMENT),
      Map.entry("cvc", PAYMENT),
      Map.entry("iban", PAYMENT),
      Map.entry("ssn", GOVERNMENT),
      Map.entry("passport", GOVERNMENT),
      Map.entry("taxid", GOVERNMENT),
      Map.entry("token", CREDENTIAL),
      Map.entry("password", CREDENTIAL),
      Map.entry("passwd", CREDENTIAL),
      Map.entry("secret", CREDENTIAL),
      Map.entry("apikey", CREDENTIAL),
      Map.entry("ip", IP),
      Map.entry("latitude", LOCATION),
      Map.entry("longitude", LOCATION),
      Map.entry("dob", BIRTH),
      Map.entry("birthday", BIRTH),
      Map.entry("birthdate", BIRTH),
      Map.entry("firstname", NAME),
      Map.entry("lastname", NAME),
      Map.entry("fullname", NAME),
      Map.entry("surname", NAME));

  private PersonalDataNames() {}

  static Optional<Match> match(String name) {
    List<String> words = words(name);
    for (int i = 0; i < words.size(); i++) {
      Match single = WORDS.get(words.get(i));
      if (single != null) {
        return Optional.of(single);
      }
      if (i + 1 < words.size()) {
        Match pair = WORDS.get(words.get(i) + words.get(i + 1));
        if (pair != null) {
          return Optional.of(pair);
        }
      }
    }
    return Optional.empty();
  }

  static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean boundary = !Character.isLetter(c)
          || (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1)));
      if (boundary && word.length() > 0) {
        words.add(word.toString().toLowerCase(Locale.ROOT));
        word.setLength(0);
      }
      if (Character.isLetter(c)) {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
    }
    return words;
  }
}
