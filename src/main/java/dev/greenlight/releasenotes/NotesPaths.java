package dev.greenlight.releasenotes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

import io.quarkus.qute.TemplateExtension;

/**
 * Where a package's notes live: "/notes/@neuronx/core" for a scoped package, its name's "/" kept as a path separator
 * and each part percent-encoded, so that any name the workspace holds gives a path that routes back to it.
 */
public final class NotesPaths {

    private NotesPaths() {
    }

    public static String page(String packageName) {
        return "/notes/" + Arrays.stream(packageName.split("/", -1))
                .map(NotesPaths::segment)
                .collect(Collectors.joining("/"));
    }

    public static String feed(String packageName) {
        return page(packageName) + "/feed.atom";
    }

    /** For templates: {@code {pkg.name.notesPage}}. */
    @TemplateExtension
    static String notesPage(String packageName) {
        return page(packageName);
    }

    @TemplateExtension
    static String notesFeed(String packageName) {
        return feed(packageName);
    }

    private static String segment(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
    }
}
