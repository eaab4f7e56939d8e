package dev.atelier.openai;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.error.ErrorCode;
import dev.atelier.common.http.PublicUrl;
import dev.atelier.common.validation.InputValidation;
import dev.atelier.provider.GeneratedImage;
import dev.atelier.routing.GenerationRequests;
import dev.atelier.routing.ProviderAttempt;
import dev.atelier.routing.RoutingFailure;
import dev.atelier.user.CurrentUser;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /v1/images/generations}, answered the way OpenAI answers it, so any OpenAI SDK works against Atelier by
 * changing its base URL to {@code http://host/v1}. Synchronous: route, generate, store, then reply with
 * {@code b64_json} or a {@code url} to {@code /images/{id}}. Headers {@code x-atelier-provider},
 * {@code x-atelier-model}, {@code x-atelier-cost-usd}, {@code x-atelier-job-id} and {@code x-atelier-overhead-ms}
 * (time spent here outside the provider calls) describe what happened; errors use OpenAI's error shape.
 */
@Path("/v1/images")
public class OpenAiImagesResource {

    private static final Logger LOG = Logger.getLogger(OpenAiImagesResource.class);

    private final InlineGenerations generations;
    private final CurrentUser currentUser;
    private final PublicUrl publicUrl;
    private final InputValidation validation;
    private final ObjectMapper json;
    private final GenerationRequests requests;
    private final InlineEdits edits;

    OpenAiImagesResource(InlineGenerations generations, CurrentUser currentUser, PublicUrl publicUrl,
            InputValidation validation, ObjectMapper json, GenerationRequests requests, InlineEdits edits) {
        this.edits = edits;
        this.validation = validation;
        this.json = json;
        this.requests = requests;
        this.generations = generations;
        this.currentUser = currentUser;
        this.publicUrl = publicUrl;
    }

    @POST
    @Path("/generations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @CustomDeserialization(Strict.class)
    public Uni<RestResponse<Object>> generate(ImageGenerationBody body) {
        long started = System.nanoTime();
        return currentUser.call(() -> OpenAiImageRequest.parse(validation.valid(body, "request body"), requests::servedBy),
                (userId, request) -> generations.generate(userId, request.job())
                        .map(done -> Boolean.TRUE.equals(body.stream()) ? streamed(request, done, started)
                                : answer(request, done, started)));
    }

    /**
     * {@code POST /v1/images/edits} (multipart), answered like a generation: the same response shape, headers and
     * errors; {@code stream=true} answers {@code image_edit.completed} events.
     */
    @POST
    @Path("/edits")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Object>> edit(@BeanParam ImageEditForm form) {
        long started = System.nanoTime();
        return currentUser.call(userId -> edits.edit(userId, form))
                .map(edited -> edited.stream()
                        ? streamed(ImageStreamEvents.EDIT_COMPLETED, edited.request(), edited.done(), started)
                        : answer(edited.request(), edited.done(), started));
    }

    /** {@code stream: true}: the images as OpenAI's server-sent events, with the same headers. */
    private RestResponse<Object> streamed(OpenAiImageRequest request, InlineGenerations.Done done, long started) {
        return streamed(ImageStreamEvents.COMPLETED, request, done, started);
    }

    private RestResponse<Object> streamed(String type, OpenAiImageRequest request, InlineGenerations.Done done,
            long started) {
        String events = ImageStreamEvents.of(type, done.routed().result(), request.job().quality(),
                Instant.now().getEpochSecond(), json);
        return headers(RestResponse.ResponseBuilder.ok((Object) events).type(ImageStreamEvents.TYPE)
                .header("Cache-Control", "no-cache"), done, started).build();
    }

    private RestResponse<Object> answer(OpenAiImageRequest request, InlineGenerations.Done done, long started) {
        List<GeneratedImage> images = done.routed().result().images();
        List<ImagesResponse.Item> data = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            data.add(new ImagesResponse.Item(
                    request.base64() ? Base64.getEncoder().encodeToString(images.get(i).bytes()) : null,
                    request.base64() ? null : publicUrl.of("/images/" + done.images().get(i).id()),
                    images.get(i).revisedPrompt()));
        }
        return headers(RestResponse.ResponseBuilder.ok((Object) new ImagesResponse(Instant.now().getEpochSecond(), data))
                .type(MediaType.APPLICATION_JSON_TYPE), done, started).build();
    }

    /**
     * Who served it and what it cost; {@code x-atelier-warning} when another model than the one asked for served
     * (a retired model's replacement).
     */
    private static RestResponse.ResponseBuilder<Object> headers(RestResponse.ResponseBuilder<Object> answer,
            InlineGenerations.Done done, long started) {
        BigDecimal cost = done.routed().result().costUsd();
        answer.header("x-atelier-provider", done.routed().result().provider().name())
                .header("x-atelier-model", String.valueOf(done.routed().result().model()))
                .header("x-atelier-cost-usd", cost.stripTrailingZeros().toPlainString())
                .header("x-atelier-job-id", done.jobId().toString())
                .header("x-atelier-overhead-ms", overheadMs(started, done.routed().attempts()));
        done.routed().attempts().stream().map(ProviderAttempt::warning).filter(w -> w != null && !w.isBlank())
                .reduce((first, last) -> last).ifPresent(w -> answer.header("x-atelier-warning", w));
        return answer;
    }

    /** Wall time here minus the time the provider calls took (their measured latencies). */
    private static String overheadMs(long startedNanos, List<ProviderAttempt> attempts) {
        double totalMs = (System.nanoTime() - startedNanos) / 1e6;
        long providerMs = attempts.stream().mapToLong(a -> a.latencyMs() == null ? 0 : a.latencyMs()).sum();
        return String.format(Locale.ROOT, "%.2f", Math.max(0, totalMs - providerMs));
    }

    @ServerExceptionMapper
    RestResponse<OpenAiError> refused(AtelierException e) {
        return OpenAiError.of(e.code(), e.getMessage(), 0);
    }

    @ServerExceptionMapper
    RestResponse<OpenAiError> unserved(RoutingFailure f) {
        return OpenAiError.of(f.code(), f.getMessage(), f.retryAfterMs());
    }

    /** A body that is not JSON, not an object, or has a field of the wrong type. */
    @ServerExceptionMapper
    RestResponse<OpenAiError> unreadable(JacksonException e) {
        String field = e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
                ? mismatch.getPath().stream().map(ref -> ref.getFieldName() == null ? "[" + ref.getIndex() + "]"
                        : ref.getFieldName()).collect(Collectors.joining("."))
                : null;
        return OpenAiError.of(ErrorCode.BAD_USER_INPUT, field == null
                ? "The request body must be a JSON object with a prompt"
                : "The field " + field + " has the wrong type", 0);
    }

    @ServerExceptionMapper
    RestResponse<OpenAiError> web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400) {
            return OpenAiError.of(ErrorCode.BAD_USER_INPUT, "The request body must be a JSON object with a prompt", 0);
        }
        LOG.debugf("OpenAI-compatible request refused with %d: %s", status, e.getMessage());
        return OpenAiError.of(status == 401 ? ErrorCode.UNAUTHENTICATED : ErrorCode.INTERNAL,
                status == 401 ? "Sign in first" : "The request failed inside Atelier", 0);
    }

    @ServerExceptionMapper
    RestResponse<OpenAiError> unexpected(Throwable failure) {
        LOG.error("OpenAI-compatible generation failed", failure);
        return OpenAiError.of(ErrorCode.INTERNAL, "The generation failed inside Atelier", 0);
    }

    /**
     * Reads the body the way OpenAI does: a string where a number belongs (or the other way round), or a fraction
     * for {@code n}, is an error rather than a guess.
     */
    public static final class Strict implements BiFunction<ObjectMapper, Type, ObjectReader> {

        private static final ObjectMapper STRICT = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();

        @Override
        public ObjectReader apply(ObjectMapper ignored, Type type) {
            return STRICT.readerFor(STRICT.constructType(type));
        }
    }
}
