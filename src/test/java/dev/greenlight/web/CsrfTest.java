package dev.greenlight.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.greenlight.release.ReleaseView;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.RecordFixtures;
import dev.greenlight.testsupport.Routes;
import dev.greenlight.testsupport.Users;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * Cross-site requests carry the victim's cookies but not the form's CSRF token: a {@code text/plain} form
 * ({@code <form enctype="text/plain">}), a body-less {@code fetch(url, {method: 'POST', mode: 'no-cors',
 * credentials: 'include'})}, or an ordinary form. Every page action refuses each of them and changes nothing; the same
 * form with its token (what the page itself sends) goes through, so that these tests fail if the check is off.
 */
@QuarkusTest
class CsrfTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Pattern LINK = Pattern.compile("/admin/slack/links/(\\d+)/delete");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Fixtures fixtures;
    @Inject
    RecordFixtures records;
    @Inject
    DataSource db;

    @BeforeEach
    void workspace() {
        fixtures.neuronxWorkspace();
    }

    private static String changeset(Fixtures fixtures, Users author) {
        String id = "forgery-" + COUNTER.incrementAndGet();
        fixtures.changeset(author, id, "\"@neuronx/core\": patch", "Change " + id);
        return id;
    }

    /** {@code <form method="post" enctype="text/plain">} on another site, submitted in the victim's browser. */
    private static Response textPlainForm(PageSession victim, String path, String body) {
        return victim.request().contentType("text/plain").body(body).post(path);
    }

    /** A no-cors fetch without a body: no Content-Type at all. */
    private static Response bodyless(PageSession victim, String path) {
        return victim.request().noContentType().post(path);
    }

    /** An ordinary cross-site form: every field right, but no token, which the other site cannot read. */
    private static Response formWithoutToken(PageSession victim, String path, Map<String, String> fields) {
        return victim.request().contentType("application/x-www-form-urlencoded").formParams(fields).post(path);
    }

    /** The three forgeries must each be refused before anything is read: 415 for what no page consumes, else 400. */
    private static void forgeriesAreRefused(PageSession victim, String path, Map<String, String> fields) {
        StringBuilder plain = new StringBuilder();
        fields.forEach((k, v) -> plain.append(k).append('=').append(v).append("\r\n"));
        assertThat(textPlainForm(victim, path, plain.toString()).statusCode()).as("text/plain to %s", path)
                .isEqualTo(415);
        assertThat(bodyless(victim, path).statusCode()).as("body-less POST to %s", path).isEqualTo(400);
        assertThat(formWithoutToken(victim, path, fields).statusCode()).as("form without token to %s", path)
                .isEqualTo(400);
    }

    private long auditEvents() {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select count(*) from audit_event")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String path, String jsonPath) {
        return given().header("Authorization", Users.LEAH.bearer())
                .get("/api/v1" + path)
                .then()
                .statusCode(200)
                .extract()
                .path(jsonPath)
                .toString();
    }

    @Test
    void overrideDecisionIsNeverTakenFromAForgery() {
        ReleaseView release = fixtures.submittedRelease(Users.ALICE, "Override target", changeset(fixtures,
                Users.ALICE));
        long override = records.requestedOverride(Users.ADA, release.id()).id();
        String path = "/overrides/" + override + "/decision";
        PageSession lars = PageSession.signIn(Users.LARS);
        long before = auditEvents();

        forgeriesAreRefused(lars, path, Map.of("decision", "approve", "reason", "Forged"));

        assertThat(read("/overrides/" + override, "state")).isEqualTo("REQUESTED");
        assertThat(read("/releases/" + release.id(), "release.state")).isEqualTo("IN_REVIEW");
        assertThat(auditEvents()).isEqualTo(before);
        lars.submit("/overrides/" + override, path, Map.of("decision", "approve", "reason", "Payments are down"))
                .then()
                .statusCode(303);
        assertThat(read("/overrides/" + override, "state")).isEqualTo("APPROVED");
    }

    @Test
    void emergencyDecisionIsNeverTakenFromAForgery() {
        long emergency = records.assessedEmergency(Users.ALICE, changeset(fixtures, Users.ALICE)).id();
        String path = "/emergencies/" + emergency + "/decision";
        PageSession leah = PageSession.signIn(Users.LEAH);
        long before = auditEvents();

        forgeriesAreRefused(leah, path, Map.of("decision", "approve", "reason", "Forged"));

        assertThat(read("/emergencies/" + emergency, "state")).isEqualTo("ASSESSED");
        assertThat(auditEvents()).isEqualTo(before);
        leah.submit("/emergencies/" + emergency, path, Map.of("decision", "deny", "reason", "Not an outage"))
                .then()
                .statusCode(303);
        assertThat(read("/emergencies/" + emergency, "state")).isEqualTo("DENIED");
    }

    @Test
    void publishAndCancelAreNeverTakenFromAForgery() {
        ReleaseView approved = fixtures.approvedRelease(Users.ALICE, "Publish target", changeset(fixtures,
                Users.ALICE));
        ReleaseView draft = fixtures.draftRelease(Users.ALICE, "Cancel target", changeset(fixtures, Users.ALICE));
        PageSession max = PageSession.signIn(Users.MAX);
        PageSession alice = PageSession.signIn(Users.ALICE);
        long before = auditEvents();

        forgeriesAreRefused(max, "/releases/" + approved.id() + "/publish", Map.of());
        forgeriesAreRefused(alice, "/releases/" + draft.id() + "/cancel", Map.of("reason", "Forged"));

        assertThat(read("/releases/" + approved.id(), "release.state")).isEqualTo("APPROVED");
        assertThat(read("/releases/" + draft.id(), "release.state")).isEqualTo("DRAFT");
        assertThat(auditEvents()).isEqualTo(before);
        alice.submit("/releases/" + draft.id(), "/releases/" + draft.id() + "/cancel", Map.of("reason", "Not needed"))
                .then()
                .statusCode(303);
        assertThat(read("/releases/" + draft.id(), "release.state")).isEqualTo("CANCELLED");
    }

    /** A random token of {@code size} bytes, as the CSRF filter encodes them. */
    private static String randomToken(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What a server holding {@code key} would put in the cookie for the form token {@code token}. */
    private static String signature(String token, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(Base64.getUrlDecoder().decode(token)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Cookie tossing: a sibling subdomain may set a {@code csrf-token} cookie for Greenlight's host and put the same
     * value in its own form, which the victim's browser then posts with the session cookie. The cookie must be the
     * signature, under Greenlight's key, of the form's token: no pair the other site makes up matches, whatever its
     * size, nor one signed under another key.
     */
    @Test
    void aTokenPairTheServerDidNotSignIsRefused() {
        ReleaseView release = fixtures.submittedRelease(Users.ALICE, "Tossed cookie", changeset(fixtures,
                Users.ALICE));
        long override = records.requestedOverride(Users.ADA, release.id()).id();
        String path = "/overrides/" + override + "/decision";
        // signed in, and no page opened yet: the session holds no CSRF cookie of Greenlight's
        PageSession lars = PageSession.signIn(Users.LARS);
        long before = auditEvents();
        String sixteen = randomToken(16);
        String thirtyTwo = randomToken(32);
        String another = randomToken(16);
        Map<String, String> pairs = Map.of(sixteen, sixteen, thirtyTwo, thirtyTwo, another,
                signature(another, "another key, of at least thirty-two characters"));

        pairs.forEach((token, cookie) -> assertThat(lars.request()
                .cookie("csrf-token", cookie)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token)
                .formParam("decision", "approve")
                .formParam("reason", "Tossed")
                .post(path)
                .statusCode()).as("form token %s with cookie %s", token, cookie).isEqualTo(400));

        assertThat(read("/overrides/" + override, "state")).isEqualTo("REQUESTED");
        assertThat(auditEvents()).isEqualTo(before);
        lars.submit("/overrides/" + override, path, Map.of("decision", "approve", "reason", "Payments are down"))
                .then()
                .statusCode(303);
        assertThat(read("/overrides/" + override, "state")).isEqualTo("APPROVED");
    }

    /**
     * A form stays valid while other pages are opened, in other tabs or before coming back to it: opening a page keeps
     * the session's token rather than issuing a new one.
     */
    @Test
    void aFormStillWorksAfterOtherPagesWereOpened() {
        ReleaseView draft = fixtures.draftRelease(Users.ALICE, "Two tabs", changeset(fixtures, Users.ALICE));
        PageSession alice = PageSession.signIn(Users.ALICE);
        String token = alice.csrfToken("/releases/" + draft.id());
        alice.get("/releases").then().statusCode(200);
        alice.get("/changesets").then().statusCode(200);
        String later = alice.csrfToken("/incidents");

        assertThat(later).isEqualTo(token);
        alice.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token)
                .formParam("reason", "Opened in the first tab")
                .post("/releases/" + draft.id() + "/cancel")
                .then()
                .statusCode(303);
        assertThat(read("/releases/" + draft.id(), "release.state")).isEqualTo("CANCELLED");
    }

    /**
     * The cookie that keeps the token across page views is believed only when the CSRF cookie is its signature: one
     * planted with a made-up CSRF cookie, or malformed, is ignored, and the page gets a token of the server's own.
     */
    @Test
    void aPlantedFormTokenCookieIsIgnored() {
        PageSession carol = PageSession.signIn(Users.CAROL);
        String planted = randomToken(16);

        for (String value : List.of(planted, "not base64 at all!")) {
            String html = carol.request()
                    .cookie(FormTokenCookie.COOKIE, value)
                    .cookie("csrf-token", randomToken(32))
                    .get("/releases")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(html);
            assertThat(token.find()).isTrue();
            assertThat(token.group(1)).as("the page's token").isNotEqualTo(value);
        }
    }

    @Test
    void postmortemSectionsAreNeverEmptiedByAForgery() {
        long incident = records.incident(Users.SEAN, "Login loops " + COUNTER.incrementAndGet(), false, null).id();
        long postmortem = records.postmortem(Users.SEAN, incident, Users.SEAN).id();
        String path = "/postmortems/" + postmortem;
        PageSession sean = PageSession.signIn(Users.SEAN);
        long before = auditEvents();

        forgeriesAreRefused(sean, path, Map.of("summary", "", "version", "1"));

        assertThat(read(path, "summary")).isEqualTo("Summary of " + incident);
        assertThat(read(path, "rootCause")).isEqualTo("Root cause");
        assertThat(auditEvents()).isEqualTo(before);
    }

    @Test
    void changesetAndSlackLinkAreNeverDeletedByAForgery() {
        String changeset = changeset(fixtures, Users.ALICE);
        PageSession alice = PageSession.signIn(Users.ALICE);
        PageSession ada = PageSession.signIn(Users.ADA);
        String slackId = "U0CSRF" + COUNTER.incrementAndGet();
        // a link names someone who has signed in, and grants no roles
        PageSession.signIn(Users.CAROL).get("/").then().statusCode(200);
        ada.submit("/admin/slack", "/admin/slack/links", Map.of("slackUserId", slackId, "username", "carol"))
                .then()
                .statusCode(303);
        String link = linkId(ada, slackId);
        long before = auditEvents();

        forgeriesAreRefused(alice, "/changesets/" + changeset + "/delete", Map.of());
        forgeriesAreRefused(ada, "/admin/slack/links/" + link + "/delete", Map.of());

        assertThat(read("/changesets", "id").toString()).contains(changeset);
        assertThat(ada.get("/admin/slack").then().statusCode(200).extract().asString()).contains(slackId);
        assertThat(auditEvents()).isEqualTo(before);
        ada.submit("/admin/slack", "/admin/slack/links/" + link + "/delete", Map.of()).then().statusCode(303);
        assertThat(ada.get("/admin/slack").then().statusCode(200).extract().asString()).doesNotContain(slackId);
    }

    private static String linkId(PageSession admin, String slackId) {
        String html = admin.get("/admin/slack").then().statusCode(200).extract().asString();
        String row = html.substring(html.indexOf(slackId));
        Matcher m = LINK.matcher(row);
        assertThat(m.find()).as("a delete form for %s", slackId).isTrue();
        return m.group(1);
    }

    /**
     * Every page action, found in the compiled classes: a text/plain form and a body-less POST with the session cookie
     * of someone whose role may take the action are refused, on the real objects the ids name, and no audit event
     * (every change writes one) appears.
     */
    @Test
    void everyPageActionRefusesTextPlainAndBodylessPosts() {
        ReleaseView release = fixtures.submittedRelease(Users.ALICE, "Every route", changeset(fixtures, Users.ALICE));
        long override = records.requestedOverride(Users.ADRIAN, release.id()).id();
        long emergency = records.assessedEmergency(Users.ALICE, changeset(fixtures, Users.ALICE)).id();
        long incident = records.incident(Users.SEAN, "Every route " + COUNTER.incrementAndGet(), false, release.id())
                .id();
        long postmortem = records.postmortem(Users.SEAN, incident, Users.SEAN).id();
        String pending = changeset(fixtures, Users.ALICE);
        List<Routes.Route> routes = Routes.pageActions();
        assertThat(routes).as("page actions found").hasSizeGreaterThanOrEqualTo(37);
        Map<Users, PageSession> sessions = new EnumMap<>(Users.class);
        long before = auditEvents();

        for (Routes.Route route : routes) {
            Map<String, Object> ids = new LinkedHashMap<>();
            ids.put("id", route.template().startsWith("/overrides")
                    ? override
                    : route.template().startsWith("/emergencies")
                            ? emergency
                            : route.template().startsWith("/incidents")
                                    ? incident
                                    : route.template().startsWith("/postmortems")
                                            ? postmortem
                                            : route.template().startsWith("/changesets")
                                                    ? pending
                                                    : release.id());
            ids.put("changeset", pending);
            ids.put("step", "identify-issue");
            String path = route.path(ids);
            PageSession victim = sessions.computeIfAbsent(mayTake(route), PageSession::signIn);
            assertThat(textPlainForm(victim, path, "decision=approve\r\n").statusCode()).as("text/plain %s", route)
                    .isEqualTo(415);
            assertThat(victim.request().noContentType().request(route.method(), path).statusCode())
                    .as("body-less %s", route)
                    .isEqualTo(400);
        }

        assertThat(auditEvents()).isEqualTo(before);
    }

    /** Someone whose role the action allows, so that only the missing token stops them. */
    private static Users mayTake(Routes.Route route) {
        RolesAllowed allowed = route.handler().getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = route.handler().getDeclaringClass().getAnnotation(RolesAllowed.class);
        }
        if (allowed == null) {
            return Users.ADA;
        }
        List<String> claims = List.of(allowed.value());
        return Users.onePerRole().stream().filter(u -> claims.contains(u.role.claim())).findFirst().orElseThrow();
    }

    private static final String EXPIRED = "This form has expired or did not come from Greenlight: reload the page and"
            + " try again. Nothing was changed.";

    /**
     * A form whose CSRF cookie expired (it lives 2 hours, a session longer) or whose token is wrong is refused with
     * Greenlight's error page, not a blank one, and changes nothing.
     */
    @Test
    void aRefusedTokenAnswersGreenlightsErrorPageAndChangesNothing() {
        ReleaseView draft = fixtures.draftRelease(Users.ALICE, "Expired form", changeset(fixtures, Users.ALICE));
        String page = "/releases/" + draft.id();
        PageSession alice = PageSession.signIn(Users.ALICE);
        String token = alice.csrfToken(page);
        long before = auditEvents();

        Response expired = withSessionOnly(alice).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token)
                .formParam("reason", "Not needed")
                .post(page + "/cancel");
        Response wrong = alice.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", "A" + token.substring(1))
                .formParam("reason", "Not needed")
                .post(page + "/cancel");
        Response missing = formWithoutToken(alice, page + "/cancel", Map.of("reason", "Not needed"));

        for (Response refused : List.of(expired, wrong, missing)) {
            refused.then()
                    .statusCode(400)
                    .contentType(containsString("text/html"))
                    .body(containsString("<h1 id=\"error-title\">Form expired</h1>"))
                    .body(containsString(EXPIRED));
        }
        assertThat(read(page, "release.state")).isEqualTo("DRAFT");
        assertThat(auditEvents()).isEqualTo(before);
    }

    /**
     * A corrupt CSRF cookie refuses even pages that only show something; the browser would send it for two hours, so
     * the refusal expires it and the page says to reload, which then works.
     */
    @Test
    void aCorruptCsrfCookieIsExpiredSoThatReloadingWorks() {
        PageSession alice = PageSession.signIn(Users.ALICE);
        alice.get("/releases").then().statusCode(200);

        Response corrupt = withSessionOnly(alice).cookie("csrf-token", "not*base64").get("/releases");

        corrupt.then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString(EXPIRED));
        assertThat(corrupt.headers().getValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("csrf-token=;")
                .containsIgnoringCase("Max-Age=0"));
        withSessionOnly(alice).get("/releases").then().statusCode(200);
    }

    /** The session cookies of the sign-in and none other: what a browser sends once the CSRF cookie expired. */
    private static RequestSpecification withSessionOnly(PageSession session) {
        RequestSpecification spec = given().redirects().follow(false);
        for (String setCookie : session.signInCookies()) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (pair.startsWith("q_session") && eq > 0) {
                spec.cookie(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return spec;
    }

    @Test
    void aMissingDecisionIsA400NamingItAndNeverADefault() {
        ReleaseView release = fixtures.submittedRelease(Users.ALICE, "No decision", changeset(fixtures, Users.ALICE));
        long override = records.requestedOverride(Users.ADA, release.id()).id();
        long emergency = records.assessedEmergency(Users.ALICE, changeset(fixtures, Users.ALICE)).id();
        PageSession lars = PageSession.signIn(Users.LARS);
        PageSession leah = PageSession.signIn(Users.LEAH);
        PageSession carol = PageSession.signIn(Users.CAROL);
        long before = auditEvents();

        lars.submit("/overrides/" + override, "/overrides/" + override + "/decision", Map.of("reason", "Fine"))
                .then()
                .statusCode(400)
                .body(containsString("<strong>decision</strong>: must be approve or deny"));
        leah.submit("/emergencies/" + emergency, "/emergencies/" + emergency + "/decision", Map.of("reason", "Fine"))
                .then()
                .statusCode(400)
                .body(containsString("<strong>decision</strong>: must be approve or deny"));
        carol.submit("/releases/" + release.id(), "/releases/" + release.id() + "/reviews", Map.of("slot", "code"))
                .then()
                .statusCode(400)
                .body(containsString("<strong>decision</strong>: must be approve or reject"));

        assertThat(read("/overrides/" + override, "state")).isEqualTo("REQUESTED");
        assertThat(read("/emergencies/" + emergency, "state")).isEqualTo("ASSESSED");
        assertThat(read("/releases/" + release.id(), "release.state")).isEqualTo("IN_REVIEW");
        assertThat(auditEvents()).isEqualTo(before);
    }

    @Test
    void aMissingAssessmentDecisionIsA400() {
        String changeset = changeset(fixtures, Users.ALICE);
        long requested = given().header("Authorization", Users.ALICE.bearer())
                .contentType("application/json")
                .body(Map.of("title", "Hotfix " + changeset, "changesets", List.of(changeset), "criterion",
                        "service-outage", "justification", "Checkout is down", "affectedServices", "checkout",
                        "risk", "Low", "incident", Map.of("title", "Checkout down", "severity", "SEV1", "report",
                                "500s since 09:00")))
                .post("/api/v1/emergencies")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        PageSession sean = PageSession.signIn(Users.SEAN);

        sean.submit("/emergencies/" + requested, "/emergencies/" + requested + "/assessment", Map.of("reason",
                "Looks real"))
                .then()
                .statusCode(400)
                .body(containsString("<strong>decision</strong>: must be validate or decline"));

        assertThat(read("/emergencies/" + requested, "state")).isEqualTo("REQUESTED");
    }

    @Test
    void aRollbackStepIsNeverTickedWithoutItsOutcome() {
        fixtures.changeset(Users.ALICE, "forgery-cli-before", "\"@neuronx/cli\": patch", "CLI before");
        fixtures.changeset(Users.ALICE, "forgery-cli-after", "\"@neuronx/cli\": minor", "CLI after");
        fixtures.publishedRelease(Users.ALICE, "CLI before", "forgery-cli-before");
        ReleaseView release = fixtures.publishedRelease(Users.ALICE, "CLI after", "forgery-cli-after");
        long rollback = given().header("Authorization", Users.MAX.bearer())
                .contentType("application/json")
                .body(Map.of("reason", "Broken login"))
                .post("/api/v1/releases/" + release.id() + "/rollbacks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        String page = "/releases/" + release.id();
        PageSession max = PageSession.signIn(Users.MAX);
        long before = auditEvents();

        max.submit(page, page + "/rollbacks/" + rollback + "/steps/identify-issue", Map.of("note", "Found it"))
                .then()
                .statusCode(400)
                .body(containsString("<strong>outcome</strong>: is missing"));

        assertThat(read("/releases/" + release.id() + "/rollbacks/" + rollback, "steps[0].state")).isEqualTo("OPEN");
        assertThat(auditEvents()).isEqualTo(before);
    }

    @Test
    void missingFieldsOfAPageFormAreA400NamingThemAndChangeNothing() {
        long incident = records.incident(Users.SEAN, "Fields " + COUNTER.incrementAndGet(), false, null).id();
        long postmortem = records.postmortem(Users.SEAN, incident, Users.SEAN).id();
        String editor = "/postmortems/" + postmortem + "/edit";
        PageSession sean = PageSession.signIn(Users.SEAN);
        PageSession max = PageSession.signIn(Users.MAX);
        long before = auditEvents();

        sean.submit(editor, "/postmortems/" + postmortem, Map.of("summary", "Only the summary"))
                .then()
                .statusCode(400)
                .body(containsString("<strong>rootCause</strong>: is missing"))
                .body(containsString("<strong>version</strong>: is missing"));
        sean.submit("/incidents/" + incident + "/edit", "/incidents/" + incident, Map.of("title", "Renamed",
                "severity", "SEV1"))
                .then()
                .statusCode(400)
                .body(containsString("<strong>status</strong>: is missing"))
                .body(containsString("<strong>security</strong>: is missing"))
                .body(containsString("<strong>version</strong>: is missing"));
        max.submit("/packages", "/packages", Map.of("name", "@neuronx/core", "version", "2.1.0"))
                .then()
                .statusCode(400)
                .body(containsString("<strong>dependencies</strong>: is missing"));

        assertThat(read("/postmortems/" + postmortem, "rootCause")).isEqualTo("Root cause");
        assertThat(read("/incidents/" + incident, "title")).startsWith("Fields ");
        assertThat(auditEvents()).isEqualTo(before);
    }
}
