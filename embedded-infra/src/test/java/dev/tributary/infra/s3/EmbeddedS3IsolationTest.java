package dev.tributary.infra.s3;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Metrics;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** S3Mock is a Spring Boot application; local-stack hosts it beside Kafka and our own logging and metrics. */
class EmbeddedS3IsolationTest {

  @Test
  void leavesHostLoggingMetricsAndSystemPropertiesAlone() throws Exception {
    LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> hostAppender = new ListAppender<>();
    hostAppender.setName("host");
    hostAppender.start();
    root.addAppender(hostAppender);
    Map<Object, Object> propertiesBefore = Map.copyOf(System.getProperties());
    try (EmbeddedS3 s3 = EmbeddedS3.builder().build().start()) {
      assertThat(s3.port()).isPositive();

      assertThat(root.getLevel()).isEqualTo(Level.WARN);
      assertThat(root.getAppender("host")).isSameAs(hostAppender);
      assertThat(Metrics.globalRegistry.getRegistries()).isEmpty();
      // Embedded Tomcat records its base dirs and naming flag, and Spring sets headless: those are unavoidable.
      assertThat(changedKeys(propertiesBefore))
          .isSubsetOf("catalina.base", "catalina.home", "catalina.useNaming", "java.awt.headless");
      // Kafka's broker and our code use Jackson 2 while S3Mock uses Jackson 3: both must load side by side.
      assertThat(new ObjectMapper().writeValueAsString(Map.of("a", 1))).isEqualTo("{\"a\":1}");
      assertThat(Class.forName("kafka.server.KafkaRaftServer")).isNotNull();
    } finally {
      root.detachAppender(hostAppender);
    }
  }

  private static Set<Object> changedKeys(Map<Object, Object> before) {
    Set<Object> changed = new HashSet<>();
    System.getProperties().forEach((key, value) -> {
      if (!value.equals(before.get(key))) {
        changed.add(key);
      }
    });
    return changed;
  }
}
