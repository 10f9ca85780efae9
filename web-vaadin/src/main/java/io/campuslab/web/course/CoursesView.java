package io.campuslab.web.course;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.campuslab.core.catalog.CatalogService;
import io.campuslab.core.course.CourseMaterial;
import io.campuslab.core.course.CourseService;
import io.campuslab.core.course.CourseSummary;
import io.campuslab.core.identity.CallerProfile;
import io.campuslab.core.identity.SchoolMembers;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.storage.Sizes;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.Roles;
import io.campuslab.web.layout.EditDeleteBar;
import io.campuslab.web.layout.ErrorMessages;
import io.campuslab.web.layout.MainLayout;
import io.campuslab.web.security.SignedInMember;
import io.campuslab.web.storage.FolderPanel;
import io.campuslab.web.storage.SelectionKeepingGrid;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/** The school's courses; the admin creates them, the admin and a course's teachers upload its material. */
@Route(value = "courses", layout = MainLayout.class)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
public class CoursesView extends VerticalLayout implements HasDynamicTitle {

    private final CourseService courses;
    private final CourseMaterial material;
    private final CallerProfile caller;
    private final Grid<CourseSummary> grid = new Grid<>();
    private final VerticalLayout detail = new VerticalLayout();
    private final CatalogService catalog;
    private final SchoolMembers members;

    @Inject
    public CoursesView(CourseService courses, CourseMaterial material, CatalogService catalog, SchoolMembers members,
                       SignedInMember member) {
        this.courses = courses;
        this.material = material;
        this.caller = member.current();
        this.catalog = catalog;
        this.members = members;
        HorizontalLayout header = new HorizontalLayout(new H3(getTranslation("courses.title")));
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        if (caller.hasRole(Role.TENANT_ADMIN)) {
            Button add = new Button(getTranslation("courses.add"), VaadinIcon.PLUS.create(), click -> openNewCourse(catalog, members));
            add.setId("add-course");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.add(add);
        }
        grid.setId("courses-grid");
        grid.addColumn(CourseSummary::title).setHeader(getTranslation("courses.course-title")).setAutoWidth(true);
        grid.addColumn(CourseSummary::level).setHeader(getTranslation("courses.level"));
        grid.addColumn(c -> String.join(", ", c.teachers())).setHeader(getTranslation("courses.teachers"));
        grid.addColumn(CourseSummary::materialFiles).setHeader(getTranslation("courses.files"));
        grid.addColumn(c -> Sizes.human(c.materialBytes())).setHeader(getTranslation("files.size"));
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(change -> showDetail(change.getValue()));
        detail.setPadding(false);
        add(header, grid, detail);
        refresh();
    }

    private void openNewCourse(CatalogService catalog, SchoolMembers members) {
        try {
            CourseForm form = new CourseForm(catalog.offered(), members.teachers());
            form.addSaveListener(save -> {
                try {
                    CourseSummary created = courses.create(save.draft());
                    form.close();
                    refresh();
                    grid.select(created);
                } catch (CampusLabException e) {
                    form.showError(ErrorMessages.text(e, getLocale()));
                }
            });
            form.open();
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    private void showDetail(CourseSummary course) {
        detail.removeAll();
        if (course == null) {
            return;
        }
        boolean mayChange = caller.hasRole(Role.TENANT_ADMIN) || course.teachers().contains(caller.username());
        FolderPanel.Replace replace = mayChange ? archive -> {
            CourseSummary updated = material.replaceMaterial(course.name(), archive);
            return getTranslation("courses.uploaded", updated.materialFiles(), Sizes.human(updated.materialBytes()));
        } : null;
        if (caller.hasRole(Role.TENANT_ADMIN)) {
            detail.add(new EditDeleteBar("course", course.name(), course.title(), () -> openEdit(course),
                    "courses.delete-text", () -> material.deleteCourse(course.name()), () -> {
                        grid.deselectAll();
                        refresh();
                    }));
        }
        detail.add(new FolderPanel("course", course.title(), () -> courses.material(course.name()), replace, this::refresh));
    }

    private void openEdit(CourseSummary course) {
        try {
            CourseForm form = new CourseForm(catalog.offered(), members.teachers(), course);
            form.addSaveListener(save -> {
                try {
                    courses.update(course.name(), save.draft());
                    form.close();
                    refresh();
                    showDetail(grid.asSingleSelect().getValue());
                } catch (CampusLabException e) {
                    form.showError(ErrorMessages.text(e, getLocale()));
                }
            });
            form.open();
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    /** Reloads the list, keeping the selected course selected (with its new figures). */
    private void refresh() {
        try {
            SelectionKeepingGrid.setItems(grid, courses.list(), CourseSummary::name);
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("courses.title");
    }
}
