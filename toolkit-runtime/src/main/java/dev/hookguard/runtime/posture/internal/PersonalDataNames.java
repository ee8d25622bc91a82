package dev.hookguard.runtime.posture.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names that suggest personal data: the words the processor warns about ({@code
 * HookGuardPersonalData}), matched the same way. A name is split into words at case changes,
 * digits and underscores, and only its head counts: its last word, or its last two written
 * together ({@code billingEmail}, {@code full_name}, {@code cardNumber} match; {@code
 * creditCardCompany} does not).
 */
final class PersonalDataNames {

  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("email", "an e-mail address"),
      Map.entry("mail", "an e-mail address"),
      Map.entry("emailaddress", "an e-mail address"),
      Map.entry("phone", "a phone number"),
      Map.entry("mobile", "a phone number"),
      Map.entry("phonenumber", "a phone number"),
      Map.entry("address", "a postal address"),
      Map.entry("street", "a postal address"),
      Map.entry("postcode", "a postal address"),
      Map.entry("postalcode", "a postal address"),
      Map.entry("zip", "a postal address"),
      Map.entry("cardnumber", "payment card or bank data"),
      Map.entry("accountnumber", "payment card or bank data"),
      Map.entry("card", "payment card or bank data"),
      Map.entry("cvv", "payment card or bank data"),
      Map.entry("cvc", "payment card or bank data"),
      Map.entry("iban", "payment card or bank data"),
      Map.entry("ssn", "a government identifier"),
      Map.entry("passport", "a government identifier"),
      Map.entry("taxid", "a government identifier"),
      Map.entry("token", "a credential"),
      Map.entry("password", "a credential"),
      Map.entry("passwd", "a credential"),
      Map.entry("secret", "a credential"),
      Map.entry("apikey", "a credential"),
      Map.entry("ip", "an IP address"),
      Map.entry("ipaddress", "an IP address"),
      Map.entry("latitude", "a location"),
      Map.entry("longitude", "a location"),
      Map.entry("birth", "a date of birth"),
      Map.entry("dob", "a date of birth"),
      Map.entry("birthday", "a date of birth"),
      Map.entry("birthdate", "a date of birth"),
      Map.entry("firstname", "a person's name"),
      Map.entry("lastname", "a person's name"),
      Map.entry("fullname", "a person's name"),
      Map.entry("surname", "a person's name"));

  private PersonalDataNames() {}

  /** What {@code name} suggests, such as {@code an e-mail address}; empty if nothing. */
  static Optional<String> match(String name) {
    List<String> words = words(name);
    int n = words.size();
    if (n >= 2) {
      Optional<String> pair = lookUp(words.get(n - 2) + words.get(n - 1));
      if (pair.isPresent()) {
        return pair;
      }
    }
    return n == 0 ? Optional.empty() : lookUp(words.get(n - 1));
  }

  private static Optional<String> lookUp(String word) {
    String match = WORDS.get(word);
    if (match == null && word.length() > 3 && word.endsWith("s")) {
      match = WORDS.get(word.substring(0, word.length() - 1));
    }
    return Optional.ofNullable(match);
  }

  private static List<String> words(String name) {
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
