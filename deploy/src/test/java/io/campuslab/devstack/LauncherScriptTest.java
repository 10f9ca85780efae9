package io.campuslab.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./campuslab} trusts a pid file only for a process of its own: after the machine restarted
 * the numbers may be anyone's, and {@code stop} must not kill them nor {@code run} take them for a
 * CampusLab that still runs.
 */
class LauncherScriptTest {

    private static final Path SCRIPT = Path.of("..", "campuslab").toAbsolutePath().normalize();

    @Test
    void pidFilesOfAnEarlierBootAreForgottenAndAStrangersProcessIsNeverKilled() throws Exception {
        Path home = ScratchDatabase.emptyFolder("launcher-home");
        Path run = Files.createDirectories(home.resolve("run"));
        Process stranger = new ProcessBuilder("sleep", "120").start();
        try {
            Files.writeString(run.resolve("boot"), "an-earlier-boot\n");
            Files.writeString(run.resolve("launcher.pid"), stranger.pid() + "\n");
            Files.writeString(run.resolve("keycloak.pid"), stranger.pid() + "\n");
            String status = script(home, "status");
            assertThat(status).contains("The machine has restarted since CampusLab last ran", "launcher    not running",
                    "keycloak    not running");
            assertThat(run.resolve("keycloak.pid")).doesNotExist();

            // the same boot, but the number now belongs to a process that is not CampusLab's
            Files.writeString(run.resolve("boot"), Files.readString(Path.of("/proc/sys/kernel/random/boot_id")));
            Files.writeString(run.resolve("launcher.pid"), stranger.pid() + "\n");
            Files.writeString(run.resolve("mariadb.pid"), stranger.pid() + "\n");
            assertThat(script(home, "status")).contains("launcher    not running", "mariadb     not running");
            assertThat(script(home, "stop")).contains("CampusLab is stopped.").doesNotContain("Stopping");
            assertThat(stranger.isAlive()).as("a stranger's process survives ./campuslab stop").isTrue();

            // a process of this home, left by a launcher killed with -9, is stopped
            Process leftover = new ProcessBuilder("bash", "-c", "exec -a " + home.resolve("keycloak/bin/java") + " sleep 120").start();
            try {
                waitForExec(leftover, home);
                Files.writeString(run.resolve("keycloak.pid"), leftover.pid() + "\n");
                assertThat(script(home, "stop")).contains("Stopping left-over keycloak process " + leftover.pid());
                assertThat(leftover.waitFor(10, TimeUnit.SECONDS)).as("CampusLab's own leftover is stopped").isTrue();
            } finally {
                leftover.destroyForcibly();
            }
        } finally {
            stranger.destroyForcibly();
        }
    }

    private static void waitForExec(Process process, Path home) throws Exception {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        for (int i = 0; i < 50; i++) {
            if (new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).contains(home.toString())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The stand-in process did not take its name");
    }

    private static String script(Path home, String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), command).redirectErrorStream(true);
        builder.environment().put("CAMPUSLAB_HOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
