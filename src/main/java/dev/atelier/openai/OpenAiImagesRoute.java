package dev.atelier.openai;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.error.ErrorCode;
import dev.atelier.common.http.PublicUrl;
import dev.atelier.provider.GeneratedImage;
import dev.atelier.routing.ProviderAttempt;
import dev.atelier.routing.RoutingFailure;
import dev.atelier.user.CurrentUser;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * {@code POST /v1/images/generations}, answered the way OpenAI answers it, so any OpenAI SDK works against Atelier by
 * changing its base URL to {@code http://host/v1}. Synchronous: route, generate, store, then reply with
 * {@code b64_json} or a {@code url} to {@code /images/{id}}. Headers {@code x-atelier-provider},
 * {@code x-atelier-model}, {@code x-atelier-cost-usd}, {@code x-atelier-job-id} and {@code x-atelier-overhead-ms}
 * (time spent here outside the provider calls) describe what happened; errors use OpenAI's error shape.
 */
@ApplicationScoped
public class OpenAiImagesRoute {

    private static final Logger LOG = Logger.getLogger(OpenAiImagesRoute.class);

    private final InlineGenerations generations;
    private final CurrentUser currentUser;
    private final PublicUrl publicUrl;

    OpenAiImagesRoute(InlineGenerations generations, CurrentUser currentUser, PublicUrl publicUrl) {
        this.generations = generations;
        this.currentUser = currentUser;
        this.publicUrl = publicUrl;
    }

    void install(@Observes Router router) {
        router.post("/v1/images/generations")
                .handler(BodyHandler.create(false).setBodyLimit(256 * 1024))
                .handler(this::generate);
        // a bad token (the SDK's "API key") fails in authentication: answer in OpenAI's error shape
        router.route("/v1/*").order(-200).failureHandler(ctx -> {
            if (ctx.failure() instanceof AuthenticationFailedException) {
                OpenAiErrorResponses.send(ctx, AtelierException.unauthenticated());
            } else {
                ctx.next();
            }
        });
    }

    private void generate(RoutingContext ctx) {
        long started = System.nanoTime();
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.split(";", 2)[0].trim().equalsIgnoreCase("application/json")) {
            OpenAiErrorResponses.unsupportedMediaType(ctx);
            return;
        }
        OpenAiImageRequest request;
        try {
            request = OpenAiImageRequest.parse(body(ctx));
        } catch (AtelierException e) {
            OpenAiErrorResponses.send(ctx, e);
            return;
        }
        Uni<SecurityIdentity> identity = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        (identity == null ? Uni.createFrom().<SecurityIdentity>nullItem() : identity)
                .flatMap(currentUser::idOf)
                .flatMap(userId -> generations.generate(userId, request.routing(), request.recorded()))
                .subscribe().with(done -> {
                    List<GeneratedImage> images = done.routed().result().images();
                    JsonArray data = new JsonArray();
                    for (int i = 0; i < images.size(); i++) {
                        JsonObject item = new JsonObject();
                        if (request.base64()) {
                            item.put("b64_json", Base64.getEncoder().encodeToString(images.get(i).bytes()));
                        } else {
                            item.put("url", publicUrl.of("/images/" + done.images().get(i).id()));
                        }
                        if (images.get(i).revisedPrompt() != null) {
                            item.put("revised_prompt", images.get(i).revisedPrompt());
                        }
                        data.add(item);
                    }
                    BigDecimal cost = done.routed().result().costUsd();
                    ctx.response()
                            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                            .putHeader("x-atelier-provider", done.routed().result().provider().name())
                            .putHeader("x-atelier-model", String.valueOf(done.routed().result().model()))
                            .putHeader("x-atelier-cost-usd", cost.stripTrailingZeros().toPlainString())
                            .putHeader("x-atelier-job-id", done.jobId().toString())
                            .putHeader("x-atelier-overhead-ms", overheadMs(started, done.routed().attempts()))
                            .end(new JsonObject().put("created", Instant.now().getEpochSecond()).put("data", data)
                                    .encode());
                }, failure -> {
                    if (failure instanceof AtelierException atelier) {
                        OpenAiErrorResponses.send(ctx, atelier);
                    } else if (failure instanceof RoutingFailure routing) {
                        OpenAiErrorResponses.send(ctx, routing);
                    } else {
                        LOG.error("OpenAI-compatible generation failed", failure);
                        OpenAiErrorResponses.send(ctx, new AtelierException(ErrorCode.INTERNAL,
                                "The generation failed inside Atelier"));
                    }
                });
    }

    private static JsonObject body(RoutingContext ctx) {
        String text = ctx.body().asString();
        if (text == null || text.isBlank()) {
            throw AtelierException.badInput("The request body is empty; send a JSON object with a prompt");
        }
        try {
            Object parsed = Json.decodeValue(text);
            if (parsed instanceof JsonObject object) {
                return object;
            }
        } catch (DecodeException e) {
            // reported below
        }
        throw AtelierException.badInput("The request body must be a JSON object");
    }

    /** Wall time here minus the time the provider calls took (their measured latencies). */
    private static String overheadMs(long startedNanos, List<ProviderAttempt> attempts) {
        double totalMs = (System.nanoTime() - startedNanos) / 1e6;
        long providerMs = attempts.stream().mapToLong(a -> a.latencyMs() == null ? 0 : a.latencyMs()).sum();
        return String.format(Locale.ROOT, "%.2f", Math.max(0, totalMs - providerMs));
    }

}
