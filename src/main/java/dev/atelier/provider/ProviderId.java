package dev.atelier.provider;

import org.eclipse.microprofile.graphql.Description;

/** The image generation back ends Atelier can route to. {@code null} in an input means AUTO. */
@Description("An image provider. Leave it out (null) to let the router choose (AUTO).")
public enum ProviderId {
    OPENAI, GOOGLE, STABILITY, SDWEBUI, LOCAL
}
