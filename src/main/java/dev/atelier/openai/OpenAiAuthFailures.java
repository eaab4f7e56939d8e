package dev.atelier.openai;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.error.ErrorCode;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * A bad token (to an OpenAI SDK, its "API key") fails in authentication, before any resource runs: answer it in
 * OpenAI's error shape too, so the SDK raises its AuthenticationError.
 */
@ApplicationScoped
class OpenAiAuthFailures {

    void install(@Observes Router router) {
        router.route("/v1/*").order(-200).failureHandler(ctx -> {
            if (ctx.failure() instanceof AuthenticationFailedException) {
                ctx.response().setStatusCode(401).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(Json.encode(OpenAiError.of(ErrorCode.UNAUTHENTICATED,
                                AtelierException.unauthenticated().getMessage(), 0).getEntity()));
            } else {
                ctx.next();
            }
        });
    }
}
