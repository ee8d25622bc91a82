package shapes;

import java.math.BigDecimal;

/** An amount in a currency, in its own compilation unit, with no annotation at all. */
public record Money(String currency, BigDecimal amountDue) {}
