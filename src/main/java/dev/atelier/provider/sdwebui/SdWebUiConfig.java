package dev.atelier.provider.sdwebui;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** A self-hosted AUTOMATIC1111 / Forge / SD.Next web UI with its API enabled. */
@ConfigMapping(prefix = "atelier.providers.sdwebui")
public interface SdWebUiConfig {

    /** {@code SDWEBUI_BASE_URL}, e.g. http://gpu-box:7860; without it the provider is not configured. */
    Optional<String> baseUrl();

    /** Label for the checkpoint the server runs (reported as the model). */
    @WithDefault("sd-webui")
    String model();

    @WithDefault("30")
    int steps();

    @WithDefault("7")
    double cfgScale();

    @WithDefault("DPM++ 2M")
    String sampler();

    /** How often real step progress is read from /sdapi/v1/progress while an image renders. */
    @WithDefault("PT0.5S")
    Duration progressInterval();

    /** Cost per image in USD (0 by default: your own GPU). */
    @WithDefault("0")
    BigDecimal pricePerImage();

    /**
     * Cost per second of GPU time in USD (0 by default), for a rented GPU: the bill is the measured generation time
     * times this, plus {@link #pricePerImage()} per image.
     */
    @WithDefault("0")
    BigDecimal pricePerGpuSecond();

    /** GPU seconds an image is expected to take, for estimates before a call when {@link #pricePerGpuSecond()} is set. */
    @WithDefault("20")
    double expectedSecondsPerImage();

    /** Largest width × height accepted. */
    @WithDefault("4194304")
    long maxPixels();
}
