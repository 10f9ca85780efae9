package io.campuslab.core.classroom;

import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.domain.classroom.ClassSession;
import io.campuslab.domain.classroom.ClassSessionRepository;
import io.campuslab.domain.classroom.Classroom;
import io.campuslab.domain.classroom.ClassroomRepository;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.tenant.Tenant;
import jakarta.persistence.EntityManager;

/**
 * Which classrooms and sessions a caller may see and run: a teacher their own, a school admin all
 * of the school's. Anything else does not exist for the caller (404), another school's included.
 */
final class ClassroomAccess {

    private ClassroomAccess() {
    }

    static Classroom classroom(EntityManager em, Member caller, long id) throws NotPermittedException, NotFoundException {
        return new ClassroomRepository(em).find(id, school(caller))
                .filter(c -> caller.hasRole(Role.TENANT_ADMIN) || c.isTaughtBy(caller))
                .orElseThrow(() -> new NotFoundException("classroom", Long.toString(id)));
    }

    /** A classroom the caller may change: one of {@link #classroom}'s that is not archived. */
    static Classroom changeable(EntityManager em, Member caller, long id)
            throws NotPermittedException, NotFoundException, InvalidInputException {
        Classroom classroom = classroom(em, caller, id);
        if (classroom.isArchived()) {
            throw new InvalidInputException("error.classroom.archived", classroom.name());
        }
        return classroom;
    }

    static ClassSession session(EntityManager em, Member caller, long id) throws NotPermittedException, NotFoundException {
        return new ClassSessionRepository(em).find(id, school(caller))
                .filter(s -> caller.hasRole(Role.TENANT_ADMIN) || s.classroom().isTaughtBy(caller))
                .orElseThrow(() -> new NotFoundException("session", Long.toString(id)));
    }

    static Tenant school(Member caller) throws NotPermittedException {
        return caller.tenant().orElseThrow(NotPermittedException::new);
    }
}
