package dev.atelier.openai;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.atelier.common.error.ErrorCode;
import dev.atelier.gallery.ImageStore;
import dev.atelier.job.JobAttempts;
import dev.atelier.job.JobRequest;
import dev.atelier.job.JobStatus;
import dev.atelier.job.JobStore;
import dev.atelier.job.ProgressBus;
import dev.atelier.job.ProviderWording;
import dev.atelier.prompt.engine.TemplateEnhancer;
import dev.atelier.job.ResultImages;
import dev.atelier.provider.ProgressListener;
import dev.atelier.queue.JobQueueConfig;
import dev.atelier.routing.ProviderRouter;
import dev.atelier.routing.RoutedGeneration;
import dev.atelier.routing.RoutingDecision;
import dev.atelier.routing.RoutingFailure;
import dev.atelier.routing.RoutingRequest;
import dev.atelier.worker.HeldJobs;
import dev.atelier.worker.JobWorker;
import io.smallrye.mutiny.Uni;

/**
 * Generations that run inside the calling request (the OpenAI-compatible endpoint) yet are recorded like every job:
 * a job row held by this replica, the same router, image store and guarded writes, and the same progress events.
 */
@ApplicationScoped
public class InlineGenerations {

    private static final Logger LOG = Logger.getLogger(InlineGenerations.class);

    /** A finished inline generation. */
    public record Done(UUID jobId, RoutedGeneration routed, List<JobStore.ImageRow> images) {
    }

    private final JobStore jobs;
    private final JobWorker worker;
    private final JobQueueConfig config;
    private final ProviderRouter router;
    private final ImageStore store;
    private final ProgressBus bus;
    private final HeldJobs held;
    private final TemplateEnhancer templates;

    InlineGenerations(JobStore jobs, JobWorker worker, JobQueueConfig config, ProviderRouter router, ImageStore store,
            ProgressBus bus, HeldJobs held, TemplateEnhancer templates) {
        this.templates = templates;
        this.held = held;
        this.jobs = jobs;
        this.worker = worker;
        this.config = config;
        this.router = router;
        this.store = store;
        this.bus = bus;
    }

    /** Routes and generates {@code job} now; fails with {@link RoutingFailure} as the router does. */
    public Uni<Done> generate(UUID userId, JobRequest job) {
        RoutingRequest request = job.routing();
        RoutingDecision decision = router.decide(request);
        BigDecimal estimate = decision.chain().isEmpty() ? null : decision.quotes().get(decision.chain().get(0)).usd();
        // the job row is written while the provider works: one round trip less in front of the answer
        Uni<JobStore.Claim> recording = jobs.insertRunning(userId, job, estimate,
                worker.inlineHolder(), config.lease()).invoke(claim -> held.hold(claim.jobId())).memoize().indefinitely();
        recording.subscribe().with(claim -> {
        }, e -> LOG.warnf("inline job not recorded: %s", e.getMessage()));
        return router.generate(request, decision, ProviderWording.of(job, List.of(), templates::maxChars),
                        ProgressListener.NONE)
                .onFailure().call(failure -> recording.flatMap(claim -> record(claim, failure))
                        .onFailure().recoverWithNull())
                .flatMap(routed -> Uni.combine().all().unis(recording, ResultImages.store(store, routed.result()))
                        .asTuple()
                        .flatMap(both -> jobs.succeed(both.getItem1(), routed.result().provider(),
                                        routed.result().model(), JobAttempts.of(routed.attempts()),
                                        routed.result().costUsd(), both.getItem2(), null)
                                .map(ended -> new Done(both.getItem1().jobId(), routed, both.getItem2())))
                        .invoke(done -> announce(userId, done.jobId(), JobStatus.SUCCEEDED,
                                routed.result().provider() + " " + done.images().size() + " image(s) ready")))
                .eventually(() -> recording.invoke(claim -> held.let(claim.jobId())).onFailure().recoverWithNull());
    }

    private Uni<Void> record(JobStore.Claim claim, Throwable failure) {
        RoutingFailure routing = failure instanceof RoutingFailure r ? r : null;
        ErrorCode code = routing == null ? ErrorCode.INTERNAL : routing.code();
        String message = routing == null ? "The generation failed inside Atelier" : routing.getMessage();
        if (routing == null) {
            LOG.errorf(failure, "job=%s inline generation failed", claim.jobId());
        }
        return jobs.fail(claim, code.name(), message, JobAttempts.of(routing == null ? List.of() : routing.attempts()))
                .invoke(ended -> announce(claim.userId(), claim.jobId(), JobStatus.FAILED, code + ": " + message))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Tells the owner's subscribers, without holding up the response. */
    private void announce(UUID userId, UUID jobId, JobStatus status, String message) {
        bus.publish(userId, jobId, status, "DONE", 1.0, null, message).subscribe().with(ok -> {
        }, e -> {
        });
    }
}
