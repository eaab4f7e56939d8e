package dev.atelier.routing;

import org.eclipse.microprofile.graphql.Description;

/** The objective the router ranks eligible providers by. */
@Description("What the router optimises for when several providers are eligible.")
public enum Priority {
    COST, QUALITY, SPEED
}
