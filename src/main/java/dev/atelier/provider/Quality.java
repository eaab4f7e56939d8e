package dev.atelier.provider;

import org.eclipse.microprofile.graphql.Description;

/** Unified quality level, mapped by each adapter onto its vendor's own scale. */
@Description("Requested image quality; each provider maps it onto its own scale.")
public enum Quality {
    STANDARD, HD
}
