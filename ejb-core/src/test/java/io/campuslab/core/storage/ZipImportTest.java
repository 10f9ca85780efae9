package io.campuslab.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campuslab.core.storage.UploadRejectedException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipImportTest {

    private static final long PLENTY = Long.MAX_VALUE;

    @TempDir
    Path work;

    private final ZipImport imports = new ZipImport(new UploadLimits(10L << 20, 100, 50L << 20, 100));

    @Test
    void extractsFoldersAndFilesWithChineseNames() throws Exception {
        Path archive = Archives.zip().folder("notes").file("notes/第一章.md", "# 你好").file("data/a.csv", "x,y\n1,2\n")
                .writeTo(work.resolve("course.zip"));

        ImportedFiles imported = imports.replace(archive, work.resolve("courses/north-high/python"), PLENTY);

        assertThat(imported.paths()).containsExactly("data/a.csv", "notes/第一章.md");
        assertThat(imported.bytes()).isEqualTo("# 你好".getBytes(StandardCharsets.UTF_8).length + 8);
        assertThat(work.resolve("courses/north-high/python/notes/第一章.md")).hasContent("# 你好");
        assertNothingLeftBesides(work.resolve("courses/north-high"), "python");
    }

    @Test
    void namesFromChineseWindowsAreReadAsGb18030() throws Exception {
        Path archive = Archives.zip().namesIn("GB18030").file("课程资料/第一章 练习.txt", "ok")
                .writeTo(work.resolve("windows.zip"));

        ImportedFiles imported = imports.replace(archive, work.resolve("course"), PLENTY);

        assertThat(imported.paths()).containsExactly("课程资料/第一章 练习.txt");
    }

    @Test
    void utf8NamesWithoutTheFlagStayUtf8() throws Exception {
        Path archive = Archives.zip().namesIn("UTF-8").file("données/été.txt", "ok").writeTo(work.resolve("mac.zip"));

        assertThat(imports.replace(archive, work.resolve("course"), PLENTY).paths()).containsExactly("données/été.txt");
    }

    @Test
    void parentPathIsRefusedAndNothingIsWritten() throws Exception {
        Path archive = Archives.zip().file("ok.txt", "fine").file("../../escaped.txt", "evil").writeTo(work.resolve("a.zip"));

        assertRejected(archive, Reason.PARENT_PATH);
        assertThat(work.resolve("escaped.txt")).doesNotExist();
        assertThat(work.getParent().resolve("escaped.txt")).doesNotExist();
        assertNothingLeftBesides(work, "a.zip");
    }

    @Test
    void backslashParentPathIsRefusedToo() throws Exception {
        assertRejected(Archives.zip().file("a\\..\\..\\evil.txt", "x").writeTo(work.resolve("a.zip")), Reason.PARENT_PATH);
    }

    @Test
    void absolutePathsAreRefused() throws Exception {
        assertRejected(Archives.zip().file("/etc/cron.d/evil", "x").writeTo(work.resolve("a.zip")), Reason.ABSOLUTE_PATH);
        assertRejected(Archives.zip().file("C:\\Windows\\evil.dll", "x").writeTo(work.resolve("b.zip")), Reason.ABSOLUTE_PATH);
    }

    @Test
    void symbolicLinksAreRefused() throws Exception {
        assertRejected(Archives.zip().symlink("passwd", "/etc/passwd").writeTo(work.resolve("a.zip")), Reason.LINK);
    }

    @Test
    void deviceEntriesAreRefused() throws Exception {
        assertRejected(Archives.zip().characterDevice("dev/null").writeTo(work.resolve("a.zip")), Reason.SPECIAL_FILE);
    }

    @Test
    void controlCharactersInNamesAreRefused() throws Exception {
        assertRejected(Archives.zip().file("bad\u0007name.txt", "x").writeTo(work.resolve("a.zip")), Reason.INVALID_NAME);
        assertRejected(Archives.zip().file("c1\u0085name.txt", "x").writeTo(work.resolve("b.zip")), Reason.INVALID_NAME);
        assertRejected(Archives.zip().file("invoice\u202Etxt.exe", "x").writeTo(work.resolve("c.zip")), Reason.INVALID_NAME);
        assertRejected(Archives.zip().file("zero\u200Bwidth.txt", "x").writeTo(work.resolve("d.zip")), Reason.INVALID_NAME);
    }

    @Test
    void namesThatChangeUnderUnicodeNormalizationAreRefused() throws Exception {
        assertRejected(Archives.zip().file("cafe\u0301.txt", "x").writeTo(work.resolve("a.zip")), Reason.INVALID_NAME);
        ImportedFiles composed = new ZipImport(UploadLimits.defaults())
                .replace(Archives.zip().file("caf\u00e9.txt", "x").writeTo(work.resolve("b.zip")), work.resolve("out"), PLENTY);
        assertThat(composed.files()).isEqualTo(1);
    }

    @Test
    void duplicateNamesAreRefused() throws Exception {
        assertRejected(Archives.zip().file("a.txt", "1").file("./a.txt", "2").writeTo(work.resolve("a.zip")), Reason.DUPLICATE_NAME);
        assertRejected(Archives.zip().file("a", "1").file("a/b.txt", "2").writeTo(work.resolve("b.zip")), Reason.DUPLICATE_NAME);
    }

    @Test
    void tooManyEntriesAreRefused() throws Exception {
        Archives many = Archives.zip();
        for (int i = 0; i <= 100; i++) {
            many.file("f" + i + ".txt", "x");
        }
        assertRejected(many.writeTo(work.resolve("a.zip")), Reason.TOO_MANY_ENTRIES);
    }

    @Test
    void zipBombIsStoppedByTheCompressionRatio() throws Exception {
        Path bomb = Archives.zip().file("zeros.bin", new byte[40 << 20]).writeTo(work.resolve("bomb.zip"));
        assertThat(Files.size(bomb)).isLessThan(100_000);

        assertRejected(bomb, Reason.COMPRESSION_RATIO);
    }

    @Test
    void extractedSizeIsLimited() throws Exception {
        ZipImport small = new ZipImport(new UploadLimits(10L << 20, 100, 1000, 1000));
        Path archive = Archives.zip().file("a.txt", new byte[600]).file("b.txt", new byte[600]).writeTo(work.resolve("a.zip"));

        assertThatThrownBy(() -> small.replace(archive, work.resolve("target"), PLENTY))
                .isInstanceOfSatisfying(UploadRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNCOMPRESSED_TOO_LARGE));
        assertThat(work.resolve("target")).doesNotExist();
    }

    @Test
    void schoolStorageQuotaIsHonoured() throws Exception {
        Path archive = Archives.zip().file("big.txt", "0123456789".repeat(100)).writeTo(work.resolve("a.zip"));

        assertThatThrownBy(() -> imports.replace(archive, work.resolve("target"), 999))
                .isInstanceOfSatisfying(UploadRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.QUOTA_EXCEEDED);
                    assertThat(e.messageKey()).isEqualTo("error.upload.quota-exceeded");
                });
        assertThat(imports.replace(archive, work.resolve("target"), 1000).bytes()).isEqualTo(1000);
    }

    @Test
    void archiveFileSizeIsLimited() throws Exception {
        ZipImport tiny = new ZipImport(new UploadLimits(100, 100, 1L << 20, 100));
        Path archive = Archives.zip().file("a.txt", "x".repeat(500)).file("b.txt", "y".repeat(500)).writeTo(work.resolve("a.zip"));

        assertThatThrownBy(() -> tiny.replace(archive, work.resolve("target"), PLENTY))
                .isInstanceOfSatisfying(UploadRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    void somethingThatIsNoZipIsRefused() throws Exception {
        Path notZip = Files.writeString(work.resolve("slides.zip"), "this is a PowerPoint, honestly");
        assertRejected(notZip, Reason.NOT_A_ZIP);
    }

    @Test
    void failedUploadLeavesThePreviousVersionWhole() throws Exception {
        Path target = work.resolve("course");
        imports.replace(Archives.zip().file("v1.txt", "one").file("shared/keep.txt", "v1").writeTo(work.resolve("v1.zip")), target, PLENTY);

        Path bad = Archives.zip().file("v2.txt", "two").symlink("shared/keep.txt", "/etc/shadow").writeTo(work.resolve("v2.zip"));
        assertThatThrownBy(() -> imports.replace(bad, target, PLENTY)).isInstanceOf(UploadRejectedException.class);

        assertThat(target.resolve("v1.txt")).hasContent("one");
        assertThat(target.resolve("shared/keep.txt")).hasContent("v1");
        assertThat(target.resolve("v2.txt")).doesNotExist();
        assertNothingLeftBesides(work, "course", "v1.zip", "v2.zip");
    }

    @Test
    void successfulUploadReplacesThePreviousVersionCompletely() throws Exception {
        Path target = work.resolve("course");
        imports.replace(Archives.zip().file("old.txt", "old").writeTo(work.resolve("v1.zip")), target, PLENTY);

        imports.replace(Archives.zip().file("new.txt", "new").writeTo(work.resolve("v2.zip")), target, PLENTY);

        assertThat(target.resolve("new.txt")).hasContent("new");
        assertThat(target.resolve("old.txt")).doesNotExist();
        assertNothingLeftBesides(work, "course", "v1.zip", "v2.zip");
    }

    @Test
    void sizesReadAsPeopleReadThem() {
        assertThat(Sizes.human(512)).isEqualTo("512 B");
        assertThat(Sizes.human(3_565_158)).isEqualTo("3.4 MiB");
        assertThat(Sizes.human(2L << 30)).isEqualTo("2.0 GiB");
    }

    @Test
    void rejectedNamesAreShownPrintably() {
        assertThat(EntryName.printable("a\u0000b\nc")).isEqualTo("a?b?c");
        assertThat(EntryName.printable("x".repeat(300))).hasSize(120).endsWith("...");
    }

    private void assertRejected(Path archive, Reason reason) {
        Path target = work.resolve("target");
        assertThatThrownBy(() -> imports.replace(archive, target, PLENTY))
                .isInstanceOfSatisfying(UploadRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(target).doesNotExist();
    }

    private static void assertNothingLeftBesides(Path folder, String... expected) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            assertThat(children.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(expected);
        }
    }
}
