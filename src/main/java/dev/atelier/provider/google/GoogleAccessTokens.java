package dev.atelier.provider.google;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;

import dev.atelier.provider.ProviderErrorKind;
import dev.atelier.provider.ProviderException;
import dev.atelier.provider.ProviderId;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * OAuth access tokens for Vertex AI: the configured static token, or Application Default Credentials, loaded once,
 * cached and refreshed shortly before they expire (the refresh blocks, so it runs on a worker thread).
 */
@ApplicationScoped
public class GoogleAccessTokens {

    private static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";

    private final GoogleConfig config;
    private volatile GoogleCredentials credentials;

    GoogleAccessTokens(GoogleConfig config) {
        this.config = config;
    }

    public Uni<String> token() {
        if (config.accessToken().filter(t -> !t.isBlank()).isPresent()) {
            return Uni.createFrom().item(config.accessToken().get());
        }
        return Uni.createFrom().item(this::refreshedToken).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private String refreshedToken() {
        try {
            GoogleCredentials current = credentials;
            if (current == null) {
                synchronized (this) {
                    if (credentials == null) {
                        credentials = GoogleCredentials.getApplicationDefault().createScoped(List.of(SCOPE));
                    }
                    current = credentials;
                }
            }
            current.refreshIfExpired();
            AccessToken token = current.getAccessToken();
            if (token == null) {
                throw new IOException("no access token");
            }
            return token.getTokenValue();
        } catch (IOException e) {
            throw ProviderException.of(ProviderId.GOOGLE, ProviderErrorKind.AUTH,
                    "Google credentials could not produce an access token (check GOOGLE_APPLICATION_CREDENTIALS)",
                    null, 0, config.maxRetryWait());
        }
    }
}
