package dev.atelier.worker;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.error.ErrorCode;
import dev.atelier.gallery.EditSources;
import dev.atelier.gallery.ImageStore;
import dev.atelier.job.JobAttempts;
import dev.atelier.job.JobRequest;
import dev.atelier.job.JobStatus;
import dev.atelier.job.JobStore;
import dev.atelier.job.ProgressBus;
import dev.atelier.job.ProviderWording;
import dev.atelier.job.QueueEstimates;
import dev.atelier.job.ResultImages;
import dev.atelier.prompt.EnhancedPrompt;
import dev.atelier.prompt.Prompt;
import dev.atelier.prompt.PromptService;
import dev.atelier.prompt.ProviderPrompt;
import dev.atelier.prompt.engine.EditInstructions;
import dev.atelier.prompt.engine.TemplateEnhancer;
import dev.atelier.provider.ProviderId;
import dev.atelier.queue.JobQueue;
import dev.atelier.queue.JobQueueConfig;
import dev.atelier.routing.ProviderRouter;
import dev.atelier.routing.ReplicaProviders;
import dev.atelier.routing.RoutedGeneration;
import dev.atelier.routing.RoutingDecision;
import dev.atelier.routing.RoutingFailure;
import dev.atelier.routing.RoutingRequest;
import io.smallrye.mutiny.Uni;

/**
 * Runs one claimed job: ENHANCING (when asked) → GENERATING (the router's chain) → STORING → SUCCEEDED or FAILED.
 * Each step is a guarded write ({@link JobStore}), so a cancelled job, or one another worker took over, stops at
 * the next step. While a provider works, progress is published from its step reports (SD web UI) or estimated from
 * its measured latency.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    private final JobStore jobs;
    private final JobQueue queue;
    private final JobQueueConfig config;
    private final PromptService prompts;
    private final ProviderRouter router;
    private final ImageStore images;
    private final ProgressBus bus;
    private final QueueEstimates estimates;
    private final ReplicaProviders replicas;
    private final EstimatedProgress estimated;
    private final TemplateEnhancer templates;
    private final EditSources sources;

    JobRunner(JobStore jobs, JobQueue queue, JobQueueConfig config, PromptService prompts, ProviderRouter router,
            ImageStore images, ProgressBus bus, QueueEstimates estimates, ReplicaProviders replicas,
            EstimatedProgress estimated, TemplateEnhancer templates, EditSources sources) {
        this.sources = sources;
        this.templates = templates;
        this.replicas = replicas;
        this.jobs = jobs;
        this.queue = queue;
        this.config = config;
        this.prompts = prompts;
        this.router = router;
        this.images = images;
        this.bus = bus;
        this.estimates = estimates;
        this.estimated = estimated;
    }

    /** Moves the job forward and tells subscribers; false when the job is terminal or no longer held. */
    private Uni<Boolean> advance(JobStore.Claim claim, JobStatus status, String stage, double progress) {
        return jobs.advance(claim, status, stage, progress).call(active -> active
                ? bus.publish(claim.userId(), claim.jobId(), status, stage, progress, null, null)
                : Uni.createFrom().voidItem());
    }

    /**
     * Runs the claimed job to a terminal state (or until it is cancelled, taken over or handed back); answers with the
     * terminal state this run wrote, or null when it wrote none.
     */
    public Uni<JobStore.Outcome> run(JobStore.Claim claim) {
        if (claim.deliveries() > config.maxDeliveries()) {
            LOG.warnf("job=%s attempt=%d gave up: its workers stopped %d times", claim.jobId(), claim.deliveries(),
                    claim.deliveries() - 1);
            return fail(claim, ErrorCode.INTERNAL, "The job was stopped " + (claim.deliveries() - 1)
                    + " times by failing workers and was not retried again", JobAttempts.of(List.of()));
        }
        if (claim.request().sync()) {
            // its HTTP caller is gone (the replica that served it stopped): nobody is waiting for the image
            return fail(claim, ErrorCode.INTERNAL, "The request was interrupted before the image was ready",
                    JobAttempts.of(List.of()));
        }
        if (claim.request().version() > JobRequest.VERSION) {
            // written by a newer Atelier (a rolling update): a replica that understands every field runs it
            return requeue(claim, Duration.ofSeconds(5), "waiting for a replica of Atelier that reads request version "
                    + claim.request().version());
        }
        LOG.infof("job=%s attempt=%d started on %s", claim.jobId(), claim.deliveries(), claim.worker());
        return enhanced(claim).flatMap(variants -> variants == null ? Uni.createFrom().<JobStore.Outcome>nullItem()
                : advance(claim, JobStatus.GENERATING, "GENERATING", 0.1).flatMap(active -> !active
                        ? Uni.createFrom().<JobStore.Outcome>nullItem()
                        : generate(claim, ProviderWording.of(claim.request(), variants, templates::maxChars))));
    }

    /**
     * The variants of the job's enhancements, the first for a provider winning: the reviewed one it names
     * ({@code promptId}, immutable, linked at admission), then - when it asks for enhancement and the reviewed one
     * lacks a provider (a history row without variants) - one made now (ENHANCING); none when it asks for neither.
     * Null when the job stopped meanwhile.
     */
    private Uni<List<ProviderPrompt>> enhanced(JobStore.Claim claim) {
        JobRequest request = claim.request();
        if (request.isEdit()) {
            // an edit instruction is phrased for each provider's edit dialect, not enhanced into a new scene
            return Uni.createFrom().item(request.enhance()
                    ? EditInstructions.variants(request.prompt(), request.edit().masked()) : List.of());
        }
        if (request.promptId() == null) {
            return request.enhance() ? enhanceNow(claim, true) : Uni.createFrom().item(List.of());
        }
        return prompts.get(claim.userId(), request.promptId()).map(Prompt::variants).flatMap(reviewed -> {
            boolean complete = reviewed.stream().map(ProviderPrompt::provider).distinct().count()
                    == ProviderId.values().length;
            return complete || !request.enhance() ? Uni.createFrom().item(reviewed)
                    : enhanceNow(claim, false).map(made -> made == null ? null
                            : Stream.concat(reviewed.stream(), made.stream()).toList());
        });
    }

    /** A fresh enhancement of the job's prompt (ENHANCING), linked to the job when it has no reviewed one. */
    private Uni<List<ProviderPrompt>> enhanceNow(JobStore.Claim claim, boolean link) {
        return advance(claim, JobStatus.ENHANCING, "ENHANCING", 0.05).flatMap(active -> !active
                ? Uni.createFrom().nullItem()
                : prompts.enhance(claim.userId(), claim.request().enhancement())
                        .call(enhanced -> link ? jobs.linkPrompt(claim.jobId(), UUID.fromString(enhanced.id()))
                                : Uni.createFrom().voidItem())
                        .map(EnhancedPrompt::variants));
    }

    private Uni<JobStore.Outcome> generate(JobStore.Claim claim, ProviderWording wording) {
        JobRequest request = claim.request();
        if (!request.isEdit()) {
            return generate(claim, wording, request.routing());
        }
        // an edit's images are read now, for the job's owner: one deleted or un-shared meanwhile ends the job
        return sources.load(claim.userId(), request.edit())
                .flatMap(loaded -> generate(claim, wording, request.routing().editing(loaded)))
                .onFailure(f -> f instanceof AtelierException a && a.code() == ErrorCode.NOT_FOUND)
                .recoverWithUni(gone -> fail(claim, ErrorCode.NOT_FOUND, "An image this edit works from is gone or "
                        + "no longer shared with you: " + gone.getMessage(), JobAttempts.of(List.of())));
    }

    private Uni<JobStore.Outcome> generate(JobStore.Claim claim, ProviderWording wording, RoutingRequest routing) {
        RoutingDecision decision = router.decide(routing);
        Set<ProviderId> elsewhere = notConfiguredHere(routing, decision);
        if (!elsewhere.isEmpty()) {
            // nothing here can serve it: another live replica may (a rolling update adding a vendor key)
            return replicas.servedElsewhere(elsewhere).onFailure().recoverWithItem(false).flatMap(served -> served
                    ? requeue(claim, Duration.ofSeconds(1), "handed to a replica with " + elsewhere + " configured")
                    : route(claim, wording, routing, decision));
        }
        return route(claim, wording, routing, decision);
    }

    /** The providers this request could use if they were configured here; empty unless nothing here can serve it. */
    private static Set<ProviderId> notConfiguredHere(RoutingRequest routing, RoutingDecision decision) {
        if (!decision.chain().isEmpty()) {
            return Set.of();
        }
        Set<ProviderId> wanted = EnumSet.noneOf(ProviderId.class);
        decision.excluded().forEach((id, why) -> {
            if ("not configured".equals(why)
                    && (routing.provider() == null || routing.allowFallback() || id == routing.provider())) {
                wanted.add(id);
            }
        });
        return wanted;
    }

    private Uni<JobStore.Outcome> route(JobStore.Claim claim, ProviderWording wording, RoutingRequest routing,
            RoutingDecision decision) {
        AtomicReference<Double> reported = new AtomicReference<>(0.1);
        AtomicReference<String> stage = new AtomicReference<>("GENERATING");
        long expectedMs = estimates.expectedLatencyMs(decision.chain().isEmpty() ? null : decision.chain().get(0));
        EstimatedProgress.Handle estimate = estimated.start(expectedMs, fraction -> report(claim, stage.get(),
                Math.round((0.1 + 0.8 * fraction) * 1000) / 1000.0, reported));
        return router.generate(routing, decision, wording, (fraction, step) -> {
                    stage.set(step);
                    report(claim, step, 0.1 + 0.8 * fraction, reported);
                })
                .onTermination().invoke(estimate::end)
                .flatMap(routed -> store(claim, routed))
                .onFailure(f -> f instanceof RoutingFailure r && r.code() == ErrorCode.RATE_LIMITED)
                .recoverWithUni(failure -> waitForHeadroom(claim, ((RoutingFailure) failure).retryAfterMs()))
                .onFailure(RoutingFailure.class).recoverWithUni(failure -> {
                    RoutingFailure f = (RoutingFailure) failure;
                    LOG.infof("job=%s failed: %s (%d attempts)", claim.jobId(), f.code(), f.attempts().size());
                    return fail(claim, f.code(), f.getMessage(), JobAttempts.of(f.attempts()));
                })
                // a database or Redis outage is not the job's fault: the run ends, the job is taken up again later
                .onFailure(f -> !TransientInfrastructure.is(f)).recoverWithUni(failure -> {
                    LOG.errorf(failure, "job=%s failed inside Atelier", claim.jobId());
                    return fail(claim, ErrorCode.INTERNAL, "The job failed inside Atelier", JobAttempts.of(List.of()));
                });
    }

    /** Publishes progress only when it moves forward. */
    private void report(JobStore.Claim claim, String stage, double progress, AtomicReference<Double> reported) {
        double previous = reported.getAndAccumulate(progress, Math::max);
        if (progress > previous) {
            advance(claim, JobStatus.GENERATING, stage, progress).subscribe().with(ok -> {
            }, e -> LOG.debugf("job=%s progress not recorded: %s", claim.jobId(), e.getMessage()));
        }
    }

    private Uni<JobStore.Outcome> fail(JobStore.Claim claim, ErrorCode code, String message, JobAttempts attempts) {
        return jobs.fail(claim, code.name(), message, attempts)
                .call(ended -> ended ? bus.publish(claim.userId(), claim.jobId(), JobStatus.FAILED, "DONE", 1.0, null,
                        code + ": " + message) : Uni.createFrom().voidItem())
                .map(ended -> ended ? new JobStore.Outcome(JobStatus.FAILED, null) : null);
    }

    /**
     * Every eligible provider is rate limited: the job goes back to QUEUED with the reason in its stage and
     * returns to the stream once the shortest wait is over (or, should this replica stop first, through the
     * reconciler once it is due).
     */
    private Uni<JobStore.Outcome> waitForHeadroom(JobStore.Claim claim, long waitMs) {
        Duration wait = Duration.ofMillis(Math.max(100, waitMs));
        return requeue(claim, wait, "waiting for provider rate limits (" + wait.toMillis() + " ms)");
    }

    /**
     * Gives the job back to the queue for {@code wait}, its reason in the stage (not a delivery: the job did not fail
     * here); it returns to the stream when the wait is over (or, should this replica stop first, through the
     * reconciler once it is due).
     */
    private Uni<JobStore.Outcome> requeue(JobStore.Claim claim, Duration wait, String stage) {
        LOG.infof("job=%s back to the queue for %d ms: %s", claim.jobId(), wait.toMillis(), stage);
        return jobs.requeue(claim, stage, wait).call(requeued -> requeued
                        ? bus.publish(claim.userId(), claim.jobId(), JobStatus.QUEUED, stage, 0, null, stage)
                        : Uni.createFrom().voidItem())
                .invoke(requeued -> {
                    if (requeued) {
                        Uni.createFrom().voidItem().onItem().delayIt().by(wait)
                                .chain(() -> queue.enqueue(claim.jobId()))
                                .subscribe().with(ok -> {
                                }, e -> LOG.errorf(e, "job=%s could not be re-queued", claim.jobId()));
                    }
                })
                .map(requeued -> (JobStore.Outcome) null);
    }

    private Uni<JobStore.Outcome> store(JobStore.Claim claim, RoutedGeneration routed) {
        return advance(claim, JobStatus.STORING, "STORING", 0.9).flatMap(active -> {
            if (!active) {
                return Uni.createFrom().<JobStore.Outcome>nullItem();
            }
            int count = routed.result().images().size();
            UUID collection = claim.request().collectionId();
            ProviderId provider = routed.result().provider();
            return ResultImages.store(images, routed.result())
                    .flatMap(rows -> jobs.succeed(claim, provider, routed.result().model(),
                            JobAttempts.of(routed.attempts()), routed.result().costUsd(), rows,
                            collection))
                    .call(ended -> ended ? bus.publish(claim.userId(), claim.jobId(), JobStatus.SUCCEEDED, "DONE", 1.0,
                            provider, count + " image(s) ready") : Uni.createFrom().voidItem())
                    .invoke(ended -> LOG.infof("job=%s provider=%s attempt=%d %s with %d image(s)", claim.jobId(), provider,
                            claim.deliveries(), ended ? "succeeded" : "finished elsewhere; result dropped",
                            count))
                    .map(ended -> ended ? new JobStore.Outcome(JobStatus.SUCCEEDED, provider.name()) : null);
        });
    }
}
