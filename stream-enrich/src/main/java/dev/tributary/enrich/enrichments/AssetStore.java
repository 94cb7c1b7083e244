package dev.tributary.enrich.enrichments;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the databases enrichments read (referer database, MaxMind files). Like Snowplow, a configuration gives a
 * {@code uri} (a directory) and a {@code database} (a file name in it). {@code file:} URIs are read in place;
 * {@code http(s):} files are downloaded once into a local cache directory and reused on later starts, unless
 * {@code forceDownload} is set (Snowplow's {@code --force-cached-files-download}).
 */
public final class AssetStore {

    private static final Logger LOG = LoggerFactory.getLogger(AssetStore.class);

    private final Path cacheDirectory;
    private final boolean forceDownload;
    private final HttpClient http;

    public AssetStore(Path cacheDirectory, boolean forceDownload) {
        this.cacheDirectory = cacheDirectory;
        this.forceDownload = forceDownload;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The default cache: {@code <java.io.tmpdir>/tributary-enrichment-assets}. */
    public static AssetStore defaultStore() {
        return new AssetStore(Paths.get(System.getProperty("java.io.tmpdir"), "tributary-enrichment-assets"), false);
    }

    public Path cacheDirectory() {
        return cacheDirectory;
    }

    /**
     * The local, readable file for {@code uri}/{@code database}.
     *
     * @param field the configuration field holding the pair, e.g. {@code parameters.geo}, for error messages
     */
    public Path locate(EnrichmentConfig config, String field, String uri, String database)
            throws EnrichmentConfigException {
        URI location;
        try {
            String base = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
            location = URI.create(base.endsWith("/" + database) ? base : base + "/" + database);
        } catch (IllegalArgumentException e) {
            throw config.error(field + ".uri", "expected a file:, http: or https: URI, got '" + uri + "'");
        }
        if (location.getScheme() == null && location.getPath() != null && location.getPath().startsWith("/")) {
            // a bare absolute path: accepted as a local directory, like file:
            location = Paths.get(location.getPath()).toUri();
        }
        String scheme = location.getScheme() == null ? "" : location.getScheme().toLowerCase();
        switch (scheme) {
            case "file":
                Path file = Paths.get(location);
                if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                    throw config.error(field + ".uri", "expected a readable file at " + file + " (uri '" + uri
                            + "' + database '" + database + "')");
                }
                return file;
            case "http":
            case "https":
                return download(config, field, location, database);
            default:
                throw config.error(field + ".uri", "expected a file:, http: or https: URI, got '" + uri + "'");
        }
    }

    /** Cached databases decide how events are enriched: only this service's user may write (or read) them. */
    private static void createOwnerOnly(Path directory) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(directory);
            return;
        }
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(ownerOnly));
        Files.setPosixFilePermissions(directory, ownerOnly);
    }

    private Path download(EnrichmentConfig config, String field, URI location, String database)
            throws EnrichmentConfigException {
        Path target = cacheDirectory.resolve(Integer.toHexString(location.toString().hashCode()) + "-" + database);
        if (!forceDownload && Files.isRegularFile(target)) {
            LOG.atInfo().addKeyValue("file", database).addKeyValue("path", target).log("enrichment asset from cache");
            return target;
        }
        try {
            createOwnerOnly(cacheDirectory);
            Path partial = Files.createTempFile(cacheDirectory, database, ".part");
            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(location).timeout(Duration.ofMinutes(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    Files.deleteIfExists(partial);
                    throw config.error(field + ".uri", "download of " + location + " answered HTTP "
                            + response.statusCode() + "; expected 200");
                }
                Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.atInfo().addKeyValue("file", database).addKeyValue("path", target).log("enrichment asset downloaded");
            return target;
        } catch (IOException e) {
            throw new EnrichmentConfigException(config.file(), field + ".uri",
                    "cannot download " + location + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnrichmentConfigException(config.file(), field + ".uri", "interrupted downloading " + location, e);
        }
    }
}
