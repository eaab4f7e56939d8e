package dev.atelier.provider.catalogue;

import java.time.LocalDate;
import java.util.List;

/** A chat model the prompt engine may use, with its lifecycle (the LLM path follows it like image models). */
public record ChatModel(String id, ModelStatus status, LocalDate shutdownDate, String replacement,
        List<String> sources) {

    public ChatModel {
        status = status == null ? ModelStatus.ACTIVE : status;
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** Whether the vendor has stopped serving it by {@code today}. */
    public boolean shutDownBy(LocalDate today) {
        return status == ModelStatus.SHUTDOWN || (shutdownDate != null && !today.isBefore(shutdownDate));
    }
}
