package io.campuslab.web.classroom;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.campuslab.core.classroom.ClassroomService;
import io.campuslab.core.classroom.ClassroomSummary;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.domain.identity.Roles;
import io.campuslab.web.layout.ErrorMessages;
import io.campuslab.web.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/** Classrooms: a teacher's own (all of the school for its admins), and a new one by its name. */
@Route(value = "classrooms", layout = MainLayout.class)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
public class ClassroomsView extends VerticalLayout implements HasDynamicTitle {

    private final ClassroomService classrooms;
    private final Grid<ClassroomSummary> grid = new Grid<>();

    @Inject
    public ClassroomsView(ClassroomService classrooms) {
        this.classrooms = classrooms;
        add(new H3(getTranslation("classroom.title")), new Paragraph(getTranslation("classroom.help")), newClassroom(), grid);
        grid.setId("classrooms");
        grid.addColumn(ClassroomSummary::name).setHeader(getTranslation("classroom.name")).setAutoWidth(true);
        grid.addColumn(ClassroomSummary::teacher).setHeader(getTranslation("classroom.teacher"));
        grid.addColumn(c -> c.students().size()).setHeader(getTranslation("classroom.students"));
        grid.addColumn(c -> c.archived() ? getTranslation("classroom.archived") : "").setHeader(getTranslation("classroom.state"));
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(ClassroomView.class, click.getItem().id())));
        refresh();
    }

    private HorizontalLayout newClassroom() {
        TextField name = new TextField(getTranslation("classroom.name"));
        name.setId("classroom-name");
        name.setMaxLength(100);
        Button create = new Button(getTranslation("classroom.create"), VaadinIcon.PLUS.create(), click -> {
            try {
                ClassroomSummary created = classrooms.create(name.getValue());
                getUI().ifPresent(ui -> ui.navigate(ClassroomView.class, created.id()));
            } catch (CampusLabException e) {
                ErrorMessages.show(e);
            }
        });
        create.setId("classroom-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(name, create);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private void refresh() {
        try {
            grid.setItems(classrooms.list());
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("classroom.title");
    }
}
