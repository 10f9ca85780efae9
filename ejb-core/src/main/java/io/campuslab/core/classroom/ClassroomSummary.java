package io.campuslab.core.classroom;

import io.campuslab.domain.classroom.Classroom;
import java.io.Serializable;
import java.util.List;

/** A classroom as teachers and school admins see it: its teacher and its roster by user name. */
public record ClassroomSummary(long id, String name, String teacher, List<String> students) implements Serializable {

    public ClassroomSummary {
        students = List.copyOf(students);
    }

    static ClassroomSummary of(Classroom classroom) {
        return new ClassroomSummary(classroom.id(), classroom.name(), classroom.teacher().username(),
                classroom.students().stream().map(m -> m.username()).toList());
    }
}
