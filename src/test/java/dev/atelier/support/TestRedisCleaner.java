package dev.atelier.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;

import dev.atelier.common.config.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.runtime.StartupEvent;

/**
 * Deletes every key under the test prefix when the test application starts, so each run begins clean
 * (the schema is cleaned by Flyway's clean-at-start). Never touches keys outside the prefix.
 */
@ApplicationScoped
public class TestRedisCleaner {

    private final RedisDataSource redis;
    private final RedisKeys keys;

    TestRedisCleaner(RedisDataSource redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    void atStartup(@Observes @Priority(1) StartupEvent event) {
        clean();
    }

    /** Deletes every key under the test prefix. */
    public void clean() {
        if (!keys.prefix().startsWith("atelier_test")) {
            throw new IllegalStateException("Refusing to clean a non-test Redis prefix: " + keys.prefix());
        }
        var cursor = redis.key().scan(new KeyScanArgs().match(keys.prefix() + "*").count(1000));
        while (cursor.hasNext()) {
            var batch = cursor.next();
            if (!batch.isEmpty()) {
                redis.key().del(batch.toArray(String[]::new));
            }
        }
    }
}
