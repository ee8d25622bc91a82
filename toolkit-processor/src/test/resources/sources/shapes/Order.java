package shapes;

import dev.hookguard.api.Sensitive;
import dev.hookguard.api.Sensitive.Mask;
import dev.hookguard.api.WebhookPayload;
import java.math.BigDecimal;

/** A class read through getters and setters, and through package-private fields. */
@WebhookPayload(event = "order.paid")
public class Order {

  private String number;
  private BigDecimal total;
  private boolean paid;
  @Sensitive(mask = Mask.EMAIL) private String buyerEmail;
  String note;
  @Sensitive double weight;

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public BigDecimal getTotal() {
    return total;
  }

  public void setTotal(BigDecimal total) {
    this.total = total;
  }

  public boolean isPaid() {
    return paid;
  }

  public void setPaid(boolean paid) {
    this.paid = paid;
  }

  public String getBuyerEmail() {
    return buyerEmail;
  }

  public void setBuyerEmail(String buyerEmail) {
    this.buyerEmail = buyerEmail;
  }
}
