package io.campuslab.web.catalog;

import io.campuslab.domain.catalog.MountSpec;
import io.campuslab.domain.catalog.PortProtocol;
import io.campuslab.domain.catalog.PortSpec;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How the template form writes ports, mounts and line lists as text, and reads them back. Anything
 * it cannot read becomes a value the domain's rules refuse with a precise message, never a silent
 * drop.
 */
final class TemplateText {

    private TemplateText() {
    }

    /** {@code http:8888, vnc:6901/VNC} */
    static String ports(List<PortSpec> ports) {
        return ports.stream()
                .map(p -> p.name() + ":" + p.port() + (p.protocol() == PortProtocol.VNC ? "/VNC" : ""))
                .collect(Collectors.joining(", "));
    }

    static List<PortSpec> ports(String text) {
        return items(text, "[,\\s]+").stream().map(TemplateText::port).toList();
    }

    private static PortSpec port(String item) {
        String[] nameAndRest = item.split(":", 2);
        String name = nameAndRest[0];
        String rest = nameAndRest.length > 1 ? nameAndRest[1] : "";
        PortProtocol protocol = rest.toUpperCase().endsWith("/VNC") ? PortProtocol.VNC : PortProtocol.HTTP;
        String number = rest.replaceFirst("(?i)/(VNC|HTTP)$", "");
        return new PortSpec(name, number.matches("\\d{1,5}") ? Integer.parseInt(number) : 0, protocol);
    }

    /** One mount per line: {@code name host-path container-path [rw]}; read-only unless it says rw. */
    static String mounts(List<MountSpec> mounts) {
        return mounts.stream()
                .map(m -> m.name() + " " + m.hostPath() + " " + m.mountPath() + (m.readOnly() ? "" : " rw"))
                .collect(Collectors.joining("\n"));
    }

    static List<MountSpec> mounts(String text) {
        return lines(text).stream().map(line -> {
            String[] parts = line.split("\\s+");
            String hostPath = parts.length > 1 ? parts[1] : "";
            String mountPath = parts.length > 2 ? parts[2] : "";
            boolean readWrite = parts.length > 3 && parts[3].equalsIgnoreCase("rw");
            String name = parts.length > 4 ? "" : parts[0];
            return new MountSpec(name, hostPath, mountPath, !readWrite);
        }).toList();
    }

    /** Non-blank lines, stripped. */
    static List<String> lines(String text) {
        return items(text, "\n");
    }

    private static List<String> items(String text, String separator) {
        return text == null ? List.of() : Arrays.stream(text.split(separator)).map(String::strip)
                .filter(item -> !item.isEmpty()).toList();
    }
}
