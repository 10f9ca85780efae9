package io.campuslab.web.layout;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.AccessDeniedException;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** A page the caller may not open: another school's, or one for another role. Answers 403. */
@ParentLayout(MainLayout.class)
@PermitAll
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        Paragraph message = new Paragraph(getTranslation("error.not-permitted"));
        message.setId("access-denied");
        add(new H2(getTranslation("error.access-denied.title")), message);
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
