package dev.greenlight.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

/**
 * One instance of the packaged application (target/greenlight-runner.jar, the production profile), configured
 * like a deployment: settings and secrets through environment variables, on its own random ports.
 */
public final class GreenlightProcess implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GreenlightProcess.class);

    private final String name;
    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final Path log;

    private GreenlightProcess(String name, Process process, int httpPort, int managementPort, Path log) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** Starts the instance; {@link #awaitReady()} waits for its readiness probe. */
    public static GreenlightProcess start(String name, Path jar, Path logDir, Map<String, String> environment) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the end-to-end tests run after ./mvnw package");
        }
        int httpPort = Ports.free();
        int managementPort = Ports.free();
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve("greenlight-" + name + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = new LinkedHashMap<>(environment);
            env.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
            env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
            env.put("GREENLIGHT_BASE_URL", "http://localhost:" + httpPort);
            builder.environment().putAll(env);
            return new GreenlightProcess(name, builder.start(), httpPort, managementPort, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Greenlight " + name, e);
        }
    }

    public GreenlightProcess awaitReady() {
        Http.awaitStatus(URI.create(managementUrl() + "/q/health/ready"), 200, Duration.ofMinutes(2), process, log);
        LOG.infof("Greenlight %s ready on port %d (management %d, log: %s)", name, httpPort, managementPort, log);
        return this;
    }

    public String name() {
        return name;
    }

    /** The pages and the API, e.g. {@code http://localhost:41234}. */
    public String url() {
        return "http://localhost:" + httpPort;
    }

    /** Health and metrics: a separate port in production, never routed to users. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    public Path log() {
        return log;
    }

    public List<String> logLines() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operating system's process id: relays name themselves after it. */
    public long pid() {
        return process.pid();
    }

    /** Freezes the instance (SIGSTOP), as a long GC pause or a stalled node would; {@link #resume()} thaws it. */
    public void pause() {
        signal("-STOP");
    }

    public void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            int exit = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ends the instance at once, as a crash or an OOM kill would: no shutdown hooks run. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.infof("Greenlight %s killed", name);
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(30));
        LOG.infof("Greenlight %s stopped with exit code %d", name, process.isAlive() ? -1 : process.exitValue());
    }
}
