package dev.greenlight.releasenotes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.greenlight.release.ReleaseView;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.RecordFixtures;
import dev.greenlight.testsupport.Users;

import javax.xml.parsers.DocumentBuilderFactory;

/**
 * Public release notes: open to anyone without signing in, showing published changelogs only and none of a release's
 * confidential details; the Atom feed; the GitHub-style notes of one release on its page and through the API.
 */
@QuarkusTest
class ReleaseNotesTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Inject
    Fixtures fixtures;
    @Inject
    RecordFixtures records;

    @BeforeEach
    void workspace() {
        fixtures.neuronxWorkspace();
    }

    private String changeset(Users author, String pkg, String bump, String summary) {
        String id = "notes-" + COUNTER.incrementAndGet();
        fixtures.changeset(author, id, "\"" + pkg + "\": " + bump, summary);
        return id;
    }

    private static String unique(String text) {
        return text + " " + COUNTER.incrementAndGet() + "x";
    }

    @Test
    void anAnonymousVisitorReadsPublishedChangelogsAndNeverUnpublishedOnes() {
        String shipped = unique("Streaming responses for the SDK");
        fixtures.publishedRelease(Users.ALICE, "Shipped", changeset(Users.ALICE, "@neuronx/sdk", "minor", shipped));
        String draft = unique("Draft only change");
        fixtures.draftRelease(Users.ALICE, "Draft", changeset(Users.ALICE, "@neuronx/sdk", "patch", draft));
        String inReview = unique("Change under review");
        fixtures.submittedRelease(Users.ALICE, "In review",
                changeset(Users.ALICE, "@neuronx/sdk", "patch", inReview));
        String approved = unique("Approved but not shipped");
        fixtures.approvedRelease(Users.ALICE, "Approved",
                changeset(Users.ALICE, "@neuronx/sdk", "patch", approved));

        given().redirects()
                .follow(false)
                .get("/notes")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("href=\"/notes/@neuronx/sdk\""))
                .body(not(containsString("<nav aria-label=\"Main\">")));
        String page = given().redirects()
                .follow(false)
                .get("/notes/@neuronx/sdk")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<link rel=\"alternate\" type=\"application/atom+xml\""))
                .extract()
                .asString();
        assertThat(page).contains(shipped).doesNotContain(draft).doesNotContain(inReview).doesNotContain(approved);
        String feed = given().get("/notes/@neuronx/sdk/feed.atom").then().statusCode(200).extract().asString();
        assertThat(feed).contains(shipped).doesNotContain(draft).doesNotContain(inReview).doesNotContain(approved);

        // a package nothing was ever published for does not exist for the public
        given().redirects().follow(false).get("/notes/@neuronx/never-published").then().statusCode(404);
        given().redirects().follow(false).get("/notes/@neuronx/never-published/feed.atom").then().statusCode(404);
    }

    @Test
    void aRolledBackReleaseIsMarkedAndNoConfidentialDetailIsShown() {
        fixtures.publishedRelease(Users.ALICE, "Before", changeset(Users.ALICE, "@neuronx/cli", "patch",
                unique("Earlier CLI fix")));
        String fix = unique("Fix token refresh");
        String title = unique("Hotfix for the leaked signing key");
        ReleaseView release = fixtures.publishedRelease(Users.ALICE, title,
                changeset(Users.ALICE, "@neuronx/cli", "patch", fix));
        String incident = unique("Signing key leaked");
        long incidentId = records.incident(Users.SEAN, incident, true, release.id()).id();
        String reason = unique("Rolled back: SECRET-INCIDENT details");
        given().header("Authorization", Users.LEAH.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", reason, "incidentId", incidentId))
                .post("/api/v1/releases/" + release.id() + "/rollbacks")
                .then()
                .statusCode(201);

        String page = given().get("/notes/@neuronx/cli").then().statusCode(200).extract().asString();
        String feed = given().get("/notes/@neuronx/cli/feed.atom").then().statusCode(200).extract().asString();
        for (String text : List.of(page, feed)) {
            assertThat(text).contains(fix)
                    .contains("rolled back")
                    .doesNotContain(title)
                    .doesNotContain(incident)
                    .doesNotContain(reason)
                    .doesNotContain("SECRET-INCIDENT")
                    .doesNotContain("/incidents/")
                    .doesNotContain("/emergencies")
                    .doesNotContain("alice")
                    .doesNotContain("leah")
                    .doesNotContain("by @");
        }
        assertThat(page).contains("id=\"v" + release.packages().get(0).newVersion() + "-" + release.id() + "\"");
    }

    @Test
    void changelogMarkdownIsRenderedSafely() {
        String summary = "Escape <script>alert('x')</script> in `labels` [link](javascript:alert(1)) "
                + COUNTER.incrementAndGet();
        fixtures.publishedRelease(Users.ALICE, "Markup", changeset(Users.ALICE, "@neuronx/sdk", "patch", summary));
        String page = given().get("/notes/@neuronx/sdk").then().statusCode(200).extract().asString();
        assertThat(page).contains("<code>labels</code>")
                .doesNotContain("<script>alert")
                .doesNotContain("javascript:alert");
        String feed = given().get("/notes/@neuronx/sdk/feed.atom").then().statusCode(200).extract().asString();
        assertThat(feed).doesNotContain("<script>").contains("&lt;code&gt;labels&lt;/code&gt;");
    }

    @Test
    void theAtomFeedIsValidXmlWithStableIdsAndValidators() throws Exception {
        String first = unique("First feed entry");
        ReleaseView one = fixtures.publishedRelease(Users.ALICE, "Feed one",
                changeset(Users.ALICE, "@neuronx/ui", "patch", first));
        String second = unique("Second feed entry & <more>");
        ReleaseView two = fixtures.publishedRelease(Users.BOB, "Feed two",
                changeset(Users.BOB, "@neuronx/ui", "minor", second));

        Response response = given().get("/notes/@neuronx/ui/feed.atom");
        response.then()
                .statusCode(200)
                .contentType(startsWith("application/atom+xml"))
                .header("ETag", startsWith("\""))
                .header("Last-Modified", not(equalTo(null)))
                .header("Cache-Control", containsString("max-age=300"));
        Document doc = parse(response.asByteArray());
        Element feed = doc.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(text(feed, "id")).isEqualTo("http://localhost:8080/notes/@neuronx/ui");
        assertThat(text(feed, "updated")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).isBetween(2, ReleaseNotesService.FEED_ENTRIES);
        Element newest = (Element) entries.item(0);
        String version = two.packages().get(0).newVersion();
        assertThat(text(newest, "title")).isEqualTo("@neuronx/ui " + version);
        assertThat(text(newest, "id")).startsWith("tag:localhost,")
                .endsWith(
                        ":greenlight/release-notes/" + two.id() + "/@neuronx/ui@" + version);
        assertThat(text(newest, "content")).contains(second.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;"));
        assertThat(((Element) entries.item(1)).getElementsByTagNameNS(ATOM, "content").item(0).getTextContent())
                .contains(first);
        List<String> ids = ids(entries);
        assertThat(ids).doesNotHaveDuplicates();

        // the same feed again: the same ids; with its validators, nothing to send
        assertThat(ids(parse(given().get("/notes/@neuronx/ui/feed.atom").asByteArray()).getDocumentElement()
                .getElementsByTagNameNS(ATOM, "entry"))).isEqualTo(ids);
        given().header("If-None-Match", response.header("ETag"))
                .get("/notes/@neuronx/ui/feed.atom")
                .then()
                .statusCode(304);
        assertThat(one.id()).isLessThan(two.id());
    }

    @Test
    void pagesAreBoundedAndContinueByKeyset() {
        List<String> summaries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String summary = unique("Paged api change");
            summaries.add(summary);
            fixtures.publishedRelease(Users.ALICE, "Paged", changeset(Users.ALICE, "@neuronx/api", "patch", summary));
        }
        given().get("/notes/@neuronx/api?size=51").then().statusCode(400).body(containsString("size"));
        given().get("/notes/@neuronx/api?size=0").then().statusCode(400);
        String newest = given().get("/notes/@neuronx/api?size=1").then().statusCode(200).extract().asString();
        assertThat(newest).contains(summaries.get(2)).doesNotContain(summaries.get(1));
        java.util.regex.Matcher older = java.util.regex.Pattern.compile("rel=\"next\" href=\"([^\"]+)\"")
                .matcher(newest);
        assertThat(older.find()).isTrue();
        String next = given().urlEncodingEnabled(false)
                .get(older.group(1).replace("&amp;", "&"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(next).contains(summaries.get(1)).doesNotContain(summaries.get(2));
    }

    @Test
    void onlyReadingIsOpen() {
        given().redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("x", "y")
                .post("/notes")
                .then()
                .statusCode(302)
                .header("Location", containsString("/authorize"));
    }

    @Test
    void theApiGivesGitHubStyleNotesOfAPublishedReleaseOnly() {
        fixtures.publishedRelease(Users.ALICE, "Core before", changeset(Users.ALICE, "@neuronx/core", "patch",
                unique("Core groundwork")));
        String feature = unique("Add tracing to the core");
        String fix = unique("Fix a retry loop");
        ReleaseView release = fixtures.publishedRelease(Users.ALICE, "Core tracing",
                changeset(Users.ALICE, "@neuronx/core", "minor", feature),
                changeset(Users.BOB, "@neuronx/core", "patch", fix));
        ReleaseView.PackageChange core = release.packages()
                .stream()
                .filter(p -> p.name().equals("@neuronx/core"))
                .findFirst()
                .orElseThrow();

        String markdown = given().header("Authorization", Users.PAULA.bearer())
                .get("/api/v1/releases/" + release.id() + "/release-notes")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("releaseId", equalTo((int) release.id()))
                .extract()
                .jsonPath()
                .getString("markdown");
        assertThat(markdown).startsWith("## What's Changed\n")
                .contains("\n### `@neuronx/core` " + core.newVersion() + "\n")
                .contains("* " + feature + " by @alice\n")
                .contains("* " + fix + " by @bob\n")
                .contains("**Full Changelog**: `@neuronx/core@" + core.oldVersion() + "...@neuronx/core@"
                        + core.newVersion() + "`");
        given().header("Authorization", Users.CI.bearer())
                .accept("text/markdown")
                .get("/api/v1/releases/" + release.id() + "/release-notes")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/markdown"))
                .body(equalTo(markdown));

        ReleaseView approved = fixtures.approvedRelease(Users.ALICE, "Not yet",
                changeset(Users.ALICE, "@neuronx/core", "patch", unique("Waiting")));
        given().header("Authorization", Users.PAULA.bearer())
                .get("/api/v1/releases/" + approved.id() + "/release-notes")
                .then()
                .statusCode(409)
                .body("detail", containsString("once it is published"));
        given().header("Authorization", Users.PAULA.bearer())
                .get("/api/v1/releases/99999999/release-notes")
                .then()
                .statusCode(404);
        given().header("Authorization", Users.NORA.bearer())
                .get("/api/v1/releases/" + release.id() + "/release-notes")
                .then()
                .statusCode(403);
        given().get("/api/v1/releases/" + release.id() + "/release-notes").then().statusCode(401);
    }

    @Test
    void theFullChangelogComparesWithTheLastPublicationThatWasNotRolledBack() {
        ReleaseView kept = fixtures.publishedRelease(Users.ALICE, "Kept", changeset(Users.ALICE, "@neuronx/cli",
                "patch", unique("Kept CLI change")));
        ReleaseView withdrawn = fixtures.publishedRelease(Users.ALICE, "Withdrawn", changeset(Users.ALICE,
                "@neuronx/cli", "patch", unique("Withdrawn CLI change")));
        given().header("Authorization", Users.MAX.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Broken"))
                .post("/api/v1/releases/" + withdrawn.id() + "/rollbacks")
                .then()
                .statusCode(201);
        ReleaseView next = fixtures.publishedRelease(Users.ALICE, "Next", changeset(Users.ALICE, "@neuronx/cli",
                "minor", unique("Next CLI change")));
        String keptTag = "@neuronx/cli@" + kept.packages().get(0).newVersion();

        String markdown = given().header("Authorization", Users.CAROL.bearer())
                .accept("text/markdown")
                .get("/api/v1/releases/" + next.id() + "/release-notes")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(markdown).contains("**Full Changelog**: `" + keptTag + "...@neuronx/cli@"
                + next.packages().get(0).newVersion() + "`");
        assertThat(given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/releases/" + withdrawn.id() + "/release-notes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("markdown")).startsWith("> [!WARNING]\n> This release was rolled back.");
    }

    @Test
    void thePublishedReleasePageHasNotesToCopyAndAnUnpublishedOneNone() {
        String summary = unique("Faster cold starts");
        ReleaseView published = fixtures.publishedRelease(Users.ALICE, "Page notes",
                changeset(Users.ALICE, "@neuronx/core", "patch", summary));
        ReleaseView draft = fixtures.draftRelease(Users.ALICE, "Page draft",
                changeset(Users.ALICE, "@neuronx/core", "patch", unique("Not yet")));
        PageSession carol = PageSession.signIn(Users.CAROL);
        carol.get("/releases/" + published.id())
                .then()
                .statusCode(200)
                .body(containsString("<h2 id=\"release-notes-title\">Release notes</h2>"))
                .body(containsString("href=\"/releases/" + published.id() + "/release-notes\""))
                .body(containsString("href=\"/notes/@neuronx/core\""));
        carol.get("/releases/" + published.id() + "/release-notes")
                .then()
                .statusCode(200)
                .body(containsString("<textarea id=\"release-notes-text\" readonly"))
                .body(containsString("## What&#39;s Changed"))
                .body(containsString("* " + summary + " by @alice"));
        carol.get("/releases/" + draft.id())
                .then()
                .statusCode(200)
                .body(not(containsString("release-notes-title")));
        carol.get("/releases/" + draft.id() + "/release-notes").then().statusCode(409);
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI())
                    && name.equals(e.getLocalName())) {
                return e.getTextContent();
            }
        }
        throw new AssertionError("no " + name + " in " + parent.getLocalName());
    }

    private static List<String> ids(NodeList entries) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            ids.add(text((Element) entries.item(i), "id"));
        }
        return ids;
    }

}
