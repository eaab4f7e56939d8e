package dev.atelier.openai;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body that is not JSON is refused before any resource method is chosen, so the resource's own mappers never see
 * it: answer it here, in OpenAI's error shape under {@code /v1/}, in plain words elsewhere.
 */
class OpenAiMediaType {

    @ServerExceptionMapper
    RestResponse<?> notJson(NotSupportedException e, UriInfo uri) {
        if (uri.getPath().startsWith("/v1/")) {
            return OpenAiError.unsupportedMediaType();
        }
        return RestResponse.ResponseBuilder.create(RestResponse.Status.UNSUPPORTED_MEDIA_TYPE,
                "This endpoint reads JSON").type(MediaType.TEXT_PLAIN_TYPE).build();
    }
}
