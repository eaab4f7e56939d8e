package dev.atelier.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import dev.atelier.support.TestImages;
import io.vertx.core.Vertx;

/**
 * Image URLs in a vendor's answer cannot make Atelier fetch from its own network: loopback, private and link-local
 * targets are refused before any request, on the first hop and on every redirect; plain http only on the vendor's
 * own host; at most 3 redirects; a body past the cap is dropped mid-stream. Refusals are not retryable.
 *
 * <p>The fake vendor listens on 127.0.0.1; for the downloads that must succeed, the policy here counts 127.0.0.1 -
 * and only it - as a public address, and a fake DNS answers for the vendor's names.
 */
class ImageDownloaderTest {

    static final long CAP = 1024 * 1024;
    static WireMockServer vendor;
    static Vertx vertx;
    static ImageDownloader downloader;
    static String base;

    static final Map<String, String> DNS = Map.of(
            "api.vendor.test", "127.0.0.1",
            "cdn.vendor.test", "127.0.0.1",
            "metadata.test", "169.254.169.254",
            "intranet.test", "10.1.2.3",
            "openai.test", "162.159.140.245");

    static List<InetAddress> fakeDns(String host) {
        try {
            String ip = DNS.get(host);
            return ip == null ? List.of(InetAddress.getByName(host)) : List.of(InetAddress.getByName(ip));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    @BeforeAll
    static void start() {
        vendor = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        vendor.start();
        vertx = Vertx.vertx();
        DownloadPolicy policy = new DownloadPolicy(a -> a.getHostAddress().equals("127.0.0.1") || DownloadPolicy.isPublic(a));
        downloader = new ImageDownloader(vertx, CAP, policy, ImageDownloaderTest::fakeDns);
        base = "http://api.vendor.test:" + vendor.port() + "/v1";
    }

    @AfterAll
    static void stop() {
        vendor.stop();
        vertx.close();
    }

    @BeforeEach
    void reset() {
        vendor.resetAll();
    }

    private byte[] download(String url, String vendorBase) {
        return downloader.download(ProviderId.OPENAI, url, vendorBase).await().atMost(Duration.ofSeconds(20));
    }

    /** Under the rules as they apply on the internet (127.0.0.1 is loopback again). */
    private byte[] downloadStandard(String url, String vendorBase) {
        return new ImageDownloader(vertx, CAP, DownloadPolicy.standard(), ImageDownloaderTest::fakeDns)
                .download(ProviderId.OPENAI, url, vendorBase).await().atMost(Duration.ofSeconds(20));
    }

    private static void assertRefused(Runnable call, String why) {
        assertThatThrownBy(call::run).isInstanceOf(ProviderException.Refusal.class)
                .hasMessageContaining(why)
                .satisfies(e -> assertThat(((ProviderException) e).kind()).isEqualTo(ProviderErrorKind.BAD_REQUEST));
    }

    @Test
    void anImageOnTheVendorsOwnHostIsFetched() {
        byte[] png = TestImages.png(1024, 1024);
        vendor.stubFor(get("/files/a.png").willReturn(aResponse().withBody(png).withHeader("Content-Type", "image/png")));
        assertThat(download("http://api.vendor.test:" + vendor.port() + "/files/a.png", base)).isEqualTo(png);
    }

    @Test
    void loopbackPrivateAndLinkLocalTargetsAreRefusedBeforeAnyRequest() {
        String publicVendor = "https://openai.test/v1";
        assertRefused(() -> downloadStandard("https://127.0.0.1:" + vendor.port() + "/files/a.png", publicVendor),
                "loopback or private");
        assertRefused(() -> downloadStandard("https://localhost:" + vendor.port() + "/files/a.png", publicVendor),
                "loopback or private");
        assertRefused(() -> downloadStandard("https://intranet.test/a.png", publicVendor), "loopback or private");
        assertRefused(() -> downloadStandard("https://metadata.test/latest/meta-data/", publicVendor), "link-local");
        assertRefused(() -> downloadStandard("https://[::1]:" + vendor.port() + "/a.png", publicVendor), "loopback or private");
        assertRefused(() -> downloadStandard("http://cdn.vendor.test:" + vendor.port() + "/a.png", base), "plain-http");
        assertRefused(() -> downloadStandard("file:///etc/passwd", publicVendor), "not an http(s) URL");
        vendor.verify(0, getRequestedFor(urlMatching(".*")));
    }

    @Test
    void aSelfHostedVendorOnThePrivateNetworkMayServeFromIt() {
        byte[] png = TestImages.png(64, 64);
        vendor.stubFor(get("/outputs/b.png").willReturn(aResponse().withBody(png)));
        // the base URL is itself private (127.0.0.1 under the standard rules): a self-hosted server on the LAN
        ImageDownloader standard = new ImageDownloader(vertx, CAP, DownloadPolicy.standard(), ImageDownloaderTest::fakeDns);
        String selfHosted = "http://127.0.0.1:" + vendor.port();
        assertThat(standard.download(ProviderId.SDWEBUI, selfHosted + "/outputs/b.png", selfHosted)
                .await().atMost(Duration.ofSeconds(20))).isEqualTo(png);
        // ... but never to link-local addresses
        assertRefused(() -> standard.download(ProviderId.SDWEBUI, "https://metadata.test/x", selfHosted)
                .await().atMost(Duration.ofSeconds(20)), "link-local");
    }

    @Test
    void aRedirectToAPrivateAddressIsRefusedAtThatHop() {
        vendor.stubFor(get("/files/moved.png").willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://metadata.test/latest/meta-data/iam")));
        vendor.stubFor(get("/files/inside.png").willReturn(aResponse().withStatus(307)
                .withHeader("Location", "https://intranet.test/secret.png")));
        assertRefused(() -> download("http://api.vendor.test:" + vendor.port() + "/files/moved.png", base), "link-local");
        assertRefused(() -> download("http://api.vendor.test:" + vendor.port() + "/files/inside.png", base),
                "loopback or private");
        vendor.verify(1, getRequestedFor(urlEqualTo("/files/moved.png")));
        vendor.verify(1, getRequestedFor(urlEqualTo("/files/inside.png")));
    }

    @Test
    void atMostThreeRedirectsAreFollowed() {
        String host = "http://api.vendor.test:" + vendor.port();
        byte[] png = TestImages.png(64, 64);
        for (int i = 0; i < 4; i++) {
            vendor.stubFor(get("/hop/" + i).willReturn(aResponse().withStatus(302).withHeader("Location", "/hop/" + (i + 1))));
        }
        vendor.stubFor(get("/hop/3").willReturn(aResponse().withBody(png)));
        assertThat(download(host + "/hop/0", base)).as("three redirects").isEqualTo(png);

        vendor.resetAll();
        for (int i = 0; i < 5; i++) {
            vendor.stubFor(get("/hop/" + i).willReturn(aResponse().withStatus(302).withHeader("Location", "/hop/" + (i + 1))));
        }
        assertRefused(() -> download(host + "/hop/0", base), "more than 3 redirects");
        vendor.verify(4, getRequestedFor(urlMatching("/hop/.*")));
    }

    @Test
    void aBodyPastTheCapIsDroppedWithOneRequest() {
        byte[] big = new byte[(int) (3 * CAP)];
        vendor.stubFor(get("/files/huge.png").willReturn(aResponse().withBody(big)));
        // 3 MB in 30 chunks over 9 s: the cap (1 MB) is passed after about 3 s, the end would come after 9
        vendor.stubFor(get("/files/chunked.png").willReturn(aResponse().withBody(big).withChunkedDribbleDelay(30, 9_000)));
        String host = "http://api.vendor.test:" + vendor.port();
        assertRefused(() -> download(host + "/files/huge.png", base), "larger than 1 MB");
        assertRefused(() -> downloader.download(ProviderId.OPENAI, host + "/files/chunked.png", base)
                .await().atMost(Duration.ofSeconds(7)), "larger than 1 MB"); // dropped mid-stream, not read to the end
        vendor.verify(1, getRequestedFor(urlEqualTo("/files/huge.png")));
        vendor.verify(1, getRequestedFor(urlEqualTo("/files/chunked.png")));
    }

    @Test
    void thePolicyOnItsOwn() throws Exception {
        DownloadPolicy policy = DownloadPolicy.standard();
        URI openAi = URI.create("https://api.openai.com/v1");
        List<InetAddress> openAiIps = List.of(InetAddress.getByName("162.159.140.245"));
        assertThat(policy.refusal(URI.create("https://cdn.example/a.png"), openAi,
                List.of(InetAddress.getByName("93.184.215.14")), openAiIps)).isNull();
        for (String ip : List.of("127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "100.64.0.1", "169.254.169.254",
                "0.0.0.0", "::1", "fd00::1", "fe80::1")) {
            assertThat(policy.refusal(URI.create("https://cdn.example/a.png"), openAi,
                    List.of(InetAddress.getByName(ip)), openAiIps)).as(ip).isNotNull();
        }
    }
}
