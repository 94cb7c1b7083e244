package dev.tributary.localstack;

import static dev.tributary.localstack.StackTestSupport.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.localstack.demo.DemoMain;
import dev.tributary.localstack.status.StatusMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What {@code ./pipeline demo} and {@code status} say when there is no stack or an option is wrong. */
class PipelineCommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void demoWithoutAStackSaysToStartOneAndSendsNothing() {
        int port = freePort();
        int exit = DemoMain.run(new String[] {"--collector-port", Integer.toString(port)}, stream(out), stream(err));
        assertThat(exit).isEqualTo(1);
        assertThat(text(err)).contains("the collector at http://localhost:" + port + " (--collector-port) does not answer")
                .contains("start the stack with ./pipeline up first");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void statusWithoutAStackNamesTheHealthPort() {
        int port = freePort();
        int exit = StatusMain.run(new String[] {"--health-port", Integer.toString(port)}, stream(out), stream(err));
        assertThat(exit).isEqualTo(1);
        assertThat(text(err)).contains("nothing answers at http://localhost:" + port + "/health (--health-port)");
    }

    @Test
    void badOptionsAreNamedWithWhatWasExpected() {
        assertThat(DemoMain.run(new String[] {"--events", "0"}, stream(out), stream(err))).isEqualTo(2);
        assertThat(text(err)).contains("--events: expected a number of events from 1 to 1000000, got 0");
        assertThat(DemoMain.run(new String[] {"--timeout", "soon"}, stream(out), stream(err))).isEqualTo(2);
        assertThat(text(err)).contains("--timeout: expected a duration such as 90s, 5m or 1h, got 'soon'");
        assertThat(StatusMain.run(new String[] {"--kafka-port", "0"}, stream(out), stream(err))).isEqualTo(2);
        assertThat(text(err)).contains("--kafka-port: expected the TCP port the stack listens on (1-65535), got 0");
        assertThat(DemoMain.run(new String[] {"--seed", "x"}, stream(out), stream(err))).isEqualTo(2);
        assertThat(text(err)).contains("--seed");
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
