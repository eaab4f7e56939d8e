package dev.atelier.job;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.provider.ProviderId;
import dev.atelier.queue.JobQueueConfig;
import dev.atelier.routing.ProviderHealth;
import dev.atelier.routing.RoutingConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Queue position and estimated time to completion. Position counts the QUEUED jobs ahead (FIFO across users);
 * the ETA divides it by the cluster's measured throughput over the last five minutes and adds the measured run time
 * of a job; a running job's remainder comes from its provider's latency (EWMA of live outcomes, else the configured
 * expectation). The statistics are read at most every few seconds, so estimates stay cheap under load.
 */
@ApplicationScoped
public class QueueEstimates {

    /** Where a job stands. */
    public record Estimate(Integer queuePosition, Integer etaSeconds) {
        static final Estimate NONE = new Estimate(null, null);
    }

    private record Stats(double jobsPerSecond, double runSeconds, long readAtNanos) {
    }

    private static final long STATS_TTL_NANOS = Duration.ofSeconds(5).toNanos();
    private static final long DEFAULT_LATENCY_MS = 10_000;

    private final Pool pool;
    private final ProviderHealth health;
    private final RoutingConfig routing;
    private final JobQueueConfig config;
    private volatile Stats stats;

    QueueEstimates(Pool pool, ProviderHealth health, RoutingConfig routing, JobQueueConfig config) {
        this.pool = pool;
        this.health = health;
        this.routing = routing;
        this.config = config;
    }

    /** The provider's expected generation time: measured when known, configured otherwise. */
    public long expectedLatencyMs(ProviderId provider) {
        if (provider == null) {
            return DEFAULT_LATENCY_MS;
        }
        Long measured = health.snapshot(provider).latencyMs();
        if (measured != null && measured > 0) {
            return measured;
        }
        return routing.expectedLatencyMs().getOrDefault(provider.name(), DEFAULT_LATENCY_MS);
    }

    /** The estimate for a job in the given state; finished jobs have none. */
    public Uni<Estimate> estimate(UUID jobId, JobStatus status, Double progress, ProviderId provider) {
        if (status.terminal()) {
            return Uni.createFrom().item(Estimate.NONE);
        }
        return stats().flatMap(s -> {
            if (status != JobStatus.QUEUED) {
                double runMs = provider != null ? expectedLatencyMs(provider) : s.runSeconds() * 1000;
                double left = 1 - (progress == null ? 0 : progress);
                return Uni.createFrom().item(new Estimate(0, (int) Math.ceil(runMs * left / 1000)));
            }
            return position(jobId).map(position -> new Estimate(position, eta(position, s)));
        });
    }

    private int eta(int position, Stats s) {
        double waiting = s.jobsPerSecond() > 0 ? (position - 1) / s.jobsPerSecond()
                : (position - 1) * s.runSeconds() / Math.max(1, config.concurrency());
        return (int) Math.ceil(waiting + s.runSeconds());
    }

    /** 1 for the next job to run. */
    Uni<Integer> position(UUID jobId) {
        return pool.preparedQuery("""
                select count(*) + 1 as position
                  from generation_jobs q, generation_jobs me
                 where me.id = $1 and q.status = 'QUEUED' and (q.queued_at, q.id) < (me.queued_at, me.id)""")
                .execute(Tuple.of(jobId))
                .map(rows -> rows.iterator().next().getLong("position").intValue());
    }

    private Uni<Stats> stats() {
        Stats current = stats;
        if (current != null && System.nanoTime() - current.readAtNanos() < STATS_TTL_NANOS) {
            return Uni.createFrom().item(current);
        }
        return pool.query("""
                select count(*) as done,
                       avg(extract(epoch from finished_at - started_at)) filter (where status = 'SUCCEEDED') as run
                  from generation_jobs
                 where finished_at > now() - interval '5 minutes'""")
                .execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    Object run = row.getValue("run");
                    double runSeconds = run == null ? expectedLatencyMs(ProviderId.LOCAL) / 1000.0
                            : ((Number) run).doubleValue();
                    Stats fresh = new Stats(row.getLong("done") / 300.0, Math.max(0.1, runSeconds), System.nanoTime());
                    stats = fresh;
                    return fresh;
                });
    }
}
