package io.campuslab.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceFoldersTest {

    @TempDir
    Path root;

    @Test
    void theZipHoldsEveryFileOfTheStudentsFoldersByTemplateAndNothingOfAnyoneElse() throws Exception {
        Path school = root.resolve("south-academy");
        write(school.resolve("jupyter/sam/notes.ipynb"), "{\"cells\":[]}");
        write(school.resolve("jupyter/sam/data/results.csv"), "a,b\n1,2\n");
        write(school.resolve("vscode/sam/main.py"), "print('hi')\n");
        write(school.resolve("jupyter/sara/secret.txt"), "sara's");
        write(root.resolve("north-high/jupyter/sam/other-school.txt"), "north high's sam");

        WorkspaceFolders sam = new WorkspaceFolders(school, "sam");
        Map<String, String> entries = unzip(sam);

        assertThat(entries).containsOnlyKeys("jupyter/notes.ipynb", "jupyter/data/results.csv", "vscode/main.py");
        assertThat(entries.get("vscode/main.py")).isEqualTo("print('hi')\n");
        assertThat(sam.size()).isEqualTo(12 + 8 + 12);
    }

    @Test
    void linksALabMadeAreNeitherFollowedNorPacked() throws Exception {
        Path school = root.resolve("south-academy");
        write(school.resolve("jupyter/sam/mine.txt"), "mine");
        write(school.resolve("jupyter/sara/secret.txt"), "sara's");
        Path outside = write(root.resolve("server-secret.txt"), "the server's");
        Files.createSymbolicLink(school.resolve("jupyter/sam/saras"), school.resolve("jupyter/sara"));
        Files.createSymbolicLink(school.resolve("jupyter/sam/secret.txt"), outside);
        // a whole template folder of a link: another student's
        Files.createDirectories(school.resolve("desktop"));
        Files.createSymbolicLink(school.resolve("desktop/sam"), school.resolve("jupyter/sara"));

        WorkspaceFolders sam = new WorkspaceFolders(school, "sam");

        assertThat(unzip(sam)).containsOnlyKeys("jupyter/mine.txt");
        assertThat(sam.size()).isEqualTo(4);
        sam.delete();
        assertThat(school.resolve("jupyter/sam")).doesNotExist();
        assertThat(school.resolve("jupyter/sara/secret.txt")).hasContent("sara's");
        assertThat(outside).hasContent("the server's");
        assertThat(school.resolve("desktop/sam")).isSymbolicLink();
    }

    @Test
    void aNameThatIsNotAPlainFolderNameHasNoFolders() throws Exception {
        Path school = root.resolve("south-academy");
        write(school.resolve("jupyter/sam/mine.txt"), "mine");
        for (String name : new String[] {"..", ".", "", "sam/..", "../south-academy/jupyter/sam", "a\\b"}) {
            WorkspaceFolders folders = new WorkspaceFolders(school, name);
            assertThat(unzip(folders)).as(name).isEmpty();
            folders.delete();
        }
        assertThat(school.resolve("jupyter/sam/mine.txt")).exists();
        assertThat(unzip(new WorkspaceFolders(root.resolve("no-such-school"), "sam"))).isEmpty();
    }

    private static Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static Map<String, String> unzip(WorkspaceFolders folders) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        folders.writeZip(bytes);
        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
