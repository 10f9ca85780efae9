package io.campuslab.core.identity;

import io.campuslab.core.storage.CsvFiles;
import io.campuslab.core.storage.TextDecoding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A class list as school admins have it: a CSV with the columns {@code username}, {@code name},
 * {@code email} and {@code class} in any order (a header line names them), as Excel writes it in
 * UTF-8 or, on Chinese Windows, GB18030. Every row is checked; a row's problems are message keys.
 */
public final class ClassList {

    /** Keycloak's user names: letters, digits and {@code . _ - @}, 3 to 255 characters. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,254}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    public static final int MAX_ROWS = 2000;
    /** The largest class list file taken: far above 2,000 rows of real names, far below what harms the server. */
    public static final int MAX_BYTES = 1 << 20;

    /** One person of the list: line number in the file, fields, and what is wrong (empty when fine). */
    public record Row(int line, String username, String name, String email, String className, List<String> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }

        /** First name and last name for the directory: the last word is the last name, if there are several. */
        public NewPerson person() {
            String trimmed = name.strip();
            int space = trimmed.lastIndexOf(' ');
            return space < 0 ? new NewPerson(username, trimmed, "", email)
                    : new NewPerson(username, trimmed.substring(0, space), trimmed.substring(space + 1), email);
        }
    }

    private ClassList() {
    }

    /** Reads and checks the list; a list without the needed columns is one row with the problem. */
    public static List<Row> parse(byte[] file) {
        List<List<String>> records;
        try {
            records = CsvFiles.read(TextDecoding.decode(file));
        } catch (IllegalArgumentException unreadable) {
            return List.of(problem(1, "error.import.unreadable"));
        }
        if (records.isEmpty()) {
            return List.of(problem(1, "error.import.empty"));
        }
        List<String> header = records.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int username = header.indexOf("username");
        int name = header.indexOf("name");
        int email = header.indexOf("email");
        int className = header.indexOf("class");
        if (username < 0 || name < 0) {
            return List.of(problem(1, "error.import.header"));
        }
        if (records.size() - 1 > MAX_ROWS) {
            return List.of(problem(1, "error.import.too-many-rows"));
        }
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            rows.add(check(i + 1, field(record, username).toLowerCase(Locale.ROOT), field(record, name),
                    field(record, email), field(record, className), seen));
        }
        return rows.isEmpty() ? List.of(problem(1, "error.import.empty")) : rows;
    }

    /** One person entered by hand, checked by the same rules as a row of a list. */
    public static Row single(String username, String name, String email, String className) {
        return check(1, username == null ? "" : username.strip().toLowerCase(Locale.ROOT), name == null ? "" : name,
                email == null ? "" : email.strip(), className == null ? "" : className.strip(), new HashSet<>());
    }

    private static Row check(int line, String username, String name, String email, String className, Set<String> seen) {
        List<String> problems = new ArrayList<>();
        if (!USERNAME.matcher(username).matches()) {
            problems.add("error.import.username-invalid");
        } else if (!seen.add(username)) {
            problems.add("error.import.username-twice");
        }
        if (name.isBlank() || name.length() > 200) {
            problems.add("error.import.name-invalid");
        }
        if (!email.isBlank() && (!EMAIL.matcher(email).matches() || email.length() > 255)) {
            problems.add("error.import.email-invalid");
        }
        if (className.length() > 100) {
            problems.add("error.import.class-invalid");
        }
        return new Row(line, username, name.strip(), email.strip(), className.strip(), List.copyOf(problems));
    }

    private static Row problem(int line, String key) {
        return new Row(line, "", "", "", "", List.of(key));
    }

    private static String field(List<String> record, int index) {
        return index >= 0 && index < record.size() ? record.get(index).strip() : "";
    }
}
