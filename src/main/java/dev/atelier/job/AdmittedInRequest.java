package dev.atelier.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;

import dev.atelier.common.error.AtelierException;

/**
 * The jobs one request has queued so far. Mutations of a request run one after another; when a later
 * {@code generateImage} or {@code generateImages} of the same request is refused (its budget ran out, say), its error
 * carries {@code extensions.acceptedJobIds}: every job the request did queue, which the non-null result type would
 * otherwise hide behind {@code data: null}.
 */
@RequestScoped
class AdmittedInRequest {

    private final List<String> ids = new ArrayList<>();

    synchronized void add(GenerationJob job) {
        ids.add(job.id());
    }

    synchronized void addAll(List<GenerationJob> jobs) {
        jobs.forEach(job -> ids.add(job.id()));
    }

    /** The failure, telling which jobs of this request were queued before it. */
    synchronized Throwable withAccepted(Throwable failure) {
        if (ids.isEmpty() || !(failure instanceof AtelierException refused)) {
            return failure;
        }
        Map<String, Object> details = new LinkedHashMap<>(refused.details());
        details.put("acceptedJobIds", List.copyOf(ids));
        return new AtelierException(refused.code(), refused.getMessage(), details);
    }
}
