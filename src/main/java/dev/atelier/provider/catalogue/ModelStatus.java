package dev.atelier.provider.catalogue;

import org.eclipse.microprofile.graphql.Description;

/** Where a vendor model is in its life: callable, announced for shutdown, or gone. */
@Description("ACTIVE, DEPRECATED (a shutdown date is announced) or SHUTDOWN (never called; its replacement serves).")
public enum ModelStatus {
    ACTIVE, DEPRECATED, SHUTDOWN
}
