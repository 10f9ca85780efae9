package io.campuslab.core.lab;

import io.campuslab.core.cluster.LabBlueprint;
import io.campuslab.core.cluster.SchoolClaim;
import io.campuslab.domain.catalog.LabTemplate;
import io.campuslab.domain.catalog.RunAs;
import io.campuslab.domain.classroom.ClassSession;
import io.campuslab.domain.course.Course;
import io.campuslab.domain.dataset.Dataset;
import io.campuslab.domain.lab.Lab;
import io.campuslab.domain.lab.LabSize;
import io.campuslab.domain.platform.PlatformSettings;
import io.campuslab.domain.platform.WorkspaceMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A lab's pod as the cluster is asked to make it, from the lab, its template, its session and the platform's settings. */
final class LabBlueprints {

    private LabBlueprints() {
    }

    /**
     * What the lab's pod is made of. A session's lab mounts the session's course and datasets only,
     * when the session names them; other labs mount all the school's courses and datasets.
     */
    static LabBlueprint of(Lab lab, Map<String, String> selector, PlatformSettings platform,
                                          ClassSession sessionOrNull, ExtraFolders.DatasetFolders datasetFolders) {
        String tenant = lab.tenant().slug().value();
        String user = lab.owner().username();
        LabTemplate template = lab.template().orElse(null);
        String workspace = template == null ? "/home/workspace" : template.workspacePath();
        List<LabBlueprint.Volume> volumes = new ArrayList<>();
        LabBlueprint.Claim claim = null;
        if (platform.workspaceMode() == WorkspaceMode.CLAIM) {
            claim = LabBlueprint.Claim.of(user, platform.workspaceClass().orElse(null), platform.workspaceSizeGib());
            volumes.add(LabBlueprint.Volume.claim("workspace", claim.name(), workspace));
        } else {
            volumes.add(LabBlueprint.Volume.host("workspace",
                    platform.workspaceRoot().resolve(tenant).resolve(lab.templateName()).resolve(user).toString(), workspace, false));
        }
        SchoolFiles files = new SchoolFiles(platform);
        Optional<Course> course = sessionOrNull == null ? Optional.empty() : sessionOrNull.course();
        if (course.isPresent()) {
            volumes.add(files.course("courses", tenant, course.get().name(), workspace + "/courses/" + course.get().name()));
        } else {
            volumes.add(files.course("courses", tenant, "", workspace + "/courses"));
        }
        List<Dataset> datasets = sessionOrNull == null ? List.of() : sessionOrNull.datasets();
        if (datasets.isEmpty()) {
            volumes.add(files.datasets("datasets", tenant, "", workspace + "/datasets"));
            volumes.add(files.datasets("datasets-global", SchoolClaim.GLOBAL_OWNER, "", workspace + "/datasets-global"));
        }
        for (int i = 0; i < datasets.size(); i++) {
            Dataset dataset = datasets.get(i);
            String[] folder = SchoolFiles.split(dataset.folder());
            volumes.add(files.datasets("dataset-" + (i + 1), folder[0], folder[1],
                    workspace + (dataset.isGlobal() ? "/datasets-global/" : "/datasets/") + dataset.name()));
        }
        if (template != null) {
            volumes.addAll(ExtraFolders.of(template, lab.tenant(), user, files, datasetFolders));
        }
        LabSize size = lab.size();
        String image = template == null ? "" : size.gpus() > 0
                ? template.gpuImages().getOrDefault(size.gpuKey().orElse(""), template.cpuImage())
                : template.cpuImage();
        return new LabBlueprint(lab.objectName(), lab.tenant().namespace(), lab.id(), tenant, user, lab.templateName(), image,
                template == null ? List.of() : template.command(), template == null ? List.of() : template.args(),
                template == null ? List.of() : template.ports().stream()
                        .map(p -> new LabBlueprint.Port(p.name(), p.port())).toList(),
                size.cpuLimitMillis(), size.memoryLimitMib(), size.cpuRequestMillis(),
                size.memoryRequestMib(), size.gpus(), size.gpuKey().orElse(null), selector, volumes,
                template == null ? 0 : template.shmMib(), LabGatewayPath.of(lab.gatewayKey(), platform), claim,
                template == null ? RunAs.DEFAULT : template.runAs());
    }
}
