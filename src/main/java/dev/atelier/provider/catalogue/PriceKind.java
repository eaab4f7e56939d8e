package dev.atelier.provider.catalogue;

/** How a vendor bills a model. */
public enum PriceKind {
    /** A list price per image by quality and size. */
    PER_IMAGE,
    /** Tokens: text and image input, image output (GPT Image, Gemini image models); the answer's usage is the bill. */
    PER_TOKEN,
    /** Credits per image (Stability: 1 credit = 0.01 USD). */
    PER_CREDIT,
    /** Self-hosted: nothing, or what the operator sets per image. */
    FREE
}
