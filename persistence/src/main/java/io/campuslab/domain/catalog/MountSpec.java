package io.campuslab.domain.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.regex.Pattern;

/**
 * A host folder a template's labs see, such as a shared software folder. The host path must lie
 * inside one of the platform's storage roots and may name the lab's school, user and template as
 * {@code {tenant}}, {@code {user}} and {@code {template}}.
 */
@Embeddable
public class MountSpec {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,30}[a-z0-9])?");
    private static final Pattern CONTAINER_PATH = Pattern.compile("(/[\\w.-]+)+");

    @Column(name = "name", nullable = false, length = 32)
    private String name;

    @Column(name = "host_path", nullable = false, length = 255)
    private String hostPath;

    @Column(name = "mount_path", nullable = false, length = 255)
    private String mountPath;

    @Column(name = "read_only", nullable = false)
    private boolean readOnly;

    protected MountSpec() {
        // for Jakarta Persistence
    }

    public MountSpec(String name, String hostPath, String mountPath, boolean readOnly) {
        this.name = name;
        this.hostPath = hostPath;
        this.mountPath = mountPath;
        this.readOnly = readOnly;
    }

    /** The host path with its placeholders filled in. */
    public String hostPathFor(String tenant, String user, String template) {
        return hostPath.replace("{tenant}", tenant).replace("{user}", user).replace("{template}", template);
    }

    static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    static boolean isValidContainerPath(String path) {
        return path != null && path.length() <= 255 && CONTAINER_PATH.matcher(path).matches()
                && !path.matches(".*/\\.{1,2}(/.*)?");
    }

    public String name() {
        return name;
    }

    public String hostPath() {
        return hostPath;
    }

    public String mountPath() {
        return mountPath;
    }

    public boolean readOnly() {
        return readOnly;
    }
}
