package shapes;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hookguard.api.Encrypt;
import dev.hookguard.api.Naming;
import dev.hookguard.api.Retain;
import dev.hookguard.api.Sensitive;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.api.Sensitive.Mask;
import dev.hookguard.api.WebhookPayload;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A root whose nested types carry no annotation: a record, a list, a map, an optional and an
 * array of them, a class, a recursive type and, in Money.java, a type of another compilation unit.
 */
@WebhookPayload(event = "invoice.issued", naming = Naming.SNAKE_CASE)
@Retain(days = 90)
public record Invoice(
    String number,
    Party billedTo,
    List<Line> lines,
    Map<String, Money> totalsByCurrency,
    Map<String, Party> contacts,
    Optional<Note> note,
    Line[] credits,
    @Sensitive(category = Category.CONTACT) Party shipTo) {

  @Override
  public String toString() {
    return InvoiceRedactor.create().toLogString(this);
  }

  /** Sensitive and encrypted below the root: it gets a redactor, and seals the root's field. */
  public record Party(
      String name,
      @Sensitive(category = Category.FINANCIAL, mask = Mask.LAST4) @Encrypt String taxId,
      @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL) String mail) {

    @Override
    public String toString() {
      return Invoice_PartyRedactor.create().toLogString(this);
    }
  }

  /** Nothing sensitive: no class of its own. Its parts are lines too. */
  public record Line(
      String sku,
      @JsonProperty("qty") int quantity,
      Money unitPrice,
      Kind kind,
      Optional<List<Line>> parts) {}

  public enum Kind {
    GOODS,
    SERVICE
  }

  /** A class read through getters and setters, with a field kept for less time. */
  public static class Note {
    private String author;
    @Retain(days = 30) @Sensitive private String text;

    public String getAuthor() {
      return author;
    }

    public void setAuthor(String author) {
      this.author = author;
    }

    public String getText() {
      return text;
    }

    public void setText(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return Invoice_NoteRedactor.create().toLogString(this);
    }
  }
}
