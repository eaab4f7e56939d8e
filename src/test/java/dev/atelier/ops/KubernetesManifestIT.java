package dev.atelier.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The manifest the build generates (target/kubernetes/kubernetes.yml), read into typed Kubernetes objects, and the
 * hand-written files in src/main/kubernetes/. Runs after {@code package} (failsafe), when the manifest exists.
 */
class KubernetesManifestIT {

    static final Path GENERATED = Path.of("target/kubernetes/kubernetes.yml");
    static final Path SOURCES = Path.of("src/main/kubernetes");

    @SuppressWarnings("unchecked")
    static List<HasMetadata> generated() throws IOException {
        try (InputStream in = Files.newInputStream(GENERATED)) {
            Object parsed = Serialization.unmarshal(in);
            return parsed instanceof KubernetesList list ? list.getItems() : (List<HasMetadata>) parsed;
        }
    }

    @SuppressWarnings("unchecked")
    static <T extends HasMetadata> T find(List<HasMetadata> items, Class<T> type, String name) {
        return (T) items.stream().filter(type::isInstance).filter(i -> i.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    @Test
    void theDeploymentHasProbesResourcesGracefulTerminationAndItsConfigurationFromTheCluster() throws IOException {
        List<HasMetadata> items = generated();
        Deployment deployment = find(items, Deployment.class, "atelier");
        var pod = deployment.getSpec().getTemplate().getSpec();
        Container app = pod.getContainers().stream().filter(c -> c.getName().equals("atelier")).findFirst().orElseThrow();

        assertProbe(app.getStartupProbe(), "/q/health/started");
        assertProbe(app.getLivenessProbe(), "/q/health/live");
        assertProbe(app.getReadinessProbe(), "/q/health/ready");
        assertThat(app.getStartupProbe().getFailureThreshold() * app.getStartupProbe().getPeriodSeconds())
                .as("seconds allowed for a cold start").isGreaterThanOrEqualTo(60);

        assertThat(app.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(app.getResources().getLimits().get("memory").toString()).isEqualTo("1Gi");
        assertThat(pod.getTerminationGracePeriodSeconds()).as("longer than the 20 s worker drain").isGreaterThan(20L);

        assertThat(app.getEnvFrom().stream().map(EnvFromSource::getConfigMapRef).filter(r -> r != null)
                .map(r -> r.getName())).containsExactly("atelier-config");
        assertThat(app.getEnvFrom().stream().map(EnvFromSource::getSecretRef).filter(r -> r != null)
                .map(r -> r.getName())).containsExactly("atelier-secrets");
        assertThat(app.getEnv()).noneSatisfy(env -> assertThat(env.getName()).containsAnyOf("KEY", "PASSWORD", "DATABASE_URL"));
        assertThat(app.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/data/images"));
        assertThat(pod.getVolumes().stream().filter(v -> v.getPersistentVolumeClaim() != null)
                .map(v -> v.getPersistentVolumeClaim().getClaimName())).contains("atelier-images");
        assertThat(app.getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("ATELIER_IMAGES_ROOT");
            assertThat(env.getValue()).isEqualTo("/data/images");
        });
        assertThat(app.getEnv()).as("a cluster never starts embedded servers").anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("ATELIER_EMBEDDED");
            assertThat(env.getValue()).isEqualTo("never");
        });

        Service service = find(items, Service.class, "atelier");
        assertThat(service.getSpec().getPorts()).anySatisfy(p -> assertThat(p.getTargetPort().getIntVal()).isEqualTo(8080));
        // the ConfigMap the Deployment reads, the claim it mounts, its autoscaler and disruption budget are in the manifest
        assertThat(find(items, io.fabric8.kubernetes.api.model.ConfigMap.class, "atelier-config").getData())
                .containsKey("ATELIER_AUTH_MODE");
        find(items, io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class, "atelier-images");
        HorizontalPodAutoscaler hpa = find(items, HorizontalPodAutoscaler.class, "atelier");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("atelier");
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        PodDisruptionBudget pdb = find(items, PodDisruptionBudget.class, "atelier");
        assertThat(pdb.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "atelier");
        assertThat(items).noneMatch(Secret.class::isInstance);

        // metrics are scraped from the management port, which the NetworkPolicy opens to the monitoring namespace only
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("prometheus.io/port", "9000").containsEntry("prometheus.io/path", "/q/metrics");
        var policy = find(items, io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class, "atelier");
        assertThat(policy.getSpec().getIngress()).anySatisfy(rule -> {
            assertThat(rule.getPorts()).allSatisfy(p -> assertThat(p.getPort().getIntVal()).isEqualTo(9000));
            assertThat(rule.getFrom()).isNotEmpty().allSatisfy(peer -> assertThat(peer.getNamespaceSelector()).isNotNull());
        });
        assertThat(policy.getSpec().getIngress()).allSatisfy(rule -> assertThat(rule.getFrom() == null
                || rule.getFrom().isEmpty()).as("a rule open to the whole cluster").isEqualTo(rule.getPorts().stream()
                        .allMatch(p -> p.getPort().getIntVal() == 8080)));
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).as(path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getIntVal()).as("the management interface").isEqualTo(9000);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyHandWrittenFileParsesIntoAKnownKind() throws IOException {
        Set<String> known = Set.of("ConfigMap", "Secret", "PersistentVolumeClaim", "HorizontalPodAutoscaler",
                "PodDisruptionBudget", "NetworkPolicy", "Deployment", "ScaledObject");
        List<Path> files;
        try (Stream<Path> listing = Files.list(SOURCES)) {
            files = listing.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        for (Path file : files) {
            String text = Files.readString(file);
            for (String document : text.split("(?m)^---\\s*$")) {
                if (document.lines().allMatch(l -> l.isBlank() || l.trim().startsWith("#"))) {
                    continue;
                }
                HasMetadata resource = Serialization.unmarshal(document);
                assertThat(resource.getKind()).as(file.toString()).isIn(known);
                assertThat(resource.getMetadata().getName()).as(file + " " + resource.getKind()).isNotBlank();
                if (resource instanceof GenericKubernetesResource generic) {
                    assertThat(generic.getKind()).isEqualTo("ScaledObject");
                    assertThat(generic.getApiVersion()).isEqualTo("keda.sh/v1alpha1");
                    assertThat(String.valueOf(generic.getAdditionalProperties().get("spec"))).contains("redis-streams")
                            .contains("atelier:jobs").contains("workers");
                }
                if (resource instanceof Secret secret) {
                    // a template: placeholders only, never a credential
                    assertThat(secret.getStringData().values()).allSatisfy(value ->
                            assertThat(value).matches("|.*(USER|PASSWORD|HOST|ISSUER|DATABASE).*|atelier"));
                }
            }
        }
    }
}
