package dev.atelier.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.common.config.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * The job queue: a Redis Stream read through one consumer group, so each entry goes to one worker and stays
 * pending until that worker acknowledges it (after the job row is terminal); acknowledged entries are deleted, so
 * the stream holds only work not yet done. Entries left pending by a dead worker are claimed by another after an
 * idle timeout (XAUTOCLAIM). The database row is the truth; a stream entry only says "job X needs work".
 */
@ApplicationScoped
public class JobQueue {

    static final String GROUP = "workers";

    /** One delivered entry. */
    public record Entry(String entryId, UUID jobId) {
    }

    private final ReactiveRedisDataSource redis;
    private final String stream;

    JobQueue(ReactiveRedisDataSource redis, RedisKeys keys) {
        this.redis = redis;
        this.stream = keys.key("jobs");
    }

    public Uni<Void> enqueue(UUID jobId) {
        return redis.execute("XADD", stream, "*", "job", jobId.toString()).replaceWithVoid();
    }

    /** Creates the consumer group (and the stream) if missing. */
    public Uni<Void> ensureGroup() {
        return redis.execute("XGROUP", "CREATE", stream, GROUP, "0", "MKSTREAM").replaceWithVoid()
                .onFailure(e -> String.valueOf(e.getMessage()).contains("BUSYGROUP")).recoverWithNull();
    }

    /** Up to {@code count} new entries for this consumer, waiting at most {@code blockMs}. */
    public Uni<List<Entry>> read(String consumer, int count, long blockMs) {
        return redis.execute("XREADGROUP", "GROUP", GROUP, consumer, "COUNT", Integer.toString(count),
                "BLOCK", Long.toString(blockMs), "STREAMS", stream, ">").map(JobQueue::entries);
    }

    /**
     * Up to {@code count} entries that other consumers took but left unacknowledged for at least {@code minIdle}
     * (their worker died or stalled), now delivered to {@code consumer}.
     */
    public Uni<List<Entry>> reclaim(String consumer, Duration minIdle, int count) {
        return redis.execute("XAUTOCLAIM", stream, GROUP, consumer, Long.toString(minIdle.toMillis()), "0-0",
                "COUNT", Integer.toString(count))
                .map(response -> response == null || response.size() < 2 ? List.<Entry>of() : parse(response.get(1)));
    }

    /** Acknowledges and deletes an entry: its job is finished. */
    public Uni<Void> ack(String entryId) {
        return redis.execute("XACK", stream, GROUP, entryId)
                .chain(() -> redis.execute("XDEL", stream, entryId)).replaceWithVoid();
    }

    /** The jobs that have an entry in the stream (waiting or pending), up to {@code limit} entries. */
    public Uni<Set<UUID>> jobsInStream(int limit) {
        return redis.execute("XRANGE", stream, "-", "+", "COUNT", Integer.toString(limit))
                .map(response -> {
                    Set<UUID> ids = new HashSet<>();
                    if (response != null) {
                        parse(response).forEach(entry -> ids.add(entry.jobId()));
                    }
                    return ids;
                });
    }

    /** Whether a failure means the consumer group is gone (Redis lost its data) and must be created again. */
    static boolean groupMissing(Throwable failure) {
        return String.valueOf(failure.getMessage()).contains("NOGROUP");
    }

    /** Entries waiting to be read by any worker (queue depth). */
    public Uni<Long> depth() {
        return redis.execute("XLEN", stream).map(r -> r == null ? 0L : r.toLong());
    }

    /** Entries delivered to a worker and not yet acknowledged. */
    public Uni<Long> pending() {
        return redis.execute("XPENDING", stream, GROUP).map(r -> r == null || r.size() == 0 ? 0L : r.get(0).toLong());
    }

    /** RESP3 answers a map stream → entries, RESP2 an array of [stream, entries]. */
    private static List<Response> perStream(Response response) {
        List<Response> result = new ArrayList<>();
        try {
            for (String key : response.getKeys()) {
                result.add(response.get(key));
            }
        } catch (UnsupportedOperationException notAMap) {
            for (int s = 0; s < response.size(); s++) {
                result.add(response.get(s).get(1));
            }
        }
        return result;
    }

    private static List<Entry> entries(Response response) {
        List<Entry> entries = new ArrayList<>();
        if (response == null) {
            return entries;
        }
        for (Response streamEntries : perStream(response)) {
            entries.addAll(parse(streamEntries));
        }
        return entries;
    }

    /** A list of [id, [field, value, …]] entries; deleted entries (null) are skipped. */
    private static List<Entry> parse(Response list) {
        List<Entry> entries = new ArrayList<>();
        for (int e = 0; e < list.size(); e++) {
            Response entry = list.get(e);
            if (entry == null || entry.size() < 2 || entry.get(1) == null) {
                continue;
            }
            Response fields = entry.get(1);
            for (int f = 0; f + 1 < fields.size(); f += 2) {
                if ("job".equals(fields.get(f).toString())) {
                    entries.add(new Entry(entry.get(0).toString(), UUID.fromString(fields.get(f + 1).toString())));
                }
            }
        }
        return entries;
    }
}
