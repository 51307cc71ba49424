package dev.greenlight.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

/**
 * Greenlight's HTTP routes, read from the compiled resource classes, so that a route added later is covered by the
 * tests that loop over them without being listed anywhere: the page actions (POST, PUT, PATCH or DELETE outside /api)
 * and every route of the JSON API.
 */
public final class Routes {
    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");
    private static final List<Class<? extends Annotation>> UNSAFE = List.of(POST.class, PUT.class, PATCH.class,
            DELETE.class);
    private static final List<Class<? extends Annotation>> EVERY_VERB = List.of(GET.class, POST.class, PUT.class,
            PATCH.class, DELETE.class);

    private Routes() {
    }

    public record Route(String method, String template, Method handler) {
        /** The path with each {name} replaced by {@code params}' value for it, or "1". */
        public String path(Map<String, ?> params) {
            Matcher m = PARAM.matcher(template);
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                Object value = params.containsKey(m.group(1)) ? params.get(m.group(1)) : "1";
                m.appendReplacement(path, Matcher.quoteReplacement(String.valueOf(value)));
            }
            return m.appendTail(path).toString();
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** Every state-changing page route. */
    public static List<Route> pageActions() {
        return scan(path -> !path.startsWith("/api"), UNSAFE);
    }

    /** Every route of the JSON API, whatever its method. */
    public static List<Route> api() {
        return scan(path -> path.startsWith("/api"), EVERY_VERB);
    }

    /** Every route open without a Greenlight role: its resource class or method is {@code @PermitAll}. */
    public static List<Route> publicRoutes() {
        return scan(path -> true, EVERY_VERB).stream()
                .filter(route -> route.handler().isAnnotationPresent(PermitAll.class)
                        || route.handler().getDeclaringClass().isAnnotationPresent(PermitAll.class))
                .toList();
    }

    private static List<Route> scan(Predicate<String> basePaths, List<Class<? extends Annotation>> verbs) {
        Path root = Path.of("target", "classes");
        List<Route> routes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("dev/greenlight"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$"))
                    .toList()) {
                String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        Routes.class.getClassLoader());
                jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (base == null || !basePaths.test(base.value())) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    for (Class<? extends Annotation> verb : verbs) {
                        if (method.isAnnotationPresent(verb)) {
                            jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                            routes.add(new Route(verb.getSimpleName(), join(base.value(),
                                    sub == null ? "" : sub.value()), method));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        routes.sort(Comparator.comparing(Route::template).thenComparing(Route::method));
        return routes;
    }

    private static String join(String base, String sub) {
        String path = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + (sub.isEmpty() || sub.startsWith("/") ? sub : "/" + sub);
        return path.isEmpty() ? "/" : path;
    }
}
