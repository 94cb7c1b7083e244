package dev.tributary.infra.s3;

import com.adobe.testing.s3mock.S3MockApplication;
import com.adobe.testing.s3mock.s3.service.MultipartService;
import com.adobe.testing.s3mock.s3.store.KmsKeyStore;
import dev.tributary.infra.net.BindAddress;
import java.util.List;
import org.apache.catalina.Engine;
import org.apache.catalina.connector.Connector;
import java.util.Map;
import java.util.logging.Level;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Starts S3Mock's Spring Boot application as a guest in this JVM.
 *
 * <p>{@code S3MockApplication.start(...)} would run a stock SpringApplication, whose logging listener resets and
 * reconfigures logback for the whole JVM, installs the JUL bridge, sets logging system properties and registers a
 * logging shutdown hook. Building the SpringApplication here lets us drop that listener and the context shutdown
 * hook; the host application owns logging and shutdown. The server's log lines still go through whatever logging the
 * host has set up.
 */
final class S3MockBoot {

  /**
   * Tomcat logs through java.util.logging, which Boot would have bridged to SLF4J; without the bridge its INFO
   * lifecycle lines reach stderr. Only these loggers are touched, and only when the host gave them no level. Held in a
   * static map because JUL keeps loggers weakly and would forget the level.
   */
  private static final Map<java.util.logging.Logger, Level> TOMCAT_LOGGERS = Map.of(
      java.util.logging.Logger.getLogger("org.apache.catalina"), Level.WARNING,
      java.util.logging.Logger.getLogger("org.apache.coyote"), Level.WARNING,
      java.util.logging.Logger.getLogger("org.apache.tomcat"), Level.WARNING,
      // Warns that Spring's task executor (serving GET bodies) outlives Tomcat; the context stops it right after.
      java.util.logging.Logger.getLogger("org.apache.catalina.loader.WebappClassLoaderBase"), Level.SEVERE);

  private S3MockBoot() {
  }

  static Started start(String[] args, List<String> validKmsKeys, BindAddress bindAddress) {
    quietTomcat();
    SpringApplication app = new SpringApplication(S3MockApplication.class);
    // Outranks S3Mock's own KmsKeyStore bean (see KmsKeys) without needing bean-definition overriding.
    app.addInitializers(context -> {
      GenericApplicationContext registry = (GenericApplicationContext) context;
      registry.registerBean("tributaryKmsKeyStore", KmsKeyStore.class, () -> KmsKeys.storeFor(validKmsKeys),
          definition -> definition.setPrimary(true));
      // Boot registers Filter beans for every request.
      registry.registerBean("tributaryMultipartEncryptionFilter", MultipartEncryptionFilter.class,
          () -> new MultipartEncryptionFilter(registry.getBean(MultipartService.class)));
      registry.registerBean("tributaryConnectorBinding", WebServerFactoryCustomizer.class,
          () -> bindConnectors(bindAddress));
    });
    List<ApplicationListener<?>> listeners = app.getListeners().stream()
        .filter(listener -> !(listener instanceof LoggingApplicationListener))
        .toList();
    app.setListeners(listeners);
    app.setRegisterShutdownHook(false);
    app.setBannerMode(Banner.Mode.OFF);
    app.setLogStartupInfo(false);
    var context = app.run(args);
    return new Started(context.getBean(S3MockApplication.class));
  }

  /**
   * {@code server.address} reaches only Boot's main connector. S3Mock 5.2.0 adds the plain-HTTP connector (the one we
   * serve on) and, in its S3 Vectors configuration, more connectors of its own, all created without an address, so
   * Tomcat would bind them to every interface. A context customizer runs after every connector has been added to the
   * service and before any is started, so it catches them all, whatever order the factory customizers run in.
   */
  private static WebServerFactoryCustomizer<TomcatServletWebServerFactory> bindConnectors(BindAddress bindAddress) {
    return factory -> factory.addContextCustomizers(context -> {
      Engine engine = (Engine) context.getParent().getParent();
      for (Connector connector : engine.getService().findConnectors()) {
        connector.setProperty("address", bindAddress.toString());
      }
    });
  }

  private static synchronized void quietTomcat() {
    TOMCAT_LOGGERS.forEach((logger, level) -> {
      if (logger.getLevel() == null) {
        logger.setLevel(level);
      }
    });
  }

  /** A running S3Mock; {@link #stop()} closes its application context, which stops Tomcat and the store. */
  record Started(S3MockApplication application) {

    int httpPort() {
      return application.getHttpPort();
    }

    void stop() {
      application.stop();
    }
  }
}
