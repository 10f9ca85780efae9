package io.campuslab.core.account;

import java.io.Serializable;
import java.util.List;

/**
 * What a school admin wants done at the end of a school year: for each class of the school's
 * students (as imported with the class list) its class next year, or that it graduates; whether the
 * classrooms are archived, under the year's label ({@code 2025/26}).
 *
 * @param classes every class to change; a class not named stays as it is
 */
public record YearEndPlan(String label, boolean archiveClassrooms, List<Step> classes) implements Serializable {

    public YearEndPlan {
        // a null step is kept, to be refused by the check with a clear word rather than by the JSON reader
        classes = classes == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(classes));
    }

    /** One class: moved to {@code nextClass}, or graduating (then no next class). */
    public record Step(String className, String nextClass, boolean graduates) implements Serializable {
    }
}
