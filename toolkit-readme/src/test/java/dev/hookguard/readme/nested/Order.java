package dev.hookguard.readme.nested;

import dev.hookguard.api.Naming;
import dev.hookguard.api.WebhookPayload;
import java.util.List;
import org.jspecify.annotations.Nullable;

// README, "Roots and nested types": the root.
@WebhookPayload(event = "orders/create", naming = Naming.SNAKE_CASE)
public record Order(String id, List<LineItem> lineItems, @Nullable Buyer buyer) {}
