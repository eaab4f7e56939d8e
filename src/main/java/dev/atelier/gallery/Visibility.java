package dev.atelier.gallery;

import org.eclipse.microprofile.graphql.Description;

/** Who may read a collection: its owner only, anyone with its id, or anyone. */
@Description("PRIVATE: owner only. UNLISTED: anyone with the id. PUBLIC: listed for everyone.")
public enum Visibility {
    PRIVATE, UNLISTED, PUBLIC
}
