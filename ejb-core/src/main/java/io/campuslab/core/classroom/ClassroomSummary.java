package io.campuslab.core.classroom;

import io.campuslab.domain.classroom.Classroom;
import java.io.Serializable;
import java.util.List;

/**
 * A classroom as teachers and school admins see it: its teacher (empty once an archived classroom's
 * teacher was deleted), its roster by user name, and whether it was archived at the end of a year.
 */
public record ClassroomSummary(long id, String name, String teacher, List<String> students, boolean archived)
        implements Serializable {

    public ClassroomSummary {
        students = List.copyOf(students);
    }

    static ClassroomSummary of(Classroom classroom) {
        return new ClassroomSummary(classroom.id(), classroom.name(), classroom.teacher().map(m -> m.username()).orElse(""),
                classroom.students().stream().map(m -> m.username()).toList(), classroom.isArchived());
    }
}
