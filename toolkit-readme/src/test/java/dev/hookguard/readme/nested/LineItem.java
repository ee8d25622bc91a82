package dev.hookguard.readme.nested;

import java.math.BigDecimal;

// README, "Roots and nested types": a nested type with nothing sensitive.
public record LineItem(String sku, int quantity, BigDecimal price) {}   // no class generated
