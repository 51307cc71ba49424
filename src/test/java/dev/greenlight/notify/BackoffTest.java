package dev.greenlight.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration BASE = Duration.ofSeconds(2);
    private static final Duration MAX = Duration.ofMinutes(10);

    @Test
    void doublesPerAttemptUpToTheMaximum() {
        Backoff highest = new Backoff(BASE, MAX, () -> 0.999_999);
        assertThat(highest.delay(1)).isBetween(Duration.ofMillis(1999), BASE);
        assertThat(highest.delay(2)).isBetween(Duration.ofMillis(3999), Duration.ofSeconds(4));
        assertThat(highest.delay(5)).isBetween(Duration.ofMillis(31999), Duration.ofSeconds(32));
        assertThat(highest.delay(30)).isBetween(MAX.minusMillis(1), MAX);
    }

    @Test
    void jitterKeepsAtLeastHalf() {
        Backoff lowest = new Backoff(BASE, MAX, () -> 0.0);
        assertThat(lowest.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(lowest.delay(3)).isEqualTo(Duration.ofSeconds(4));
        Backoff random = new Backoff(BASE, MAX);
        for (int i = 0; i < 100; i++) {
            assertThat(random.delay(4)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(16));
        }
    }
}
