package io.campuslab.web.course;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import io.campuslab.core.catalog.CatalogItem;
import io.campuslab.core.course.CourseDraft;
import io.campuslab.core.course.CourseSummary;
import io.campuslab.core.identity.MemberRow;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The dialog for a new course; it fires {@link SaveEvent} with a draft and knows no service. */
public class CourseForm extends Dialog {

    private final TextField name = new TextField();
    private final TextField title = new TextField();
    private final TextField level = new TextField();
    private final TextArea description = new TextArea();
    private final Select<String> template = new Select<>();
    private final MultiSelectComboBox<String> teachers = new MultiSelectComboBox<>();
    private final Paragraph error = new Paragraph();

    public CourseForm(List<CatalogItem> templates, List<MemberRow> schoolTeachers) {
        this(templates, schoolTeachers, null);
    }

    /** @param existing the course to change (its name stays), or null for a new one */
    public CourseForm(List<CatalogItem> templates, List<MemberRow> schoolTeachers, CourseSummary existing) {
        setHeaderTitle(getTranslation(existing == null ? "courses.add" : "courses.edit"));
        name.setId("course-form-name");
        name.setLabel(getTranslation("courses.name"));
        name.setHelperText(getTranslation("courses.name-help"));
        title.setId("course-form-title");
        title.setLabel(getTranslation("courses.course-title"));
        level.setId("course-form-level");
        level.setLabel(getTranslation("courses.level"));
        description.setId("course-form-description");
        description.setLabel(getTranslation("courses.description"));
        Map<String, String> templateNames = templates.stream().collect(Collectors.toMap(CatalogItem::name, CatalogItem::displayName));
        template.setId("course-form-template");
        template.setLabel(getTranslation("courses.template"));
        template.setEmptySelectionAllowed(true);
        template.setEmptySelectionCaption(getTranslation("courses.template-free"));
        template.setItems(templateNames.keySet().stream().sorted().toList());
        template.setItemLabelGenerator(key -> key == null ? getTranslation("courses.template-free") : templateNames.get(key));
        Map<String, String> teacherNames = schoolTeachers.stream().collect(Collectors.toMap(MemberRow::username, MemberRow::displayName));
        teachers.setId("course-form-teachers");
        teachers.setLabel(getTranslation("courses.teachers"));
        teachers.setItems(teacherNames.keySet().stream().sorted().toList());
        teachers.setItemLabelGenerator(username -> teacherNames.getOrDefault(username, username));
        if (existing != null) {
            name.setValue(existing.name());
            name.setReadOnly(true);
            title.setValue(existing.title());
            level.setValue(existing.level() == null ? "" : existing.level());
            description.setValue(existing.description() == null ? "" : existing.description());
            if (existing.defaultTemplate() != null && templateNames.containsKey(existing.defaultTemplate())) {
                template.setValue(existing.defaultTemplate());
            }
            teachers.select(existing.teachers().stream().filter(teacherNames::containsKey).toList());
        }
        error.setId("course-form-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button save = new Button(getTranslation("action.save"), click -> fireEvent(new SaveEvent(this, new CourseDraft(
                name.getValue().strip(), title.getValue(), level.getValue(), description.getValue(), template.getValue(),
                teachers.getSelectedItems().stream().sorted().toList()))));
        save.setId("course-form-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout fields = new VerticalLayout(name, title, level, description, template, teachers, error);
        fields.setPadding(false);
        add(fields);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }

    public void showError(String text) {
        error.setText(text);
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** The person asked to create the course they described. */
    public static class SaveEvent extends ComponentEvent<CourseForm> {

        private final CourseDraft draft;

        SaveEvent(CourseForm source, CourseDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public CourseDraft draft() {
            return draft;
        }
    }

}
