package dev.atelier.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import com.github.benmanes.caffeine.cache.Caffeine;

import dev.atelier.common.OwnContext;
import dev.atelier.common.pagination.Ids;
import dev.atelier.user.CurrentUser;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;

/** Live job progress over GraphQL subscriptions (graphql-transport-ws on /graphql). */
@GraphQLApi
public class JobSubscriptions {

    private final GenerationService generation;
    private final ProgressBus bus;
    private final CurrentUser currentUser;

    JobSubscriptions(GenerationService generation, ProgressBus bus, CurrentUser currentUser) {
        this.generation = generation;
        this.bus = bus;
        this.currentUser = currentUser;
    }

    @Subscription("jobProgress")
    @Description("The job's current state first, then every change; completes after a terminal state. Owner only.")
    public Multi<@NonNull JobProgress> jobProgress(@NonNull @Id @Name("jobId") String jobId) {
        UUID id = Ids.parse(jobId, "job");
        // ownership first: a missing or foreign job fails the subscription before anything is sent
        return currentUser.call(userId -> generation.current(userId, id).replaceWith(userId))
                .toMulti().flatMap(userId -> Multi.createFrom().<JobProgress>emitter(emitter -> {
            // listen before reading the current state, so no change between the two is lost
            List<JobProgress> early = new ArrayList<>();
            Object lock = new Object();
            boolean[] started = { false };
            JobProgress[] last = { null };
            Cancellable listening = bus.events()
                    .filter(e -> e.userId().equals(userId) && e.progress().jobId().equals(jobId))
                    .map(ProgressEvent::progress)
                    .subscribe().with(p -> {
                        synchronized (lock) {
                            if (!started[0]) {
                                early.add(p);
                                return;
                            }
                            if (newer(p, last[0])) {
                                last[0] = p;
                                emitter.emit(p);
                                if (p.status().terminal()) {
                                    emitter.complete();
                                }
                            }
                        }
                    }, emitter::fail);
            emitter.onTermination(listening::cancel);
            OwnContext.run(() -> generation.current(userId, id)).subscribe().with(current -> {
                synchronized (lock) {
                    started[0] = true;
                    last[0] = current;
                    emitter.emit(current);
                    if (current.status().terminal()) {
                        emitter.complete();
                        return;
                    }
                    for (JobProgress p : early) {
                        if (newer(p, last[0])) {
                            last[0] = p;
                            emitter.emit(p);
                            if (p.status().terminal()) {
                                emitter.complete();
                                return;
                            }
                        }
                    }
                }
            }, emitter::fail);
        }));
    }

    @Subscription("myJobs")
    @Description("Every state change of every one of your jobs.")
    public Multi<@NonNull JobProgress> myJobs() {
        return currentUser.id().toMulti().flatMap(userId -> {
            // events of one job can arrive out of order (a progress tick racing the next stage): keep each job's
            // last state, so a subscriber never sees a job move backwards (nor a late tick after the end)
            Map<String, JobProgress> last = Caffeine.newBuilder().maximumSize(10_000)
                    .expireAfterAccess(Duration.ofHours(1)).<String, JobProgress>build().asMap();
            return bus.events()
                    .filter(e -> e.userId().equals(userId))
                    .map(ProgressEvent::progress)
                    .filter(p -> {
                        boolean[] forward = { false };
                        last.compute(p.jobId(), (id, previous) -> {
                            forward[0] = newer(p, previous);
                            return forward[0] ? p : previous;
                        });
                        return forward[0];
                    });
        });
    }

    /** Later in the lifecycle, or further along in the same status: never move a subscriber backwards. */
    private static boolean newer(JobProgress candidate, JobProgress last) {
        if (last == null) {
            return true;
        }
        if (last.status().terminal()) {
            return false;
        }
        int order = Integer.compare(candidate.status().ordinal(), last.status().ordinal());
        double progress = candidate.progress() == null ? 0 : candidate.progress();
        double lastProgress = last.progress() == null ? 0 : last.progress();
        return candidate.status().terminal() || order > 0 || (order == 0 && progress > lastProgress);
    }
}
