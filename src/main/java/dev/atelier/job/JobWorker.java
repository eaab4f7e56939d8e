package dev.atelier.job;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.atelier.common.error.ErrorCode;
import dev.atelier.gallery.ImageStore;
import dev.atelier.prompt.Category;
import dev.atelier.prompt.EnhancePromptInput;
import dev.atelier.prompt.EnhancedPrompt;
import dev.atelier.prompt.PromptService;
import dev.atelier.prompt.ProviderPrompt;
import dev.atelier.prompt.StylePreferences;
import dev.atelier.provider.GeneratedImage;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quality;
import dev.atelier.routing.Budget;
import dev.atelier.routing.Priority;
import dev.atelier.routing.ProviderRouter;
import dev.atelier.routing.RoutedGeneration;
import dev.atelier.routing.RoutingFailure;
import dev.atelier.routing.RoutingRequest;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Runs queued jobs: ENHANCING (when asked) → GENERATING (the router's chain) → STORING → SUCCEEDED or FAILED.
 * Each job state change is one guarded SQL update, so a cancelled job stops at the next step; the queue entry
 * is acknowledged only after the job row is terminal.
 */
@ApplicationScoped
public class JobWorker {

    private static final Logger LOG = Logger.getLogger(JobWorker.class);

    private final JobQueue queue;
    private final JobStore jobs;
    private final JobQueueConfig config;
    private final PromptService prompts;
    private final ProviderRouter router;
    private final ImageStore images;
    private final Pool pool;
    private final ProgressBus bus;
    private final String consumer = "worker-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Cancellable> loops = new ArrayList<>();
    private volatile boolean stopping;

    JobWorker(JobQueue queue, JobStore jobs, JobQueueConfig config, PromptService prompts, ProviderRouter router,
            ImageStore images, Pool pool, ProgressBus bus) {
        this.queue = queue;
        this.jobs = jobs;
        this.config = config;
        this.prompts = prompts;
        this.router = router;
        this.images = images;
        this.pool = pool;
        this.bus = bus;
    }

    /** Moves the job forward and tells subscribers; false when the job was already terminal (e.g. cancelled). */
    private Uni<Boolean> advance(UUID jobId, UUID userId, JobStatus status, String stage, double progress) {
        return jobs.advance(jobId, status, stage, progress).call(active -> active
                ? bus.publish(userId, jobId, status, stage, progress, null, null)
                : Uni.createFrom().voidItem());
    }

    void start(@Observes StartupEvent event) {
        if (!config.workerEnabled()) {
            LOG.info("Job workers disabled on this replica (API only)");
            return;
        }
        queue.ensureGroup().await().atMost(Duration.ofSeconds(10));
        for (int i = 0; i < Math.max(1, config.concurrency()); i++) {
            String name = consumer + "-" + i;
            loops.add(Multi.createBy().repeating()
                    .uni(() -> queue.read(name, 1, config.block().toMillis())
                            .onFailure().recoverWithItem(e -> {
                                LOG.warnf("job queue read failed: %s", e.getMessage());
                                return List.of();
                            })
                            .flatMap(entries -> Uni.join().all(entries.stream().map(this::handle).toList())
                                    .usingConcurrencyOf(1).andCollectFailures().replaceWithVoid()
                                    .onFailure().recoverWithNull()
                                    .replaceWith(entries.size())))
                    .whilst(ignored -> !stopping)
                    .subscribe().with(n -> {
                    }, e -> LOG.error("job worker loop ended", e)));
        }
        LOG.infof("Job workers started: %d on consumer %s", loops.size(), consumer);
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        loops.forEach(Cancellable::cancel);
    }

    private Uni<Void> handle(JobQueue.Entry entry) {
        return process(entry.jobId())
                .onFailure().invoke(e -> LOG.errorf(e, "job=%s processing failed", entry.jobId()))
                .onFailure().recoverWithNull()
                .chain(() -> queue.ack(entry.entryId()));
    }

    /** Runs one job to a terminal state (or leaves it alone when it already is). */
    Uni<Void> process(UUID jobId) {
        return pool.preparedQuery("select user_id, status, request from generation_jobs where id = $1")
                .execute(Tuple.of(jobId))
                .flatMap(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().voidItem();
                    }
                    Row row = rows.iterator().next();
                    if (JobStatus.valueOf(row.getString("status")).terminal()) {
                        return Uni.createFrom().voidItem();
                    }
                    return run(jobId, row.getUUID("user_id"), (JsonObject) row.getValue("request"));
                });
    }

    private Uni<Void> run(UUID jobId, UUID userId, JsonObject request) {
        LOG.infof("job=%s started", jobId);
        boolean enhance = request.getBoolean("enhance", true);
        Uni<Map<ProviderId, String>> promptsByProvider = enhance
                ? advance(jobId, userId, JobStatus.ENHANCING, "ENHANCING", 0.05).flatMap(active -> !active
                        ? Uni.createFrom().nullItem()
                        : prompts.enhance(userId, new EnhancePromptInput(request.getString("prompt"),
                                category(request), style(request), null))
                                .call(enhanced -> jobs.linkPrompt(jobId, UUID.fromString(enhanced.id())))
                                .map(JobWorker::variants))
                : Uni.createFrom().item(Map.of());
        return promptsByProvider.flatMap(variants -> variants == null ? Uni.createFrom().voidItem()
                : advance(jobId, userId, JobStatus.GENERATING, "GENERATING", 0.1).flatMap(active -> !active
                        ? Uni.createFrom().voidItem()
                        : generate(jobId, userId, request, variants)));
    }

    private Uni<Void> generate(UUID jobId, UUID userId, JsonObject request, Map<ProviderId, String> variants) {
        RoutingRequest routing = routing(request);
        String raw = request.getString("prompt");
        return router.generate(routing, router.decide(routing), id -> variants.getOrDefault(id, raw),
                        (fraction, stage) -> advance(jobId, userId, JobStatus.GENERATING, stage, 0.1 + 0.8 * fraction)
                                .subscribe().with(ok -> {
                                }, e -> {
                                }))
                .flatMap(routed -> store(jobId, userId, routed))
                .onFailure(f -> f instanceof RoutingFailure r && r.code() == ErrorCode.RATE_LIMITED)
                .recoverWithUni(failure -> waitForHeadroom(jobId, userId, ((RoutingFailure) failure).retryAfterMs()))
                .onFailure(RoutingFailure.class).recoverWithUni(failure -> {
                    RoutingFailure f = (RoutingFailure) failure;
                    LOG.infof("job=%s failed: %s (%d attempts)", jobId, f.code(), f.attempts().size());
                    return jobs.fail(jobId, f.code().name(), f.getMessage(), JobAttempts.of(f.attempts()))
                            .call(ended -> ended ? bus.publish(userId, jobId, JobStatus.FAILED, "DONE", 1.0, null,
                                    f.code() + ": " + f.getMessage()) : Uni.createFrom().voidItem())
                            .replaceWithVoid();
                })
                .onFailure().recoverWithUni(failure -> jobs.fail(jobId, ErrorCode.INTERNAL.name(),
                        "The job failed inside Atelier", JobAttempts.of(List.of()))
                        .call(ended -> ended ? bus.publish(userId, jobId, JobStatus.FAILED, "DONE", 1.0, null,
                                "INTERNAL: the job failed inside Atelier") : Uni.createFrom().voidItem())
                        .replaceWithVoid());
    }

    /**
     * Every eligible provider is rate limited: the job goes back to QUEUED with the reason in its stage and
     * returns to the stream once the shortest wait is over.
     */
    private Uni<Void> waitForHeadroom(UUID jobId, UUID userId, long waitMs) {
        long wait = Math.max(100, waitMs);
        String stage = "waiting for provider rate limits (" + wait + " ms)";
        LOG.infof("job=%s waits %d ms for rate limits", jobId, wait);
        return jobs.requeue(jobId, stage).call(requeued -> requeued
                        ? bus.publish(userId, jobId, JobStatus.QUEUED, stage, 0, null, stage)
                        : Uni.createFrom().voidItem())
                .invoke(requeued -> {
                    if (requeued) {
                        Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(wait))
                                .chain(() -> queue.enqueue(jobId))
                                .subscribe().with(ok -> {
                                }, e -> LOG.errorf(e, "job=%s could not be re-queued", jobId));
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> store(UUID jobId, UUID userId, RoutedGeneration routed) {
        return advance(jobId, userId, JobStatus.STORING, "STORING", 0.9).flatMap(active -> {
            if (!active) {
                return Uni.createFrom().voidItem();
            }
            List<GeneratedImage> generated = routed.result().images();
            BigDecimal each = generated.isEmpty() ? BigDecimal.ZERO
                    : routed.result().costUsd().divide(BigDecimal.valueOf(generated.size()), 6, java.math.RoundingMode.HALF_UP);
            List<Uni<Void>> writes = generated.stream().map(image -> images.put(image.bytes(), image.mimeType())
                    .flatMap(blob -> jobs.addImage(UUID.randomUUID(), userId, jobId, routed.result().provider(),
                            routed.result().model(), blob.storageKey(), blob.sha256(), image.mimeType(), image.width(),
                            image.height(), image.seed(), each, image.revisedPrompt()))).toList();
            return Uni.join().all(writes).andFailFast()
                    .chain(() -> jobs.succeed(jobId, routed.result().provider(), routed.result().model(),
                            JobAttempts.of(routed.attempts()), routed.result().costUsd()))
                    .call(ended -> ended ? bus.publish(userId, jobId, JobStatus.SUCCEEDED, "DONE", 1.0,
                            routed.result().provider(), generated.size() + " image(s) ready") : Uni.createFrom().voidItem())
                    .invoke(ok -> LOG.infof("job=%s provider=%s succeeded with %d image(s)", jobId,
                            routed.result().provider(), generated.size()))
                    .replaceWithVoid();
        });
    }

    private static RoutingRequest routing(JsonObject r) {
        ImageRequest image = new ImageRequest(r.getString("prompt"), r.getString("negativePrompt"),
                r.getInteger("width", 1024), r.getInteger("height", 1024), r.getInteger("count", 1),
                Quality.valueOf(r.getString("quality", "STANDARD")), r.getLong("seed"), null);
        return new RoutingRequest(image, r.getString("provider") == null ? null : ProviderId.valueOf(r.getString("provider")),
                r.getBoolean("allowFallback", false),
                r.getString("budget") == null ? null : Budget.valueOf(r.getString("budget")),
                r.getString("priority") == null ? null : Priority.valueOf(r.getString("priority")), null);
    }

    private static Category category(JsonObject r) {
        return r.getString("category") == null ? null : Category.valueOf(r.getString("category"));
    }

    private static StylePreferences style(JsonObject r) {
        JsonObject s = r.getJsonObject("style");
        if (s == null) {
            return null;
        }
        return new StylePreferences(s.getString("lighting"), s.getString("mood"), s.getString("medium"),
                s.getString("palette"), s.getString("composition"), s.getString("camera"));
    }

    private static Map<ProviderId, String> variants(EnhancedPrompt enhanced) {
        Map<ProviderId, String> map = new EnumMap<>(ProviderId.class);
        for (ProviderPrompt variant : enhanced.variants()) {
            map.put(variant.provider(), variant.prompt());
        }
        return map;
    }
}
