package io.campuslab.core.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.domain.catalog.LabResources;
import io.campuslab.domain.catalog.LabTemplate;
import io.campuslab.domain.catalog.PortProtocol;
import io.campuslab.domain.catalog.PortSpec;
import io.campuslab.domain.catalog.TemplateDefinition;
import io.campuslab.domain.lab.LabSize;
import io.campuslab.domain.platform.PlatformSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabSizingTest {

    private static final LabTemplate JUPYTER = LabTemplate.of(new TemplateDefinition("jupyterlab", "JupyterLab", "", "NOTEBOOK",
            "quay.io/jupyter/scipy-notebook:python-3.12", Map.of("nvidia.com/gpu", "quay.io/jupyter/pytorch-notebook:cuda12-python-3.12"),
            List.of(), List.of(), List.of(new PortSpec("http", 8888, PortProtocol.HTTP)), "/home/jovyan/work", 1024,
            new LabResources(2000, 4096, 0), new LabResources(8000, 32_768, 2), List.of(), List.of()), Optional.empty(), Instant.EPOCH);

    private final PlatformSettings settings = PlatformSettings.of(
            Map.of("overcommit.cpu-ratio", "4", "gpu.resource-keys", "nvidia.com/gpu, amd.com/gpu"), Path.of("/srv"));

    @Test
    void nothingAskedIsTheTemplatesDefaultWithOvercommittedRequests() throws InvalidInputException {
        LabSize size = LabSizing.size(new LabRequest("jupyterlab", null, null, 0, null, null), JUPYTER, settings);

        assertThat(size.cpuLimitMillis()).isEqualTo(2000);
        assertThat(size.cpuRequestMillis()).isEqualTo(500);
        assertThat(size.memoryRequestMib()).isEqualTo(4096);
        assertThat(size.gpuKey()).isEmpty();
    }

    @Test
    void aGpuLabTakesTheDefaultKeyAndAnOptionalModel() throws InvalidInputException {
        LabSize size = LabSizing.size(new LabRequest("jupyterlab", 4000, 16_384, 1, "", "NVIDIA-A100-SXM4-40GB"), JUPYTER, settings);

        assertThat(size.gpuKey()).hasValue("nvidia.com/gpu");
        assertThat(size.gpuModel()).hasValue("NVIDIA-A100-SXM4-40GB");
    }

    @Test
    void whatTheTemplateOrThePlatformDoesNotOfferIsRefused() {
        assertRefused(new LabRequest("jupyterlab", 9000, null, 0, null, null), "error.lab.cpu-out-of-range");
        assertRefused(new LabRequest("jupyterlab", null, 64, 0, null, null), "error.lab.memory-out-of-range");
        assertRefused(new LabRequest("jupyterlab", null, null, 3, null, null), "error.lab.gpus-out-of-range");
        assertRefused(new LabRequest("jupyterlab", null, null, 1, "intel.com/gpu", null), "error.lab.gpu-key-unknown");
        assertRefused(new LabRequest("jupyterlab", null, null, 1, "amd.com/gpu", null), "error.lab.no-gpu-image");
        assertRefused(new LabRequest("jupyterlab", null, null, 1, null, "A100; rm -rf"), "error.lab.gpu-model-invalid");
    }

    private void assertRefused(LabRequest request, String key) {
        assertThatThrownBy(() -> LabSizing.size(request, JUPYTER, settings))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
