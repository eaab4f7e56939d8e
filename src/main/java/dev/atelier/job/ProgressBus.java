package dev.atelier.job;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.atelier.common.config.RedisKeys;
import dev.atelier.provider.ProviderId;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Job progress across replicas: every state change is published on one Redis pub/sub channel; each replica
 * subscribes once and fans the events out to its own GraphQL subscribers, so a subscriber sees progress of a job
 * running on any replica.
 */
@ApplicationScoped
public class ProgressBus {

    private static final Logger LOG = Logger.getLogger(ProgressBus.class);

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;
    private final String channel;
    private final BroadcastProcessor<ProgressEvent> local = BroadcastProcessor.create();

    ProgressBus(ReactiveRedisDataSource redis, ObjectMapper json, RedisKeys keys) {
        this.redis = redis;
        this.json = json;
        this.channel = keys.key("progress");
    }

    void listen(@Observes StartupEvent event) {
        redis.pubsub(String.class).subscribe(channel)
                .onFailure().invoke(e -> LOG.warnf("progress channel lost (%s); resubscribing", e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .indefinitely()
                .subscribe().with(this::deliver);
    }

    /** Publishes a state change to every replica. */
    public Uni<Void> publish(UUID userId, UUID jobId, JobStatus status, String stage, double progress, ProviderId provider,
            String message) {
        JobProgress update = new JobProgress(jobId.toString(), status, stage, progress, null, null, provider, message,
                Instant.now());
        try {
            String payload = json.writeValueAsString(new ProgressEvent(userId, update));
            return redis.pubsub(String.class).publish(channel, payload)
                    .onFailure().invoke(e -> LOG.warnf("progress publish failed for job %s: %s", jobId, e.getMessage()))
                    .onFailure().recoverWithNull();
        } catch (JsonProcessingException e) {
            return Uni.createFrom().voidItem();
        }
    }

    /** Every event this replica receives, for its subscribers to filter. */
    public Multi<ProgressEvent> events() {
        return local;
    }

    private void deliver(String payload) {
        try {
            local.onNext(json.readValue(payload, ProgressEvent.class));
        } catch (JsonProcessingException e) {
            LOG.warn("unreadable progress event ignored");
        }
    }
}
