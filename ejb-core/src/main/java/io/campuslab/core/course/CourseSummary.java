package io.campuslab.core.course;

import io.campuslab.domain.course.Course;
import io.campuslab.domain.identity.Member;
import java.io.Serializable;
import java.util.List;

/** A course as the portal shows it. */
public record CourseSummary(String name, String title, String level, String description, String defaultTemplate,
                            List<String> teachers, int materialFiles, long materialBytes) implements Serializable {

    static CourseSummary of(Course course) {
        return new CourseSummary(course.name(), course.title(), course.level().orElse(""), course.description().orElse(""),
                course.defaultTemplate().orElse(null),
                course.teachers().stream().map(Member::username).sorted().toList(),
                course.materialFiles(), course.materialBytes());
    }
}
