package io.campuslab.core.tenant;

import io.campuslab.domain.tenant.Term;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;

/** A school's term, both days inclusive; both null when the school set none. */
public record SchoolTerm(LocalDate starts, LocalDate ends) implements Serializable {

    static SchoolTerm of(Optional<Term> term) {
        return term.map(t -> new SchoolTerm(t.starts(), t.ends())).orElse(new SchoolTerm(null, null));
    }
}
