package dev.atelier.job;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.error.ErrorCode;
import dev.atelier.common.pagination.Cursor;
import dev.atelier.common.pagination.Ids;
import dev.atelier.common.pagination.PageRequest;
import dev.atelier.common.pagination.Slice;
import dev.atelier.common.validation.InputValidation;
import dev.atelier.gallery.CollectionService;
import dev.atelier.gallery.EditSources;
import dev.atelier.gallery.ImageService;
import dev.atelier.queue.JobQueue;
import dev.atelier.queue.JobQueueConfig;
import dev.atelier.provider.ImageEdit;
import dev.atelier.routing.CostEstimate;
import dev.atelier.routing.EditImageInput;
import dev.atelier.routing.GenerateImageInput;
import dev.atelier.routing.GenerationRequests;
import dev.atelier.routing.ProviderRouter;
import dev.atelier.routing.RoutingDecision;
import dev.atelier.routing.RoutingFailure;
import dev.atelier.routing.RoutingRequest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Accepts generation requests as durable jobs: validates, prices the request on the provider the router would
 * choose, stores the job (QUEUED) and puts it on the queue. The same idempotency key returns the same job.
 */
@ApplicationScoped
public class GenerationService {

    private final JobReads jobs;
    private final ImageService images;
    private final ProviderRouter router;
    private final JobQueue queue;
    private final JobStore store;
    private final ProgressBus bus;
    private final CollectionService collections;
    private final QueueEstimates estimates;
    private final JobQueueConfig config;
    private final JobAdmission admission;
    private final GenerationRequests requests;
    private final EditSources sources;
    private final InputValidation validation;

    GenerationService(JobReads jobs, ImageService images, CollectionService collections,
            ProviderRouter router, JobQueue queue, JobStore store, ProgressBus bus, QueueEstimates estimates,
            JobQueueConfig config, JobAdmission admission, GenerationRequests requests, EditSources sources,
            InputValidation validation) {
        this.sources = sources;
        this.validation = validation;
        this.admission = admission;
        this.requests = requests;
        this.jobs = jobs;
        this.collections = collections;
        this.estimates = estimates;
        this.config = config;
        this.images = images;
        this.router = router;
        this.queue = queue;
        this.store = store;
        this.bus = bus;
    }

    public Uni<GenerationJob> submit(UUID userId, GenerateImageInput input) {
        return admit(userId, List.of(prepare(input, null))).map(jobs -> jobs.get(0));
    }

    /**
     * An edit, admitted like a generation once its images are known to be the caller's to read (a mask also to be
     * a PNG of the source's size): a job of its own, routed only to providers that can make this edit.
     */
    public Uni<GenerationJob> edit(UUID userId, EditImageInput input) {
        return prepareEdit(userId, input)
                .invoke(prepared -> refuseImpossible(router.decide(prepared.request().routing())))
                .flatMap(prepared -> admit(userId, List.of(prepared))).map(jobs -> jobs.get(0));
    }

    /**
     * An edit no provider can make - not here, not on a replica configured otherwise - is refused before a job is
     * made (PROVIDER_UNAVAILABLE with every provider's reason); one a provider could make once configured, or once
     * its rate limit passes, is queued like any job.
     */
    private void refuseImpossible(RoutingDecision decision) {
        boolean elsewhere = decision.excluded().values().stream().anyMatch("not configured"::equals);
        RoutingFailure unservable = router.unservable(decision);
        if (!elsewhere && unservable != null && unservable.code() == ErrorCode.PROVIDER_UNAVAILABLE) {
            throw unservable;
        }
    }

    /** What an edit would cost on the provider the router would choose, and why each other provider is or is not in. */
    public Uni<CostEstimate> estimateEdit(UUID userId, EditImageInput input) {
        return prepareEdit(userId, input).map(prepared -> CostEstimate.of(router.decide(prepared.request().routing())));
    }

    /** The checked edit, its images resolved for the caller (size: the caller's, else the source's). */
    private Uni<Prepared> prepareEdit(UUID userId, EditImageInput input) {
        validation.valid(input, "edit input");
        EditSources.Named source = new EditSources.Named("sourceImageId", Ids.parse(input.sourceImageId(), "image"));
        EditSources.Named mask = input.maskImageId() == null ? null
                : new EditSources.Named("maskImageId", Ids.parse(input.maskImageId(), "image"));
        List<EditSources.Named> references = new ArrayList<>();
        List<String> given = input.referenceImageIds() == null ? List.of() : input.referenceImageIds();
        for (int i = 0; i < given.size(); i++) {
            references.add(new EditSources.Named("referenceImageIds[" + i + "]", Ids.parse(given.get(i), "image")));
        }
        // the generation fields are checked before any image is read
        requests.toRouting(input.generation(null), null);
        return sources.resolve(userId, source, mask, references, input.strength())
                .map(edit -> prepare(input.generation(
                        GenerationRequests.editSize(edit.source().width(), edit.source().height())), edit));
    }

    /**
     * Several generations accepted or rejected as a whole: every input is validated, then the budget is checked for
     * their sum and the jobs are inserted in one transaction before any is queued. An input whose idempotency key
     * already has a job returns that job.
     */
    public Uni<List<GenerationJob>> submitAll(UUID userId, List<GenerateImageInput> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            throw AtelierException.badInput("generateImages needs at least one input");
        }
        if (inputs.size() > config.maxBatch()) {
            throw AtelierException.badInput("A batch holds at most " + config.maxBatch() + " inputs; this one has "
                    + inputs.size());
        }
        List<Prepared> prepared = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            try {
                prepared.add(prepare(inputs.get(i), null));
            } catch (AtelierException e) {
                throw new AtelierException(e.code(), "inputs[" + i + "]: " + e.getMessage());
            }
        }
        long distinctKeys = prepared.stream().map(Prepared::key).filter(k -> k != null).distinct().count();
        if (distinctKeys != prepared.stream().filter(p -> p.key() != null).count()) {
            throw AtelierException.badInput("Two inputs of the batch share an idempotencyKey");
        }
        return admit(userId, prepared);
    }

    private Uni<List<GenerationJob>> admit(UUID userId, List<Prepared> prepared) {
        List<JobAdmission.NewJob> fresh = prepared.stream().map(p -> new JobAdmission.NewJob(UUID.randomUUID(),
                p.request(), estimate(p.request().routing()), p.key())).toList();
        return checkCollection(userId, prepared)
                .chain(() -> checkPrompts(userId, prepared))
                .chain(() -> admission.admit(userId, fresh))
                .flatMap(admitted -> Multi.createFrom().iterable(admitted)
                        // the answer shows the job as admitted, read before it is queued: a worker may take it
                        // the moment it is on the stream
                        // a job created now is answered from its inserted row (no images yet); one found by its key
                        // is read as it is now
                        .onItem().transformToUniAndConcatenate(a -> (a.created()
                                        ? estimate(a.row()).map(estimate -> GenerationJob.from(a.row(), List.of(), estimate))
                                        : jobs.owned(a.id(), userId).flatMap(job -> view(userId, job)))
                                .call(() -> a.created() ? announce(userId, a.id()) : Uni.createFrom().voidItem()))
                        .collect().asList());
    }

    /** The expected price (reserved against the budget); null when no provider can serve the request. */
    private BigDecimal estimate(RoutingRequest request) {
        return router.expectedCost(request);
    }

    private record Prepared(JobRequest request, String key) {
    }

    private Prepared prepare(GenerateImageInput input, ImageEdit edit) {
        RoutingRequest checked = requests.toRouting(input, null);
        RoutingRequest routing = edit == null ? checked : checked.editing(edit);
        String key = input.idempotencyKey() == null || input.idempotencyKey().isBlank() ? null : input.idempotencyKey().trim();
        UUID collection = input.collectionId() == null ? null : Ids.parse(input.collectionId(), "collection");
        return new Prepared(JobRequest.of(input, routing, requests.promptId(input), requests.variants(input), collection),
                key);
    }

    /** Every enhancement named by the inputs must be the caller's own (someone else's reads as NOT_FOUND). */
    private Uni<Void> checkPrompts(UUID userId, List<Prepared> prepared) {
        return Multi.createFrom().range(0, prepared.size()).onItem().transformToUniAndConcatenate(i -> requests
                        .ownedPrompt(userId, prepared.get(i).request().promptId())
                        .onFailure(AtelierException.class).transform(e -> prepared.size() == 1 ? e
                                : new AtelierException(((AtelierException) e).code(), "inputs[" + i + "]: " + e.getMessage())))
                .collect().last().replaceWithVoid();
    }

    /** Every collection named by the inputs must be the caller's own (someone else's reads as NOT_FOUND). */
    private Uni<Void> checkCollection(UUID userId, List<Prepared> prepared) {
        List<UUID> ids = prepared.stream().map(p -> p.request().collectionId()).filter(id -> id != null).distinct()
                .toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return collections.countOwned(userId, ids)
                .invoke(found -> {
                    if (found != ids.size()) {
                        throw AtelierException.notFound("Collection", ids.size() == 1 ? ids.get(0) : "in this request");
                    }
                }).replaceWithVoid();
    }

    /** Tells subscribers about the new job and puts it on the queue. */
    private Uni<Void> announce(UUID userId, UUID jobId) {
        return bus.publish(userId, jobId, JobStatus.QUEUED, "QUEUED", 0, null, "queued")
                .chain(() -> queue.enqueue(jobId));
    }

    /** One of the user's jobs; someone else's or a missing one is NOT_FOUND. */
    public Uni<GenerationJob> get(UUID userId, UUID jobId) {
        return jobs.owned(jobId, userId)
                .onItem().ifNull().failWith(() -> AtelierException.notFound("Job", jobId))
                .flatMap(job -> view(userId, job));
    }

    /** The user's jobs, newest first, optionally of one status. */
    public Uni<JobConnection> page(UUID userId, JobStatus status, PageRequest request) {
        return jobs.page(userId, status, request).flatMap(rows -> {
            Slice<JobRow> slice = Slice.of(rows, request.first());
            if (slice.rows().isEmpty()) {
                return Uni.createFrom().item(new JobConnection(List.of(), slice.pageInfo(GenerationService::cursor)));
            }
            return images.ofJobs(userId, slice.rows().stream().map(JobRow::id).toList()).flatMap(byJob -> Multi.createFrom()
                    .iterable(slice.rows())
                    .onItem().transformToUniAndConcatenate(job -> estimate(job).map(estimate -> new JobEdge(
                            cursor(job).encode(), GenerationJob.from(job, byJob.getOrDefault(job.id(), List.of()),
                                    estimate))))
                    .collect().asList()
                    .map(edges -> new JobConnection(edges, slice.pageInfo(GenerationService::cursor))));
        });
    }

    private static Cursor cursor(JobRow job) {
        return new Cursor(job.queuedAt(), job.id());
    }

    /** Cancels a job that has not finished (a finished one is returned as it is). */
    public Uni<GenerationJob> cancel(UUID userId, UUID jobId) {
        return store.cancel(jobId, userId)
                .call(cancelled -> cancelled ? bus.publish(userId, jobId, JobStatus.CANCELLED, "DONE", 0, null,
                        "cancelled") : Uni.createFrom().voidItem())
                .flatMap(cancelled -> get(userId, jobId));
    }

    /** The job's current state as a progress event (the first item of a subscription). */
    public Uni<JobProgress> current(UUID userId, UUID jobId) {
        return jobs.owned(jobId, userId)
                .onItem().ifNull().failWith(() -> AtelierException.notFound("Job", jobId))
                .flatMap(job -> estimate(job).map(estimate -> new JobProgress(job.id().toString(), job.status(),
                        job.stage(), job.progress(), estimate.queuePosition(), estimate.etaSeconds(), job.provider(),
                        job.errorMessage(), Instant.now())));
    }

    private Uni<GenerationJob> view(UUID userId, JobRow job) {
        return images.ofJobs(userId, List.of(job.id())).flatMap(byJob -> estimate(job).map(estimate -> GenerationJob.from(job,
                byJob.getOrDefault(job.id(), List.of()), estimate)));
    }

    private Uni<QueueEstimates.Estimate> estimate(JobRow job) {
        return estimates.estimate(job.id(), job.status(), job.progress(), job.provider());
    }
}
