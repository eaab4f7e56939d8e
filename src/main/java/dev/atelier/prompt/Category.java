package dev.atelier.prompt;

import org.eclipse.microprofile.graphql.Description;

/** The eight subject categories that drive category-specific enhancement. */
@Description("What an image idea is about; drives the enhancement template.")
public enum Category {
    PORTRAIT, LANDSCAPE, ANIMAL, FOOD, PRODUCT, ARCHITECTURE, ABSTRACT, ART
}
