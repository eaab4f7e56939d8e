package dev.atelier.routing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import dev.atelier.provider.ImageProvider;
import dev.atelier.provider.ProviderId;

/** Every image provider bean, by id. */
@ApplicationScoped
public class ProviderRegistry {

    private final Map<ProviderId, ImageProvider> providers = new EnumMap<>(ProviderId.class);

    ProviderRegistry(@Any Instance<ImageProvider> beans) {
        for (ImageProvider provider : beans) {
            providers.put(provider.id(), provider);
        }
    }

    public List<ImageProvider> all() {
        return List.copyOf(providers.values());
    }

    public Optional<ImageProvider> get(ProviderId id) {
        return Optional.ofNullable(providers.get(id));
    }

    /** Whether any real vendor (not LOCAL) has credentials. */
    public boolean anyVendorConfigured() {
        return providers.values().stream().anyMatch(p -> p.id() != ProviderId.LOCAL && p.configured());
    }
}
