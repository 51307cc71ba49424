import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-model load at a fixed arrival rate, free of coordinated omission: request i is due at start + i / rate whatever
 * happened to earlier ones, and its latency is measured from that due time, so a stalled server shows as latency
 * instead of fewer requests.
 *
 * <pre>java bench/LoadGen.java BASE_URL REQUESTS_FILE RATE WARMUP_SECONDS MEASURE_SECONDS [ID_MIN:ID_MAX]</pre>
 *
 * REQUESTS_FILE: one request per line, METHOD TAB PATH TAB TOKEN [TAB JSON_BODY]; lines are used in turn, so POSTs
 * that may happen once each need at least rate x (warmup + measure) lines. "{id}" in a path becomes a random number
 * in ID_MIN..ID_MAX. Prints one line: ok errors throughput p50 p95 p99 max (milliseconds) and the first error seen.
 */
public class LoadGen {
    record Spec(String method, String path, String token, String body) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<Spec> specs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", 4);
            specs.add(new Spec(f[0], f[1], f[2], f.length > 3 ? f[3] : null));
        }
        double rate = Double.parseDouble(args[2]);
        double warmup = Double.parseDouble(args[3]);
        double measure = Double.parseDouble(args[4]);
        int idMin = 1;
        int idMax = 1;
        if (args.length > 5) {
            String[] range = args[5].split(":");
            idMin = Integer.parseInt(range[0]);
            idMax = Integer.parseInt(range[1]);
        }
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4))
                .build();

        int total = (int) Math.round(rate * (warmup + measure));
        int warm = (int) Math.round(rate * warmup);
        long[] latencies = new long[total];
        boolean[] failed = new boolean[total];
        AtomicInteger errors = new AtomicInteger();
        Map<String, String> firstError = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(total);
        long periodNanos = (long) (1_000_000_000L / rate);
        long start = System.nanoTime() + 50_000_000L;
        long[] lastCompletion = new long[1];
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            Spec spec = specs.get(i % specs.size());
            String path = spec.path().replace("{id}",
                    Integer.toString(ThreadLocalRandom.current().nextInt(idMin, idMax + 1)));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + spec.token());
            if (spec.body() != null) {
                request.header("Content-Type", "application/json")
                        .method(spec.method(), HttpRequest.BodyPublishers.ofString(spec.body()));
            } else {
                request.method(spec.method(), HttpRequest.BodyPublishers.noBody());
            }
            int index = i;
            client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, e) -> {
                long now = System.nanoTime();
                latencies[index] = now - due;
                boolean bad = e != null || response.statusCode() >= 400;
                if (bad) {
                    failed[index] = true;
                    errors.incrementAndGet();
                    firstError.putIfAbsent("e", e != null
                            ? e.toString()
                            : response.statusCode() + " " + path + " "
                                    + new String(response.body()).replaceAll("\\s+", " ")
                                            .substring(0, Math.min(200, response.body().length)));
                }
                synchronized (lastCompletion) {
                    lastCompletion[0] = Math.max(lastCompletion[0], now);
                }
                done.countDown();
            });
        }
        done.await();
        long measuredStart = start + warm * periodNanos;
        int measured = total - warm;
        long[] sample = Arrays.copyOfRange(latencies, warm, total);
        int measuredErrors = 0;
        for (int i = warm; i < total; i++) {
            measuredErrors += failed[i] ? 1 : 0;
        }
        Arrays.sort(sample);
        double seconds = (lastCompletion[0] - measuredStart) / 1e9;
        System.out.printf("ok=%d errors=%d throughput=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f first_error=%s%n",
                measured - measuredErrors, measuredErrors, (measured - measuredErrors) / seconds,
                percentile(sample, 50), percentile(sample, 95), percentile(sample, 99),
                sample[sample.length - 1] / 1e6, firstError.getOrDefault("e", "none").replaceAll("[^A-Za-z0-9_.:/-]", "_"));
        System.exit(0);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
