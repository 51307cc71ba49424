package dev.greenlight.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small Slack Web API for tests, on a real socket: form-encoded calls under {@code /api/<method>} with a bearer
 * token, answered as Slack answers ({@code auth.test}, {@code chat.postMessage} with {@code ts}, {@code chat.update},
 * {@code users.info}), or with the fault a test asks for: HTTP 500, 429 with Retry-After, a Slack error, a slow answer.
 * Every call is recorded with the time it arrived.
 */
public final class FakeSlack {
    public static final String TOKEN = "xoxb-test-token";
    private static final Pattern OUTBOX_ID = Pattern.compile("\"outbox_id\"\\s*:\\s*(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile FakeSlack instance;

    /** What the fake does with one call. */
    public record Fault(int status, String error, long retryAfterSeconds, long delayMillis) {
        public static Fault ok() {
            return new Fault(200, null, 0, 0);
        }

        public static Fault serverError() {
            return new Fault(500, null, 0, 0);
        }

        public static Fault rateLimited(long retryAfterSeconds) {
            return new Fault(429, "ratelimited", retryAfterSeconds, 0);
        }

        public static Fault slackError(String error) {
            return new Fault(200, error, 0, 0);
        }

        /** Handles the call (the message is posted) but answers only after {@code delayMillis}. */
        public static Fault slow(long delayMillis) {
            return new Fault(200, null, 0, delayMillis);
        }
    }

    /**
     * One call as it arrived: {@code delivered} when Slack would now show the message (posted or updated), even if the
     * answer came too late for the client.
     */
    public record Call(String method, Map<String, String> params, long receivedNanos, int status, boolean delivered,
            String ts, Long outboxId) {
        public String channel() {
            return params.get("channel");
        }

        public String text() {
            return params.getOrDefault("text", "");
        }

        public String blocks() {
            return params.getOrDefault("blocks", "");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(32);
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, String> emails = new ConcurrentHashMap<>();
    private final AtomicLong tsCounter = new AtomicLong();
    private volatile Function<String, Fault> faults = method -> Fault.ok();

    private FakeSlack() throws IOException {
        // without TCP_NODELAY the JDK server's small writes meet delayed ACKs: 40 ms per call
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.createContext("/api/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static synchronized FakeSlack start() {
        if (instance == null) {
            try {
                instance = new FakeSlack();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the fake Slack", e);
            }
        }
        return instance;
    }

    public static FakeSlack get() {
        if (instance == null) {
            throw new IllegalStateException("The fake Slack is not running: use SlackTestProfile");
        }
        return instance;
    }

    public static synchronized void shutdown() {
        if (instance != null) {
            instance.server.stop(0);
            instance.executor.shutdownNow();
            instance = null;
        }
    }

    /** The methodsEndpointUrlPrefix that reaches this fake. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** Forgets every call and answers everything normally again. */
    public void reset() {
        synchronized (calls) {
            calls.clear();
        }
        emails.clear();
        faults = method -> Fault.ok();
    }

    /** Decides each call's fate from its method name; called once per call, in arrival order per thread. */
    public void faults(Function<String, Fault> faults) {
        this.faults = faults;
    }

    public void user(String slackUserId, String email) {
        emails.put(slackUserId, email);
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public List<Call> calls(String method) {
        return calls().stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Messages Slack would show, per outbox id: more than one is a duplicate. */
    public Map<Long, Long> postsByOutboxId() {
        return calls("chat.postMessage").stream()
                .filter(c -> c.delivered() && c.outboxId() != null)
                .collect(Collectors.groupingBy(Call::outboxId, LinkedHashMap::new, Collectors.counting()));
    }

    /** The shortest time between two calls to one channel, over every channel, or null with fewer than two calls. */
    public Duration shortestGapPerChannel() {
        Map<String, List<Long>> byChannel = calls().stream()
                .filter(c -> c.method().startsWith("chat.") && c.channel() != null)
                .collect(Collectors.groupingBy(Call::channel,
                        Collectors.mapping(Call::receivedNanos, Collectors.toList())));
        long shortest = Long.MAX_VALUE;
        for (List<Long> times : byChannel.values()) {
            List<Long> sorted = times.stream().sorted().toList();
            for (int i = 1; i < sorted.size(); i++) {
                shortest = Math.min(shortest, sorted.get(i) - sorted.get(i - 1));
            }
        }
        return shortest == Long.MAX_VALUE ? null : Duration.ofNanos(shortest);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            Map<String, String> params = form(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.equals("Bearer " + TOKEN)) {
                record(method, params, received, 200, false, null);
                answer(exchange, 200, Map.of("ok", false, "error", auth == null ? "not_authed" : "invalid_auth"));
                return;
            }
            Fault fault = method.startsWith("chat.") || method.equals("users.info")
                    ? faults.apply(method)
                    : Fault.ok();
            if (fault.status() == 500) {
                record(method, params, received, 500, false, null);
                answer(exchange, 500, "<html>Internal Server Error</html>");
                return;
            }
            if (fault.status() == 429) {
                record(method, params, received, 429, false, null);
                exchange.getResponseHeaders().add("Retry-After", String.valueOf(fault.retryAfterSeconds()));
                answer(exchange, 429, Map.of("ok", false, "error", "ratelimited"));
                return;
            }
            if (fault.error() != null) {
                record(method, params, received, 200, false, null);
                answer(exchange, 200, Map.of("ok", false, "error", fault.error()));
                return;
            }
            Map<String, Object> body = switch (method) {
                case "auth.test" -> Map.of("ok", true, "url", "https://greenlight-test.slack.com/", "team",
                        "Greenlight Test", "user", "greenlight", "team_id", "T0TEST", "user_id", "U0BOT");
                case "chat.postMessage" -> post(params, received);
                case "chat.update" -> update(params, received);
                case "users.info" -> userInfo(params, received);
                default -> Map.of("ok", false, "error", "unknown_method");
            };
            if (fault.delayMillis() > 0) {
                sleep(fault.delayMillis());
            }
            answer(exchange, 200, body);
        }
    }

    private Map<String, Object> post(Map<String, String> params, long received) {
        String error = invalid(params);
        if (error != null) {
            record("chat.postMessage", params, received, 200, false, null);
            return Map.of("ok", false, "error", error);
        }
        String ts = (1_700_000_000L + tsCounter.incrementAndGet()) + ".000100";
        record("chat.postMessage", params, received, 200, true, ts);
        return Map.of("ok", true, "channel", params.get("channel"), "ts", ts, "message",
                Map.of("type", "message", "text", params.getOrDefault("text", ""), "ts", ts));
    }

    private Map<String, Object> update(Map<String, String> params, long received) {
        String error = invalid(params);
        if (error == null && (params.get("ts") == null || params.get("ts").isBlank())) {
            error = "message_not_found";
        }
        if (error != null) {
            record("chat.update", params, received, 200, false, null);
            return Map.of("ok", false, "error", error);
        }
        record("chat.update", params, received, 200, true, params.get("ts"));
        return Map.of("ok", true, "channel", params.get("channel"), "ts", params.get("ts"), "text",
                params.getOrDefault("text", ""));
    }

    private Map<String, Object> userInfo(Map<String, String> params, long received) {
        String user = params.get("user");
        record("users.info", params, received, 200, false, null);
        String email = user == null ? null : emails.get(user);
        if (email == null) {
            return Map.of("ok", false, "error", "user_not_found");
        }
        return Map.of("ok", true, "user", Map.of("id", user, "name", email.substring(0, email.indexOf('@')),
                "profile", Map.of("email", email)));
    }

    /** What Slack would refuse: no channel, nothing to show, blocks that are not a JSON array. */
    private static String invalid(Map<String, String> params) {
        if (params.get("channel") == null || params.get("channel").isBlank()) {
            return "channel_not_found";
        }
        String blocks = params.get("blocks");
        if ((blocks == null || blocks.isBlank()) && params.getOrDefault("text", "").isBlank()) {
            return "no_text";
        }
        if (blocks != null) {
            try {
                JsonNode node = JSON.readTree(blocks);
                if (!node.isArray()) {
                    return "invalid_blocks";
                }
            } catch (IOException e) {
                return "invalid_blocks";
            }
        }
        return null;
    }

    private void record(String method, Map<String, String> params, long received, int status, boolean delivered,
            String ts) {
        Long outboxId = null;
        String metadata = params.get("metadata");
        if (metadata != null) {
            Matcher matcher = OUTBOX_ID.matcher(metadata);
            if (matcher.find()) {
                outboxId = Long.parseLong(matcher.group(1));
            }
        }
        synchronized (calls) {
            calls.add(new Call(method, params, received, status, delivered, ts, outboxId));
        }
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = body instanceof String s
                ? s.getBytes(StandardCharsets.UTF_8)
                : JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders()
                .add("Content-Type", body instanceof String ? "text/html" : "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the client gave up waiting (a slow answer): Slack has the message anyway
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
