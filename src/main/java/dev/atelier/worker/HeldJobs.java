package dev.atelier.worker;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The jobs this replica is working on right now (queued runs and inline generations). Only these get their leases
 * renewed: a job whose run ended abnormally (say, the database dropped the connection mid-write) is no longer
 * here, so its lease lapses and another worker can take it over.
 */
@ApplicationScoped
public class HeldJobs {

    private final Set<UUID> held = ConcurrentHashMap.newKeySet();

    public void hold(UUID jobId) {
        held.add(jobId);
    }

    public void let(UUID jobId) {
        held.remove(jobId);
    }

    UUID[] ids() {
        return held.toArray(UUID[]::new);
    }
}
