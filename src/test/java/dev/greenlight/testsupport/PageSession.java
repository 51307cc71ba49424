package dev.greenlight.testsupport;

import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser-like session against the pages: signs in through the real OIDC code flow of the test provider (its login
 * form, the authorization code, the session cookie) and submits forms with their CSRF token.
 */
public final class PageSession {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final CookieFilter cookies = new CookieFilter();
    private List<String> signInCookies = List.of();

    private PageSession() {
    }

    /** Signs in as {@code user} by clicking their button on the provider's login page. */
    public static PageSession signIn(Users user) {
        PageSession session = new PageSession();
        Response toProvider = session.request().get("/");
        toProvider.then().statusCode(302).header("Location", startsWith("http"));
        URI authorize = URI.create(toProvider.header("Location"));
        Map<String, String> query = query(authorize);

        String provider = authorize.getScheme() + "://" + authorize.getAuthority();
        session.request().get(authorize.toString()).then().statusCode(200);
        Response toApp = session.request()
                .contentType(ContentType.URLENC)
                .formParam("redirect_uri", query.get("redirect_uri") + "?state=" + query.get("state"))
                .formParam("response_type", query.get("response_type"))
                .formParam("client_id", query.get("client_id"))
                .formParam("scope", query.get("scope"))
                .formParam("predefined-" + user.username, user.username)
                .post(provider + "/login");
        toApp.then().statusCode(302);

        Response back = session.request().get(toApp.header("Location"));
        back.then().statusCode(302);
        session.signInCookies = back.headers().getValues("Set-Cookie");
        return session;
    }

    /** The Set-Cookie headers of the provider's redirect back to Greenlight: the session cookie among them. */
    public List<String> signInCookies() {
        return signInCookies;
    }

    /** A request carrying the session's cookies; redirects are not followed so that tests see them. */
    public RequestSpecification request() {
        return RestAssured.given().filter(cookies).redirects().follow(false);
    }

    public Response get(String path) {
        return request().get(path);
    }

    /** Opens {@code formPage} for its CSRF token, then posts {@code fields} to {@code action} as a browser would. */
    public Response submit(String formPage, String action, Map<String, ?> fields) {
        String token = csrfToken(formPage);
        RequestSpecification spec = request().contentType(ContentType.URLENC).formParam("csrf-token", token);
        fields.forEach((name, value) -> {
            if (value instanceof Iterable<?> values) {
                values.forEach(v -> spec.formParam(name, v));
            } else {
                spec.formParam(name, value);
            }
        });
        return spec.post(action);
    }

    public String csrfToken(String formPage) {
        String html = get(formPage).then().statusCode(200).extract().asString();
        Matcher matcher = CSRF_FIELD.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token on " + formPage);
        }
        return matcher.group(1);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }
}
