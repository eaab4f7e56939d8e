package dev.atelier.common.graphql;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.execution.preparsed.PreparsedDocumentEntry;

/** Parsed and validated documents that passed every limit, keyed by query text (bounded). */
@ApplicationScoped
public class DocumentCache {

    private final Cache<String, PreparsedDocumentEntry> entries;

    DocumentCache(GraphQLLimitsConfig limits) {
        this.entries = Caffeine.newBuilder().maximumSize(limits.documentCacheSize()).build();
    }

    PreparsedDocumentEntry get(String query) {
        return entries.getIfPresent(query);
    }

    boolean contains(String query) {
        return entries.getIfPresent(query) != null;
    }

    void put(String query, PreparsedDocumentEntry entry) {
        entries.put(query, entry);
    }
}
