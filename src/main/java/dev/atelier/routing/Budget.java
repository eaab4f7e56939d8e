package dev.atelier.routing;

import org.eclipse.microprofile.graphql.Description;

/** How much the caller is willing to spend on one request; LOW picks the cheapest eligible provider. */
@Description("Spending appetite for a request; LOW picks the cheapest eligible provider.")
public enum Budget {
    LOW, MEDIUM, HIGH
}
