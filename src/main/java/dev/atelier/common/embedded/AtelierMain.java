package dev.atelier.common.embedded;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The packaged application's entry point: starts the embedded PostgreSQL and Redis when the environment wants them
 * ({@link EmbeddedPlan}), then the application; the servers stop after the application has, also on SIGTERM.
 * Tests boot the application without this class, against the configured servers.
 */
@QuarkusMain
public final class AtelierMain {

    AtelierMain() {
    }

    public static void main(String... args) throws Exception {
        EmbeddedServices services = EmbeddedServices.start(System.getenv(), System.getProperties());
        CountDownLatch stopped = new CountDownLatch(1);
        // on SIGTERM the JVM runs every hook at once, Quarkus' among them, and Quarkus.run does not return: wait for
        // the application to have stopped (its pools closed, its jobs handed back) before ending its servers
        Thread hook = new Thread(() -> {
            Application application = Application.currentApplication();
            if (application != null) {
                Thread waiter = new Thread(() -> {
                    application.awaitShutdown();
                    stopped.countDown();
                }, "embedded-servers-await");
                waiter.setDaemon(true);
                waiter.start();
            }
            try {
                stopped.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            services.stop();
        }, "embedded-servers-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Quarkus.run(args);
        } finally {
            stopped.countDown();
        }
    }
}
