package dev.atelier.common;

import java.util.function.Supplier;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs reactive work in a Vert.x context of its own, so whatever the work keeps in the context is not shared with
 * work running beside it.
 *
 * <p>Why: graphql-java resolves the root fields of a query (and the items of a list) concurrently, and every resolver
 * of one HTTP request or WebSocket message runs on the same duplicated context. Context-bound state must not be used
 * by two pipelines at once: that is how a Hibernate Reactive session shared by two root fields failed ("Illegal pop()
 * with non-matching JdbcValuesSourceProcessingState", quarkusio/quarkus#32870) before Atelier moved to plain SQL on
 * the reactive client, and it still holds for the request-scoped beans the work uses. A fresh duplicated context per
 * call gives each resolver its own; the result is handed back on the caller's context.
 *
 * <p>The work runs in a request context of its own, not the caller's: read the caller's identity before, not inside,
 * the work.
 */
public final class OwnContext {

    private OwnContext() {
    }

    /** Subscribes to {@code work} on a new safe duplicated context of the current one; outside Vert.x, in place. */
    public static <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            if (caller == null) {
                return work.get();
            }
            Context own = VertxContext.createNewDuplicatedContext(caller);
            VertxContextSafetyToggle.setContextSafe(own, true);
            return Uni.createFrom().<T>emitter(emitter -> {
                Cancellable[] running = { null };
                emitter.onTermination(() -> {
                    if (running[0] != null) {
                        running[0].cancel();
                    }
                });
                own.runOnContext(ignored -> {
                    // a request context of its own, kept in the new Vert.x context until the work ends: beans such as
                    // AI services need one, and the caller's is not visible from here
                    ManagedContext requests = Arc.container().requestContext();
                    requests.activate();
                    Runnable end = () -> own.runOnContext(done -> requests.terminate());
                    running[0] = Uni.createFrom().<T>deferred(work::get).subscribe().with(
                            item -> {
                                end.run();
                                caller.runOnContext(done -> emitter.complete(item));
                            },
                            failure -> {
                                end.run();
                                caller.runOnContext(done -> emitter.fail(failure));
                            });
                });
            });
        });
    }
}
