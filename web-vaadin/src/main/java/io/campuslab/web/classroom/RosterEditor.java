package io.campuslab.web.classroom;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.function.SerializableConsumer;
import io.campuslab.core.storage.CsvFiles;
import io.campuslab.core.classroom.ClassroomService.Candidate;
import io.campuslab.core.classroom.ClassroomService.GroupAdded;
import io.campuslab.core.identity.DirectoryGroup;
import io.campuslab.web.layout.ErrorMessages;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A roster being edited: students picked by searching, a whole class of the school added at once,
 * or user names read from a CSV file (the first column of each line; a header is passed over).
 * Saving hands the user names to the listener, which may refuse unknown ones. A group of the
 * school's directory is added to the saved roster at once (its students may not be members yet)
 * and joins the picks being edited.
 */
class RosterEditor extends VerticalLayout {

    /** The longest CSV file read. */
    private static final int MOST_BYTES = 1 << 20;

    private final MultiSelectComboBox<Candidate> students = new MultiSelectComboBox<>();
    private final Map<String, Candidate> byUsername;
    private final List<Candidate> offered;
    private final Span unknown = new Span();

    /** Adds a directory group's students to the saved roster; null when refused (the refusal is shown). */
    interface GroupAdder extends java.io.Serializable {
        GroupAdded add(DirectoryGroup group);
    }

    RosterEditor(List<Candidate> candidates, List<String> roster, SerializableConsumer<List<String>> save,
                 List<DirectoryGroup> groups, GroupAdder addGroup) {
        setPadding(false);
        offered = new ArrayList<>(candidates);
        byUsername = candidates.stream().collect(Collectors.toMap(Candidate::username, Function.identity(), (a, b) -> a,
                java.util.HashMap::new));
        students.setId("roster-students");
        students.setLabel(getTranslation("classroom.roster"));
        students.setItems(candidates);
        students.setItemLabelGenerator(c -> c.name() + " (" + c.username() + ")");
        students.setWidthFull();
        students.setValue(roster.stream().map(byUsername::get).filter(java.util.Objects::nonNull).collect(Collectors.toSet()));

        Select<String> classes = new Select<>();
        classes.setId("roster-class");
        classes.setLabel(getTranslation("classroom.add-class"));
        classes.setItems(candidates.stream().map(Candidate::className).filter(c -> !c.isBlank()).distinct().sorted().toList());
        classes.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                add(candidates.stream().filter(c -> c.className().equals(change.getValue())).map(Candidate::username).toList());
                classes.clear();
            }
        });

        Select<DirectoryGroup> directoryGroups = new Select<>();
        directoryGroups.setId("roster-group");
        directoryGroups.setLabel(getTranslation("classroom.add-group"));
        directoryGroups.setHelperText(getTranslation("classroom.add-group.help"));
        directoryGroups.setItems(groups);
        directoryGroups.setItemLabelGenerator(DirectoryGroup::path);
        directoryGroups.setVisible(!groups.isEmpty());
        directoryGroups.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                GroupAdded added = addGroup.add(change.getValue());
                directoryGroups.clear();
                if (added != null) {
                    joined(change.getValue(), added);
                }
            }
        });

        MemoryBuffer buffer = new MemoryBuffer();
        Upload csv = new Upload(buffer);
        csv.setId("roster-csv");
        csv.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        csv.setMaxFileSize(MOST_BYTES);
        csv.setDropLabel(new Span(getTranslation("classroom.csv")));
        csv.addSucceededListener(done -> {
            try (InputStream in = buffer.getInputStream()) {
                add(usernames(new String(in.readNBytes(MOST_BYTES), StandardCharsets.UTF_8)));
            } catch (IOException | IllegalArgumentException e) {
                unknown.setText(getTranslation("classroom.csv-unreadable"));
            }
        });

        Button saveRoster = new Button(getTranslation("classroom.save-roster"), VaadinIcon.CHECK.create(),
                click -> save.accept(students.getValue().stream().map(Candidate::username).sorted().toList()));
        saveRoster.setId("roster-save");
        unknown.setId("roster-unknown");
        unknown.getStyle().set("color", "var(--lumo-error-text-color)");
        HorizontalLayout tools = new HorizontalLayout(classes, directoryGroups, csv, saveRoster);
        tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        add(students, tools, unknown);
    }

    /** A group's students joined the saved roster: they are offered and picked, the people passed over are named. */
    private void joined(DirectoryGroup group, GroupAdded added) {
        Set<Candidate> chosen = new LinkedHashSet<>(students.getValue());
        for (Candidate candidate : added.joined()) {
            if (byUsername.putIfAbsent(candidate.username(), candidate) == null) {
                offered.add(candidate);
            }
            chosen.add(byUsername.get(candidate.username()));
        }
        students.setItems(offered);
        students.setValue(chosen);
        unknown.setText(added.passedOver().isEmpty() ? "" : getTranslation("classroom.group-passed-over",
                String.join(", ", added.passedOver().subList(0, Math.min(10, added.passedOver().size())))));
        ErrorMessages.notify(getTranslation("classroom.group-added", added.joined().size(), group.path()),
                "roster-group-added", NotificationVariant.LUMO_SUCCESS);
    }

    /** Adds students by user name; names not among the school's students are listed, not added. */
    private void add(List<String> usernames) {
        Set<Candidate> chosen = new LinkedHashSet<>(students.getValue());
        List<String> notFound = new ArrayList<>();
        for (String username : usernames) {
            Candidate candidate = byUsername.get(username);
            if (candidate == null) {
                notFound.add(username);
            } else {
                chosen.add(candidate);
            }
        }
        students.setValue(chosen);
        unknown.setText(notFound.isEmpty() ? "" : getTranslation("classroom.csv-unknown",
                String.join(", ", notFound.subList(0, Math.min(10, notFound.size())))));
    }

    /** The first column of each record; a first line naming the column is passed over. */
    static List<String> usernames(String csv) {
        List<String> names = new ArrayList<>();
        for (List<String> record : CsvFiles.read(csv)) {
            // spreadsheet programs in many locales separate by semicolons or tabs
            String first = record.isEmpty() ? "" : record.get(0).split("[;\t]", -1)[0].strip();
            if (!first.isEmpty() && !(names.isEmpty() && first.equalsIgnoreCase("username"))) {
                names.add(first);
            }
        }
        return names;
    }
}
