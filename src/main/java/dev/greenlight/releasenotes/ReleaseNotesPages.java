package dev.greenlight.releasenotes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.release.PublishedChangelogs;

/**
 * Public release notes: the packages, each package's published changelogs and their Atom feed, for anyone, signed in
 * or not (the only pages open without a Greenlight role, docs/security.md). A scoped package's name keeps its "/":
 * "/notes/@neuronx/core", its "@" also percent-encoded, as some clients send it. Nothing here changes anything.
 */
@Path("/notes")
@PermitAll
class ReleaseNotesPages {
    /** How long a reader (or a proxy) may reuse a feed before asking again; the ETag makes asking cheap. */
    private static final int FEED_MAX_AGE_SECONDS = 300;

    private final ReleaseNotesService notes;
    private final String baseUrl;

    @Inject
    ReleaseNotesPages(ReleaseNotesService notes, @ConfigProperty(name = "greenlight.base-url") String baseUrl) {
        this.notes = notes;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance packages(List<PublishedChangelogs.PublishedPackage> packages, String nav);

        static native TemplateInstance notes(ReleaseNotesService.PublicPage page, String nav);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance packages() {
        return Templates.packages(notes.packages(), "notes");
    }

    @GET
    @Path("{scope: (?:@|%40)[^/]+}/{name: [^/]+}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance scoped(@PathParam("scope") String scope, @PathParam("name") String name,
            @QueryParam("before") Long before, @QueryParam("size") Integer size) {
        return page(scope + "/" + name, before, size);
    }

    @GET
    @Path("{name: (?!%40)[^@/][^/]*}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance unscoped(@PathParam("name") String name, @QueryParam("before") Long before,
            @QueryParam("size") Integer size) {
        return page(name, before, size);
    }

    @GET
    @Path("{scope: (?:@|%40)[^/]+}/{name: [^/]+}/feed.atom")
    @Produces(AtomFeed.MEDIA_TYPE)
    public Response scopedFeed(@PathParam("scope") String scope, @PathParam("name") String name,
            Request request) {
        return feed(scope + "/" + name, request);
    }

    @GET
    @Path("{name: (?!%40)[^@/][^/]*}/feed.atom")
    @Produces(AtomFeed.MEDIA_TYPE)
    public Response unscopedFeed(@PathParam("name") String name, Request request) {
        return feed(name, request);
    }

    private TemplateInstance page(String packageName, Long before, Integer size) {
        return Templates.notes(notes.page(packageName, before, size), "notes");
    }

    /** The feed with validators, so that a poller that has it gets a 304 without a body. */
    private Response feed(String packageName, Request request) {
        List<ReleaseNotesService.PublicEntry> entries = notes.feed(packageName);
        String xml = AtomFeed.of(baseUrl, packageName, entries);
        EntityTag tag = new EntityTag(sha256(xml));
        Date lastModified = Date.from(AtomFeed.updated(entries).truncatedTo(ChronoUnit.SECONDS));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(FEED_MAX_AGE_SECONDS);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(lastModified, tag);
        if (unchanged != null) {
            return unchanged.cacheControl(cache).build();
        }
        return Response.ok(xml, AtomFeed.MEDIA_TYPE + ";charset=UTF-8")
                .tag(tag)
                .lastModified(lastModified)
                .cacheControl(cache)
                .build();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
