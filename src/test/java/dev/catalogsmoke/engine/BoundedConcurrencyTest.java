package dev.catalogsmoke.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedConcurrencyTest {

    @Test
    void outcomesFollowItemOrder() {
        List<Integer> items = IntStream.range(0, 20).boxed().toList();

        List<BoundedConcurrency.Outcome<Integer, String>> outcomes = new BoundedConcurrency(
                        4, Duration.ofSeconds(30), "test")
                .run(items, item -> {
                    sleep(item % 3 == 0 ? 20 : 1);
                    return "realm-" + item;
                });

        assertThat(outcomes).extracting(BoundedConcurrency.Outcome::item).containsExactlyElementsOf(items);
        assertThat(outcomes).extracting(BoundedConcurrency.Outcome::value).startsWith("realm-0", "realm-1");
        assertThat(outcomes).allMatch(BoundedConcurrency.Outcome::succeeded);
    }

    @Test
    void neverExceedsMaxConcurrent() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();

        new BoundedConcurrency(3, Duration.ofSeconds(30), "test")
                .run(IntStream.range(0, 30).boxed().toList(), item -> {
                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(5);
                    running.decrementAndGet();
                    return item;
                });

        assertThat(peak.get()).isBetween(1, 3);
    }

    @Test
    void runsTasksConcurrentlyUpToLimit() throws Exception {
        CountDownLatch allThreeStarted = new CountDownLatch(3);

        List<BoundedConcurrency.Outcome<Integer, Boolean>> outcomes = new BoundedConcurrency(
                        3, Duration.ofSeconds(30), "test")
                .run(List.of(1, 2, 3), item -> {
                    allThreeStarted.countDown();
                    try {
                        return allThreeStarted.await(20, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        return false;
                    }
                });

        assertThat(outcomes).extracting(BoundedConcurrency.Outcome::value).containsOnly(true);
    }

    @Test
    void taskPastLimitIsInterruptedAndTimedOut() {
        List<BoundedConcurrency.Outcome<String, String>> outcomes = new BoundedConcurrency(
                        2, Duration.ofMillis(200), "test")
                .run(List.of("fast", "stuck"), item -> {
                    if (item.equals("stuck")) {
                        sleep(60_000);
                    }
                    return item;
                });

        assertThat(outcomes.get(0).succeeded()).isTrue();
        assertThat(outcomes.get(1).timedOut()).isTrue();
        assertThat(outcomes.get(1).value()).isNull();
    }

    @Test
    void taskErrorIsKeptPerItem() {
        List<BoundedConcurrency.Outcome<String, String>> outcomes = new BoundedConcurrency(
                        2, Duration.ofSeconds(30), "test")
                .run(List.of("ok", "bad"), item -> {
                    if (item.equals("bad")) {
                        throw new IllegalStateException("realm bad answered 500");
                    }
                    return item;
                });

        assertThat(outcomes.get(0).value()).isEqualTo("ok");
        assertThat(outcomes.get(1).error()).hasMessage("realm bad answered 500");
        assertThat(outcomes.get(1).timedOut()).isFalse();
    }

    @Test
    void invalidLimitsAreRejected() {
        assertThatThrownBy(() -> new BoundedConcurrency(0, Duration.ofSeconds(1), "test"))
                .hasMessageContaining("maxConcurrent must be at least 1");
        assertThatThrownBy(() -> new BoundedConcurrency(1, Duration.ZERO, "test"))
                .hasMessageContaining("perTask must be positive");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
