package dev.atelier.provider;

import java.math.BigDecimal;

/** The price of a request before it is sent, from the configured price table. */
public record Quote(ProviderId provider, String model, BigDecimal usd) {
}
