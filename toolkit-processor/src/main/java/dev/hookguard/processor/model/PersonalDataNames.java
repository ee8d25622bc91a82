package dev.hookguard.processor.model;

import dev.hookguard.api.Sensitive.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognizes property names that suggest personal data. Names are split into words at case
 * changes, digits and underscores ({@code billingEmail}, {@code billing_email} → billing, email),
 * and only the head of the name is matched: its last word, or its last two words written
 * together. So {@code billingEmail}, {@code cardNumber} and {@code browserIp} match, while
 * {@code creditCardCompany}, {@code accessTokensUrl} and {@code zipper} do not.
 */
public final class PersonalDataNames {

  /** The id of the warning on such a name, by which a decision that it is not personal data is
   * written: {@code @SuppressWarnings("HookGuardPersonalData")}. */
  public static final String WARNING_ID = "HookGuardPersonalData";

  /** What a name looks like, and the category a fix would use. */
  public record Match(String description, Category category) {}

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

  /** Head words, and two-word heads written together (first + name → firstname). */
  private static final Map<String, Match> WORDS = Map.ofEntries(
      Map.entry("email", EMAIL),
      Map.entry("mail", EMAIL),
      Map.entry("phone", PHONE),
      Map.entry("mobile", PHONE),
      Map.entry("address", ADDRESS),
      Map.entry("street", ADDRESS),
      Map.entry("postcode", ADDRESS),
      Map.entry("postalcode", ADDRESS),
      Map.entry("zip", ADDRESS),
      Map.entry("emailaddress", EMAIL),
      Map.entry("phonenumber", PHONE),
      Map.entry("cardnumber", PAYMENT),
      Map.entry("accountnumber", PAYMENT),
      Map.entry("ipaddress", IP),
      Map.entry("birth", BIRTH),
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

  /**
   * What personal data the property {@code name} declared by {@code element} suggests, unless a
   * decision was taken on it: {@code @Sensitive}, a flag ({@link Shape#isFlag()}), or {@code
   * @SuppressWarnings("HookGuardPersonalData")}. The warning {@code HookGuardPersonalData} and
   * the privacy manifest's {@code undecided} both follow it.
   */
  public static Optional<Match> undecided(
      javax.lang.model.element.Element element, String name, boolean flag) {
    if (flag || Annotations.find(element, Annotations.SENSITIVE).isPresent()
        || Annotations.isSuppressed(element, WARNING_ID)) {
      return Optional.empty();
    }
    return match(name);
  }

  public static Optional<Match> match(String name) {
    List<String> words = words(name);
    int n = words.size();
    if (n >= 2) {
      Optional<Match> pair = lookUp(words.get(n - 2) + words.get(n - 1));
      if (pair.isPresent()) {
        return pair;
      }
    }
    return n == 0 ? Optional.empty() : lookUp(words.get(n - 1));
  }

  /** A word as it is, or singular: {@code emails} and {@code tokens} count too. */
  private static Optional<Match> lookUp(String word) {
    Match match = WORDS.get(word);
    if (match == null && word.length() > 3 && word.endsWith("s")) {
      match = WORDS.get(word.substring(0, word.length() - 1));
    }
    return Optional.ofNullable(match);
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
