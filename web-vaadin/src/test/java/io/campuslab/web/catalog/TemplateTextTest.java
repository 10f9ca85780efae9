package io.campuslab.web.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.domain.catalog.MountSpec;
import io.campuslab.domain.catalog.PortProtocol;
import io.campuslab.domain.catalog.PortSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateTextTest {

    @Test
    void portsGoBothWays() {
        List<PortSpec> ports = TemplateText.ports("http:8888, novnc:6901/VNC  board:6006");
        assertThat(ports).extracting(PortSpec::name).containsExactly("http", "novnc", "board");
        assertThat(ports).extracting(PortSpec::port).containsExactly(8888, 6901, 6006);
        assertThat(ports).extracting(PortSpec::protocol).containsExactly(PortProtocol.HTTP, PortProtocol.VNC, PortProtocol.HTTP);
        assertThat(TemplateText.ports(ports)).isEqualTo("http:8888, novnc:6901/VNC, board:6006");
    }

    @Test
    void aPortWithoutANumberBecomesPortZeroWhichTheRulesRefuse() {
        assertThat(TemplateText.ports("http")).extracting(PortSpec::port).containsExactly(0);
        assertThat(TemplateText.ports("http:eighty")).extracting(PortSpec::port).containsExactly(0);
    }

    @Test
    void mountsAreReadOnlyUnlessTheySayRw() {
        List<MountSpec> mounts = TemplateText.mounts("tools /srv/courses/{tenant}/tools /opt/tools\n\n"
                + "scratch /srv/workspaces/{tenant}/{user}/scratch /scratch rw");
        assertThat(mounts).extracting(MountSpec::readOnly).containsExactly(true, false);
        assertThat(mounts).extracting(MountSpec::mountPath).containsExactly("/opt/tools", "/scratch");
        assertThat(TemplateText.mounts(TemplateText.mounts(mounts))).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(mounts);
    }

    @Test
    void aMountLineWithTooManyPartsLosesItsNameSoTheRulesRefuseIt() {
        assertThat(TemplateText.mounts("a /srv/x /x rw extra")).extracting(MountSpec::name).containsExactly("");
    }
}
