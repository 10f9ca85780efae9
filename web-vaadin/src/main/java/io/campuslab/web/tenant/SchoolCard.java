package io.campuslab.web.tenant;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.campuslab.core.tenant.SchoolSummary;
import io.campuslab.domain.identity.Role;

/** One school's name, status and members per role. */
public class SchoolCard extends VerticalLayout {

    public SchoolCard(SchoolSummary school) {
        setPadding(false);
        H3 name = new H3(school.displayName());
        name.setId("school-title");
        Paragraph members = new Paragraph(getTranslation("school.members",
                school.members(Role.STUDENT), school.members(Role.TEACHER), school.members(Role.TENANT_ADMIN)));
        members.setId("school-members");
        Paragraph status = new Paragraph(getTranslation("school.status." + school.status().toLowerCase(java.util.Locale.ROOT))
                + " · " + getTranslation("school.namespace", school.namespace()));
        status.setId("school-status");
        add(name, members, status);
    }
}
