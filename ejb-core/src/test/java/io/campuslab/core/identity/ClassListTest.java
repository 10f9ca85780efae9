package io.campuslab.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.core.storage.TextDecoding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassListTest {

    @Test
    void readsColumnsInAnyOrderWithQuotesAndABom() {
        List<ClassList.Row> rows = ClassList.parse(("\uFEFFclass,email,Name,username\r\n"
                + "7B,ada@school.test,\"Lovelace, Ada\",Ada.L\r\n"
                + "7B,,Grace Hopper,ghopper\r\n\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(rows).hasSize(2).allMatch(ClassList.Row::valid);
        assertThat(rows.get(0).username()).isEqualTo("ada.l");
        assertThat(rows.get(0).name()).isEqualTo("Lovelace, Ada");
        assertThat(rows.get(1).person().firstName()).isEqualTo("Grace");
        assertThat(rows.get(1).person().lastName()).isEqualTo("Hopper");
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void excelOnChineseWindowsWritesGb18030() {
        byte[] file = "username,name,email,class\nxiaoming,王小明,,初一(2)班\n".getBytes(TextDecoding.GB18030);

        ClassList.Row row = ClassList.parse(file).get(0);

        assertThat(row.valid()).isTrue();
        assertThat(row.name()).isEqualTo("王小明");
        assertThat(row.className()).isEqualTo("初一(2)班");
        assertThat(row.person().firstName()).isEqualTo("王小明");
    }

    @Test
    void everyBadRowSaysWhatIsWrong() {
        List<ClassList.Row> rows = ClassList.parse(("username,name,email,class\n"
                + "ok-student,Ok Student,ok@school.test,7B\n"
                + "x,No Good Name,not-an-email,7B\n"
                + "ok-student,Twice,,7B\n"
                + "fine,,,\n").getBytes(StandardCharsets.UTF_8));

        assertThat(rows.get(0).problems()).isEmpty();
        assertThat(rows.get(1).problems()).containsExactly("error.import.username-invalid", "error.import.email-invalid");
        assertThat(rows.get(2).problems()).containsExactly("error.import.username-twice");
        assertThat(rows.get(3).problems()).containsExactly("error.import.name-invalid");
    }

    @Test
    void aListWithoutTheNeededColumnsIsOneProblem() {
        assertThat(ClassList.parse("login,fullname\nx,y\n".getBytes(StandardCharsets.UTF_8)))
                .singleElement().satisfies(row -> assertThat(row.problems()).containsExactly("error.import.header"));
        assertThat(ClassList.parse(new byte[0])).singleElement()
                .satisfies(row -> assertThat(row.problems()).containsExactly("error.import.empty"));
    }
}
