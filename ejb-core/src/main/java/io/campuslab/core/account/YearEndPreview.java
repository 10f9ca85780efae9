package io.campuslab.core.account;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What the end of a year does, or did: each class of the school's students with its count and what
 * becomes of it, the classrooms archived (with their new names), the sessions ended or cancelled,
 * and the graduates, who leave the school and are deleted after {@code graduatesDeletedAfter}.
 */
public record YearEndPreview(List<ClassRow> classes, List<String> classroomsArchived, int sessionsEnded,
                             int studentsMoved, int graduates, Instant graduatesDeletedAfter) implements Serializable {

    public YearEndPreview {
        classes = List.copyOf(classes);
        classroomsArchived = List.copyOf(classroomsArchived);
    }

    /**
     * A class of the school's students: {@code nextClass} empty and {@code graduates} false when it
     * stays; the class of students imported without one is the empty name.
     */
    public record ClassRow(String className, int students, String nextClass, boolean graduates) implements Serializable {
    }
}
