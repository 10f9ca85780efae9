package io.campuslab.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.core.lab.admission.WaitReason;
import io.campuslab.core.storage.UploadRejectedException;
import io.campuslab.domain.classroom.SessionPhase;
import io.campuslab.domain.identity.MembershipException;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.platform.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void everyEnglishKeyHasAChineseTwinAndNoMore() throws IOException {
        Properties english = load("i18n/messages.properties");
        Properties chinese = load("i18n/messages_zh_CN.properties");
        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        chinese.stringPropertyNames().forEach(key -> assertThat(chinese.getProperty(key)).as(key).isNotBlank());
    }

    @Test
    void everyRoleAndRefusalReasonHasAText() {
        for (Role role : Role.values()) {
            assertThat(Messages.get(Locale.ENGLISH, "role." + role.realmName())).doesNotStartWith("!");
        }
        for (MembershipException.Reason reason : MembershipException.Reason.values()) {
            assertThat(Messages.get(Messages.SIMPLIFIED_CHINESE, reason.messageKey())).doesNotStartWith("!");
        }
        for (UploadRejectedException.Reason reason : UploadRejectedException.Reason.values()) {
            assertThat(Messages.get(Locale.ENGLISH, reason.messageKey(), "x", "y")).doesNotStartWith("!");
            assertThat(Messages.get(Messages.SIMPLIFIED_CHINESE, reason.messageKey(), "x", "y")).doesNotStartWith("!");
        }
    }

    @Test
    void formatsArgumentsInTheChosenLanguage() {
        assertThat(Messages.get(Locale.ENGLISH, "home.greeting", "Sam")).isEqualTo("Welcome, Sam");
        assertThat(Messages.get(Locale.forLanguageTag("zh-TW"), "home.greeting", "Sam")).isEqualTo("欢迎,Sam");
        assertThat(Messages.get(Locale.GERMAN, "nav.home")).isEqualTo("Home");
    }

    @Test
    void aSessionThatFitsIsDescribedInEitherLanguage() {
        Object[] gpuSession = {"30", "4", "Tue 08:00", "1", "16", "1", "A100"};
        assertThat(Messages.get(Locale.ENGLISH, "session.fits.gpu", gpuSession))
                .isEqualTo("30 students × 4 CPU, 16 GiB, 1 GPU A100 on Tue 08:00: fits.");
        assertThat(Messages.get(Messages.SIMPLIFIED_CHINESE, "session.fits.gpu", gpuSession))
                .isEqualTo("30 名学生 × 4 核 CPU、16 GiB 内存、1 块 A100 GPU，Tue 08:00：可以安排。");
        Object[] weekly = {"12", "0.5", "Tue 08:00", "14", "1", "0", ""};
        assertThat(Messages.get(Locale.ENGLISH, "session.fits-weekly", weekly))
                .isEqualTo("12 students × 0.5 CPU, 1 GiB, 14 times from Tue 08:00: every one fits.");
        assertThat(Messages.get(Messages.SIMPLIFIED_CHINESE, "session.fits-weekly", weekly))
                .isEqualTo("12 名学生 × 0.5 核 CPU、1 GiB 内存，自 Tue 08:00 起共 14 次：全部可以安排。");
    }

    @Test
    void aSessionWhoseLabsFindNoMachineSaysHowManyDo() {
        Object[] split = {"Tue 08:00", "30", "12", "", "Robotics 2A", "30"};
        assertThat(Messages.get(Locale.ENGLISH, "session.no-room.machines", split))
                .isEqualTo("Does not fit on Tue 08:00: the free room is split across the machines, which hold 12 of the 30"
                        + " labs of this size beside other sessions. Reserved by: Robotics 2A.");
        assertThat(Messages.get(Messages.SIMPLIFIED_CHINESE, "session.no-room.machines", split))
                .isEqualTo("无法安排（Tue 08:00）：空闲资源分散在多台机器上，除其他课次外只能容纳 30 个此规格实验环境中的 12 个。已被预留：Robotics 2A。");
        Object[] model = {"Tue 08:00", "30", "0", "H100", "—", "30"};
        assertThat(Messages.get(Messages.SIMPLIFIED_CHINESE, "session.no-room.model", model))
                .isEqualTo("无法安排：集群中没有机器提供 H100 GPU。请选择其他 GPU 型号。");
    }

    @Test
    void uploadRefusalsNameTheEntryAndTheLimit() {
        assertThat(Messages.get(Locale.ENGLISH, "error.upload.parent-path", "../../etc/passwd"))
                .isEqualTo("The entry \"../../etc/passwd\" points outside the archive with \"..\".");
        assertThat(Messages.get(Messages.SIMPLIFIED_CHINESE, "error.upload.too-large", "3.0 GiB", "2.0 GiB"))
                .isEqualTo("文件大小为 3.0 GiB;上传的文件最大为 2.0 GiB。");
    }

    @Test
    void apostrophesAndNamedPlaceholdersStayText() {
        assertThat(Messages.get(Locale.ENGLISH, "error.not-found.template", "robot-lab"))
                .isEqualTo("There is no template named \"robot-lab\" in your school's catalog.");
        assertThat(Messages.get(Locale.ENGLISH, "error.template.host-path-outside-roots", "/srv/{tenant}/x"))
                .isEqualTo("The host folder \"/srv/{tenant}/x\" is not inside the platform's storage roots.");
    }

    @Test
    void everyPlatformSettingHasALabelAndHelpInBothLanguages() {
        for (Setting setting : Setting.values()) {
            for (Locale locale : new Locale[] {Locale.ENGLISH, Messages.SIMPLIFIED_CHINESE}) {
                assertThat(Messages.get(locale, setting.labelKey())).doesNotStartWith("!");
                assertThat(Messages.get(locale, setting.labelKey() + ".help")).doesNotStartWith("!");
                assertThat(Messages.get(locale, "settings.group." + setting.key().substring(0, setting.key().indexOf('.'))))
                        .doesNotStartWith("!");
            }
        }
    }

    @Test
    void everyWaitReasonAndSessionPhaseHasAText() {
        for (WaitReason reason : WaitReason.values()) {
            assertThat(Messages.get(Messages.SIMPLIFIED_CHINESE, reason.messageKey(), "x")).doesNotStartWith("!");
        }
        for (SessionPhase phase : SessionPhase.values()) {
            assertThat(Messages.get(Locale.ENGLISH, phase.messageKey())).doesNotStartWith("!");
        }
    }

    /**
     * Every message key the core and the domain name in their sources, as a literal: a text of its
     * own, an audit action's or a setting's label, or what a {@code NotFoundException} says is missing.
     * A key typed wrong shows as "!key" to users; this finds it first.
     */
    @Test
    void everyKeyNamedInTheSourcesHasATextInBothLanguages() throws IOException {
        Properties english = load("i18n/messages.properties");
        Properties chinese = load("i18n/messages_zh_CN.properties");
        Pattern literal = Pattern.compile("\"((?:error|session|classroom|lab\\.reason|lab\\.wait)\\.[a-z][a-z0-9.-]*[a-z0-9])\""
                + "|new NotFoundException\\(\"([a-z-]+)\"");
        List<String> missing = new ArrayList<>();
        for (String module : List.of("../ejb-core/src/main/java", "../persistence/src/main/java")) {
            try (Stream<Path> files = Files.walk(Path.of(module))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher found = literal.matcher(Files.readString(file));
                    while (found.find()) {
                        String key = found.group(1) != null ? found.group(1) : "error.not-found." + found.group(2);
                        boolean known = List.of("", "audit.action.", "setting.").stream()
                                .anyMatch(prefix -> english.containsKey(prefix + key) && chinese.containsKey(prefix + key));
                        if (!known && !key.endsWith(".")) {
                            missing.add(key + " (" + file.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void missingKeyIsVisibleNotSilent() {
        assertThat(Messages.get(Locale.ENGLISH, "no.such.key")).isEqualTo("!no.such.key");
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
