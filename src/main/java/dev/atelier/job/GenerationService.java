package dev.atelier.job;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.pagination.Cursor;
import dev.atelier.common.pagination.PageRequest;
import dev.atelier.common.pagination.Slice;
import dev.atelier.gallery.Image;
import dev.atelier.gallery.ImageRepository;
import dev.atelier.routing.GenerateImageInput;
import dev.atelier.routing.GenerationRequests;
import dev.atelier.routing.ProviderRouter;
import dev.atelier.routing.RoutingDecision;
import dev.atelier.routing.RoutingRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Accepts generation requests as durable jobs: validates, prices the request on the provider the router would
 * choose, stores the job (QUEUED) and puts it on the queue. The same idempotency key returns the same job.
 */
@ApplicationScoped
public class GenerationService {

    private final GenerationJobRepository jobs;
    private final ImageRepository images;
    private final ProviderRouter router;
    private final JobQueue queue;
    private final JobStore store;
    private final ProgressBus bus;

    GenerationService(GenerationJobRepository jobs, ImageRepository images, ProviderRouter router, JobQueue queue,
            JobStore store, ProgressBus bus) {
        this.jobs = jobs;
        this.images = images;
        this.router = router;
        this.queue = queue;
        this.store = store;
        this.bus = bus;
    }

    public Uni<GenerationJob> submit(UUID userId, GenerateImageInput input) {
        RoutingRequest request = GenerationRequests.toRouting(input, null);
        String key = input.idempotencyKey() == null || input.idempotencyKey().isBlank() ? null : input.idempotencyKey().trim();
        if (key != null && key.length() > 200) {
            throw AtelierException.badInput("idempotencyKey is longer than 200 characters");
        }
        Uni<GenerationJobEntity> existing = key == null ? Uni.createFrom().nullItem()
                : Panache.withSession(() -> jobs.findByIdempotencyKey(userId, key));
        return existing.flatMap(found -> found != null ? view(found)
                : create(userId, input, request, key)
                        .call(job -> bus.publish(userId, job.id, JobStatus.QUEUED, "QUEUED", 0, null, "queued"))
                        .call(job -> queue.enqueue(job.id))
                        .flatMap(this::view));
    }

    private Uni<GenerationJobEntity> create(UUID userId, GenerateImageInput input, RoutingRequest request, String key) {
        RoutingDecision decision = router.decide(request);
        BigDecimal estimate = decision.chain().isEmpty() ? null : decision.quotes().get(decision.chain().get(0)).usd();
        GenerationJobEntity job = new GenerationJobEntity();
        job.id = UUID.randomUUID();
        job.userId = userId;
        job.status = JobStatus.QUEUED;
        job.stage = "QUEUED";
        job.request = requestMap(input, request);
        job.estimatedCost = estimate;
        job.idempotencyKey = key;
        job.queuedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> jobs.persist(job))
                // a concurrent request with the same key won the insert: answer with its job
                .onFailure(e -> key != null && isUniqueViolation(e))
                .recoverWithUni(() -> Panache.withSession(() -> jobs.findByIdempotencyKey(userId, key)));
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("jobs_idempotency_key_per_user")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> requestMap(GenerateImageInput input, RoutingRequest request) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("prompt", request.image().prompt());
        map.put("enhance", input.enhance() == null || input.enhance());
        put(map, "category", input.category());
        if (input.style() != null && !input.style().asMap().isEmpty()) {
            map.put("style", input.style().asMap());
        }
        put(map, "provider", input.provider());
        map.put("allowFallback", request.allowFallback());
        map.put("quality", request.image().quality().name());
        map.put("width", request.image().width());
        map.put("height", request.image().height());
        map.put("count", request.image().count());
        put(map, "budget", input.budget());
        put(map, "priority", input.priority());
        put(map, "seed", request.image().seed());
        put(map, "negativePrompt", request.image().negativePrompt());
        put(map, "collectionId", input.collectionId());
        return map;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value instanceof Enum<?> e ? e.name() : value);
        }
    }

    /** One of the user's jobs; someone else's or a missing one is NOT_FOUND. */
    @WithSession
    public Uni<GenerationJob> get(UUID userId, UUID jobId) {
        return jobs.findOwned(jobId, userId)
                .onItem().ifNull().failWith(() -> AtelierException.notFound("Job", jobId))
                .flatMap(this::view);
    }

    /** The user's jobs, newest first, optionally of one status. */
    @WithSession
    public Uni<JobConnection> page(UUID userId, JobStatus status, PageRequest request) {
        return jobs.page(userId, status, request).flatMap(rows -> {
            Slice<GenerationJobEntity> slice = Slice.of(rows, request.first());
            if (slice.rows().isEmpty()) {
                return Uni.createFrom().item(new JobConnection(List.of(), slice.pageInfo(GenerationService::cursor)));
            }
            List<UUID> ids = slice.rows().stream().map(j -> j.id).toList();
            return images.list("jobId in ?1 order by createdAt, id", ids).map(all -> {
                List<JobEdge> edges = slice.rows().stream().map(job -> new JobEdge(cursor(job).encode(),
                        GenerationJob.from(job, all.stream().filter(i -> job.id.equals(i.jobId)).map(Image::from).toList())))
                        .toList();
                return new JobConnection(edges, slice.pageInfo(GenerationService::cursor));
            });
        });
    }

    private static Cursor cursor(GenerationJobEntity job) {
        return new Cursor(job.queuedAt, job.id);
    }

    /** Cancels a job that has not finished (a finished one is returned as it is). */
    public Uni<GenerationJob> cancel(UUID userId, UUID jobId) {
        return store.cancel(jobId, userId)
                .call(cancelled -> cancelled ? bus.publish(userId, jobId, JobStatus.CANCELLED, "DONE", 0, null,
                        "cancelled") : Uni.createFrom().voidItem())
                .flatMap(cancelled -> get(userId, jobId));
    }

    /** The job's current state as a progress event (the first item of a subscription). */
    @WithSession
    public Uni<JobProgress> current(UUID userId, UUID jobId) {
        return jobs.findOwned(jobId, userId)
                .onItem().ifNull().failWith(() -> AtelierException.notFound("Job", jobId))
                .map(job -> new JobProgress(job.id.toString(), job.status, job.stage, job.progress, null, null,
                        job.provider, job.errorMessage, Instant.now()));
    }

    private Uni<GenerationJob> view(GenerationJobEntity job) {
        return Panache.withSession(() -> images.list("jobId = ?1 order by createdAt, id", job.id))
                .map(rows -> GenerationJob.from(job, rows.stream().map(Image::from).toList()));
    }
}
