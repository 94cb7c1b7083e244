package dev.tributary.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionTest {

    @TempDir
    Path dir;

    @Test
    void theVersionComesFromTheManifestOfTheJarHoldingTheClass() throws Exception {
        // A jar holding one class with Implementation-Version, loaded by its own class loader (not the test's).
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "9.8.7");
        Path jar = dir.resolve("anchor.jar");
        String entry = VersionFixture.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream classBytes = VersionFixture.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classBytes.transferTo(out);
            out.closeEntry();
        }

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> anchor = loader.loadClass(VersionFixture.class.getName());
            assertThat(anchor.getClassLoader()).isSameAs(loader);
            assertThat(Version.of(anchor)).isEqualTo("9.8.7");
        }
    }

    @Test
    void classesOutsideAJarFallBackToTheBuildsVersion() {
        // Test classes are a directory: no manifest, so the version filtered into version.properties.
        assertThat(Version.of(VersionTest.class)).isEqualTo(Version.fromResource())
                .matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
