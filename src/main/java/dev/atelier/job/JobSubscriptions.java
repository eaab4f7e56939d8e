package dev.atelier.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                .toMulti().flatMap(userId -> Multi.createFrom().deferred(() -> {
                    CurrentThenChanges order = new CurrentThenChanges();
                    Multi<Seen> changes = bus.events()
                            .filter(e -> e.userId().equals(userId) && e.progress().jobId().equals(jobId))
                            .map(e -> new Seen(false, e.progress()));
                    Multi<Seen> current = OwnContext.run(() -> generation.current(userId, id))
                            .map(p -> new Seen(true, p)).toMulti();
                    // listen before reading the current state (merge subscribes in this order), so no change
                    // between the two is lost; the merged stream delivers one item at a time, so the order's state
                    // is touched by one thread at a time; an empty item marks the end, after a terminal state
                    return Multi.createBy().merging().streams(changes, current)
                            .onItem().transformToIterable(order::next)
                            .select().first(Optional::isPresent).map(Optional::get);
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
                    .filter(p -> last.merge(p.jobId(), p, (previous, candidate) -> newer(candidate, previous)
                            ? candidate : previous) == p);
        });
    }

    /** A progress item and where it came from: the job's current state, or a change from the bus. */
    private record Seen(boolean current, JobProgress progress) {
    }

    /**
     * One jobProgress subscriber's view: changes that arrive before the current state is read wait for it; then
     * only what is newer passes, and an empty item follows the first terminal state. It is fed from after the
     * merge, which Reactive Streams serialises, so no lock is needed.
     */
    private static final class CurrentThenChanges {
        private final List<JobProgress> early = new ArrayList<>();
        private boolean started;
        private JobProgress last;

        List<Optional<JobProgress>> next(Seen seen) {
            return seen.current() ? current(seen.progress()) : change(seen.progress());
        }

        private List<Optional<JobProgress>> current(JobProgress current) {
            started = true;
            List<Optional<JobProgress>> out = new ArrayList<>();
            accept(current, out);
            early.forEach(p -> accept(p, out));
            early.clear();
            return out;
        }

        private List<Optional<JobProgress>> change(JobProgress change) {
            if (!started) {
                early.add(change);
                return List.of();
            }
            List<Optional<JobProgress>> out = new ArrayList<>(2);
            accept(change, out);
            return out;
        }

        private void accept(JobProgress p, List<Optional<JobProgress>> out) {
            if (newer(p, last)) {
                last = p;
                out.add(Optional.of(p));
                if (p.status().terminal()) {
                    out.add(Optional.empty());
                }
            }
        }
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
