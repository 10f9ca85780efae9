package io.campuslab.core.account;

import java.io.Serializable;
import java.util.List;

/**
 * Next year's class list applied to the school's students: each row with the student's class now and
 * the class the list gives, and what is wrong with it. All rows or none: a list with a problem
 * changes nothing.
 *
 * @param moved how many students get another class
 */
public record ClassListMove(List<Row> rows, int moved) implements Serializable {

    public ClassListMove {
        rows = List.copyOf(rows);
    }

    /** Whether every row can be applied. */
    public boolean applicable() {
        return rows.stream().allMatch(row -> row.problems().isEmpty());
    }

    /** One row of the list: its line, the student, their class now and the list's; problems as message keys. */
    public record Row(int line, String username, String currentClass, String nextClass, List<String> problems)
            implements Serializable {

        public Row {
            problems = List.copyOf(problems);
        }
    }
}
