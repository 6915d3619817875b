package org.enma.portal;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The files of the portal page ({@code /}) and of the API's documentation ({@code /docs}), read from the jar once:
 * ENMA's own and those of two webjars (uPlot, Swagger UI), so the page needs nothing from outside the server. Only
 * the paths listed here are served — there is no directory to walk out of, whatever a request's path says.
 */
final class StaticFiles {
    private static final String WEB = "org/enma/portal/web/";
    private static final String HTML = "text/html; charset=utf-8";
    private static final String JS = "text/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";
    /** Scripts and styles from this server only; Swagger UI sets inline styles and shows data: images. */
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " frame-ancestors 'none'";

    private record File(byte[] bytes, String type, boolean versioned) {
    }

    private final Map<String, File> files = new HashMap<>();

    StaticFiles() {
        own("/", "index.html", HTML);
        own("/portal.js", "portal.js", JS);
        own("/portal.css", "portal.css", CSS);
        own("/docs", "docs.html", HTML);
        own("/docs/docs.js", "docs.js", JS);
        String uplot = webjar("org.webjars.npm", "uplot");
        library("/lib/uPlot.iife.min.js", uplot + "dist/uPlot.iife.min.js", JS);
        library("/lib/uPlot.min.css", uplot + "dist/uPlot.min.css", CSS);
        String swagger = webjar("org.webjars", "swagger-ui");
        library("/docs/swagger-ui-bundle.js", swagger + "swagger-ui-bundle.js", JS);
        library("/docs/swagger-ui.css", swagger + "swagger-ui.css", CSS);
        library("/docs/favicon-32x32.png", swagger + "favicon-32x32.png", "image/png");
    }

    /** The paths served. */
    Set<String> paths() {
        return Set.copyOf(files.keySet());
    }

    /** Answers {@code path}, one of {@link #paths}. */
    void answer(HttpServerExchange exchange, String path) {
        File file = files.get(path);
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, file.type());
        // the libraries change only with the jar; the page's own files with every release, so browsers ask again
        exchange.getResponseHeaders().put(new HttpString("Cache-Control"), file.versioned() ? "max-age=86400"
                : "no-cache");
        exchange.getResponseHeaders().put(new HttpString("Content-Security-Policy"), POLICY);
        exchange.getResponseHeaders().put(new HttpString("X-Content-Type-Options"), "nosniff");
        exchange.getResponseSender().send(ByteBuffer.wrap(file.bytes()));
    }

    private void own(String path, String name, String type) {
        files.put(path, new File(read(WEB + name), type, false));
    }

    private void library(String path, String resource, String type) {
        files.put(path, new File(read(resource), type, true));
    }

    /** Where a webjar's files are: its version from its Maven properties, so a new version needs no change here. */
    private static String webjar(String group, String artifact) {
        Properties maven = new Properties();
        try (InputStream in = open("META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            maven.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "META-INF/resources/webjars/" + artifact + "/" + maven.getProperty("version") + "/";
    }

    private static byte[] read(String resource) {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) {
        return Optional.ofNullable(StaticFiles.class.getClassLoader().getResourceAsStream(resource)).orElseThrow(
                () -> new IllegalStateException(resource + " is missing from the class path (the portal-api jar and"
                        + " its webjars)"));
    }
}
