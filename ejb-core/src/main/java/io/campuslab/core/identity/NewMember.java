package io.campuslab.core.identity;

import io.campuslab.domain.identity.Role;
import java.io.Serializable;

/** One person an admin adds to a school by hand: the same fields as a class list's row, and a role. */
public record NewMember(String username, String name, String email, String className, Role role) implements Serializable {

    /** The fields as a class list row, checked by the same rules. */
    ClassList.Row row() {
        return ClassList.single(username, name, email, className);
    }
}
