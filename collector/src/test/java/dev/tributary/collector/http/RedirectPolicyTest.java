package dev.tributary.collector.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tributary.collector.config.CollectorConfig.Redirects;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RedirectPolicyTest {

    static final String NUID = "c0ffee00-0000-4000-8000-000000000001";
    static final RedirectPolicy ALLOWLIST =
            new RedirectPolicy(new Redirects(true, List.of("allowed.example"), true, "${SP_NUID}"));
    static final RedirectPolicy ANY_HOST = new RedirectPolicy(new Redirects(true, List.of(), true, "${SP_NUID}"));

    @ParameterizedTest
    @ValueSource(strings = {
            "https://evil.example%5C@allowed.example/",
            "https://evil.example\\@allowed.example/",
            "https://evil.example\\.allowed.example/",
            "https://allowed.example@evil.example/",
            "https://user:pass@allowed.example/",
            "https://allowed.example:443@evil.example/",
            "https://allowed.example.evil.example/",
            "https://allowed.example%2eevil.example/",
            "https://evil.example/ allowed.example",
            "https://evil.example\t.allowed.example/",
            "https://allowed.example\u3002evil.example/",
            "javascript:alert(document.domain)//allowed.example",
            "javascript://allowed.example/%0Aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "ftp://allowed.example/",
            "//allowed.example/",
            "https:allowed.example",
            "https:///allowed.example",
            "/relative/path",
            ""})
    void bypassesAreRefused(String target) {
        assertThat(ALLOWLIST.location(target, NUID)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "javascript:alert(1)",
            "https://evil.example%5C@allowed.example/",
            "https://a\\@b.example/",
            "vbscript:msgbox(1)"})
    void anEmptyAllowlistStillRefusesOtherSchemesAndAmbiguousHosts(String target) {
        assertThat(ANY_HOST.location(target, NUID)).isEmpty();
    }

    @Test
    void macroInjectedHostsAreRefusedBecauseTheSubstitutedUriIsChecked() {
        assertThat(ALLOWLIST.location("https://${SP_NUID}/landing", "evil.example")).isEmpty();
        assertThat(ALLOWLIST.location("https://allowed.example${SP_NUID}/", "@evil.example")).isEmpty();
        assertThat(ALLOWLIST.location("https://allowed.example${SP_NUID}/", ".evil.example")).isEmpty();
        assertThat(ALLOWLIST.location("https://allowed.example${SP_NUID}/", "\\@evil.example")).isEmpty();
        assertThat(ALLOWLIST.location("${SP_NUID}", "javascript:alert(1)")).isEmpty();
    }

    @Test
    void allowedTargetsRedirectToExactlyTheCheckedUri() {
        assertThat(ALLOWLIST.location("https://allowed.example/landing?x=1", NUID))
                .hasValue("https://allowed.example/landing?x=1");
        assertThat(ALLOWLIST.location("HTTP://Allowed.Example:8443/p#frag", NUID))
                .hasValue("HTTP://Allowed.Example:8443/p#frag");
        assertThat(ALLOWLIST.location("https://allowed.example/landing?uid=${SP_NUID}", NUID))
                .hasValue("https://allowed.example/landing?uid=" + NUID);
        assertThat(ANY_HOST.location("http://anything.example/x", NUID)).hasValue("http://anything.example/x");
    }

    @Test
    void anEnabledRedirectWithAnEmptyAllowlistWarnsAtStart() {
        Logger logger = (Logger) LoggerFactory.getLogger(RedirectPolicy.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            new RedirectPolicy(new Redirects(true, List.of("allowed.example"), false, "${SP_NUID}"));
            new RedirectPolicy(new Redirects(false, List.of(), false, "${SP_NUID}"));
            assertThat(appender.list).isEmpty();

            new RedirectPolicy(new Redirects(true, List.of(), false, "${SP_NUID}"));
            assertThat(appender.list).singleElement().satisfies(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.WARN);
                assertThat(e.getFormattedMessage()).startsWith("open redirect").contains("collector.redirect.domains");
            });
        } finally {
            logger.detachAppender(appender);
        }
    }
}
