package io.campuslab.core.course;

import java.io.Serializable;
import java.util.List;

/** What a school admin says about a course: everything but its material. */
public record CourseDraft(String name, String title, String level, String description, String defaultTemplate,
                          List<String> teachers) implements Serializable {

    public CourseDraft {
        teachers = teachers == null ? List.of() : List.copyOf(teachers);
    }
}
