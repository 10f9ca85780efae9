package io.campuslab.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server of the stack killed with -9 is started again, a few times at most, and the status says so. */
class SupervisorTest {

    @Test
    void aKilledServerIsStartedAgainAFewTimesThenLeftDownWithAClearWord() throws Exception {
        Path run = Path.of("target", "supervisor-test").toAbsolutePath();
        Files.createDirectories(run);
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        Supervisor supervisor = new Supervisor(run.resolve("status"), new PrintStream(said, true, StandardCharsets.UTF_8),
                Clock.systemUTC());
        Supervisor.Starter sleeper = () -> ChildProcess.start("Sleeper", List.of("sleep", "300"), Map.of(),
                run.resolve("sleeper.log"), run.resolve("sleeper.pid"));
        supervisor.watch(sleeper.start(), sleeper);
        try {
            for (int restart = 1; restart <= Supervisor.MOST_RESTARTS; restart++) {
                StackServer before = supervisor.current("Sleeper");
                killHard(before);
                supervisor.check();
                supervisor.awaitRestarts();
                StackServer after = supervisor.current("Sleeper");
                assertThat(after).isNotSameAs(before);
                assertThat(after.isAlive()).as("started again after kill -9 number " + restart).isTrue();
                assertThat(Files.readString(run.resolve("status"))).contains("Sleeper: running, restarted " + restart + " time(s)");
            }
            killHard(supervisor.current("Sleeper"));
            supervisor.check();
            assertThat(supervisor.current("Sleeper").isAlive()).as("not a fourth time within ten minutes").isFalse();
            assertThat(Files.readString(run.resolve("status"))).contains("Sleeper: gave up");
            assertThat(said.toString(StandardCharsets.UTF_8)).contains("stopped unexpectedly (exit", "is not restarted");

            supervisor.stopping();
            supervisor.check();
            assertThat(supervisor.current("Sleeper").isAlive()).isFalse();
        } finally {
            supervisor.current("Sleeper").stop(Duration.ofSeconds(5));
        }
    }

    private static void killHard(StackServer child) throws InterruptedException {
        child.handle().destroyForcibly();
        for (int i = 0; i < 50 && child.isAlive(); i++) {
            Thread.sleep(100);
        }
        assertThat(child.isAlive()).isFalse();
    }
}
