package io.campuslab.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFilesTest {

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        List<List<String>> records = CsvFiles.read("\uFEFFusername,name\r\nsam,\"Student, Sam \"\"S\"\"\"\r\nli,\"李\n雷\"\r\n\r\n");

        assertThat(records).containsExactly(List.of("username", "name"), List.of("sam", "Student, Sam \"S\""),
                List.of("li", "李\n雷"));
    }

    @Test
    void anUnclosedQuoteIsNoReadableFile() {
        assertThatThrownBy(() -> CsvFiles.read("username,name\nsam,\"Sam")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writtenFilesCarryAByteOrderMarkAndNoFormulas() {
        String csv = CsvFiles.write(List.of("username", "name"), List.of(List.of("sam", "=HYPERLINK(\"http://evil\")"),
                List.of("li", "李雷"), List.of("x", "+1"), List.of("y", "-2"), List.of("z", "@SUM(A1)"), List.of("n", "a,b")));

        assertThat(csv).startsWith("\uFEFFusername,name\r\n");
        assertThat(csv).contains("sam,\"'=HYPERLINK(\"\"http://evil\"\")\"\r\n", "li,李雷\r\n", "x,'+1\r\n", "y,'-2\r\n",
                "z,'@SUM(A1)\r\n", "n,\"a,b\"\r\n");
        assertThat(CsvFiles.read(csv).get(1)).containsExactly("sam", "'=HYPERLINK(\"http://evil\")");
    }
}
