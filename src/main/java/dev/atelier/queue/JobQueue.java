package dev.atelier.queue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.common.config.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XGroupCreateArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.smallrye.mutiny.Uni;

/**
 * The job queue: a Redis Stream read through one consumer group, so each entry goes to one worker and stays
 * pending until that worker acknowledges it (after the job row is terminal); acknowledged entries are deleted, so
 * the stream holds only work not yet done. Entries left pending by a dead worker are claimed by another after an
 * idle timeout (XAUTOCLAIM). The database row is the truth; a stream entry only says "job X needs work".
 */
@ApplicationScoped
public class JobQueue {

    static final String GROUP = "workers";
    private static final String JOB = "job";

    /** One delivered entry. */
    public record Entry(String entryId, UUID jobId) {
    }

    /** The jobs that have an entry, and whether that is all of them (the stream was read to its end). */
    public record Present(Set<UUID> jobs, boolean complete) {
    }

    private final ReactiveStreamCommands<String, String, String> streams;
    private final String stream;

    JobQueue(ReactiveRedisDataSource redis, RedisKeys keys) {
        this.streams = redis.stream(String.class, String.class, String.class);
        this.stream = keys.key("jobs");
    }

    public Uni<Void> enqueue(UUID jobId) {
        return streams.xadd(stream, Map.of(JOB, jobId.toString())).replaceWithVoid();
    }

    /** Creates the consumer group (and the stream) if missing. */
    public Uni<Void> ensureGroup() {
        return streams.xgroupCreate(stream, GROUP, "0", new XGroupCreateArgs().mkstream())
                .onFailure(e -> String.valueOf(e.getMessage()).contains("BUSYGROUP")).recoverWithNull();
    }

    /** Up to {@code count} new entries for this consumer, waiting at most {@code blockMs}. */
    public Uni<List<Entry>> read(String consumer, int count, long blockMs) {
        return streams.xreadgroup(GROUP, consumer, stream, ">",
                new XReadGroupArgs().count(count).block(Duration.ofMillis(blockMs))).map(JobQueue::entries);
    }

    /**
     * Up to {@code count} entries that other consumers took but left unacknowledged for at least {@code minIdle}
     * (their worker died or stalled), now delivered to {@code consumer}.
     */
    public Uni<List<Entry>> reclaim(String consumer, Duration minIdle, int count) {
        return streams.xautoclaim(stream, GROUP, consumer, minIdle, "0-0", count)
                .map(claimed -> entries(claimed.getMessages()));
    }

    /** Acknowledges and deletes an entry: its job is finished. */
    public Uni<Void> ack(String entryId) {
        return streams.xack(stream, GROUP, entryId).chain(() -> streams.xdel(stream, entryId)).replaceWithVoid();
    }

    /** The jobs that have an entry in the stream (waiting or pending), reading at most {@code limit} entries. */
    public Uni<Present> jobsInStream(int limit) {
        return streams.xrange(stream, StreamRange.of("-", "+"), limit + 1).map(messages -> {
            Set<UUID> ids = new HashSet<>();
            entries(messages.size() > limit ? messages.subList(0, limit) : messages).forEach(e -> ids.add(e.jobId()));
            return new Present(ids, messages.size() <= limit);
        });
    }

    /** Whether a failure means the consumer group is gone (Redis lost its data) and must be created again. */
    public static boolean groupMissing(Throwable failure) {
        return String.valueOf(failure.getMessage()).contains("NOGROUP");
    }

    /** Entries waiting to be read by any worker (queue depth). */
    public Uni<Long> depth() {
        return streams.xlen(stream);
    }

    /** Entries delivered to a worker and not yet acknowledged. */
    public Uni<Long> pending() {
        return streams.xpending(stream, GROUP).map(summary -> summary == null ? 0L : summary.getPendingCount());
    }

    /** The entries that name a job; deleted entries (no fields) are skipped. */
    private static List<Entry> entries(List<StreamMessage<String, String, String>> messages) {
        return messages.stream().filter(m -> m.payload() != null && m.payload().get(JOB) != null)
                .map(m -> new Entry(m.id(), UUID.fromString(m.payload().get(JOB)))).toList();
    }
}
