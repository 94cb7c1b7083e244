package dev.tributary.enrich.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UrlPartsTest {

    @Test
    void implicitPortsFollowTheScheme() {
        assertThat(UrlParts.parse("http://a.example/x")).isEqualTo(new UrlParts("http", "a.example", 80, "/x", null, null));
        assertThat(UrlParts.parse("HTTPS://a.example")).isEqualTo(new UrlParts("https", "a.example", 443, null, null, null));
    }

    @Test
    void charactersBrowsersSendButUriRefusesAreEscaped() {
        UrlParts parts = UrlParts.parse("https://a.example/search results?q=a|b&x={1}#frag#more");
        assertThat(parts.path()).isEqualTo("/search%20results");
        assertThat(parts.query()).isEqualTo("q=a%7Cb&x=%7B1%7D");
        assertThat(parts.fragment()).isEqualTo("frag%23more");
    }

    @Test
    void relativeOrHostlessUrlsAreRejected() {
        assertThatThrownBy(() -> UrlParts.parse("/just/a/path")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> UrlParts.parse("mailto:someone@example.com")).hasMessageContaining("absolute");
    }
}
